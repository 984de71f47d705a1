package dev.muru;

import dev.muru.engine.MuruEngine;
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

    /** The settings the next statement of this session runs with. */
    public MuruSettings settings() {
        return settings.current();
    }

    /** The value {@code SHOW name} gives. */
    public String show(String name) {
        return settings.show(name);
    }
}
