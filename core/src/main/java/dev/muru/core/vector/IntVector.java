package dev.muru.core.vector;

import dev.muru.core.DataType;
import dev.muru.core.Values;

/** A column of {@code int} values. */
public final class IntVector extends ColumnVector {
    private final int[] values;

    public IntVector(DataType type, int[] values, long[] nullMask) {
        this(type, values, values.length, nullMask);
    }

    public IntVector(DataType type, int[] values, int length, long[] nullMask) {
        super(type, length, nullMask);
        this.values = values;
    }

    public int[] values() {
        return values;
    }

    public int get(int position) {
        return values[position];
    }

    @Override
    public long estimatedBytes() {
        return baseBytes() + arrayBytes(values.length, 4);
    }

    @Override
    public Object getObject(int position) {
        return isNull(position) ? null : Values.box(type, values[position]);
    }

    @Override
    public ColumnVector gather(int[] positions, int count) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = values[positions[i]];
        }
        return new IntVector(type, out, gatherNulls(positions, count));
    }

    @Override
    public ColumnVector copyRange(int from, int count) {
        int[] out = new int[count];
        System.arraycopy(values, from, out, 0, count);
        return new IntVector(type, out, rangeNulls(from, count));
    }
}
