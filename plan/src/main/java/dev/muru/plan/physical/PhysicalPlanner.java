package dev.muru.plan.physical;

import dev.muru.core.Column;
import dev.muru.core.Schema;
import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.expr.ExpressionFormatter;
import dev.muru.plan.expr.ExpressionTree;
import dev.muru.plan.logical.AggregateCall;
import dev.muru.plan.logical.LogicalPlan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a logical plan into pipelines at the breakers (aggregate, distinct, sort, limit), fuses
 * filters and projections into the pipeline that feeds them, and prunes scanned columns to
 * those the pipeline reads.
 */
public final class PhysicalPlanner {
    private final List<Pipeline> done = new ArrayList<>();

    /** A pipeline being assembled. */
    private static final class Open {
        PipelineSource source;
        final List<PipelineStep> steps = new ArrayList<>();
        long estimatedRows;
        boolean ordered;

        Schema schema() {
            return steps.isEmpty() ? source.schema() : steps.get(steps.size() - 1).schema();
        }
    }

    public static PhysicalPlan plan(LogicalPlan logical) {
        logical = dev.muru.plan.optimizer.ColumnPruner.prune(dev.muru.plan.optimizer.NeverTrueFilters.apply(logical));
        PhysicalPlanner p = new PhysicalPlanner();
        Open open = p.build(logical);
        // With nothing left to do, the last breaker's output already is the result.
        if (!(open.steps.isEmpty() && open.source instanceof PipelineSource.PipelineOutput)) {
            p.close(open, new PipelineSink.Collect(-1, 0, open.schema()));
        }
        return new PhysicalPlan(p.done, logical.schema());
    }

    private Open build(LogicalPlan plan) {
        if (plan instanceof LogicalPlan.Scan) {
            LogicalPlan.Scan s = (LogicalPlan.Scan) plan;
            Open o = new Open();
            o.source = new PipelineSource.TableScan(s.table(), s.columns(), s.schema());
            o.estimatedRows = s.estimatedRows();
            return o;
        }
        if (plan instanceof LogicalPlan.Values) {
            LogicalPlan.Values v = (LogicalPlan.Values) plan;
            Open o = new Open();
            o.source = new PipelineSource.ConstantRows(v.rows(), v.schema());
            o.estimatedRows = v.rows().size();
            return o;
        }
        if (plan instanceof LogicalPlan.Filter) {
            LogicalPlan.Filter f = (LogicalPlan.Filter) plan;
            Open o = build(f.input());
            o.steps.add(new PipelineStep.Filter(f.predicate(), o.schema()));
            return o;
        }
        if (plan instanceof LogicalPlan.Project) {
            LogicalPlan.Project p = (LogicalPlan.Project) plan;
            Open o = build(p.input());
            if (!isIdentity(p.expressions(), o.schema().size())) {
                o.steps.add(new PipelineStep.Project(p.expressions(), p.schema()));
            }
            return o;
        }
        if (plan instanceof LogicalPlan.Aggregate) {
            return aggregate((LogicalPlan.Aggregate) plan);
        }
        if (plan instanceof LogicalPlan.Distinct) {
            Open o = build(((LogicalPlan.Distinct) plan).input());
            return next(close(o, new PipelineSink.Distinct(o.schema())), false);
        }
        if (plan instanceof LogicalPlan.Sort) {
            LogicalPlan.Sort s = (LogicalPlan.Sort) plan;
            Open o = build(s.input());
            return next(close(o, new PipelineSink.Sort(s.items(), -1, o.schema())), true);
        }
        if (plan instanceof LogicalPlan.Join) {
            return join((LogicalPlan.Join) plan);
        }
        if (plan instanceof LogicalPlan.Union) {
            LogicalPlan.Union u = (LogicalPlan.Union) plan;
            int[] ids = new int[u.inputs().size()];
            long rows = 0;
            for (int i = 0; i < ids.length; i++) {
                Open in = build(u.inputs().get(i));
                Pipeline p = close(in, new PipelineSink.Collect(-1, 0, in.schema()));
                ids[i] = p.id();
                rows += p.estimatedRows();
            }
            Open o = new Open();
            o.source = new PipelineSource.Concat(ids, u.schema());
            o.estimatedRows = rows;
            return o;
        }
        if (plan instanceof LogicalPlan.SingleRow) {
            Open o = build(((LogicalPlan.SingleRow) plan).input());
            Open next = next(close(o, new PipelineSink.Collect(-1, 0, o.schema(), -1, true)), false);
            next.estimatedRows = 1;
            return next;
        }
        if (plan instanceof LogicalPlan.Limit) {
            LogicalPlan.Limit l = (LogicalPlan.Limit) plan;
            Open o = build(l.input());
            // LIMIT right after ORDER BY: the sort keeps only the rows the limit can return.
            if (l.limit() >= 0 && o.steps.isEmpty() && o.source instanceof PipelineSource.PipelineOutput) {
                int prevId = ((PipelineSource.PipelineOutput) o.source).pipeline();
                Pipeline prev = done.get(prevId);
                if (prev.sink() instanceof PipelineSink.Sort) {
                    PipelineSink.Sort s = (PipelineSink.Sort) prev.sink();
                    long topN = l.limit() > Long.MAX_VALUE - l.offset() ? -1 : l.limit() + l.offset();
                    done.set(prevId, new Pipeline(prev.id(), prev.source(), prev.steps(),
                            new PipelineSink.Sort(s.items(), topN, s.schema()), prev.estimatedRows(), prev.ordered()));
                }
            }
            return next(close(o, new PipelineSink.Collect(l.limit(), l.offset(), o.schema())), o.ordered);
        }
        throw new IllegalArgumentException("no physical plan for " + plan.getClass().getSimpleName());
    }

