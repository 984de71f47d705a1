package dev.muru.engine;

import dev.muru.MuruSettings;
import dev.muru.QueryResult;
import dev.muru.core.Morsel;
import dev.muru.operators.join.JoinBuildSink;
import dev.muru.operators.join.JoinHashTable;
import dev.muru.operators.join.JoinTable;
import dev.muru.operators.pipeline.PipelineDriver;
import dev.muru.operators.pipeline.SinkState;
import dev.muru.parser.SqlParser;
import dev.muru.parser.ast.Statement;
import dev.muru.plan.binder.Binder;
import dev.muru.plan.binder.BoundStatement;
import dev.muru.plan.physical.PhysicalPlan;
import dev.muru.plan.physical.PhysicalPlanner;
import dev.muru.plan.physical.Pipeline;
import dev.muru.plan.physical.PipelineSink;
import dev.muru.plan.physical.PipelineSource;
import dev.muru.storage.CatalogView;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a small query on the calling thread: every pipeline sequentially, with no actor and no
 * message, because for a point query the hops between threads cost ten times the work. It gives
 * up as soon as the rows it has touched (read, emitted by joins, or collected) pass a budget or
 * it has run for 50 ms, and the caller then sends the statement
 * to a coordinator like any other; a query that is small by its tables but big by its joins thus
 * still gets parallelism, cancellation and its timeout.
 */
public final class InlineRun {
    private InlineRun() {
    }

    /** Thrown (without a stack) when the work passes the budget. */
    private static final class OverBudget extends RuntimeException {
        OverBudget() {
            super(null, null, false, false);
        }
    }

    /**
     * The result of {@code sql} run inline, or null when it is not a query, its scans would read
     * more than {@code rowBudget} rows (after zone maps skip row groups), or it touched more than
     * {@link #WORK_FACTOR} times that many while running.
     */
    public static QueryResult tryRun(CatalogView view, String sql, List<?> parameters, MuruSettings settings, long rowBudget) {
        return tryRun(view, sql, parameters, settings, rowBudget, new EngineMetrics());
    }

    /** As above; a run that finishes counts its pipelines and scanned rows into {@code metrics}. */
    public static QueryResult tryRun(CatalogView view, String sql, List<?> parameters, MuruSettings settings, long rowBudget,
                                     EngineMetrics metrics) {
        long start = System.nanoTime();
        Statement statement = SqlParser.parseCached(sql);
        if (!(statement instanceof Statement.Select)) {
            return null;
        }
        SnapshotCatalog snapshots = new SnapshotCatalog(view);
        BoundStatement bound = new Binder(snapshots, parameters, settings.compatibility()).bind(statement);
        if (!(bound instanceof BoundStatement.Query)) {
            return null;
        }
        PhysicalPlan plan = PhysicalPlanner.plan(((BoundStatement.Query) bound).plan());
        PlanState state = new PlanState(snapshots, settings);
        // Per pipeline its estimated input; a scan's is at most the rows its zone maps leave (a
        // point filter on a big table reads one row group).
        long[] rows = new long[plan.pipelines().size()];
        long scanned = 0;
        for (Pipeline p : plan.pipelines()) {
            rows[p.id()] = p.estimatedRows();
            if (p.source() instanceof PipelineSource.TableScan) {
                long tableRows = snapshots.snapshot(((PipelineSource.TableScan) p.source()).table()).rowCount();
                long toScan = tableRows <= rowBudget ? tableRows : state.rowsToScan(p);
                scanned += toScan;
                rows[p.id()] = Math.min(rows[p.id()], toScan);
            }
        }
        for (Pipeline p : plan.pipelines()) {
            if (rows[p.id()] > rowBudget * WORK_FACTOR) {
                return null;
            }
            // A join without equality keys compares every pair inside the probe, emitting only
            // the pairs that pass: count the pairs up front.
            for (dev.muru.plan.physical.PipelineStep step : p.steps()) {
                if (step instanceof dev.muru.plan.physical.PipelineStep.HashJoinProbe
                        && ((dev.muru.plan.physical.PipelineStep.HashJoinProbe) step).probeKeys().length == 0) {
                    long build = rows[((dev.muru.plan.physical.PipelineStep.HashJoinProbe) step).buildPipeline()];
                    if ((double) build * Math.max(1, rows[p.id()]) > rowBudget * WORK_FACTOR) {
                        return null;
                    }
                }
            }
        }
        if (scanned > rowBudget) {
            return null;
        }
        try {
            List<Morsel> out = run(plan, state, settings, rowBudget, metrics);
            return new QueryResult("SELECT", plan.outputSchema(), out, -1, System.nanoTime() - start);
        } catch (OverBudget e) {
            return null;
        }
    }

    /** Rows an inline run may touch per row its tables may hold, and the time it may take. */
    static final long WORK_FACTOR = 4;
    static final long MAX_NANOS = 50_000_000;

    private static List<Morsel> run(PhysicalPlan plan, PlanState state, MuruSettings settings, long rowBudget,
                                    EngineMetrics metrics) {
        long[] touched = {0};
        long[] scannedRows = new long[plan.pipelines().size()];
        long deadline = System.nanoTime() + MAX_NANOS;
        for (Pipeline p : plan.pipelines()) {
            List<Morsel> input = state.input(p);
            SinkState sink = state.newSink(p, new AtomicLong(), 1);
            long before = touched[0];
            PipelineDriver[] self = new PipelineDriver[1];
            // Checked between the chunks a probe emits and after each sink input: a join can emit
            // far more rows than it reads, and a filter after it may drop them all.
            java.util.function.BooleanSupplier overBudget = () -> {
                PipelineDriver d = self[0];
                if (before + d.rowsIn() + d.probeRows() + d.rowsOut() > rowBudget * WORK_FACTOR
                        || System.nanoTime() > deadline) {
                    throw new OverBudget();
                }
                return false;
            };
            PipelineDriver driver = new PipelineDriver(p.steps(), sink, state::joinTable, settings.morselRows(),
                    p.source().schema().types(), overBudget);
            self[0] = driver;
            driver.onSinkInput(overBudget::getAsBoolean);
            for (Morsel m : input) {
                if (driver.satisfied()) {
                    break;
                }
                driver.process(m);
            }
            touched[0] = before + driver.rowsIn() + driver.probeRows() + driver.rowsOut();
            scannedRows[p.id()] = p.source() instanceof PipelineSource.TableScan ? driver.rowsIn() : 0;
            if (p.sink() instanceof PipelineSink.JoinBuild) {
                PipelineSink.JoinBuild b = (PipelineSink.JoinBuild) p.sink();
                JoinHashTable table = JoinTable.buildPartition(List.of((JoinBuildSink) sink), 0);
                state.addJoinTable(p.id(), new JoinTable(new JoinHashTable[]{table}, b.keyColumns(), b.schema().types()));
                state.addOutput(List.of());
            } else {
                state.addOutput(state.output(p, List.of(sink), List.of()));
            }
        }
        // Counted once the whole run is done: a run given up over its budget is run again by a coordinator.
        for (long rows : scannedRows) {
            metrics.pipelineFinished(EngineMetrics.Mode.INLINE, rows);
        }
        return state.lastOutput();
    }
}
