package dev.muru.engine;

import dev.muru.MuruSettings;
import dev.muru.QueryResult;
import dev.muru.core.Column;
import dev.muru.core.DataType;
import dev.muru.core.ErrorCode;
import dev.muru.core.Morsel;
import dev.muru.core.MuruException;
import dev.muru.core.Schema;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.VectorBuilder;
import dev.muru.operators.join.JoinBuildSink;
import dev.muru.operators.join.JoinHashTable;
import dev.muru.operators.join.JoinTable;
import dev.muru.operators.pipeline.PipelineDriver;
import dev.muru.operators.pipeline.SinkState;
import dev.muru.parser.SqlParser;
import dev.muru.plan.binder.Binder;
import dev.muru.plan.binder.BoundStatement;
import dev.muru.plan.physical.PhysicalPlan;
import dev.muru.plan.physical.PhysicalPlanner;
import dev.muru.plan.physical.Pipeline;
import dev.muru.plan.physical.PipelineSink;
import dev.muru.plan.physical.PipelineStep;
import dev.muru.storage.Catalog;
import dev.muru.storage.Catalog.CatalogReply;
import dev.muru.storage.CatalogView;
import dev.muru.storage.TableHandle;
import dev.muru.storage.TableStore;
import dev.muru.storage.TableStore.WriteResult;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.ChildFailed;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs one statement: parse, bind, plan, then execute the pipelines one after another, each
 * sequentially or in parallel as {@link ParallelConfig} decides, and reply once. It stops
 * itself (and so all its workers) when it has replied.
 */
public final class QueryCoordinator extends AbstractBehavior<QueryCoordinator.Command> {

    public sealed interface Command {
    }

    /**
     * A worker's end: its sink (null when it went to combiners), its counts and per-step
     * figures, the bytes it reserved and whether it stopped early to save memory.
     */
    public record WorkerFinished(int pipeline, int worker, SinkState sink, long rowsIn, long rowsOut, long busyNanos,
                                 long[] stepRows, long[] stepNanos, long sinkNanos, long reservedBytes,
                                 boolean degraded) implements Command {
    }

    /** A worker's first slice is done: the coordinator may fan a sequential pipeline out. */
    public record SliceDone(int pipeline, int morselsTaken, long busyNanos) implements Command {
    }

    public record WorkerFailed(int pipeline, Throwable error) implements Command {
    }

    public record PartitionDone(int pipeline, int partition, List<Morsel> morsels, long busyNanos) implements Command {
    }

    public record PartitionBuilt(int pipeline, int partition, dev.muru.operators.join.JoinHashTable table, long busyNanos)
            implements Command {
    }

    /** The result channel has room again for the next morsels of a finished result. */
    private record Feed() implements Command {
    }

    /** Stops the statement: every worker stops, and the client gets {@code error}. */
    public record Cancel(MuruException error) implements Command {
    }

    private record CatalogAnswered(CatalogReply reply, Throwable error) implements Command {
    }

    private record WriteAnswered(WriteResult result, Throwable error) implements Command {
    }

    static final String WORKER_DISPATCHER = "muru.worker-dispatcher";
    private static final Duration ASK_TIMEOUT = Duration.ofMinutes(10);

    private final String sql;
    private final ActorRef<MuruEngine.QueryResponse> replyTo;
    private final MuruSettings settings;
    private final ParallelConfig parallel;
    private final RuntimeStats runtimeStats;
    private final EngineMetrics metrics;
    private final java.util.concurrent.atomic.AtomicInteger running;
    private final QueryMemory memory;
    private final ActorRef<Catalog.Command> catalog;
    private final CatalogView view;
    private final long started = System.nanoTime();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    private SnapshotCatalog snapshots;
    private String kind = "SELECT";

    // State of the plan being executed.
    private PhysicalPlan plan;
    private PlanState state;
    private final List<PipelineStats> stats = new ArrayList<>();
    private Consumer<List<Morsel>> onPlanDone;
    private int current;
    private int pendingWorkers;
    private int pendingPartitions;
    private final List<SinkState> finishedSinks = new ArrayList<>();
    private final List<List<Morsel>> partitionOutputs = new ArrayList<>();
    private long pipelineStart;
    private Consumer<WriteResult> onWrite;
    private JoinHashTable[] builtPartitions;
    private int pendingBuilds;

    /**
     * What the coordinators of one engine share: the runtime statistics, the memory budget,
     * the number of statements running on coordinators (for a fair share of the workers) and
     * the engine's counters.
     */
    record EngineShared(RuntimeStats stats, MemoryBudget budget, java.util.concurrent.atomic.AtomicInteger running,
                        EngineMetrics metrics) {
    }

