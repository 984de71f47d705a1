package dev.muru.operators.sort;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.vector.ColumnVector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * ORDER BY ... LIMIT n of one worker: a bounded max-heap of the best {@code limit} rows seen,
 * the worst on top. Rows are references (source morsel, position, arrival number); the arrival
 * number breaks ties so the result equals a stable sort followed by LIMIT. Morsels that hold a
 * kept row are retained and compacted into one dense morsel once they hold more than twice the
 * limit, so memory stays O(limit + one morsel).
 * Not thread-safe: one instance per worker, merged with {@link #combine}.
 */
public final class TopN {
    private static final int MIN_COMPACT_ROWS = 1024;
    /** Besides its morsel, a retained source costs its slots in both lists and its RowOrder. */
    private static final long PER_SOURCE_BYTES = 2L * ColumnVector.REFERENCE_BYTES + 2L * ColumnVector.OBJECT_BYTES;

    private final int limit;
    private final List<SortKey> keys;
    private final List<Morsel> sources = new ArrayList<>();
    private final List<RowOrder> orders = new ArrayList<>();
    private int[] heapSource;
    private int[] heapPosition;
    private long[] heapArrival;
    private int size;
    private long arrivals;
    private long retainedPositions;
    /** Estimated bytes of the retained morsels, kept in step with {@link #retainedPositions}. */
    private long retainedBytes;
    /** The input's column types, to shape the result even when it has no rows. */
    private List<DataType> types;

    public TopN(int limit, List<SortKey> keys) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be at least 0, got " + limit);
        }
        this.limit = limit;
        this.keys = List.copyOf(keys);
        // The heap grows on demand, so a huge LIMIT over a small input costs only what it keeps.
        int initial = Math.min(limit, MIN_COMPACT_ROWS);
        this.heapSource = new int[initial];
        this.heapPosition = new int[initial];
        this.heapArrival = new long[initial];
    }

    /** Offers the live rows of {@code input}. */
    public void add(Morsel input) {
        if (types == null) {
            types = typesOf(input);
        }
        int n = input.size();
        if (limit == 0 || n == 0) {
            arrivals += n;
            return;
        }
        int s = addSource(input);
        boolean kept = false;
        for (int i = 0; i < n; i++) {
            kept |= offer(s, input.position(i), arrivals++);
        }
        if (kept) {
            retainedPositions += input.positions();
            retainedBytes += input.estimatedBytes();
            compactIfLarge();
        } else {
            sources.remove(s);
            orders.remove(s);
        }
    }

    /** Merges another worker's state; its rows count as arriving after all of this one's. */
    public void combine(TopN other) {
        if (types == null) {
            types = other.types;
        }
        int offset = sources.size();
        for (int s = 0; s < other.sources.size(); s++) {
            addSource(other.sources.get(s));
            retainedPositions += other.sources.get(s).positions();
            retainedBytes += other.sources.get(s).estimatedBytes();
        }
        for (int i = 0; i < other.size; i++) {
            offer(offset + other.heapSource[i], other.heapPosition[i], arrivals + other.heapArrival[i]);
        }
        arrivals += other.arrivals;
        compactIfLarge();
    }

    /** Heap bytes of the heap arrays and the retained morsels (counted as they were retained). O(1). */
    public long estimatedBytes() {
        return ColumnVector.OBJECT_BYTES + ColumnVector.arrayBytes(heapSource) + ColumnVector.arrayBytes(heapPosition)
                + ColumnVector.arrayBytes(heapArrival) + retainedBytes
                + (long) sources.size() * PER_SOURCE_BYTES;
    }

    /** The kept rows in order as one dense morsel of at most {@code limit} rows. */
    public Morsel finish() {
        if (types == null) {
            return new Morsel(new ColumnVector[0], 0);
        }
        if (size == 0) {
            return Morsel.empty(types);
        }
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        IndexSort.sort(order, size, (a, b) -> compareEntries(a, b));
        int[] src = new int[size];
        int[] pos = new int[size];
        for (int i = 0; i < size; i++) {
            src[i] = heapSource[order[i]];
            pos[i] = heapPosition[order[i]];
        }
        return VectorGather.gather(sources, src, pos, size);
    }

    private static List<DataType> typesOf(Morsel m) {
        List<DataType> out = new ArrayList<>(m.columnCount());
        for (int c = 0; c < m.columnCount(); c++) {
            out.add(m.column(c).type());
        }
        return out;
    }

    private int addSource(Morsel m) {
        sources.add(m);
        orders.add(new RowOrder(keys, m));
        return sources.size() - 1;
    }

    /** Keeps the row if it is among the best {@code limit}; true when it was kept. */
    private boolean offer(int source, int position, long arrival) {
        if (size < limit) {
            if (size == heapSource.length) {
                int c = (int) Math.min(limit, 2L * size);
                heapSource = Arrays.copyOf(heapSource, c);
                heapPosition = Arrays.copyOf(heapPosition, c);
                heapArrival = Arrays.copyOf(heapArrival, c);
            }
            int i = size++;
            setEntry(i, source, position, arrival);
            siftUp(i);
            return true;
        }
        int c = orders.get(source).compare(position, orders.get(heapSource[0]), heapPosition[0]);
        if (c < 0 || (c == 0 && arrival < heapArrival[0])) {
            setEntry(0, source, position, arrival);
            siftDown(0);
            return true;
        }
        return false;
    }

    /** Key order of two heap entries, then arrival order. */
    private int compareEntries(int a, int b) {
        int c = orders.get(heapSource[a]).compare(heapPosition[a], orders.get(heapSource[b]), heapPosition[b]);
        return c != 0 ? c : Long.compare(heapArrival[a], heapArrival[b]);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (compareEntries(i, parent) <= 0) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                return;
            }
            if (child + 1 < size && compareEntries(child + 1, child) > 0) {
                child++;
            }
            if (compareEntries(child, i) <= 0) {
                return;
            }
            swap(i, child);
            i = child;
        }
    }

    private void setEntry(int i, int source, int position, long arrival) {
        heapSource[i] = source;
        heapPosition[i] = position;
        heapArrival[i] = arrival;
    }

    private void swap(int i, int j) {
        int s = heapSource[i];
        int p = heapPosition[i];
        long a = heapArrival[i];
        setEntry(i, heapSource[j], heapPosition[j], heapArrival[j]);
        setEntry(j, s, p, a);
    }

    /** Copies the kept rows into one dense morsel once the retained morsels outgrow the limit. */
    private void compactIfLarge() {
        if (retainedPositions <= Math.max(2L * limit, MIN_COMPACT_ROWS)) {
            return;
        }
        Morsel dense = VectorGather.gather(sources, heapSource, heapPosition, size);
        sources.clear();
        orders.clear();
        addSource(dense);
        for (int i = 0; i < size; i++) {
            heapSource[i] = 0;
            heapPosition[i] = i;
        }
        retainedPositions = size;
        retainedBytes = dense.estimatedBytes();
    }
}
