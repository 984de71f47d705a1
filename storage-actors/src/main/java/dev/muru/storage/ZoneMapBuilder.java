package dev.muru.storage;

import dev.muru.core.PhysicalType;
import dev.muru.core.vector.NullMask;

/**
 * The mutable side of a {@link ZoneMap}: widened as rows land in a row group's tail, frozen by
 * {@link #build()} whenever a snapshot is published. Not thread-safe.
 */
final class ZoneMapBuilder {
    private final PhysicalType physical;
    private int rowCount;
    private int nullCount;
    private boolean hasValues;
    private long minLong = Long.MAX_VALUE;
    private long maxLong = Long.MIN_VALUE;
    private double minDouble = Double.NaN;
    private double maxDouble = Double.NaN;
    private String minString;
    private String maxString;

    ZoneMapBuilder(PhysicalType physical) {
        this.physical = physical;
    }

    ZoneMap build() {
        return new ZoneMap(physical, rowCount, nullCount, hasValues, minLong, maxLong,
                minDouble, maxDouble, minString, maxString);
    }

    /**
     * Widens the bounds by positions {@code [from, to)} of a primitive array of this builder's
     * physical type; {@code nulls} (may be null) marks the positions to count as NULL.
     */
    void accept(Object values, long[] nulls, int from, int to) {
        rowCount += to - from;
        switch (physical) {
            case INT: acceptInts((int[]) values, nulls, from, to); break;
            case LONG: acceptLongs((long[]) values, nulls, from, to); break;
            case DOUBLE: acceptDoubles((double[]) values, nulls, from, to); break;
            case BOOLEAN: acceptBooleans((boolean[]) values, nulls, from, to); break;
            case STRING: acceptStrings((String[]) values, nulls, from, to); break;
            default: throw new IllegalStateException(physical.name());
        }
    }

    private void acceptInts(int[] values, long[] nulls, int from, int to) {
        long min = minLong;
        long max = maxLong;
        int seen = 0;
        for (int i = from; i < to; i++) {
            if (nulls != null && NullMask.isNull(nulls, i)) {
                continue;
            }
            int v = values[i];
            if (v < min) min = v;
            if (v > max) max = v;
            seen++;
        }
        finishLongs(min, max, seen, to - from);
    }

    private void acceptLongs(long[] values, long[] nulls, int from, int to) {
        long min = minLong;
        long max = maxLong;
        int seen = 0;
        for (int i = from; i < to; i++) {
            if (nulls != null && NullMask.isNull(nulls, i)) {
                continue;
            }
            long v = values[i];
            if (v < min) min = v;
            if (v > max) max = v;
            seen++;
        }
        finishLongs(min, max, seen, to - from);
    }

    private void acceptBooleans(boolean[] values, long[] nulls, int from, int to) {
        long min = minLong;
        long max = maxLong;
        int seen = 0;
        for (int i = from; i < to; i++) {
            if (nulls != null && NullMask.isNull(nulls, i)) {
                continue;
            }
            long v = values[i] ? 1 : 0;
            if (v < min) min = v;
            if (v > max) max = v;
            seen++;
        }
        finishLongs(min, max, seen, to - from);
    }

    private void finishLongs(long min, long max, int seen, int rows) {
        nullCount += rows - seen;
        if (seen > 0) {
            minLong = min;
            maxLong = max;
            hasValues = true;
        }
    }

    private void acceptDoubles(double[] values, long[] nulls, int from, int to) {
        int seen = 0;
        for (int i = from; i < to; i++) {
            if (nulls != null && NullMask.isNull(nulls, i)) {
                continue;
            }
            double v = values[i];
            if (!hasValues) {
                minDouble = v;
                maxDouble = v;
                hasValues = true;
            } else {
                if (Double.compare(v, minDouble) < 0) minDouble = v;
                if (Double.compare(v, maxDouble) > 0) maxDouble = v;
            }
            seen++;
        }
        nullCount += (to - from) - seen;
    }

    private void acceptStrings(String[] values, long[] nulls, int from, int to) {
        int seen = 0;
        for (int i = from; i < to; i++) {
            String v = values[i];
            if (v == null || (nulls != null && NullMask.isNull(nulls, i))) {
                continue;
            }
            if (!hasValues) {
                minString = v;
                maxString = v;
                hasValues = true;
            } else {
                if (ZoneMap.compareStrings(v, minString) < 0) minString = v;
                if (ZoneMap.compareStrings(v, maxString) > 0) maxString = v;
            }
            seen++;
        }
        nullCount += (to - from) - seen;
    }
}
