package dev.muru.core.vector;

import dev.muru.core.DataType;

/** A column of {@code String} values. */
public final class StringVector extends ColumnVector {
    /** Strings whose sizes are read per estimate: bounds its cost, and exact for small vectors. */
    private static final int SIZE_SAMPLES = 64;

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

    /**
     * The reference array plus the String objects, extrapolated from at most {@link #SIZE_SAMPLES}
     * evenly spaced ones: a few outsized strings between the samples go uncounted. A string
     * repeated at several positions is counted at each.
     */
    @Override
    public long estimatedBytes() {
        int n = values.length;
        long strings = 0;
        if (n <= SIZE_SAMPLES) {
            for (String s : values) {
                strings += stringBytes(s);
            }
        } else {
            for (int i = 0; i < SIZE_SAMPLES; i++) {
                strings += stringBytes(values[(int) ((long) i * n / SIZE_SAMPLES)]);
            }
            strings = strings * n / SIZE_SAMPLES;
        }
        return baseBytes() + arrayBytes(n, REFERENCE_BYTES) + strings;
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
