package dev.muru.benchmarks;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an engine's answers against the answers computed in Java from {@link BenchData}, so
 * every engine is held to the same expected result (throws on any difference).
 */
public final class Validate {
    private Validate() {
    }

    public static void scan(String engine, BenchEngine e, long rows) {
        long[] want = BenchData.expectedScan(rows);
        List<Object[]> got = e.rows(Queries.SCAN);
        if (got.size() != 1) {
            throw new IllegalStateException(engine + " scan: expected 1 row, got " + got.size());
        }
        long count = asLong(got.get(0)[0]);
        long sum = asLong(got.get(0)[1]);
        if (count != want[0] || sum != want[1]) {
            throw new IllegalStateException(engine + " scan at " + rows + " rows: got (" + count + ", " + sum
                    + "), expected (" + want[0] + ", " + want[1] + ")");
        }
    }

    public static void groupBy(String engine, BenchEngine e, long rows, int groups) {
        Map<Integer, double[]> want = BenchData.expectedGroupBy(rows, groups);
        List<Object[]> got = e.rows(Queries.GROUP_BY);
        if (got.size() != want.size()) {
            throw new IllegalStateException(engine + " group-by at " + rows + "x" + groups + ": expected "
                    + want.size() + " groups, got " + got.size());
        }
        Set<Integer> seen = new HashSet<>();
        for (Object[] r : got) {
            int cat = (int) asLong(r[0]);
            double[] w = want.get(cat);
            if (w == null || !seen.add(cat)) {
                throw new IllegalStateException(engine + " group-by: unexpected or repeated category " + cat);
            }
            long count = asLong(r[1]);
            double avg = ((Number) r[2]).doubleValue();
            if (count != (long) w[0] || Math.abs(avg - w[1]) > 1e-9 * Math.max(1, Math.abs(w[1]))) {
                throw new IllegalStateException(engine + " group-by: category " + cat + " got (" + count + ", "
                        + avg + "), expected (" + (long) w[0] + ", " + w[1] + ")");
            }
        }
    }

    static long asLong(Object o) {
        if (o instanceof Number) {
            Number n = (Number) o;
            if (n instanceof java.math.BigDecimal) {
                return ((java.math.BigDecimal) n).longValueExact();
            }
            if (n instanceof java.math.BigInteger) {
                return ((java.math.BigInteger) n).longValueExact();
            }
            return n.longValue();
        }
        throw new IllegalStateException("expected a number, got " + o);
    }
}