    /**
     * One statement to run: its text, the values of its {@code ?} parameters, its session, the
     * channel its result streams through (null: the reply carries it) and a timeout override.
     */
    record Statement(String sql, List<?> parameters, SessionSettings session, ResultChannel channel, Duration timeout) {
    }

    static Behavior<Command> create(Statement statement, ActorRef<MuruEngine.QueryResponse> replyTo,
                                    ActorRef<Catalog.Command> catalog, CatalogView view, QueryProgress progress,
                                    EngineShared shared) {
        return Behaviors.setup(ctx -> {
            MuruSettings settings = statement.session().current();
            if (statement.timeout() != null) {
                settings = settings.withStatementTimeout(statement.timeout());
            }
            QueryCoordinator c = new QueryCoordinator(ctx, statement.sql(), replyTo, settings, catalog, view, shared);
            c.channel = statement.channel();
            if (c.channel != null) {
                ActorRef<Command> self = ctx.getSelf();
                c.channel.onCancel(() -> self.tell(new Cancel(new MuruException(ErrorCode.QUERY_CANCELLED,
                        "the client closed the result of query " + progress.snapshot().queryId()))));
            }
            c.parameters = statement.parameters();
            c.session = statement.session();
            c.progress = progress;
            return c.begin();
        });
    }

    private QueryProgress progress;
    private ResultChannel channel;
    /** The last pipeline sends its rows straight into the channel. */
    private boolean streamingLast;
    private List<?> parameters = List.of();
    private SessionSettings session;

    private QueryCoordinator(ActorContext<Command> ctx, String sql, ActorRef<MuruEngine.QueryResponse> replyTo,
                             MuruSettings settings, ActorRef<Catalog.Command> catalog, CatalogView view,
                             EngineShared shared) {
        super(ctx);
        this.sql = sql;
        this.replyTo = replyTo;
        this.settings = settings;
        this.runtimeStats = shared.stats();
        this.metrics = shared.metrics();
        this.parallel = new ParallelConfig(settings, shared.stats(), shared.running()::get);
        this.running = shared.running();
        running.incrementAndGet();
        this.memory = new QueryMemory(shared.budget(), settings.queryMemoryLimit());
        this.catalog = catalog;
        this.view = view;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(WorkerFinished.class, this::onWorkerFinished)
                .onMessage(SliceDone.class, this::onSliceDone)
                .onMessage(PartitionDone.class, this::onPartitionDone)
                .onMessage(PartitionBuilt.class, this::onPartitionBuilt)
                .onMessage(WorkerFailed.class, f -> fail(f.error()))
                .onMessage(Cancel.class, c -> fail(c.error()))
                .onMessage(Feed.class, f -> feeding != null && !replied ? feed() : this)
                .onMessage(CatalogAnswered.class, this::onCatalog)
                .onMessage(WriteAnswered.class, this::onWrite)
                .onSignal(ChildFailed.class, f -> fail(f.getCause()))
                .onSignal(Terminated.class, t -> this) // a worker or combiner that finished normally
                .onSignal(org.apache.pekko.actor.typed.PostStop.class, s -> {
                    // Done, failed or cancelled: every reservation goes back to the engine's budget.
                    cancelled.set(true);
                    memory.close();
                    leave();
                    return this;
                })
                .build();
    }

    private Behavior<Command> begin() {
        // The statement timeout is enforced here, so a slow statement stops its workers too.
        if (!settings.statementTimeout().isZero()) {
            timeout = getContext().scheduleOnce(settings.statementTimeout(), getContext().getSelf(), new Cancel(new MuruException(
                    ErrorCode.QUERY_TIMEOUT, "statement timed out after " + settings.statementTimeout().toMillis() + " ms")));
        }
        try {
            dev.muru.parser.ast.Statement statement = SqlParser.parseStatement(sql);
            snapshots = new SnapshotCatalog(view);
            BoundStatement bound = new Binder(snapshots, parameters, settings.compatibility()).bind(statement);
            return run(bound);
        } catch (Throwable e) {
            return fail(e);
        }
    }

