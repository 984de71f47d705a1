package dev.muru.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The benchmark table {@code test(id BIGINT, value BIGINT, category INT)} as pure functions of
 * the row id, so every engine loads identical values and the expected answers can be computed
 * in Java:
 * <ul>
 *   <li>{@code id} = 0 .. n-1;</li>
 *   <li>{@code value} = the id-th draw of {@code new SplittableRandom(42).nextLong(1_000_000)}
 *       (SplittableRandom's own splitmix64 step, written as a function of the id);</li>
 *   <li>{@code category} = a second, independent splitmix64 draw in [0, groups).</li>
 * </ul>
 * The functions are public static so H2 can call them through {@code CREATE ALIAS}.
 */
public final class BenchData {
    public static final long VALUE_BOUND = 1_000_000L;
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final long VALUE_SEED = 42L;
    private static final long CATEGORY_SEED = 4242L;

    private BenchData() {
    }

    /** SplittableRandom's mix64. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The value column: equals the id-th {@code new SplittableRandom(42).nextLong(1_000_000)}. */
    public static long value(long id) {
        return (mix64(VALUE_SEED + (id + 1) * GOLDEN_GAMMA) >>> 1) % VALUE_BOUND;
    }

    /** The category column: uniform in [0, groups). */
    public static int category(long id, int groups) {
        return (int) ((mix64(CATEGORY_SEED + (id + 1) * GOLDEN_GAMMA) >>> 1) % groups);
    }

    /** The answer of {@link Queries#SCAN}: COUNT(*), SUM(value) over even ids. */
    public static long[] expectedScan(long rows) {
        long count = 0;
        long sum = 0;
        for (long id = 0; id < rows; id += 2) {
            count++;
            sum += value(id);
        }
        return new long[] {count, sum};
    }

    private static final Map<String, Map<Integer, double[]>> GROUP_CACHE = new ConcurrentHashMap<>();

    /** The answer of {@link Queries#GROUP_BY}: category to {count, avg(value)}. */
    public static Map<Integer, double[]> expectedGroupBy(long rows, int groups) {
        return GROUP_CACHE.computeIfAbsent(rows + "x" + groups, k -> {
            long[] counts = new long[groups];
            long[] sums = new long[groups];
            for (long id = 0; id < rows; id++) {
                int c = category(id, groups);
                counts[c]++;
                sums[c] += value(id);
            }
            Map<Integer, double[]> out = new HashMap<>();
            for (int c = 0; c < groups; c++) {
                if (counts[c] > 0) {
                    out.put(c, new double[] {counts[c], (double) sums[c] / counts[c]});
                }
            }
            return out;
        });
    }

    /** Parses a "ROWSxGROUPS" parameter. */
    public static long[] parseShape(String shape) {
        String[] p = shape.toLowerCase().split("x");
        if (p.length != 2) {
            throw new IllegalArgumentException("expected ROWSxGROUPS, got " + shape);
        }
        return new long[] {Long.parseLong(p[0].replace("_", "")), Long.parseLong(p[1].replace("_", ""))};
    }
}
