package dev.muru.core.vector;

/** Static helpers for null bitmaps: bit {@code i} set means position {@code i} is NULL. */
public final class NullMask {
    private NullMask() {
    }

    public static int words(int length) {
        return (length + 63) >>> 6;
    }

    public static boolean isNull(long[] mask, int position) {
        return mask != null && (mask[position >>> 6] & (1L << position)) != 0;
    }

    public static void set(long[] mask, int position) {
        mask[position >>> 6] |= 1L << position;
    }

    public static void setRange(long[] mask, int from, int to) {
        for (int i = from; i < to; i++) {
            mask[i >>> 6] |= 1L << i;
        }
    }

    /** The union of two masks over {@code length} positions; null when neither has nulls. */
    public static long[] or(long[] a, long[] b, int length) {
        if (a == null) {
            return b == null ? null : b.clone();
        }
        if (b == null) {
            return a.clone();
        }
        long[] out = new long[words(length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] | b[i];
        }
        return out;
    }
}