    /**
     * Build side first: its pipeline ends in the partitioned hash table. The probe side's
     * pipeline goes on through the probe step; RIGHT and FULL joins end it there, so the
     * unmatched build rows can follow the probe output.
     */
    private Open join(LogicalPlan.Join j) {
        Open b = build(j.right());
        int rw = b.schema().size();
        int[] buildKeys = keyColumns(b, j.rightKeys());
        int buildWidth = b.schema().size();
        Pipeline bp = close(b, new PipelineSink.JoinBuild(buildKeys, b.schema()));
        Open o = build(j.left());
        int lw = o.schema().size();
        int[] probeKeys = keyColumns(o, j.leftKeys());
        int probeWidth = o.schema().size();
        BoundExpr residual = j.condition() == null ? null
                : remapFunction(j.condition(), i -> i < lw ? i : probeWidth + (i - lw));
        Schema out = LogicalPlan.Join.outputSchema(o.schema(), bp.sink().schema(), j.kind());
        o.steps.add(new PipelineStep.HashJoinProbe(bp.id(), j.kind(), probeKeys, residual, j.nullAware(), out));
        o.estimatedRows = j.estimatedRows();
        if (j.kind().keepsOnlyRight()) {
            // The probe only marks build rows; the marked (or unmarked) ones are the output.
            Schema build = bp.sink().schema();
            o = next(close(o, new PipelineSink.Collect(-1, 0, build, j.kind().emitsUnmatchedRight() ? bp.id() : -1,
                    false, j.kind().emitsMatchedRight() ? bp.id() : -1)), false);
            o.estimatedRows = j.estimatedRows();
            if (buildWidth != rw) {
                List<BoundExpr> exprs = new ArrayList<>();
                for (int i = 0; i < rw; i++) {
                    exprs.add(new BoundExpr.InputRef(i, build.type(i)));
                }
                o.steps.add(new PipelineStep.Project(exprs, j.schema()));
            }
            return o;
        }
        if (j.kind().emitsUnmatchedRight()) {
            o = next(close(o, new PipelineSink.Collect(-1, 0, out, bp.id(), false)), false);
            o.estimatedRows = j.estimatedRows();
        }
        if (probeWidth != lw || buildWidth != rw) {
            // Drop the computed key columns again.
            List<BoundExpr> exprs = new ArrayList<>();
            Schema logical = j.schema();
            for (int i = 0; i < logical.size(); i++) {
                int from = i < lw ? i : j.kind() == dev.muru.plan.logical.JoinKind.MARK ? probeWidth : probeWidth + (i - lw);
                exprs.add(new BoundExpr.InputRef(from, logical.type(i)));
            }
            o.steps.add(new PipelineStep.Project(exprs, logical));
        }
        return o;
    }