    private Behavior<Command> run(BoundStatement bound) {
        if (bound instanceof BoundStatement.Query) {
            PhysicalPlan p = PhysicalPlanner.plan(((BoundStatement.Query) bound).plan());
            return execute(p, morsels -> reply(new QueryResult("SELECT", p.outputSchema(), morsels, -1, elapsed())));
        }
        if (bound instanceof BoundStatement.Explain) {
            return explain((BoundStatement.Explain) bound);
        }
        if (bound instanceof BoundStatement.SetOption) {
            BoundStatement.SetOption o = (BoundStatement.SetOption) bound;
            session.set(o.name(), o.value());
            kind = "SET";
            return reply(new QueryResult(kind, new Schema(List.of()), List.of(), 0, elapsed()));
        }
        if (bound instanceof BoundStatement.ResetOption) {
            session.reset(((BoundStatement.ResetOption) bound).name());
            kind = "RESET";
            return reply(new QueryResult(kind, new Schema(List.of()), List.of(), 0, elapsed()));
        }
        if (bound instanceof BoundStatement.ShowOption) {
            return show(((BoundStatement.ShowOption) bound).name());
        }
        if (bound instanceof BoundStatement.Insert) {
            return insert((BoundStatement.Insert) bound);
        }
        if (bound instanceof BoundStatement.Copy) {
            return copy((BoundStatement.Copy) bound);
        }
        if (bound instanceof BoundStatement.Delete) {
            BoundStatement.Delete d = (BoundStatement.Delete) bound;
            kind = "DELETE";
            write(snapshots.handle(d.table()).store(), r -> new TableStore.Rewrite(TableRewrite.delete(d.where()), List.of(), r));
            return this;
        }
        if (bound instanceof BoundStatement.Update) {
            BoundStatement.Update u = (BoundStatement.Update) bound;
            kind = "UPDATE";
            write(snapshots.handle(u.table()).store(), r -> new TableStore.Rewrite(TableRewrite.update(u.row(), u.where()), u.lengthChecked(), r));
            return this;
        }
        if (bound instanceof BoundStatement.CreateTable) {
            BoundStatement.CreateTable c = (BoundStatement.CreateTable) bound;
            kind = "CREATE TABLE";
            getContext().ask(CatalogReply.class, catalog, ASK_TIMEOUT,
                    r -> new Catalog.CreateTable(c.name(), c.schema(), c.ifNotExists(), keys(c.keys()), r), CatalogAnswered::new);
            return this;
        }
        if (bound instanceof BoundStatement.CreateIndex) {
            BoundStatement.CreateIndex c = (BoundStatement.CreateIndex) bound;
            kind = "CREATE INDEX";
            getContext().ask(CatalogReply.class, catalog, ASK_TIMEOUT,
                    r -> new Catalog.CreateIndex(c.name(), c.table(), c.columns(), c.unique(), c.ifNotExists(), r),
                    CatalogAnswered::new);
            return this;
        }
        if (bound instanceof BoundStatement.DropIndex) {
            BoundStatement.DropIndex d = (BoundStatement.DropIndex) bound;
            kind = "DROP INDEX";
            getContext().ask(CatalogReply.class, catalog, ASK_TIMEOUT, r -> new Catalog.DropIndex(d.name(), d.ifExists(), r),
                    CatalogAnswered::new);
            return this;
        }
        if (bound instanceof BoundStatement.CreateTrigger c) {
            kind = "CREATE TRIGGER";
            getContext().ask(CatalogReply.class, catalog, ASK_TIMEOUT,
                    r -> new Catalog.CreateTrigger(c.name(), c.table(), c.ifNotExists(), r), CatalogAnswered::new);
            return this;
        }
        if (bound instanceof BoundStatement.DropTrigger d) {
            kind = "DROP TRIGGER";
            getContext().ask(CatalogReply.class, catalog, ASK_TIMEOUT,
                    r -> new Catalog.DropTrigger(d.name(), d.ifExists(), r), CatalogAnswered::new);
            return this;
        }
        if (bound instanceof BoundStatement.Reindex) {
            kind = "REINDEX";
            getContext().ask(CatalogReply.class, catalog, ASK_TIMEOUT,
                    r -> new Catalog.Reindex(((BoundStatement.Reindex) bound).name(), r), CatalogAnswered::new);
            return this;
        }
        if (bound instanceof BoundStatement.CreateView) {
            BoundStatement.CreateView c = (BoundStatement.CreateView) bound;
            kind = "CREATE VIEW";
            getContext().ask(CatalogReply.class, catalog, ASK_TIMEOUT,
                    r -> new Catalog.CreateView(new CatalogView.ViewDefinition(c.name(), c.sql(), c.columns()), c.orReplace(), r),
                    CatalogAnswered::new);
            return this;
        }
        if (bound instanceof BoundStatement.DropView) {
            BoundStatement.DropView d = (BoundStatement.DropView) bound;
            kind = "DROP VIEW";
            getContext().ask(CatalogReply.class, catalog, ASK_TIMEOUT,
                    r -> new Catalog.DropView(d.name(), d.ifExists(), r), CatalogAnswered::new);
            return this;
        }
        if (bound instanceof BoundStatement.DropTable) {
            BoundStatement.DropTable d = (BoundStatement.DropTable) bound;
            kind = "DROP TABLE";
            getContext().ask(CatalogReply.class, catalog, ASK_TIMEOUT,
                    r -> new Catalog.DropTable(d.name(), d.ifExists(), r), CatalogAnswered::new);
            return this;
        }
        throw new MuruException(ErrorCode.FEATURE_NOT_SUPPORTED, "statement not supported");
    }

