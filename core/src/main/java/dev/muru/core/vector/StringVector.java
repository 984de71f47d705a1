package dev.muru.core.vector;

import dev.muru.core.DataType;

/** A column of {@code String} values. */
public final class StringVector extends ColumnVector {
    private final String[] values;

    public StringVector(DataType type, String[] values, long[] nullMask) {
        this(type, values, values.length, nullMask);
    }

    public StringVector(DataType type, String[] values, int length, long[] nullMask) {
        super(type, length, nullMask);
        this.values = values;
    }

    public String[] values() {
        return values;
    }

    public String get(int position) {
        return values[position];
    }

    @Override
    public Object getObject(int position) {
        return isNull(position) ? null : values[position];
    }

    @Override
    public ColumnVector gather(int[] positions, int count) {
        String[] out = new String[count];
        for (int i = 0; i < count; i++) {
            out[i] = values[positions[i]];
        }
        return new StringVector(type, out, gatherNulls(positions, count));
    }

    @Override
    public ColumnVector copyRange(int from, int count) {
        String[] out = new String[count];
        System.arraycopy(values, from, out, 0, count);
        return new StringVector(type, out, rangeNulls(from, count));
    }
}
