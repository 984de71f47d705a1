package dev.muru.operators.sort;

import dev.muru.core.vector.StringVector;

/** A sort key over VARCHAR and CHAR in SQL string order (by code point). */
final class StringSortColumn extends SortColumn {
    private final String[] values;

    StringSortColumn(SortKey key, StringVector v) {
        super(key, v);
        values = v.values();
    }

    @Override
    int compareValues(int a, SortColumn other, int b) {
        return dev.muru.core.Values.compareStrings(values[a], ((StringSortColumn) other).values[b]);
    }
}
