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
 * up as soon as the rows it has touched pass a budget, and the caller then sends the statement
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
     * The result of {@code sql} run inline, or null when it is not a query, its tables hold more
     * than {@code rowBudget} rows, or it touched more rows than that while running.
     */
    public static QueryResult tryRun(CatalogView view, String sql, List<?> parameters, MuruSettings settings, long rowBudget) {
        long start = System.nanoTime();
        Statement statement = SqlParser.parseStatement(sql);
        if (!(statement instanceof Statement.Select)) {
            return null;
        }
        SnapshotCatalog snapshots = new SnapshotCatalog(view);
        BoundStatement bound = new Binder(snapshots, parameters).bind(statement);
        if (!(bound instanceof BoundStatement.Query)) {
            return null;
        }
        PhysicalPlan plan = PhysicalPlanner.plan(((BoundStatement.Query) bound).plan());
        long scanned = 0;
        for (Pipeline p : plan.pipelines()) {
            if (p.source() instanceof PipelineSource.TableScan) {
                scanned += snapshots.snapshot(((PipelineSource.TableScan) p.source()).table()).rowCount();
            }
        }
        if (scanned > rowBudget) {
            return null;
        }
        try {
            List<Morsel> out = run(plan, new PlanState(snapshots, settings), settings, rowBudget);
            return new QueryResult("SELECT", plan.outputSchema(), out, -1, System.nanoTime() - start);
        } catch (OverBudget e) {
            return null;
        }
    }

    private static List<Morsel> run(PhysicalPlan plan, PlanState state, MuruSettings settings, long rowBudget) {
        long[] touched = {0};
        for (Pipeline p : plan.pipelines()) {
            List<Morsel> input = state.input(p);
            SinkState sink = state.newSink(p, new AtomicLong(), 1);
            PipelineDriver driver = new PipelineDriver(p.steps(), sink, state::joinTable, settings.morselRows(),
                    p.source().schema().types(), () -> false);
            long before = touched[0];
            // A join can emit far more rows than it reads: count what reaches the sink too.
            driver.onSinkInput(() -> {
                if (before + driver.rowsIn() + driver.rowsOut() > rowBudget * 4) {
                    throw new OverBudget();
                }
            });
            for (Morsel m : input) {
                if (driver.satisfied()) {
                    break;
                }
                driver.process(m);
            }
            touched[0] = before + driver.rowsIn() + driver.rowsOut();
            if (p.sink() instanceof PipelineSink.JoinBuild) {
                PipelineSink.JoinBuild b = (PipelineSink.JoinBuild) p.sink();
                JoinHashTable table = JoinTable.buildPartition(List.of((JoinBuildSink) sink), 0);
                state.addJoinTable(p.id(), new JoinTable(new JoinHashTable[]{table}, b.keyColumns(), b.schema().types()));
                state.addOutput(List.of());
            } else {
                state.addOutput(state.output(p, List.of(sink), List.of()));
            }
        }
        return state.lastOutput();
    }
}