    private Behavior<Command> explain(BoundStatement.Explain e) {
        kind = "EXPLAIN";
        BoundStatement inner = e.statement();
        dev.muru.plan.logical.LogicalPlan logical;
        if (inner instanceof BoundStatement.Query) {
            logical = ((BoundStatement.Query) inner).plan();
        } else if (inner instanceof BoundStatement.Insert) {
            logical = ((BoundStatement.Insert) inner).source();
        } else {
            return reply(explainResult(List.of("EXPLAIN shows plans of queries and INSERT; this statement has none")));
        }
        PhysicalPlan p = PhysicalPlanner.plan(logical);
        if (!e.analyze()) {
            List<ParallelConfig.Decision> decisions = new ArrayList<>();
            for (Pipeline pl : p.pipelines()) {
                decisions.add(parallel.decide(pl, pl.estimatedRows(), estimatedMorsels(pl), true));
            }
            return reply(explainResult(ExplainFormatter.format(logical, p, decisions, null, settings)));
        }
        return execute(p, morsels -> reply(explainResult(ExplainFormatter.format(logical, p, null, stats, settings))));
    }

    private static List<java.util.Map.Entry<String, int[]>> keys(List<BoundStatement.Key> keys) {
        List<java.util.Map.Entry<String, int[]>> out = new ArrayList<>();
        for (BoundStatement.Key k : keys) {
            out.add(java.util.Map.entry(k.name(), k.columns()));
        }
        return out;
    }

    /** SHOW name: one column named after the setting; SHOW ALL: name, setting, description. */
    private Behavior<Command> show(String name) {
        kind = "SHOW";
        if (name != null) {
            String value = session.show(name);
            Morsel m = new Morsel(new ColumnVector[]{VectorBuilder.of(DataType.VARCHAR, List.of(value))}, 1);
            return reply(new QueryResult(kind, Schema.of(new Column(name, DataType.VARCHAR)), List.of(m), -1, elapsed()));
        }
        List<String[]> all = session.showAll();
        List<List<Object>> cols = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (String[] row : all) {
            for (int i = 0; i < 3; i++) {
                cols.get(i).add(row[i]);
            }
        }
        Morsel m = new Morsel(new ColumnVector[]{VectorBuilder.of(DataType.VARCHAR, cols.get(0)),
                VectorBuilder.of(DataType.VARCHAR, cols.get(1)), VectorBuilder.of(DataType.VARCHAR, cols.get(2))}, all.size());
        return reply(new QueryResult(kind, Schema.of(new Column("name", DataType.VARCHAR),
                new Column("setting", DataType.VARCHAR), new Column("description", DataType.VARCHAR)), List.of(m), -1, elapsed()));
    }

    private QueryResult explainResult(List<String> lines) {
        List<Object> values = new ArrayList<>(lines);
        Morsel m = new Morsel(new ColumnVector[]{VectorBuilder.of(DataType.VARCHAR, values)}, lines.size());
        return new QueryResult(kind, Schema.of(new Column("plan", DataType.VARCHAR)), List.of(m), -1, elapsed());
    }

    private Behavior<Command> insert(BoundStatement.Insert ins) {
        kind = "INSERT";
        TableHandle handle = snapshots.handle(ins.table());
        Schema schema = handle.schema();
        PhysicalPlan p = PhysicalPlanner.plan(ins.source());
        return execute(p, morsels -> {
            List<Morsel> typed = new ArrayList<>();
            for (Morsel m : morsels) {
                ColumnVector[] cols = new ColumnVector[schema.size()];
                for (int c = 0; c < cols.length; c++) {
                    cols[c] = VectorBuilder.retype(m.column(c), schema.type(c));
                }
                typed.add(m.withColumns(cols));
            }
            write(handle.store(), r -> new TableStore.Append(typed, ins.replace(), ins.checkLengths(), r));
        });
    }

