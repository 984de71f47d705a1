package dev.muru.operators.sort;

import dev.muru.core.vector.BooleanVector;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.DoubleVector;
import dev.muru.core.vector.IntVector;
import dev.muru.core.vector.LongVector;
import dev.muru.core.vector.StringVector;

/**
 * One sort key bound to one vector. Comparisons take physical positions and may compare against
 * the same key bound to another vector of the same type, which the merge and top-N need.
 */
abstract class SortColumn {
    private final boolean ascending;
    private final boolean nullsFirst;
    private final long[] nullMask;

    SortColumn(SortKey key, ColumnVector vector) {
        this.ascending = key.ascending();
        this.nullsFirst = key.nullsFirst();
        this.nullMask = vector.nullMask();
    }

    static SortColumn bind(SortKey key, ColumnVector vector) {
        if (vector instanceof LongVector v) {
            return new LongSortColumn(key, v);
        }
        if (vector instanceof IntVector v) {
            return new IntSortColumn(key, v);
        }
        if (vector instanceof DoubleVector v) {
            return new DoubleSortColumn(key, v);
        }
        if (vector instanceof BooleanVector v) {
            return new BooleanSortColumn(key, v);
        }
        return new StringSortColumn(key, (StringVector) vector);
    }

    private boolean isNull(int pos) {
        return nullMask != null && (nullMask[pos >>> 6] & (1L << pos)) != 0;
    }

    /** Orders position {@code a} of this vector against position {@code b} of {@code other}'s. */
    final int compare(int a, SortColumn other, int b) {
        boolean na = isNull(a);
        boolean nb = other.isNull(b);
        if (na || nb) {
            if (na && nb) {
                return 0;
            }
            return na == nullsFirst ? -1 : 1;
        }
        int c = compareValues(a, other, b);
        return ascending ? c : -c;
    }

    /** The ascending order of two non-NULL values. */
    abstract int compareValues(int a, SortColumn other, int b);
}
