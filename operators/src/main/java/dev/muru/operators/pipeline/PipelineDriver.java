package dev.muru.operators.pipeline;

import dev.muru.core.Morsel;
import dev.muru.operators.expr.ConstantFolding;
import dev.muru.operators.expr.ExpressionCompiler;
import dev.muru.operators.expr.FilterKernel;
import dev.muru.operators.expr.ProjectionKernel;
import dev.muru.operators.expr.VectorExpression;
import dev.muru.operators.join.HashJoinProbe;
import dev.muru.operators.join.JoinTable;
import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.physical.PipelineStep;

import java.util.List;
import java.util.function.IntFunction;

/**
 * Runs a pipeline's fused steps on one morsel at a time and hands the result to the sink.
 * A probe step may emit several morsels for one input; each goes through the steps after it.
 * One driver per worker: compiled expressions may cache buffers, so drivers are not shared.
 */
public final class PipelineDriver {
    private final VectorExpression[] filters;
    private final VectorExpression[][] projections;
    private final HashJoinProbe[] probes;
    private final SinkState sink;
    private long rowsIn;
    private long rowsOut;
    /** Per step: rows it emitted and its own time (a probe's excludes the steps it feeds), for EXPLAIN ANALYZE. */
    private final long[] stepRows;
    private final long[] stepNanos;
    private long sinkNanos;
    private Runnable sinkInput;
    /**
     * Per filter step, one selection array reused for every morsel when the sink consumes a
     * morsel within add() (aggregation): filters then allocate nothing per morsel. Null for
     * sinks that keep morsels.
     */
    private final int[][] selections;
    /** Checked between the morsels a probe emits: one input morsel can expand a great deal. */
    private final java.util.function.BooleanSupplier cancelled;

    public PipelineDriver(List<PipelineStep> steps, SinkState sink) {
        this(steps, sink, id -> {
            throw new IllegalStateException("no join table for pipeline " + id);
        }, 16384, List.of(), () -> false);
    }

    /**
     * {@code tables}: the finished hash table of each build pipeline the probe steps read;
     * {@code inputTypes}: the column types of the pipeline's source.
     */
    public PipelineDriver(List<PipelineStep> steps, SinkState sink, IntFunction<JoinTable> tables, int morselRows,
                          List<dev.muru.core.DataType> inputTypes, java.util.function.BooleanSupplier cancelled) {
        this.sink = sink;
        this.cancelled = cancelled;
        int n = steps.size();
        this.filters = new VectorExpression[n];
        this.projections = new VectorExpression[n][];
        this.probes = new HashJoinProbe[n];
        this.stepRows = new long[n];
        this.stepNanos = new long[n];
        this.selections = sink instanceof AggregateSink ? new int[n][] : null;
        for (int i = 0; i < n; i++) {
            PipelineStep s = steps.get(i);
            if (s instanceof PipelineStep.Filter) {
                filters[i] = compile(((PipelineStep.Filter) s).predicate());
                if (selections != null) {
                    selections[i] = new int[0];
                }
            } else if (s instanceof PipelineStep.Project) {
                List<BoundExpr> exprs = ((PipelineStep.Project) s).expressions();
                projections[i] = new VectorExpression[exprs.size()];
                for (int j = 0; j < exprs.size(); j++) {
                    projections[i][j] = compile(exprs.get(j));
                }
            } else {
                PipelineStep.HashJoinProbe p = (PipelineStep.HashJoinProbe) s;
                JoinTable table = tables.apply(p.buildPipeline());
                List<dev.muru.core.DataType> probeTypes = i == 0 ? inputTypes : steps.get(i - 1).schema().types();
                probes[i] = new HashJoinProbe(table, p.kind(), p.probeKeys(), probeTypes, p.residual(), p.nullAware(),
                        morselRows);
                probes[i].cancelWhen(cancelled);
            }
        }
    }

    private static VectorExpression compile(BoundExpr e) {
        return ExpressionCompiler.compile(ConstantFolding.fold(e));
    }

    public void process(Morsel morsel) {
        rowsIn += morsel.size();
        run(morsel, 0);
    }

    private void run(Morsel morsel, int from) {
        Morsel m = morsel;
        for (int i = from; i < filters.length; i++) {
            if (m.size() == 0) {
                return;
            }
            long start = System.nanoTime();
            if (filters[i] != null) {
                m = filter(m, filters[i], i);
            } else if (projections[i] != null) {
                m = ProjectionKernel.project(m, projections[i]);
            } else {
                int step = i;
                long downstream = downstreamNanos(step + 1);
                probes[i].probe(m, out -> {
                    if (cancelled.getAsBoolean()) {
                        throw new dev.muru.core.MuruException(dev.muru.core.ErrorCode.QUERY_CANCELLED, "statement stopped");
                    }
                    stepRows[step] += out.size();
                    run(out, step + 1);
                });
                stepNanos[step] += System.nanoTime() - start - (downstreamNanos(step + 1) - downstream);
                return;
            }
            stepNanos[i] += System.nanoTime() - start;
            stepRows[i] += m.size();
        }
        rowsOut += m.size();
        long start = System.nanoTime();
        sink.add(m);
        sinkNanos += System.nanoTime() - start;
        if (sinkInput != null) {
            sinkInput.run();
        }
    }

    /** Time spent so far in the steps from {@code from} on and in the sink. */
    private long downstreamNanos(int from) {
        long n = sinkNanos;
        for (int i = from; i < stepNanos.length; i++) {
            n += stepNanos[i];
        }
        return n;
    }

    private Morsel filter(Morsel m, VectorExpression predicate, int step) {
        if (selections == null) {
            return FilterKernel.filter(m, predicate);
        }
        int[] selection = selections[step];
        if (selection.length < m.positions()) {
            selection = new int[m.positions()];
            selections[step] = selection;
        }
        // The input's own selection may be this array: select() allows writing over it.
        int k = FilterKernel.select(m, predicate, selection);
        return k == m.size() ? m : m.withSelection(selection, k);
    }

    /** Runs after every morsel the sink takes (the runtime keeps its memory reservation ahead there). */
    public void onSinkInput(Runnable listener) {
        this.sinkInput = listener;
    }

    public SinkState sink() {
        return sink;
    }

    public boolean satisfied() {
        return sink.satisfied();
    }

    public long rowsIn() {
        return rowsIn;
    }

    public long rowsOut() {
        return rowsOut;
    }

    /** Rows the probe steps emitted so far: a join's output, however much later steps drop. */
    public long probeRows() {
        long n = 0;
        for (int i = 0; i < probes.length; i++) {
            if (probes[i] != null) {
                n += stepRows[i];
            }
        }
        return n;
    }

    /** Rows each step emitted. */
    public long[] stepRows() {
        return stepRows;
    }

    /** Each step's own nanoseconds. */
    public long[] stepNanos() {
        return stepNanos;
    }

    /** Nanoseconds spent adding to the sink. */
    public long sinkNanos() {
        return sinkNanos;
    }
}