    private Behavior<Command> copy(BoundStatement.Copy c) {
        kind = "COPY";
        TableHandle handle = snapshots.handle(c.table());
        Path path = Path.of(c.path());
        write(handle.store(), r -> new TableStore.CopyFrom(path, c.targetColumns(), c.delimiter(), c.header(), c.nullText(), c.checkLengths(), r));
        return this;
    }

    private void write(ActorRef<TableStore.Command> store,
                       org.apache.pekko.japi.function.Function<ActorRef<WriteResult>, TableStore.Command> message) {
        getContext().ask(WriteResult.class, store, ASK_TIMEOUT, message, WriteAnswered::new);
    }

    private Behavior<Command> onWrite(WriteAnswered w) {
        if (w.error() != null) {
            return fail(w.error());
        }
        if (w.result() instanceof TableStore.WriteFailed) {
            return fail(((TableStore.WriteFailed) w.result()).error());
        }
        long rows = ((TableStore.Written) w.result()).rows();
        return reply(new QueryResult(kind, new Schema(List.of()), List.of(), rows, elapsed()));
    }

    private Behavior<Command> onCatalog(CatalogAnswered a) {
        if (a.error() != null) {
            return fail(a.error());
        }
        if (a.reply() instanceof Catalog.Failed) {
            return fail(((Catalog.Failed) a.reply()).error());
        }
        return reply(new QueryResult(kind, new Schema(List.of()), List.of(), 0, elapsed()));
    }

    // ---- pipeline execution ----

    private Behavior<Command> execute(PhysicalPlan p, Consumer<List<Morsel>> done) {
        this.plan = p;
        this.onPlanDone = done;
        this.state = new PlanState(snapshots, settings);
        this.current = -1;
        progress.planned(p.pipelines().size());
        return startNext();
    }

    private Behavior<Command> startNext() {
        current++;
        if (current == plan.pipelines().size()) {
            onPlanDone.accept(state.lastOutput());
            return replied ? Behaviors.stopped() : this;
        }
        Pipeline p = plan.pipelines().get(current);
        streamingLast = current == plan.pipelines().size() - 1 && streams(p);
        if (streamingLast) {
            PipelineSink.Collect c = (PipelineSink.Collect) p.sink();
            channel.start(kind, plan.outputSchema());
            channel.slice(c.limit(), c.offset());
        }
        List<Morsel> input = state.input(p);
        MorselDispatcher dispatcher = new MorselDispatcher(input);
        progress.started(p.id(), dispatcher);
        long rows = dispatcher.rows();
        ParallelConfig.Decision d = parallel.decide(p, rows, input.size(), false);
        PipelineStats pipelineStats = new PipelineStats(d, rows, input.size());
        pipelineStats.skippedRowGroups = state.skippedRowGroups();
        stats.add(pipelineStats);
        pipelineStart = System.nanoTime();
        finishedSinks.clear();
        partitionOutputs.clear();

        boolean keyed = p.sink() instanceof PipelineSink.Distinct
                || p.sink() instanceof PipelineSink.Aggregate && ((PipelineSink.Aggregate) p.sink()).keyCount() > 0;
        boolean aggregate = p.sink() instanceof PipelineSink.Aggregate || p.sink() instanceof PipelineSink.Distinct;
        List<ActorRef<AggregateCombiner.Command>> combiners = new ArrayList<>();
        if (aggregate && d.parallel()) {
            // Without group keys there is one group: one combiner, so it is finished once.
            int partitions = keyed ? settings.effectiveAggregatePartitions() : 1;
            for (int i = 0; i < partitions; i++) {
                ActorRef<AggregateCombiner.Command> combiner = getContext().spawnAnonymous(
                        AggregateCombiner.create(p.id(), i, partitions, d.dop(), settings.morselRows(), getContext().getSelf()),
                        DispatcherSelector.fromConfig(WORKER_DISPATCHER));
                // A child that dies of an error it did not catch (an Error) must still fail the query.
                getContext().watch(combiner);
                combiners.add(combiner);
                partitionOutputs.add(null);
            }
        }
        pendingPartitions = combiners.size();
        pendingWorkers = d.dop();
        sharedCount = new AtomicLong();
        buildPartitions = d.parallel() ? settings.effectiveAggregatePartitions() : 1;
        workerShared = new PipelineWorker.Shared(p.id(), dispatcher, getContext().getSelf(), combiners, cancelled, memory,
                new java.util.concurrent.atomic.AtomicInteger(d.dop()), sinkName(p.sink()), headroom(p.sink()),
                streamingLast ? channel : null);
        pipelineStats.workers = d.dop();
        pipelineStats.actors = d.dop() + combiners.size();
        for (int w = 0; w < d.dop(); w++) {
            spawnWorker(p, w, d.elastic() && !d.parallel());
        }
        return this;
    }

