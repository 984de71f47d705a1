package dev.muru.engine;

import dev.muru.MuruSettings;
import dev.muru.QueryResult;
import dev.muru.core.ErrorCode;
import dev.muru.core.Morsel;
import dev.muru.core.MuruException;
import dev.muru.core.Schema;
import dev.muru.storage.Catalog;
import dev.muru.storage.CatalogView;
import dev.muru.storage.TableHandle;
import dev.muru.storage.TableStore;
import dev.muru.storage.TableStore.WriteResult;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.ChildFailed;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The engine guardian: owns the catalog and spawns one {@link QueryCoordinator} per statement.
 * A service embeds Muru by spawning {@link #create(MuruSettings)} in its own ActorSystem and
 * sending {@link RunQuery} messages. A RunQuery without a session uses the engine's own
 * session, so SET by message clients persists for them all.
 */
public final class MuruEngine extends AbstractBehavior<MuruEngine.Command> {

    public sealed interface Command {
    }

    /**
     * Runs one SQL statement; the answer is a {@link QueryResponse}. {@code queryId} (null: none)
     * names it for {@link CancelQuery}. With a {@code channel} the result streams through it
     * with backpressure and the answer carries no rows; {@code timeout} (null: the session's)
     * overrides the statement timeout.
     */
    public record RunQuery(String sql, List<?> parameters, SessionSettings session, ActorRef<QueryResponse> replyTo,
                           String queryId, ResultChannel channel, Duration timeout) implements Command {
        public RunQuery(String sql, ActorRef<QueryResponse> replyTo) {
            this(sql, List.of(), null, replyTo, null, null, null);
        }

        public RunQuery(String sql, ActorRef<QueryResponse> replyTo, String queryId) {
            this(sql, List.of(), null, replyTo, queryId, null, null);
        }

        public RunQuery(String sql, List<?> parameters, SessionSettings session, ActorRef<QueryResponse> replyTo,
                        String queryId) {
            this(sql, parameters, session, replyTo, queryId, null, null);
        }
    }

    /** Lists the running statements that have a query id, with their progress. */
    public record ListRunning(ActorRef<List<QueryProgress.Snapshot>> replyTo) implements Command {
    }

    /** Cancels the running statement {@code queryId}; answers whether one was running. */
    public record CancelQuery(String queryId, ActorRef<Boolean> replyTo) implements Command {
    }

    /** Appends morsels (typed as the table's columns) to a table atomically. */
    public record AppendRows(String table, List<Morsel> morsels, ActorRef<QueryResponse> replyTo) implements Command {
    }

    private record AppendDone(WriteResult result, Throwable error, ActorRef<QueryResponse> replyTo) implements Command {
    }

    public sealed interface QueryResponse {
    }

    public record QuerySucceeded(QueryResult result) implements QueryResponse {
    }

    public record QueryFailed(MuruException error) implements QueryResponse {
    }

    private final MuruSettings settings;
    private final AtomicReference<CatalogView> view;
    private final ActorRef<Catalog.Command> catalog;
    /** Who waits for each running coordinator, so that one that crashes still gets an answer. */
    private final Map<ActorRef<Void>, ActorRef<QueryResponse>> waiting = new HashMap<>();
    /** Running statements by query id. */
    private final Map<String, ActorRef<QueryCoordinator.Command>> running = new HashMap<>();
    private final Map<String, QueryProgress> progress = new java.util.LinkedHashMap<>();

    public static Behavior<Command> create(MuruSettings settings) {
        return create(settings, new AtomicReference<>(), new MemoryBudget(settings.globalMemoryLimit()), new RuntimeStats());
    }

    /**
     * As {@link #create(MuruSettings)}, publishing the catalog view into {@code view} for the
     * facade, with a memory budget and runtime statistics the caller can read.
     */
    public static Behavior<Command> create(MuruSettings settings, AtomicReference<CatalogView> view, MemoryBudget budget,
                                           RuntimeStats stats) {
        return create(settings, view, budget, stats, new EngineMetrics());
    }

    /** As above, counting statements and pipelines into {@code metrics}. */
    public static Behavior<Command> create(MuruSettings settings, AtomicReference<CatalogView> view, MemoryBudget budget,
                                           RuntimeStats stats, EngineMetrics metrics) {
        return Behaviors.setup(ctx -> new MuruEngine(ctx, settings, view, new QueryCoordinator.EngineShared(stats, budget,
                new java.util.concurrent.atomic.AtomicInteger(), metrics)));
    }

    private final QueryCoordinator.EngineShared shared;
    private final SessionSettings defaultSession;

    private MuruEngine(ActorContext<Command> ctx, MuruSettings settings, AtomicReference<CatalogView> view,
                       QueryCoordinator.EngineShared shared) {
        super(ctx);
        this.settings = settings;
        this.view = view;
        this.shared = shared;
        this.defaultSession = new SessionSettings(settings);
        this.catalog = ctx.spawn(Catalog.create(settings.morselRows(), view), "catalog");
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(RunQuery.class, this::onRunQuery)
                .onMessage(CancelQuery.class, this::onCancel)
                .onMessage(ListRunning.class, l -> {
                    List<QueryProgress.Snapshot> out = new java.util.ArrayList<>();
                    for (QueryProgress p : progress.values()) {
                        out.add(p.snapshot());
                    }
                    l.replyTo().tell(out);
                    return this;
                })
                .onMessage(AppendRows.class, this::onAppend)
                .onMessage(AppendDone.class, this::onAppendDone)
                .onSignal(ChildFailed.class, this::onCoordinatorFailed)
                .onSignal(Terminated.class, t -> {
                    waiting.remove(t.getRef());
                    forget(t.getRef());
                    return this;
                })
                .build();
    }

    private void forget(ActorRef<?> coordinator) {
        for (java.util.Iterator<Map.Entry<String, ActorRef<QueryCoordinator.Command>>> it = running.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, ActorRef<QueryCoordinator.Command>> e = it.next();
            if (e.getValue().equals(coordinator)) {
                progress.remove(e.getKey());
                it.remove();
            }
        }
    }

    private Behavior<Command> onRunQuery(RunQuery q) {
        QueryProgress p = new QueryProgress(q.queryId(), q.sql());
        ActorRef<QueryCoordinator.Command> coordinator = getContext().spawnAnonymous(
                QueryCoordinator.create(new QueryCoordinator.Statement(q.sql(), q.parameters(),
                        q.session() != null ? q.session() : defaultSession, q.channel(), q.timeout()), q.replyTo(), catalog, view.get(), p, shared));
        getContext().watch(coordinator);
        waiting.put(coordinator.unsafeUpcast(), q.replyTo());
        if (q.queryId() != null) {
            running.put(q.queryId(), coordinator);
            progress.put(q.queryId(), p);
        }
        return this;
    }

    private Behavior<Command> onCancel(CancelQuery c) {
        ActorRef<QueryCoordinator.Command> coordinator = running.remove(c.queryId());
        progress.remove(c.queryId());
        if (coordinator != null) {
            coordinator.tell(new QueryCoordinator.Cancel(new MuruException(ErrorCode.QUERY_CANCELLED,
                    "query " + c.queryId() + " was cancelled")));
        }
        c.replyTo().tell(coordinator != null);
        return this;
    }

    /** A coordinator died of an error it did not handle: its client still gets an error, and the engine goes on. */
    private Behavior<Command> onCoordinatorFailed(ChildFailed f) {
        forget(f.getRef());
        ActorRef<QueryResponse> replyTo = waiting.remove(f.getRef());
        if (replyTo != null) {
            replyTo.tell(new QueryFailed(QueryCoordinator.toMuruException(f.getCause())));
        }
        return this;
    }

    private Behavior<Command> onAppend(AppendRows a) {
        TableHandle h = view.get().table(a.table());
        if (h == null) {
            a.replyTo().tell(new QueryFailed(new MuruException(ErrorCode.UNDEFINED_TABLE,
                    "table \"" + a.table() + "\" does not exist")));
            return this;
        }
        getContext().ask(WriteResult.class, h.store(), Duration.ofMinutes(10),
                r -> new dev.muru.storage.TableStore.Append(a.morsels(), r),
                (res, err) -> new AppendDone(res, err, a.replyTo()));
        return this;
    }

    private Behavior<Command> onAppendDone(AppendDone d) {
        if (d.error() != null) {
            d.replyTo().tell(new QueryFailed(QueryCoordinator.toMuruException(d.error())));
        } else if (d.result() instanceof TableStore.WriteFailed) {
            d.replyTo().tell(new QueryFailed(((TableStore.WriteFailed) d.result()).error()));
        } else {
            long rows = ((TableStore.Written) d.result()).rows();
            d.replyTo().tell(new QuerySucceeded(new QueryResult("APPEND", new Schema(List.of()), List.of(), rows, 0)));
        }
        return this;
    }
}