    /** Column indexes of the key expressions, appending a projection for keys that are not plain columns. */
    private static int[] keyColumns(Open o, List<BoundExpr> keys) {
        int[] out = new int[keys.size()];
        List<BoundExpr> computed = new ArrayList<>();
        Schema in = o.schema();
        for (int i = 0; i < out.length; i++) {
            BoundExpr k = keys.get(i);
            if (k instanceof BoundExpr.InputRef) {
                out[i] = ((BoundExpr.InputRef) k).index();
            } else {
                out[i] = in.size() + computed.size();
                computed.add(k);
            }
        }
        if (!computed.isEmpty()) {
            List<BoundExpr> exprs = new ArrayList<>();
            List<Column> cols = new ArrayList<>(in.columns());
            for (int i = 0; i < in.size(); i++) {
                exprs.add(new BoundExpr.InputRef(i, in.type(i)));
            }
            for (BoundExpr k : computed) {
                exprs.add(k);
                cols.add(new Column(ExpressionFormatter.format(k, in), k.type()));
            }
            o.steps.add(new PipelineStep.Project(exprs, new Schema(cols)));
        }
        return out;
    }

    private static BoundExpr remapFunction(BoundExpr e, java.util.function.IntUnaryOperator f) {
        return dev.muru.plan.optimizer.Predicates.rewrite(e, f);
    }

    /** A projection that passes its input through unchanged (column names do not matter here). */
    private static boolean isIdentity(List<BoundExpr> exprs, int inputWidth) {
        if (exprs.size() != inputWidth) {
            return false;
        }
        for (int i = 0; i < exprs.size(); i++) {
            BoundExpr e = exprs.get(i);
            if (!(e instanceof BoundExpr.InputRef) || ((BoundExpr.InputRef) e).index() != i) {
                return false;
            }
        }
        return true;
    }

    private Open aggregate(LogicalPlan.Aggregate a) {
        Open o = build(a.input());
        // Pre-projection: keys first, then one column per aggregate argument.
        List<BoundExpr> exprs = new ArrayList<>(a.groupKeys());
        List<Column> cols = new ArrayList<>();
        Schema in = o.schema();
        for (BoundExpr k : a.groupKeys()) {
            cols.add(new Column(ExpressionFormatter.format(k, in), k.type()));
        }
        List<AggregateCall> calls = new ArrayList<>();
        for (AggregateCall c : a.aggregates()) {
            if (c.argument() == null) {
                calls.add(c);
                continue;
            }
            int idx = exprs.indexOf(c.argument());
            if (idx < 0) {
                exprs.add(c.argument());
                cols.add(new Column(ExpressionFormatter.format(c.argument(), in), c.argument().type()));
                idx = exprs.size() - 1;
            }
            calls.add(new AggregateCall(c.function(), c.distinct(), new BoundExpr.InputRef(idx, c.argument().type()), c.type()));
        }
        o.steps.add(new PipelineStep.Project(exprs, new Schema(cols)));
        return next(close(o, new PipelineSink.Aggregate(a.groupKeys().size(), calls, a.schema())), false);
    }

