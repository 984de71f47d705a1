package dev.muru.operators.sort;

import dev.muru.core.vector.StringVector;

/** A sort key over VARCHAR and CHAR by String.compareTo, i.e. by UTF-16 code unit. */
final class StringSortColumn extends SortColumn {
    private final String[] values;

    StringSortColumn(SortKey key, StringVector v) {
        super(key, v);
        values = v.values();
    }

    @Override
    int compareValues(int a, SortColumn other, int b) {
        return values[a].compareTo(((StringSortColumn) other).values[b]);
    }
}
