package dev.muru.core.vector;

import dev.muru.core.DataType;

/**
 * One column of a morsel: a primitive array plus an optional null bitmap.
 *
 * <p>{@code nullMask} has bit {@code i} set when position {@code i} is NULL; a vector without
 * nulls keeps it {@code null}, so hot loops test {@link #hasNulls()} once and skip it. The value
 * slot of a NULL position is unspecified (usually 0) and must not be read as data.
 */
public abstract sealed class ColumnVector
        permits LongVector, IntVector, DoubleVector, BooleanVector, StringVector {

    protected final DataType type;
    protected final int length;
    protected long[] nullMask;

    protected ColumnVector(DataType type, int length, long[] nullMask) {
        this.type = type;
        this.length = length;
        this.nullMask = nullMask;
    }

    /** A vector of {@code length} positions, all zero/empty and not null. */
    public static ColumnVector allocate(DataType type, int length) {
        switch (type.physical()) {
            case LONG: return new LongVector(type, new long[length], null);
            case INT: return new IntVector(type, new int[length], null);
            case DOUBLE: return new DoubleVector(type, new double[length], null);
            case BOOLEAN: return new BooleanVector(type, new boolean[length], null);
            case STRING: return new StringVector(type, new String[length], null);
            default: throw new IllegalStateException(type.toString());
        }
    }

    /** A vector of {@code length} positions that are all NULL. */
    public static ColumnVector allNull(DataType type, int length) {
        ColumnVector v = allocate(type, length);
        long[] mask = new long[NullMask.words(length)];
        NullMask.setRange(mask, 0, length);
        v.nullMask = mask;
        return v;
    }

    public DataType type() {
        return type;
    }

    /** Number of physical positions. */
    public int length() {
        return length;
    }

    public boolean hasNulls() {
        return nullMask != null;
    }

    public long[] nullMask() {
        return nullMask;
    }

    public void setNullMask(long[] mask) {
        this.nullMask = mask;
    }

    public boolean isNull(int position) {
        return nullMask != null && (nullMask[position >>> 6] & (1L << position)) != 0;
    }

    public void setNull(int position) {
        if (nullMask == null) {
            nullMask = new long[NullMask.words(length)];
        }
        nullMask[position >>> 6] |= 1L << position;
    }

    /** The value at a position as a Java object (null for NULL); for results, not hot loops. */
    public abstract Object getObject(int position);

    /** A new dense vector holding {@code positions[0..count)} of this one. */
    public abstract ColumnVector gather(int[] positions, int count);

    /** A new dense vector holding positions {@code [from, from + count)}. */
    public abstract ColumnVector copyRange(int from, int count);

    protected long[] gatherNulls(int[] positions, int count) {
        if (nullMask == null) {
            return null;
        }
        long[] out = null;
        for (int i = 0; i < count; i++) {
            int p = positions == null ? i : positions[i];
            if ((nullMask[p >>> 6] & (1L << p)) != 0) {
                if (out == null) {
                    out = new long[NullMask.words(count)];
                }
                out[i >>> 6] |= 1L << i;
            }
        }
        return out;
    }

    protected long[] rangeNulls(int from, int count) {
        if (nullMask == null) {
            return null;
        }
        long[] out = null;
        for (int i = 0; i < count; i++) {
            int p = from + i;
            if ((nullMask[p >>> 6] & (1L << p)) != 0) {
                if (out == null) {
                    out = new long[NullMask.words(count)];
                }
                out[i >>> 6] |= 1L << i;
            }
        }
        return out;
    }
}
