package dev.muru.operators.sort;

import dev.muru.core.Morsel;

import java.util.List;

/** The ORDER BY keys bound to the columns of one morsel, comparing rows by physical position. */
final class RowOrder implements IndexComparator {
    private final SortColumn[] columns;

    RowOrder(List<SortKey> keys, Morsel morsel) {
        columns = new SortColumn[keys.size()];
        for (int k = 0; k < columns.length; k++) {
            SortKey key = keys.get(k);
            columns[k] = SortColumn.bind(key, morsel.column(key.column()));
        }
    }

    /** Orders row {@code a} of this morsel against row {@code b} of {@code other}'s morsel. */
    int compare(int a, RowOrder other, int b) {
        for (int k = 0; k < columns.length; k++) {
            int c = columns[k].compare(a, other.columns[k], b);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public int compare(int a, int b) {
        return compare(a, this, b);
    }
}
