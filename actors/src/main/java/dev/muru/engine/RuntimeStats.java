package dev.muru.engine;

import dev.muru.plan.physical.OperationKind;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the engine has measured, shared by all coordinators of one engine. Per pipeline kind
 * and mode (sequential, parallel at DOP k) it fits pipeline time = fixed + perRow × rows by
 * exponentially weighted least squares, so recent queries count most; per operator kind it
 * keeps a moving average of nanoseconds per input row. {@link ParallelConfig} turns the fits
 * into thresholds: parallel where the predicted gain pays for the measured fixed cost.
 */
public final class RuntimeStats {

    /** The operators whose cost per row is tracked (from the per-step timings of each worker). */
    public enum OperatorKind { SCAN, FILTER, PROJECT, PROBE, JOIN_BUILD, AGGREGATE, SORT, COLLECT }

    /** Weight of the newest observation in every moving average. */
    static final double ALPHA = 0.2;
    /** Fits need this many observations before a decision uses them. */
    static final int MIN_SAMPLES = 3;

    /** One finished pipeline as the coordinator measured it. */
    public record Observation(OperationKind kind, int dop, long rows, long wallNanos, long busyNanos) {
    }

    /**
     * A fitted line time = fixedNanos + nanosPerRow × rows, from {@code samples} observations.
     * {@code varied}: the observations spanned different sizes, so fixed and per-row costs are
     * told apart; otherwise all the cost is put per row.
     */
    public record Fit(double fixedNanos, double nanosPerRow, long samples, boolean varied) {
        double predict(long rows) {
            return fixedNanos + nanosPerRow * rows;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.2f ns/row + %.0f us (%d runs%s)", nanosPerRow, fixedNanos / 1e3, samples,
                    varied ? "" : ", all of one size");
        }
    }

    /** Exponentially weighted sums for a least-squares line through (rows, nanos). */
    private static final class LineFit {
        double w;
        double x;
        double y;
        double xx;
        double xy;
        long samples;

        void add(double rows, double nanos) {
            double keep = samples == 0 ? 0 : 1 - ALPHA;
            w = w * keep + 1;
            x = x * keep + rows;
            y = y * keep + nanos;
            xx = xx * keep + rows * rows;
            xy = xy * keep + rows * nanos;
            samples++;
        }

        Fit fit() {
            double mx = x / w;
            double my = y / w;
            double var = xx / w - mx * mx;
            double slope;
            double fixed;
            boolean varied = var > mx * mx * 0.01 && var > 1;
            if (varied) {
                slope = (xy / w - mx * my) / var;
                fixed = my - slope * mx;
            } else {
                // All observations had about the same size: no slope to fit, the cost is per row.
                slope = mx > 0 ? my / mx : 0;
                fixed = 0;
            }
            if (slope < 0 || fixed < 0) {
                // Noise can tilt the line; clamp to a physical cost and refit the other term.
                slope = Math.max(0, slope);
                fixed = Math.max(0, my - slope * mx);
                if (fixed == 0 && mx > 0) {
                    slope = my / mx;
                }
            }
            return new Fit(fixed, slope, samples, varied);
        }
    }

    private final Map<OperationKind, LineFit> sequential = new EnumMap<>(OperationKind.class);
    private final Map<OperationKind, Map<Integer, LineFit>> parallel = new EnumMap<>(OperationKind.class);
    private final double[][] operatorNanosPerRow = new double[2][OperatorKind.values().length];
    private final long[][] operatorSamples = new long[2][OperatorKind.values().length];
    private long pipelines;

    public synchronized void record(Observation o) {
        if (o.rows() <= 0 || o.wallNanos() <= 0) {
            return;
        }
        pipelines++;
        LineFit f = o.dop() <= 1
                ? sequential.computeIfAbsent(o.kind(), k -> new LineFit())
                : parallel.computeIfAbsent(o.kind(), k -> new java.util.HashMap<>()).computeIfAbsent(o.dop(), d -> new LineFit());
        f.add(o.rows(), o.wallNanos());
    }

    /** One operator's time over its input rows in one pipeline run. */
    public synchronized void recordOperator(OperatorKind kind, boolean parallelRun, long rows, long nanos) {
        if (rows <= 0) {
            return;
        }
        int mode = parallelRun ? 1 : 0;
        double v = (double) nanos / rows;
        int k = kind.ordinal();
        operatorNanosPerRow[mode][k] = operatorSamples[mode][k] == 0 ? v
                : operatorNanosPerRow[mode][k] * (1 - ALPHA) + v * ALPHA;
        operatorSamples[mode][k]++;
    }

    /** The sequential fit of a pipeline kind, or null before any observation. */
    public synchronized Fit sequential(OperationKind kind) {
        LineFit f = sequential.get(kind);
        return f == null ? null : f.fit();
    }

    /** The parallel fit of a pipeline kind at a DOP, or null before any observation. */
    public synchronized Fit parallel(OperationKind kind, int dop) {
        Map<Integer, LineFit> byDop = parallel.get(kind);
        LineFit f = byDop == null ? null : byDop.get(dop);
        return f == null ? null : f.fit();
    }

    /** The moving average of an operator's nanoseconds per input row, or NaN before any run. */
    public synchronized double operatorNanosPerRow(OperatorKind kind, boolean parallelRun) {
        int mode = parallelRun ? 1 : 0;
        return operatorSamples[mode][kind.ordinal()] == 0 ? Double.NaN : operatorNanosPerRow[mode][kind.ordinal()];
    }

    /** Pipelines recorded since the engine started. */
    public synchronized long pipelines() {
        return pipelines;
    }

    /**
     * The input rows from which a parallel run at {@code dop} is predicted to beat a sequential
     * one, or -1 while either fit lacks evidence: fewer than {@link #MIN_SAMPLES} runs, or runs
     * all of one size (then fixed and per-row costs cannot be told apart, and different queries
     * of one size would pass for a cost per row). Long.MAX_VALUE: parallel never pays.
     */
    public synchronized long breakEvenRows(OperationKind kind, int dop) {
        return breakEven(sequential(kind), parallel(kind, dop));
    }

    /** {@link #breakEvenRows} from two fits (either may be null). */
    static long breakEven(Fit s, Fit p) {
        if (s == null || p == null || s.samples() < MIN_SAMPLES || p.samples() < MIN_SAMPLES || !s.varied() || !p.varied()) {
            return -1;
        }
        double perRowGain = s.nanosPerRow() - p.nanosPerRow();
        double extraFixed = p.fixedNanos() - s.fixedNanos();
        if (perRowGain <= 0) {
            return Long.MAX_VALUE;
        }
        if (extraFixed <= 0) {
            return 0;
        }
        return (long) Math.min(Long.MAX_VALUE / 2.0, extraFixed / perRowGain);
    }
}
