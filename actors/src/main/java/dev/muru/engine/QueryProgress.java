package dev.muru.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How far a running statement is: per pipeline, morsels handed to workers out of the
 * pipeline's morsels. The coordinator writes it; anyone may read it at any time (the engine
 * lists running statements from it without asking their coordinators).
 */
public final class QueryProgress {
    /** One pipeline: morsels handed out so far and in all (-1: not started yet). */
    public record PipelineProgress(int pipeline, long morselsDone, long morselsTotal) {
    }

    /** A running statement as the API shows it. */
    public record Snapshot(String queryId, String sql, Instant started, long elapsedMillis,
                           List<PipelineProgress> pipelines) {
    }

    private final String queryId;
    private final String sql;
    private final Instant started = Instant.now();
    private final long startNanos = System.nanoTime();
    /** Published whole, so a reader sees one consistent array of finished/current pipelines. */
    private final AtomicReference<State> state = new AtomicReference<>(new State(0, -1, null, new long[0][]));

    private record State(int pipelines, int current, MorselDispatcher dispatcher, long[][] finished) {
    }

    QueryProgress(String queryId, String sql) {
        this.queryId = queryId;
        this.sql = sql;
    }

    void planned(int pipelines) {
        state.set(new State(pipelines, -1, null, new long[pipelines][]));
    }

    void started(int pipeline, MorselDispatcher dispatcher) {
        State s = state.get();
        state.set(new State(s.pipelines(), pipeline, dispatcher, s.finished()));
    }

    void finished(int pipeline, long morsels) {
        State s = state.get();
        long[][] f = s.finished().clone();
        if (pipeline < f.length) {
            f[pipeline] = new long[]{morsels, morsels};
        }
        state.set(new State(s.pipelines(), s.current(), s.dispatcher(), f));
    }

    public Snapshot snapshot() {
        State s = state.get();
        List<PipelineProgress> out = new ArrayList<>();
        for (int i = 0; i < s.pipelines(); i++) {
            long[] f = s.finished()[i];
            if (f != null) {
                out.add(new PipelineProgress(i, f[0], f[1]));
            } else if (i == s.current() && s.dispatcher() != null) {
                out.add(new PipelineProgress(i, Math.min(s.dispatcher().taken(), s.dispatcher().size()), s.dispatcher().size()));
            } else {
                out.add(new PipelineProgress(i, 0, -1));
            }
        }
        return new Snapshot(queryId, sql, started, (System.nanoTime() - startNanos) / 1_000_000, out);
    }
}
