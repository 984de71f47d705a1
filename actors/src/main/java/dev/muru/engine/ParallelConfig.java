package dev.muru.engine;

import dev.muru.MuruSettings;
import dev.muru.plan.physical.OperationKind;
import dev.muru.plan.physical.Pipeline;

/**
 * Decides, per pipeline, sequential or parallel and the degree of parallelism, from the
 * input rows, the morsels available and the per-operation thresholds. In adaptive mode the
 * thresholds move to where {@link RuntimeStats} predicts that a parallel run starts to beat a
 * sequential one, within 1/4× and 4× of the configured value.
 */
public final class ParallelConfig {
    /** How far the measured break-even may move a threshold from its configured value. */
    static final long BOUND = 4;

    private final MuruSettings settings;
    private final RuntimeStats stats;
    private final java.util.function.IntSupplier running;

    public ParallelConfig(MuruSettings settings) {
        this(settings, new RuntimeStats());
    }

    public ParallelConfig(MuruSettings settings, RuntimeStats stats) {
        this(settings, stats, () -> 1);
    }

    /** {@code running}: statements now running on coordinators, this one included. */
    public ParallelConfig(MuruSettings settings, RuntimeStats stats, java.util.function.IntSupplier running) {
        this.settings = settings;
        this.stats = stats;
        this.running = running;
    }

    /**
     * How a pipeline runs and why; the reason is printed by EXPLAIN. {@code statistics}: the
     * runtime statistics the decision used (empty when none). {@code elastic}: a sequential
     * pipeline that may fan out once its first morsels show how much work is left.
     */
    public record Decision(boolean parallel, int dop, String reason, java.util.function.Supplier<String> statisticsText,
                           boolean elastic) {
        private static final java.util.function.Supplier<String> NONE = () -> "";

        public Decision(boolean parallel, int dop, String reason) {
            this(parallel, dop, reason, NONE, false);
        }

        /** The runtime statistics the decision used, as EXPLAIN prints them (formatted only when asked). */
        public String statistics() {
            return statisticsText.get();
        }

        @Override
        public String toString() {
            return (parallel ? "parallel, DOP " + dop : "sequential") + ": " + reason;
        }
    }

    /** The configured threshold of an operation. */
    public long threshold(OperationKind kind) {
        switch (kind) {
            case AGGREGATE: return settings.aggregateThreshold();
            case SORT: return settings.sortThreshold();
            case JOIN: return settings.joinThreshold();
            default: return settings.scanThreshold();
        }
    }

    public Decision decide(Pipeline pipeline, long inputRows, int morsels, boolean estimated) {
        String rows = inputRows + (estimated ? " estimated" : "") + " input rows";
        if (pipeline.ordered()) {
            return new Decision(false, 1, "reads sorted input and keeps its order");
        }
        OperationKind kind = pipeline.operation();
        long configured = threshold(kind);
        String name = kind.name().toLowerCase();
        if (configured == MuruSettings.NEVER) {
            return new Decision(false, 1, name + " threshold is max (parallelism off)");
        }
        if (settings.parallelism() < 2) {
            return new Decision(false, 1, "parallelism setting is 1");
        }
        if (configured == 0 && !settings.adaptive()) {
            return new Decision(true, settings.parallelism(), name + " threshold is 0 (always parallel)");
        }
        int dop = Math.max(1, Math.min(settings.parallelism(), morsels));
        // Under load each statement gets its share of the workers: more workers than cores only
        // add partial states and combining, and the other statements keep the cores busy anyway.
        int statements = settings.adaptive() ? Math.max(1, running.getAsInt()) : 1;
        int share = Math.max(1, settings.parallelism() / statements);
        if (statements > 1 && !estimated) {
            if (share < 2) {
                return new Decision(false, 1, statements + " statements running share the " + settings.parallelism()
                        + " workers", Decision.NONE, false);
            }
            dop = Math.min(dop, share);
        }
        long t = configured;
        String which = name + " threshold " + configured;
        java.util.function.Supplier<String> used = Decision.NONE;
        if (settings.adaptive()) {
            int statsDop = dop > 1 ? dop : Math.min(settings.parallelism(), 2);
            RuntimeStats.Fit s = stats.sequential(kind);
            RuntimeStats.Fit p = stats.parallel(kind, statsDop);
            long breakEven = RuntimeStats.breakEven(s, p);
            used = () -> statistics(kind, statsDop, s, p, breakEven);
            if (breakEven >= 0) {
                long low = configured / BOUND;
                long high = configured > Long.MAX_VALUE / BOUND ? Long.MAX_VALUE : configured * BOUND;
                t = Math.max(low, Math.min(high, breakEven));
                which = "adaptive " + name + " threshold " + t + " (configured " + configured + ")";
            }
        }
        // Elastic: a sequential start that may fan out needs morsels left to hand to new workers.
        boolean elastic = settings.adaptive() && !estimated && morsels >= 3;
        if (inputRows < t) {
            return new Decision(false, 1, rows + " < " + which, used, elastic);
        }
        if (morsels < 2) {
            return new Decision(false, 1, "a single morsel cannot be split", used, false);
        }
        return new Decision(dop > 1, dop, rows + " >= " + which, used, false);
    }

    private static String statistics(OperationKind kind, int dop, RuntimeStats.Fit s, RuntimeStats.Fit p, long breakEven) {
        if (s == null && p == null) {
            return "no runtime statistics for " + kind.name().toLowerCase() + " pipelines yet";
        }
        return kind.name().toLowerCase() + " pipelines measured: sequential " + (s == null ? "none" : s)
                + "; parallel DOP " + dop + " " + (p == null ? "none" : p)
                + (breakEven < 0 ? "; too little evidence to move the threshold (need "
                + RuntimeStats.MIN_SAMPLES + " runs of varied sizes in each mode)"
                : breakEven == Long.MAX_VALUE ? "; parallel never paid" : "; break-even " + breakEven + " rows");
    }
}
