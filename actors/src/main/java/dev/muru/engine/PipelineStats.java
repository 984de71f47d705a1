package dev.muru.engine;

/** What one pipeline did, for EXPLAIN ANALYZE and the runtime statistics. */
final class PipelineStats {
    final ParallelConfig.Decision decision;
    final long rowsIn;
    final int morselsIn;
    long rowsAfterSteps;
    long rowsOut;
    long wallNanos;
    long workerNanos;
    int skippedRowGroups;
    /** Per step, summed over workers: rows emitted and own time. */
    long[] stepRows = new long[0];
    long[] stepNanos = new long[0];
    long sinkNanos;
    /** Workers that ran (more than the decision's DOP after an elastic fan-out) and all actors. */
    int workers;
    int actors;
    /** Set when a sequential start fanned out: what the first morsels showed. */
    String elastic;
    /** Bytes the workers' sinks had reserved at their end, and the output's. */
    long reservedBytes;
    long outputBytes;
    long peakBytes;
    long queryReservedAfter;
    int degradedWorkers;

    PipelineStats(ParallelConfig.Decision decision, long rowsIn, int morselsIn) {
        this.decision = decision;
        this.rowsIn = rowsIn;
        this.morselsIn = morselsIn;
    }

    void addSteps(long[] rows, long[] nanos, long sink) {
        if (stepRows.length < rows.length) {
            stepRows = new long[rows.length];
            stepNanos = new long[rows.length];
        }
        for (int i = 0; i < rows.length; i++) {
            stepRows[i] += rows[i];
            stepNanos[i] += nanos[i];
        }
        sinkNanos += sink;
    }
}
