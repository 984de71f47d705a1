package dev.muru.operators.aggregate;

import java.util.Arrays;

/**
 * Which groups a finish emits: either the range {@code [from, from + count)} (order null) or
 * the listed group ids {@code order[from..from + count)}, so a combiner can emit a partial
 * state's groups of one partition without copying them into a new state first.
 */
final class GroupOrder {
    private GroupOrder() {
    }

    /** The group id of output row {@code i}. */
    static int at(int[] order, int from, int i) {
        return order == null ? from + i : order[from + i];
    }

    static long[] longs(long[] values, int[] order, int from, int count) {
        if (order == null) {
            return Arrays.copyOfRange(values, from, from + count);
        }
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = values[order[from + i]];
        }
        return out;
    }

    static double[] doubles(double[] values, int[] order, int from, int count) {
        if (order == null) {
            return Arrays.copyOfRange(values, from, from + count);
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = values[order[from + i]];
        }
        return out;
    }

    static String[] strings(String[] values, int[] order, int from, int count) {
        if (order == null) {
            return Arrays.copyOfRange(values, from, from + count);
        }
        String[] out = new String[count];
        for (int i = 0; i < count; i++) {
            out[i] = values[order[from + i]];
        }
        return out;
    }
}
