package dev.muru.core.vector;

import dev.muru.core.DataType;
import dev.muru.core.Values;

/** A column of {@code long} values. */
public final class LongVector extends ColumnVector {
    private final long[] values;

    public LongVector(DataType type, long[] values, long[] nullMask) {
        this(type, values, values.length, nullMask);
    }

    public LongVector(DataType type, long[] values, int length, long[] nullMask) {
        super(type, length, nullMask);
        this.values = values;
    }

    public long[] values() {
        return values;
    }

    public long get(int position) {
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
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = values[positions[i]];
        }
        return new LongVector(type, out, gatherNulls(positions, count));
    }

    @Override
    public ColumnVector copyRange(int from, int count) {
        long[] out = new long[count];
        System.arraycopy(values, from, out, 0, count);
        return new LongVector(type, out, rangeNulls(from, count));
    }
}
