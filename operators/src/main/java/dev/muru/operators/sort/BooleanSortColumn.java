package dev.muru.operators.sort;

import dev.muru.core.vector.BooleanVector;

/** A sort key over BOOLEAN with false before true. */
final class BooleanSortColumn extends SortColumn {
    private final boolean[] values;

    BooleanSortColumn(SortKey key, BooleanVector v) {
        super(key, v);
        values = v.values();
    }

    @Override
    int compareValues(int a, SortColumn other, int b) {
        return Boolean.compare(values[a], ((BooleanSortColumn) other).values[b]);
    }
}
