package dev.muru.operators.sort;

import dev.muru.core.vector.IntVector;

/** A sort key over INTEGER and DATE by their int value. */
final class IntSortColumn extends SortColumn {
    private final int[] values;

    IntSortColumn(SortKey key, IntVector v) {
        super(key, v);
        values = v.values();
    }

    @Override
    int compareValues(int a, SortColumn other, int b) {
        return Integer.compare(values[a], ((IntSortColumn) other).values[b]);
    }
}
