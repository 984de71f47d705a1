package dev.muru.engine;

/** What one pipeline did, for EXPLAIN ANALYZE. */
final class PipelineStats {
    final ParallelConfig.Decision decision;
    final long rowsIn;
    final int morselsIn;
    long rowsAfterSteps;
    long rowsOut;
    long wallNanos;
    long workerNanos;
    int skippedRowGroups;

    PipelineStats(ParallelConfig.Decision decision, long rowsIn, int morselsIn) {
        this.decision = decision;
        this.rowsIn = rowsIn;
        this.morselsIn = morselsIn;
    }
}
