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

    /** Bytes charged per array for its header (mark word, class pointer, length), rounded up. */
    public static final int ARRAY_HEADER_BYTES = 16;
    /** Bytes charged for a small object (a vector, a morsel, a String) besides the arrays it holds. */
    public static final int OBJECT_BYTES = 24;
    /**
     * Bytes of one reference: 4 under compressed oops, which HotSpot uses by default for heaps
     * under 32 GiB, else 8. A heuristic: the flag itself is not visible without jdk.management.
     */
    public static final int REFERENCE_BYTES = Runtime.getRuntime().maxMemory() < (32L << 30) ? 4 : 8;

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

    /**
     * Heap bytes this vector references: its value array (the whole array, also beyond
     * {@link #length()}), its null mask and a fixed object charge; for strings also the String
     * objects, estimated from a bounded sample. Arrays shared with other vectors (slices, gathers
     * of strings, retyped views) are counted by each holder. O(1): never walks the positions.
     */
    public abstract long estimatedBytes();

    /** The value at a position as a Java object (null for NULL); for results, not hot loops. */
    public abstract Object getObject(int position);

    /** A new dense vector holding {@code positions[0..count)} of this one. */
    public abstract ColumnVector gather(int[] positions, int count);

    /** A new dense vector holding positions {@code [from, from + count)}. */
    public abstract ColumnVector copyRange(int from, int count);

    /** The fixed object charge plus the null mask: the part every vector kind shares. */
    protected long baseBytes() {
        return OBJECT_BYTES + arrayBytes(nullMask);
    }

    /** Heap bytes of an array of {@code length} elements of {@code elementBytes} each, 8-byte aligned. */
    public static long arrayBytes(long length, int elementBytes) {
        return (ARRAY_HEADER_BYTES + length * elementBytes + 7) & ~7L;
    }

    /** Heap bytes of an array of the kinds vectors and hash tables use; 0 for null. */
    public static long arrayBytes(Object array) {
        if (array == null) {
            return 0;
        }
        if (array instanceof long[]) {
            return arrayBytes(((long[]) array).length, 8);
        }
        if (array instanceof int[]) {
            return arrayBytes(((int[]) array).length, 4);
        }
        if (array instanceof double[]) {
            return arrayBytes(((double[]) array).length, 8);
        }
        if (array instanceof boolean[]) {
            return arrayBytes(((boolean[]) array).length, 1);
        }
        if (array instanceof Object[]) {
            return arrayBytes(((Object[]) array).length, REFERENCE_BYTES);
        }
        if (array instanceof byte[]) {
            return arrayBytes(((byte[]) array).length, 1);
        }
        throw new IllegalArgumentException("not an array: " + array.getClass().getName());
    }

    /**
     * Heap bytes of a String: the object plus its byte array, one byte per char (compact
     * strings); a string with a char above U+00FF takes twice that, which this undercounts.
     */
    public static long stringBytes(String s) {
        return s == null ? 0 : OBJECT_BYTES + arrayBytes(s.length(), 1);
    }

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
