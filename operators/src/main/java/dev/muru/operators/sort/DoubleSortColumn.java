package dev.muru.operators.sort;

import dev.muru.core.vector.DoubleVector;

/** A sort key over DOUBLE in the order of Double.compare: -0.0 before 0.0, NaN last. */
final class DoubleSortColumn extends SortColumn {
    private final double[] values;

    DoubleSortColumn(SortKey key, DoubleVector v) {
        super(key, v);
        values = v.values();
    }

    @Override
    int compareValues(int a, SortColumn other, int b) {
        return Double.compare(values[a], ((DoubleSortColumn) other).values[b]);
    }
}
