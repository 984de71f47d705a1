package dev.muru.engine;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one engine since it started, for monitoring (the HTTP server's {@code /metrics}):
 * statements finished and failed, rows read from tables, pipelines per execution mode.
 * Thread-safe and cheap to update: coordinators and inline runs on many threads add to them.
 */
public final class EngineMetrics {
    /** How a pipeline ran: on the caller's thread, on one worker, or on several. */
    public enum Mode {
        INLINE, SEQUENTIAL, PARALLEL
    }

    private final LongAdder queries = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder rowsScanned = new LongAdder();
    private final LongAdder[] pipelines = new LongAdder[Mode.values().length];

    public EngineMetrics() {
        for (int i = 0; i < pipelines.length; i++) {
            pipelines[i] = new LongAdder();
        }
    }

    /** A statement ended, successfully or not. */
    public void statementFinished(boolean succeeded) {
        queries.increment();
        if (!succeeded) {
            failed.increment();
        }
    }

    /** A pipeline finished in {@code mode} after reading {@code tableRows} rows from a table (0: it read none). */
    public void pipelineFinished(Mode mode, long tableRows) {
        pipelines[mode.ordinal()].increment();
        rowsScanned.add(tableRows);
    }

    /** Statements finished, failed ones included. */
    public long queries() {
        return queries.sum();
    }

    public long failedQueries() {
        return failed.sum();
    }

    /** Rows read by table scans. */
    public long rowsScanned() {
        return rowsScanned.sum();
    }

    public long pipelines(Mode mode) {
        return pipelines[mode.ordinal()].sum();
    }
}
