package dev.muru.core.vector;

import dev.muru.core.DataType;

/** A column of {@code boolean} values. */
public final class BooleanVector extends ColumnVector {
    private final boolean[] values;

    public BooleanVector(DataType type, boolean[] values, long[] nullMask) {
        this(type, values, values.length, nullMask);
    }

    public BooleanVector(DataType type, boolean[] values, int length, long[] nullMask) {
        super(type, length, nullMask);
        this.values = values;
    }

    public boolean[] values() {
        return values;
    }

    public boolean get(int position) {
        return values[position];
    }

    @Override
    public long estimatedBytes() {
        return baseBytes() + arrayBytes(values.length, 1);
    }

    @Override
    public Object getObject(int position) {
        return isNull(position) ? null : values[position];
    }

    @Override
    public ColumnVector gather(int[] positions, int count) {
        boolean[] out = new boolean[count];
        for (int i = 0; i < count; i++) {
            out[i] = values[positions[i]];
        }
        return new BooleanVector(type, out, gatherNulls(positions, count));
    }

    @Override
    public ColumnVector copyRange(int from, int count) {
        boolean[] out = new boolean[count];
        System.arraycopy(values, from, out, 0, count);
        return new BooleanVector(type, out, rangeNulls(from, count));
    }
}
