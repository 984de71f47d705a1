package dev.muru.engine;

import dev.muru.MuruSettings;
import dev.muru.plan.physical.OperationKind;
import dev.muru.plan.physical.Pipeline;

/**
 * Decides, per pipeline, sequential or parallel and the degree of parallelism, from the
 * input rows, the morsels available and the per-operation thresholds.
 */
public final class ParallelConfig {
    private final MuruSettings settings;

    public ParallelConfig(MuruSettings settings) {
        this.settings = settings;
    }

    /** How a pipeline runs and why; the reason is printed by EXPLAIN. */
    public record Decision(boolean parallel, int dop, String reason) {
        @Override
        public String toString() {
            return (parallel ? "parallel, DOP " + dop : "sequential") + ": " + reason;
        }
    }

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
        long t = threshold(pipeline.operation());
        String name = pipeline.operation().name().toLowerCase();
        if (t == MuruSettings.NEVER) {
            return new Decision(false, 1, name + " threshold is max (parallelism off)");
        }
        if (settings.parallelism() < 2) {
            return new Decision(false, 1, "parallelism setting is 1");
        }
        if (inputRows < t) {
            return new Decision(false, 1, rows + " < " + name + " threshold " + t);
        }
        if (morsels < 2 && t > 0) {
            return new Decision(false, 1, "a single morsel cannot be split");
        }
        int dop = Math.max(1, Math.min(settings.parallelism(), Math.max(morsels, 1)));
        if (t == 0) {
            dop = settings.parallelism();
            return new Decision(true, dop, name + " threshold is 0 (always parallel)");
        }
        return new Decision(dop > 1, dop, rows + " >= " + name + " threshold " + t);
    }
}
