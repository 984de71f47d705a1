package dev.muru;

import dev.muru.core.ErrorCode;
import dev.muru.core.Morsel;
import dev.muru.core.MuruException;
import dev.muru.core.Schema;
import dev.muru.engine.EngineMetrics;
import dev.muru.engine.MemoryBudget;
import dev.muru.engine.MuruEngine;
import dev.muru.engine.RuntimeStats;
import dev.muru.engine.SessionSettings;
import dev.muru.storage.CatalogView;
import dev.muru.storage.TableHandle;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.stream.javadsl.Source;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The embedding facade: starts an engine in its own ActorSystem and runs SQL on it.
 * Every method is thread-safe; statements from many threads run concurrently.
 */
public final class Muru implements AutoCloseable {
    private final ActorSystem<MuruEngine.Command> system;
    private final MuruSettings settings;
    private final AtomicReference<CatalogView> view;
    private final MemoryBudget memory;
    private final RuntimeStats runtimeStats = new RuntimeStats();
    private final EngineMetrics metrics = new EngineMetrics();
    private final Session defaultSession;
    private final long inlineRows;
    /** Statements that were too big to run inline, by their text. */
    private final java.util.concurrent.ConcurrentHashMap<String, Boolean> notInline = new java.util.concurrent.ConcurrentHashMap<>();

    private Muru(MuruSettings settings) {
        this.settings = settings;
        this.view = new AtomicReference<>();
        this.memory = new MemoryBudget(settings.globalMemoryLimit());
        this.system = ActorSystem.create(MuruEngine.create(settings, view, memory, runtimeStats, metrics), "muru", settings.config());
        this.defaultSession = new Session(this, new SessionSettings(settings));
        this.inlineRows = settings.config().getLong("muru.execution.inline-rows");
        // The catalog publishes its first view while the guardian starts; wait for it.
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (view.get() == null) {
            if (System.nanoTime() > deadline) {
                throw new MuruException(ErrorCode.INTERNAL_ERROR, "the engine did not start within 30 s");
            }
            Thread.onSpinWait();
        }
    }

    /** Starts an engine with settings from the classpath configuration and the environment. */
    public static Muru start() {
        return start(MuruSettings.load());
    }

    public static Muru start(MuruSettings settings) {
        return new Muru(settings);
    }

    /** Runs one statement in this engine's default session and waits for its complete result. */
    public QueryResult query(String sql) {
        return defaultSession.query(sql);
    }

    /** Runs one statement with values for its {@code ?} parameters, in order. */
    public QueryResult query(String sql, Object... parameters) {
        return defaultSession.query(sql, parameters);
    }

    /** Runs one statement; returns the rows changed (0 for DDL, the row count for queries). */
    public long execute(String sql) {
        return defaultSession.execute(sql);
    }

    public CompletionStage<QueryResult> queryAsync(String sql) {
        return defaultSession.queryAsync(sql);
    }

    /**
     * A new session: its own settings ({@code SET threads = 1}, {@code SET memory_limit = '1GB'},
     * ...), starting from the engine's. The methods on this facade use one default session.
     */
    public Session session() {
        return new Session(this, new SessionSettings(settings));
    }

    /**
     * A new session whose settings start from {@code defaults} (e.g. a server's own statement
     * timeout); {@code RESET} returns to them.
     */
    public Session session(MuruSettings defaults) {
        return new Session(this, new SessionSettings(defaults));
    }

    /** The engine's default session, used by {@link #query(String)} and the shell. */
    public Session defaultSession() {
        return defaultSession;
    }

    /** A statement started by {@link #submit}: its id (for {@link #cancel}) and its result to come. */
    public record RunningQuery(String id, CompletionStage<QueryResult> result) {
    }

    private final java.util.concurrent.atomic.AtomicLong nextQueryId = new java.util.concurrent.atomic.AtomicLong();

    /** Starts a statement without waiting; {@link #cancel} stops it. */
    public RunningQuery submit(String sql) {
        return defaultSession.submit(sql);
    }

    /**
     * Runs a small query on the calling thread in adaptive mode, or returns null to send it to
     * the engine (see InlineRun).
     */
    QueryResult tryInline(String sql, List<?> parameters, MuruSettings settings) {
        if (!settings.adaptive() || inlineRows <= 0 || notInline.containsKey(sql)) {
            return null;
        }
        try {
            QueryResult r = dev.muru.engine.InlineRun.tryRun(view.get(), sql, parameters, settings, inlineRows, metrics);
            if (r != null) {
                metrics.statementFinished(true);
            } else {
                // Remembered by text (bounded), so a repeated big statement is not planned twice.
                if (notInline.size() > 10_000) {
                    notInline.clear();
                }
                notInline.put(sql, Boolean.TRUE);
            }
            return r;
        } catch (MuruException e) {
            metrics.statementFinished(false);
            throw new MuruException(e.code(), e.detail(), e.line(), e.column(), e);
        } catch (RuntimeException | StackOverflowError e) {
            // Anything unexpected: the coordinator runs it and reports errors the usual way.
            return null;
        }
    }

