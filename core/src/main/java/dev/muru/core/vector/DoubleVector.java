package dev.muru.core.vector;

import dev.muru.core.DataType;
import dev.muru.core.Values;

/** A column of {@code double} values. */
public final class DoubleVector extends ColumnVector {
    private final double[] values;

    public DoubleVector(DataType type, double[] values, long[] nullMask) {
        this(type, values, values.length, nullMask);
    }

    public DoubleVector(DataType type, double[] values, int length, long[] nullMask) {
        super(type, length, nullMask);
        this.values = values;
    }

    public double[] values() {
        return values;
    }

    public double get(int position) {
        return values[position];
    }

    @Override
    public long estimatedBytes() {
        return baseBytes() + arrayBytes(values.length, 8);
    }

    @Override
    public Object getObject(int position) {
        return isNull(position) ? null : Values.box(type, values[position]);
    }

    @Override
    public ColumnVector gather(int[] positions, int count) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = values[positions[i]];
        }
        return new DoubleVector(type, out, gatherNulls(positions, count));
    }

    @Override
    public ColumnVector copyRange(int from, int count) {
        double[] out = new double[count];
        System.arraycopy(values, from, out, 0, count);
        return new DoubleVector(type, out, rangeNulls(from, count));
    }
}