    private AtomicLong sharedCount;
    private int buildPartitions;
    private PipelineWorker.Shared workerShared;

    /** Whether a pipeline's rows are the statement's result as they come, ready to stream. */
    private boolean streams(Pipeline p) {
        if (channel == null || !"SELECT".equals(kind) || !(p.sink() instanceof PipelineSink.Collect)) {
            return false;
        }
        PipelineSink.Collect c = (PipelineSink.Collect) p.sink();
        return c.unmatchedOf() < 0 && c.matchedOf() < 0 && !c.singleRow();
    }

    private void spawnWorker(Pipeline p, int index, boolean reportSlice) {
        SinkState sink = streamingLast ? new ResultChannelSink(channel, 2 * channel.capacity() + settings.parallelism()) : state.newSink(p, sharedCount, buildPartitions);
        PipelineDriver driver = new PipelineDriver(p.steps(), sink,
                state::joinTable, settings.morselRows(), p.source().schema().types(), cancelled::get);
        getContext().watch(getContext().spawnAnonymous(PipelineWorker.create(index, workerShared, driver, reportSlice),
                DispatcherSelector.fromConfig(WORKER_DISPATCHER)));
    }

    /**
     * Reservation per byte of sink state, so that the next morsel's growth is covered before
     * it happens: a hash aggregation may double its arrays (old and new live at once: 3×), a
     * join build and a sort make one more copy when they build or sort, buffered rows none.
     */
    private static int headroom(PipelineSink s) {
        if (s instanceof PipelineSink.Aggregate || s instanceof PipelineSink.Distinct) {
            return 3;
        }
        return s instanceof PipelineSink.Collect ? 1 : 2;
    }

    /** What a pipeline's sink is called in a memory error. */
    private static String sinkName(PipelineSink s) {
        if (s instanceof PipelineSink.Aggregate || s instanceof PipelineSink.Distinct) {
            return "a hash aggregation";
        }
        if (s instanceof PipelineSink.Sort) {
            return "a sort";
        }
        if (s instanceof PipelineSink.JoinBuild) {
            return "a hash join build";
        }
        return "the buffered result rows";
    }

    /** Time of a fan-out below which it is not worth it even when no statistics say otherwise. */
    static final long MIN_FANOUT_NANOS = 1_000_000;

    /**
     * Elastic DOP: a sequential pipeline whose first slice shows more work left than a parallel
     * start costs gets more workers on the same dispatcher.
     */
    private Behavior<Command> onSliceDone(SliceDone s) {
        if (s.pipeline() != current || pendingWorkers == 0 || settings.parallelism() < 2) {
            return this;
        }
        MorselDispatcher dispatcher = workerShared.dispatcher();
        int taken = Math.min(s.morselsTaken(), dispatcher.size());
        int left = dispatcher.size() - taken;
        if (taken == 0 || left < 1) {
            return this;
        }
        double perMorsel = (double) s.busyNanos() / taken;
        double leftNanos = perMorsel * left;
        Pipeline p = plan.pipelines().get(current);
        RuntimeStats.Fit seq = runtimeStats.sequential(p.operation());
        RuntimeStats.Fit par = runtimeStats.parallel(p.operation(), Math.min(settings.parallelism(), 2));
        double fanOutCost = MIN_FANOUT_NANOS;
        if (seq != null && par != null && par.samples() >= RuntimeStats.MIN_SAMPLES) {
            fanOutCost = Math.max(fanOutCost, par.fixedNanos() - seq.fixedNanos());
        }
        if (leftNanos < 2 * fanOutCost) {
            return this;
        }
        int add = Math.min(settings.parallelism() - 1, left);
        PipelineStats st = stats.get(current);
        st.elastic = String.format(java.util.Locale.ROOT,
                "fanned out to DOP %d: the first %d morsels took %.3f ms, %d left (~%.3f ms sequential)",
                add + 1, taken, s.busyNanos() / 1e6, left, leftNanos / 1e6);
        st.workers += add;
        st.actors += add;
        for (int i = 0; i < add; i++) {
            workerShared.active().incrementAndGet();
            pendingWorkers++;
            spawnWorker(p, st.workers - add + i, false);
        }
        return this;
    }

