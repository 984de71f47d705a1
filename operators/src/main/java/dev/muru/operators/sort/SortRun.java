package dev.muru.operators.sort;

import dev.muru.core.Morsel;
import dev.muru.core.vector.ColumnVector;

import java.util.List;

/**
 * Sorts one worker's morsels into a single dense run: the live rows are first compacted into
 * dense vectors, then an int permutation is sorted stably by the keys (radix on a fixed-width
 * leading key, merge sort otherwise), then every column is gathered through it.
 */
public final class SortRun {
    /** Below this many rows the comparison sort beats the radix sort's fixed cost. */
    private static final int RADIX_MIN_ROWS = 256;

    private SortRun() {
    }

    /**
     * All live rows of {@code input}, every column, in {@code keys} order; equal rows keep their
     * input order. An empty list gives a morsel without columns.
     */
    public static Morsel sort(List<Morsel> input, List<SortKey> keys) {
        if (input.isEmpty()) {
            return new Morsel(new ColumnVector[0], 0);
        }
        Morsel dense = VectorGather.concat(input);
        int n = dense.size();
        if (keys.isEmpty() || n < 2) {
            return dense;
        }
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        ColumnVector leading = dense.column(keys.get(0).column());
        if (n >= RADIX_MIN_ROWS && RadixSort.supports(leading)) {
            IndexComparator ties = keys.size() == 1 ? null : new RowOrder(keys.subList(1, keys.size()), dense);
            RadixSort.sort(perm, n, keys.get(0), leading, ties);
        } else {
            IndexSort.sort(perm, n, new RowOrder(keys, dense));
        }
        ColumnVector[] out = new ColumnVector[dense.columnCount()];
        for (int c = 0; c < out.length; c++) {
            out[c] = dense.column(c).gather(perm, n);
        }
        return new Morsel(out, n);
    }
}
