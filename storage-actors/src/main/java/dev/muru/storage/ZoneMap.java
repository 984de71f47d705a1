package dev.muru.storage;

import dev.muru.core.PhysicalType;

/**
 * Min/max/null statistics of one column in one row group, so that a scan can skip row groups
 * whose value range cannot match its predicate. Immutable.
 *
 * <p>Bounds live in the slot that fits the column's {@link PhysicalType}: INT, LONG and BOOLEAN
 * (as 0/1) use {@link #minLong()}/{@link #maxLong()}, DOUBLE uses {@link #minDouble()}/
 * {@link #maxDouble()} (ordered as {@link Double#compare}, so NaN is the largest value, as
 * PostgreSQL sorts it), STRING uses {@link #minString()}/{@link #maxString()} in code point
 * order. Bounds are meaningful only when {@link #hasValues()}.
 */
public final class ZoneMap {
    private final PhysicalType physical;
    private final int rowCount;
    private final int nullCount;
    private final boolean hasValues;
    private final long minLong;
    private final long maxLong;
    private final double minDouble;
    private final double maxDouble;
    private final String minString;
    private final String maxString;

    ZoneMap(PhysicalType physical, int rowCount, int nullCount, boolean hasValues,
            long minLong, long maxLong, double minDouble, double maxDouble,
            String minString, String maxString) {
        this.physical = physical;
        this.rowCount = rowCount;
        this.nullCount = nullCount;
        this.hasValues = hasValues;
        this.minLong = minLong;
        this.maxLong = maxLong;
        this.minDouble = minDouble;
        this.maxDouble = maxDouble;
        this.minString = minString;
        this.maxString = maxString;
    }

    public PhysicalType physical() {
        return physical;
    }

    /** Rows covered by this zone map, NULLs included. */
    public int rowCount() {
        return rowCount;
    }

    public int nullCount() {
        return nullCount;
    }

    /** True when at least one row is not NULL, i.e. the bounds are defined. */
    public boolean hasValues() {
        return hasValues;
    }

    public boolean hasNulls() {
        return nullCount > 0;
    }

    public boolean allNull() {
        return !hasValues;
    }

    public long minLong() {
        return minLong;
    }

    public long maxLong() {
        return maxLong;
    }

    public double minDouble() {
        return minDouble;
    }

    public double maxDouble() {
        return maxDouble;
    }

    public String minString() {
        return minString;
    }

    public String maxString() {
        return maxString;
    }

    /**
     * Whether a non-NULL value in {@code [lo, hi]} may occur. Answers true (cannot skip) when the
     * column is not INT/LONG/BOOLEAN, so a caller that asks the wrong question only loses pruning.
     */
    public boolean mayContainLong(long lo, long hi) {
        if (!hasValues) {
            return false;
        }
        if (physical != PhysicalType.INT && physical != PhysicalType.LONG && physical != PhysicalType.BOOLEAN) {
            return true;
        }
        return lo <= maxLong && hi >= minLong;
    }

    /** Whether a non-NULL value in {@code [lo, hi]} (in {@link Double#compare} order) may occur. */
    public boolean mayContainDouble(double lo, double hi) {
        if (!hasValues) {
            return false;
        }
        if (physical != PhysicalType.DOUBLE) {
            return true;
        }
        return Double.compare(lo, maxDouble) <= 0 && Double.compare(hi, minDouble) >= 0;
    }

    /** Whether a non-NULL string in {@code [lo, hi]} may occur; a null bound is unbounded. */
    public boolean mayContainString(String lo, String hi) {
        if (!hasValues) {
            return false;
        }
        if (physical != PhysicalType.STRING) {
            return true;
        }
        return (lo == null || compareStrings(lo, maxString) <= 0)
                && (hi == null || compareStrings(hi, minString) >= 0);
    }

    public boolean mayContainBoolean(boolean value) {
        long v = value ? 1 : 0;
        return mayContainLong(v, v);
    }

    /** SQL string order, by code point (the same order the evaluator and sorts use). */
    public static int compareStrings(String a, String b) {
        return dev.muru.core.Values.compareStrings(a, b);
    }

    @Override
    public String toString() {
        if (!hasValues) {
            return "ZoneMap[rows=" + rowCount + ", all NULL]";
        }
        String range;
        switch (physical) {
            case DOUBLE: range = minDouble + ".." + maxDouble; break;
            case STRING: range = "'" + minString + "'..'" + maxString + "'"; break;
            default: range = minLong + ".." + maxLong;
        }
        return "ZoneMap[rows=" + rowCount + ", nulls=" + nullCount + ", " + range + "]";
    }
}