    private Behavior<Command> onWorkerFinished(WorkerFinished f) {
        if (f.pipeline() != current) {
            return this;
        }
        PipelineStats st = stats.get(current);
        st.rowsAfterSteps += f.rowsOut();
        st.workerNanos += f.busyNanos();
        st.addSteps(f.stepRows(), f.stepNanos(), f.sinkNanos());
        st.reservedBytes += f.reservedBytes();
        if (f.degraded()) {
            st.degradedWorkers++;
        }
        if (f.sink() != null) {
            finishedSinks.add(f.sink());
        }
        pendingWorkers--;
        return maybeFinishPipeline();
    }

    private Behavior<Command> onPartitionDone(PartitionDone d) {
        if (d.pipeline() != current) {
            return this;
        }
        partitionOutputs.set(d.partition(), d.morsels());
        stats.get(current).workerNanos += d.busyNanos();
        pendingPartitions--;
        return maybeFinishPipeline();
    }

    private Behavior<Command> maybeFinishPipeline() {
        if (pendingWorkers > 0 || pendingPartitions > 0) {
            return this;
        }
        try {
            Pipeline p = plan.pipelines().get(current);
            if (p.sink() instanceof PipelineSink.JoinBuild) {
                return startBuilders(p);
            }
            List<Morsel> out = streamingLast ? List.of() : state.output(p, finishedSinks, partitionOutputs);
            PipelineStats st = stats.get(current);
            st.wallNanos = System.nanoTime() - pipelineStart;
            long bytes = 0;
            for (Morsel m : out) {
                st.rowsOut += m.size();
                bytes += m.estimatedBytes();
            }
            finishPipeline(p, st, bytes);
            state.addOutput(out);
            return startNext();
        } catch (Throwable e) {
            return fail(e);
        }
    }

    /** The build pipeline's rows are in; one builder actor per partition makes its hash table. */
    private Behavior<Command> startBuilders(Pipeline p) {
        List<JoinBuildSink> sinks = new ArrayList<>();
        for (SinkState s : finishedSinks) {
            sinks.add((JoinBuildSink) s);
        }
        int partitions = sinks.get(0).partitions();
        builtPartitions = new JoinHashTable[partitions];
        pendingBuilds = partitions;
        for (int i = 0; i < partitions; i++) {
            getContext().watch(getContext().spawnAnonymous(HashJoinBuilder.create(p.id(), i, sinks, getContext().getSelf()),
                    DispatcherSelector.fromConfig(WORKER_DISPATCHER)));
        }
        return this;
    }

    private Behavior<Command> onPartitionBuilt(PartitionBuilt b) {
        if (b.pipeline() != current) {
            return this;
        }
        builtPartitions[b.partition()] = b.table();
        stats.get(current).workerNanos += b.busyNanos();
        if (--pendingBuilds > 0) {
            return this;
        }
        stats.get(current).actors += builtPartitions.length;
        try {
            Pipeline p = plan.pipelines().get(current);
            PipelineSink.JoinBuild sink = (PipelineSink.JoinBuild) p.sink();
            JoinTable table = new JoinTable(builtPartitions, sink.keyColumns(), sink.schema().types());
            state.addJoinTable(p.id(), table);
            PipelineStats st = stats.get(current);
            st.wallNanos = System.nanoTime() - pipelineStart;
            st.rowsOut = table.rows();
            finishPipeline(p, st, table.estimatedBytes());
            state.addOutput(List.of());
            return startNext();
        } catch (Throwable e) {
            return fail(e);
        }
    }