    String nextQueryId() {
        return "q" + nextQueryId.incrementAndGet();
    }

    /** The statements started by {@link #submit} that are still running, with their progress per pipeline. */
    public List<dev.muru.engine.QueryProgress.Snapshot> running() {
        CompletionStage<List<dev.muru.engine.QueryProgress.Snapshot>> answer = AskPattern.ask(system,
                (ActorRef<List<dev.muru.engine.QueryProgress.Snapshot>> replyTo) -> new MuruEngine.ListRunning(replyTo),
                java.time.Duration.ofSeconds(10), system.scheduler());
        try {
            return answer.toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (ExecutionException e) {
            throw new MuruException(ErrorCode.INTERNAL_ERROR, "listing queries failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Cancels a running statement: its workers stop and its caller gets {@code QUERY_CANCELLED}.
     * Returns false when no statement of that id is running.
     */
    public boolean cancel(String queryId) {
        CompletionStage<Boolean> answer = AskPattern.ask(system,
                (ActorRef<Boolean> replyTo) -> new MuruEngine.CancelQuery(queryId, replyTo),
                java.time.Duration.ofSeconds(10), system.scheduler());
        try {
            return answer.toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            throw new MuruException(ErrorCode.INTERNAL_ERROR, "cancel failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * The result of a query as a stream of morsels with backpressure: the statement runs when
     * the stream is materialized, produces only as fast as the stream pulls, and is cancelled
     * when the stream is.
     */
    public Source<Morsel, NotUsed> stream(String sql) {
        return Source.fromGraph(new ResultSource(() -> defaultSession.open(sql)));
    }

    /** Starts a statement in the default session; its result streams through the cursor (see {@link Session#open}). */
    public ResultCursor open(String sql, Object... parameters) {
        return defaultSession.open(sql, parameters);
    }

    /** Appends morsels to a table atomically: the bulk-load path (demo data, importers). */
    public long append(String table, List<Morsel> morsels) {
        return await(ask(replyTo -> new MuruEngine.AppendRows(table, morsels, replyTo), settings.statementTimeout()),
                settings.statementTimeout()).updateCount();
    }

    /** Table names, sorted. */
    public List<String> tables() {
        return new ArrayList<>(new TreeSet<>(view.get().names()));
    }

    /** The schema of a table; MuruException(UNDEFINED_TABLE) when absent. */
    public Schema tableSchema(String table) {
        TableHandle h = view.get().table(table);
        if (h == null) {
            throw new MuruException(ErrorCode.UNDEFINED_TABLE, "table \"" + table + "\" does not exist");
        }
        return h.schema();
    }

    public MuruSettings settings() {
        return settings;
    }

    /** Bytes reserved right now by all running statements (0 when none runs). */
    public long memoryReserved() {
        return memory.reserved();
    }

    /** The engine's memory budget (its limit, what is reserved, the peak). */
    public MemoryBudget memoryBudget() {
        return memory;
    }

    /** Statements finished and failed, rows scanned and pipelines per mode since the engine started. */
    public EngineMetrics metrics() {
        return metrics;
    }

    /** What the engine measured of earlier pipelines, which moves its parallelism thresholds. */
    public RuntimeStats runtimeStats() {
        return runtimeStats;
    }

    /** The ActorSystem the engine runs in, e.g. to materialize {@link #stream(String)}. */
    public ActorSystem<?> system() {
        return system;
    }

    CompletionStage<QueryResult> ask(Function<ActorRef<MuruEngine.QueryResponse>, MuruEngine.Command> message,
                                     java.time.Duration statementTimeout) {
        // The engine times the statement out itself; the ask only guards against a lost answer.
        java.time.Duration guard = statementTimeout.isZero() ? java.time.Duration.ofDays(30) : statementTimeout.plusSeconds(30);
        return AskPattern.ask(system, message::apply, guard, system.scheduler())
                .thenApply(r -> {
                    if (r instanceof MuruEngine.QueryFailed) {
                        throw ((MuruEngine.QueryFailed) r).error();
                    }
                    return ((MuruEngine.QuerySucceeded) r).result();
                });
    }

    static QueryResult await(CompletionStage<QueryResult> stage, java.time.Duration statementTimeout) {
        try {
            return stage.toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MuruException(ErrorCode.QUERY_CANCELLED, "interrupted while waiting for the statement");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            while (c instanceof CompletionException && c.getCause() != null) {
                c = c.getCause();
            }
            if (c instanceof MuruException) {
                MuruException m = (MuruException) c;
                // A fresh exception carries the caller's stack; the engine's stays as the cause.
                throw new MuruException(m.code(), m.detail(), m.line(), m.column(), m);
            }
            if (c instanceof java.util.concurrent.TimeoutException) {
                throw new MuruException(ErrorCode.QUERY_TIMEOUT, "statement did not finish within " + statementTimeout);
            }
            throw new MuruException(ErrorCode.INTERNAL_ERROR, "internal error: " + c, c);
        }
    }

    @Override
    public void close() {
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Shutting down: nothing useful to do with a slow or failed termination.
        }
    }
}
