package dev.muru.operators.sort;

import dev.muru.core.vector.LongVector;

/** A sort key over BIGINT and DECIMAL (one scale per column) by their long value. */
final class LongSortColumn extends SortColumn {
    private final long[] values;

    LongSortColumn(SortKey key, LongVector v) {
        super(key, v);
        values = v.values();
    }

    @Override
    int compareValues(int a, SortColumn other, int b) {
        return Long.compare(values[a], ((LongSortColumn) other).values[b]);
    }
}