    /**
     * A pipeline is done: its sink reservations become one reservation for the output that
     * later pipelines read, and what it measured goes into the engine's runtime statistics.
     */
    private void finishPipeline(Pipeline p, PipelineStats st, long outputBytes) {
        progress.finished(p.id(), st.morselsIn);
        metrics.pipelineFinished(st.workers > 1 ? EngineMetrics.Mode.PARALLEL : EngineMetrics.Mode.SEQUENTIAL,
                p.source() instanceof dev.muru.plan.physical.PipelineSource.TableScan ? st.rowsIn : 0);
        memory.release(st.reservedBytes);
        st.outputBytes = outputBytes;
        st.peakBytes = Math.max(st.reservedBytes, outputBytes);
        memory.reserve(outputBytes, "the output of pipeline " + p.id());
        st.queryReservedAfter = memory.reserved();
        if (st.elastic == null) {
            runtimeStats.record(new RuntimeStats.Observation(p.operation(), st.workers, st.rowsIn, st.wallNanos,
                    st.workerNanos));
        }
        boolean par = st.workers > 1;
        long rows = st.rowsIn;
        for (int i = 0; i < p.steps().size() && i < st.stepNanos.length; i++) {
            PipelineStep step = p.steps().get(i);
            RuntimeStats.OperatorKind k = step instanceof PipelineStep.Filter ? RuntimeStats.OperatorKind.FILTER
                    : step instanceof PipelineStep.Project ? RuntimeStats.OperatorKind.PROJECT : RuntimeStats.OperatorKind.PROBE;
            runtimeStats.recordOperator(k, par, rows, st.stepNanos[i]);
            rows = st.stepRows[i];
        }
        PipelineSink sink = p.sink();
        RuntimeStats.OperatorKind k = sink instanceof PipelineSink.JoinBuild ? RuntimeStats.OperatorKind.JOIN_BUILD
                : sink instanceof PipelineSink.Sort ? RuntimeStats.OperatorKind.SORT
                : sink instanceof PipelineSink.Collect ? RuntimeStats.OperatorKind.COLLECT : RuntimeStats.OperatorKind.AGGREGATE;
        runtimeStats.recordOperator(k, par, st.rowsAfterSteps, st.sinkNanos);
    }

    private int estimatedMorsels(Pipeline p) {
        return (int) Math.max(1, (p.estimatedRows() + settings.morselRows() - 1) / settings.morselRows());
    }

    // ---- replies ----

    private boolean replied;
    /** The pending statement timeout; cancelled on the answer so finished statements leave no timer. */
    private org.apache.pekko.actor.Cancellable timeout;

    private long elapsed() {
        return System.nanoTime() - started;
    }

    private Behavior<Command> reply(QueryResult result) {
        if (channel != null && !replied) {
            // Streamed: the rows go through the channel as the consumer takes them.
            leave();
            if (!channel.started()) {
                channel.start(result.statementKind(), result.schema());
            }
            feeding = result;
            return feed();
        }
        if (timeout != null) {
            timeout.cancel();
        }
        memory.close();
        leave();
        if (!replied) {
            replied = true;
            metrics.statementFinished(true);
            replyTo.tell(new MuruEngine.QuerySucceeded(result));
        }
        return Behaviors.stopped();
    }

    /** A finished result that the channel takes morsel by morsel. */
    private QueryResult feeding;
    private int fed;

    private Behavior<Command> feed() {
        List<Morsel> morsels = feeding.morsels();
        while (fed < morsels.size() && channel.wantsMore()) {
            if (!channel.hasRoom()) {
                ActorRef<Command> self = getContext().getSelf();
                channel.whenRoom(() -> self.tell(new Feed()));
                return this;
            }
            channel.offer(morsels.get(fed++));
        }
        if (timeout != null) {
            timeout.cancel();
        }
        memory.close();
        replied = true;
        metrics.statementFinished(true);
        QueryResult r = feeding;
        channel.complete(r.statementKind(), r.schema(), r.updateCount(), elapsed());
        replyTo.tell(new MuruEngine.QuerySucceeded(new QueryResult(r.statementKind(), r.schema(), List.of(),
                r.updateCount(), elapsed())));
        return Behaviors.stopped();
    }

    private Behavior<Command> fail(Throwable e) {
        cancelled.set(true);
        if (timeout != null) {
            timeout.cancel();
        }
        memory.close();
        leave();
        if (!replied) {
            replied = true;
            metrics.statementFinished(false);
            if (channel != null) {
                channel.fail(toMuruException(e));
            }
            replyTo.tell(new MuruEngine.QueryFailed(toMuruException(e)));
        }
        return Behaviors.stopped();
    }

    private boolean left;

    /**
     * No longer counts as running: done before the reply, so that a client's next statement
     * does not see this one still running and get a smaller share of the workers.
     */
    private void leave() {
        if (!left) {
            left = true;
            running.decrementAndGet();
        }
    }

    static MuruException toMuruException(Throwable e) {
        if (e instanceof MuruException) {
            return (MuruException) e;
        }
        if (e instanceof OutOfMemoryError) {
            return new MuruException(ErrorCode.OUT_OF_MEMORY,
                    "the statement ran out of memory (" + e.getMessage() + "); its state was released", e);
        }
        if (e instanceof StackOverflowError) {
            return new MuruException(ErrorCode.FEATURE_NOT_SUPPORTED, "statement is nested too deeply", e);
        }
        return new MuruException(ErrorCode.INTERNAL_ERROR, "internal error: " + e, e);
    }
}
