package dev.muru;

import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;
import dev.muru.engine.MuruEngine;
import dev.muru.engine.ResultChannel;
import dev.muru.engine.SessionSettings;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A session of an engine: statements run with its settings, which {@code SET}, {@code RESET}
 * and {@code SHOW} change and read, as in PostgreSQL. A JDBC connection or an HTTP client is
 * one session; {@link Muru#query(String)} uses the engine's default session. Thread-safe:
 * statements from many threads may run in one session at once.
 */
public final class Session {
    private final Muru muru;
    private final SessionSettings settings;

    Session(Muru muru, SessionSettings settings) {
        this.muru = muru;
        this.settings = settings;
    }

    /** Runs one statement and waits for its complete result. */
    public QueryResult query(String sql) {
        return query(sql, List.of());
    }

    /** Runs one statement with values for its {@code ?} parameters, in order (null for SQL NULL). */
    public QueryResult query(String sql, Object... parameters) {
        return query(sql, Arrays.asList(parameters));
    }

    private QueryResult query(String sql, List<?> parameters) {
        MuruSettings s = settings.current();
        // Small queries run on this thread (see InlineRun); forced modes always use the actors.
        QueryResult r = muru.tryInline(sql, parameters, s);
        if (r != null) {
            return r;
        }
        return Muru.await(queryAsync(sql, parameters, null), s.statementTimeout());
    }

    /** Runs one statement; returns the rows changed (0 for DDL and SET, the row count for queries). */
    public long execute(String sql, Object... parameters) {
        QueryResult r = query(sql, parameters);
        return r.updateCount() >= 0 ? r.updateCount() : r.rowCount();
    }

    public CompletionStage<QueryResult> queryAsync(String sql) {
        return queryAsync(sql, List.of(), null);
    }

    /** Starts a statement without waiting; {@link Muru#cancel} stops it by the returned id. */
    public Muru.RunningQuery submit(String sql, Object... parameters) {
        String id = muru.nextQueryId();
        return new Muru.RunningQuery(id, queryAsync(sql, Arrays.asList(parameters), id));
    }

    private CompletionStage<QueryResult> queryAsync(String sql, List<?> parameters, String queryId) {
        return muru.ask(replyTo -> new MuruEngine.RunQuery(sql, parameters, settings, replyTo, queryId),
                settings.current().statementTimeout());
    }

    /**
     * Starts a statement and returns its result as a cursor that streams with backpressure
     * (the engine keeps at most a few morsels ahead of the reader). Errors surface from
     * {@link ResultCursor#awaitReady()} or the cursor's reads.
     */
    public ResultCursor open(String sql, Object... parameters) {
        return open(sql, Arrays.asList(parameters), null);
    }

    /**
     * As {@link #open(String, Object...)}, with {@code timeout} (null: the session's
     * statement_timeout; zero: none) for this statement only.
     */
    public ResultCursor open(String sql, List<?> parameters, java.time.Duration timeout) {
        String id = muru.nextQueryId();
        ResultChannel channel = new ResultChannel(RESULT_MORSELS_AHEAD);
        MuruSettings s = settings.current();
        try {
            QueryResult r = timeout == null ? muru.tryInline(sql, parameters, s) : null;
            if (r != null) {
                channel.start(r.statementKind(), r.schema());
                r.morsels().forEach(channel::offer);
                channel.complete(r.statementKind(), r.schema(), r.updateCount(), r.elapsedNanos());
                return new ResultCursor(id, channel);
            }
        } catch (MuruException e) {
            channel.fail(e);
            return new ResultCursor(id, channel);
        }
        java.time.Duration t = timeout != null ? timeout : s.statementTimeout();
        muru.ask(replyTo -> new MuruEngine.RunQuery(sql, parameters, settings, replyTo, id, channel, timeout), t)
                .whenComplete((result, error) -> {
                    if (error != null) {
                        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                                ? error.getCause() : error;
                        channel.fail(cause instanceof MuruException ? (MuruException) cause
                                : new MuruException(ErrorCode.INTERNAL_ERROR, "internal error: " + cause, cause));
                    }
                });
        return new ResultCursor(id, channel);
    }

    /** Morsels the engine makes ahead of a cursor's reader before it waits for the reader. */
    static final int RESULT_MORSELS_AHEAD = 4;

    /** The settings the next statement of this session runs with. */
    public MuruSettings settings() {
        return settings.current();
    }

    /** {@code SET name = value} (null: DEFAULT); INVALID_SETTING or UNDEFINED_SETTING when refused. */
    public void set(String name, String value) {
        settings.set(name, value);
    }

    /** The value {@code SHOW name} gives. */
    public String show(String name) {
        return settings.show(name);
    }
}