    private Pipeline close(Open o, PipelineSink sink) {
        int[] used = usedColumns(o.source, o.steps);
        Pipeline p = used == null
                ? new Pipeline(done.size(), o.source, o.steps, sink, o.estimatedRows, o.ordered)
                : new Pipeline(done.size(), prune(o.source, used), pruneSteps(o.source, o.steps, used), sink,
                o.estimatedRows, o.ordered);
        done.add(p);
        return p;
    }

    private static Open next(Pipeline previous, boolean ordered) {
        Open o = new Open();
        o.source = new PipelineSource.PipelineOutput(previous.id(), previous.sink().schema());
        boolean oneRow = previous.sink() instanceof PipelineSink.Aggregate
                && ((PipelineSink.Aggregate) previous.sink()).keyCount() == 0;
        o.estimatedRows = oneRow ? 1 : previous.estimatedRows();
        o.ordered = ordered;
        return o;
    }

    /** Scanned columns a pipeline needs: those read by its steps up to the first projection. */
    private static int[] usedColumns(PipelineSource source, List<PipelineStep> steps) {
        if (!(source instanceof PipelineSource.TableScan)) {
            return null;
        }
        boolean[] used = new boolean[source.schema().size()];
        for (PipelineStep s : steps) {
            if (s instanceof PipelineStep.HashJoinProbe) {
                return null; // the probe passes every column on
            }
            if (s instanceof PipelineStep.Filter) {
                mark(((PipelineStep.Filter) s).predicate(), used);
            } else {
                for (BoundExpr e : ((PipelineStep.Project) s).expressions()) {
                    mark(e, used);
                }
                int n = 0;
                for (boolean b : used) {
                    n += b ? 1 : 0;
                }
                int[] out = new int[n];
                for (int i = 0, j = 0; i < used.length; i++) {
                    if (used[i]) {
                        out[j++] = i;
                    }
                }
                return out;
            }
        }
        return null;
    }

    private static PipelineSource prune(PipelineSource source, int[] used) {
        PipelineSource.TableScan t = (PipelineSource.TableScan) source;
        int[] cols = new int[used.length];
        List<Column> schema = new ArrayList<>();
        for (int i = 0; i < used.length; i++) {
            cols[i] = t.columns()[used[i]];
            schema.add(t.schema().column(used[i]));
        }
        return new PipelineSource.TableScan(t.table(), cols, new Schema(schema));
    }

    private static List<PipelineStep> pruneSteps(PipelineSource source, List<PipelineStep> steps, int[] used) {
        int[] map = new int[source.schema().size()];
        Arrays.fill(map, -1);
        for (int i = 0; i < used.length; i++) {
            map[used[i]] = i;
        }
        Schema pruned = prune(source, used).schema();
        List<PipelineStep> out = new ArrayList<>();
        boolean remapping = true;
        for (PipelineStep s : steps) {
            if (!remapping) {
                out.add(s);
            } else if (s instanceof PipelineStep.Filter) {
                out.add(new PipelineStep.Filter(remap(((PipelineStep.Filter) s).predicate(), map), pruned));
            } else {
                List<BoundExpr> exprs = new ArrayList<>();
                for (BoundExpr e : ((PipelineStep.Project) s).expressions()) {
                    exprs.add(remap(e, map));
                }
                out.add(new PipelineStep.Project(exprs, s.schema()));
                remapping = false;
            }
        }
        return out;
    }

    private static void mark(BoundExpr e, boolean[] used) {
        if (e instanceof BoundExpr.InputRef) {
            used[((BoundExpr.InputRef) e).index()] = true;
        }
        ExpressionTree.children(e).forEach(c -> mark(c, used));
    }

    /** The same expression with input column i renamed to map[i]. */
    public static BoundExpr remap(BoundExpr e, int[] map) {
        if (e instanceof BoundExpr.InputRef) {
            BoundExpr.InputRef r = (BoundExpr.InputRef) e;
            return new BoundExpr.InputRef(map[r.index()], r.type());
        }
        return ExpressionTree.mapChildren(e, c -> remap(c, map));
    }
}
