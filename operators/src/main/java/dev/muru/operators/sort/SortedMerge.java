package dev.muru.operators.sort;

import dev.muru.core.Morsel;

import java.util.ArrayList;
import java.util.List;

/**
 * K-way merge of sorted runs through a binary min-heap of run cursors. Ties go to the earlier
 * run, so the merge is stable across runs in run order.
 */
public final class SortedMerge {
    private final List<Morsel> runs;
    private final RowOrder[] orders;
    /** Live-row index of each run's next row. */
    private final int[] cursor;
    private final int[] heap;
    private int heapSize;

    /** Takes the non-empty runs, in order, so that ties still go to the earlier run. */
    private SortedMerge(List<Morsel> runs, List<SortKey> keys) {
        this.runs = runs;
        this.orders = new RowOrder[runs.size()];
        this.cursor = new int[runs.size()];
        this.heap = new int[runs.size()];
        for (int r = 0; r < runs.size(); r++) {
            orders[r] = new RowOrder(keys, runs.get(r));
            heap[heapSize++] = r;
        }
        for (int i = heapSize / 2 - 1; i >= 0; i--) {
            siftDown(i);
        }
    }

    /**
     * The rows of all {@code sortedRuns} (each sorted by {@code keys}) in order, as dense morsels
     * of at most {@code morselRows} rows. No rows give an empty list.
     */
    public static List<Morsel> merge(List<Morsel> sortedRuns, List<SortKey> keys, int morselRows) {
        if (morselRows < 1) {
            throw new IllegalArgumentException("morselRows must be at least 1, got " + morselRows);
        }
        List<Morsel> nonEmpty = new ArrayList<>();
        for (Morsel run : sortedRuns) {
            if (run.size() > 0) {
                nonEmpty.add(run);
            }
        }
        return new SortedMerge(nonEmpty, keys).drain(morselRows);
    }

    private List<Morsel> drain(int morselRows) {
        List<Morsel> out = new ArrayList<>();
        int[] src = new int[morselRows];
        int[] pos = new int[morselRows];
        int n = 0;
        while (heapSize > 0) {
            int r = heap[0];
            Morsel run = runs.get(r);
            src[n] = r;
            pos[n++] = run.position(cursor[r]++);
            if (cursor[r] == run.size()) {
                heap[0] = heap[--heapSize];
            }
            if (heapSize > 0) {
                siftDown(0);
            }
            if (n == morselRows) {
                out.add(VectorGather.gather(runs, src, pos, n));
                n = 0;
            }
        }
        if (n > 0) {
            out.add(VectorGather.gather(runs, src, pos, n));
        }
        return out;
    }

    /** Whether run {@code a}'s next row goes before run {@code b}'s. */
    private boolean before(int a, int b) {
        int c = orders[a].compare(runs.get(a).position(cursor[a]), orders[b], runs.get(b).position(cursor[b]));
        return c < 0 || (c == 0 && a < b);
    }

    private void siftDown(int i) {
        int r = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= heapSize) {
                break;
            }
            if (child + 1 < heapSize && before(heap[child + 1], heap[child])) {
                child++;
            }
            if (!before(heap[child], r)) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = r;
    }
}
