package dev.muru.operators.pipeline;

import dev.muru.core.Morsel;
import dev.muru.operators.expr.ConstantFolding;
import dev.muru.operators.expr.ExpressionCompiler;
import dev.muru.operators.expr.FilterKernel;
import dev.muru.operators.expr.ProjectionKernel;
import dev.muru.operators.expr.VectorExpression;
import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.physical.PipelineStep;

import java.util.List;

/**
 * Runs a pipeline's fused steps on one morsel at a time and hands the result to the sink.
 * One driver per worker: compiled expressions may cache buffers, so drivers are not shared.
 */
public final class PipelineDriver {
    private final VectorExpression[] filters;
    private final VectorExpression[][] projections;
    private final SinkState sink;
    private long rowsIn;
    private long rowsOut;
    /**
     * One selection array reused for every morsel when the sink consumes a morsel within add()
     * (aggregation): filters then allocate nothing per morsel. Null for sinks that keep morsels.
     */
    private int[] selection;

    public PipelineDriver(List<PipelineStep> steps, SinkState sink) {
        this.sink = sink;
        this.selection = sink instanceof AggregateSink ? new int[0] : null;
        this.filters = new VectorExpression[steps.size()];
        this.projections = new VectorExpression[steps.size()][];
        for (int i = 0; i < steps.size(); i++) {
            PipelineStep s = steps.get(i);
            if (s instanceof PipelineStep.Filter) {
                filters[i] = compile(((PipelineStep.Filter) s).predicate());
            } else {
                List<BoundExpr> exprs = ((PipelineStep.Project) s).expressions();
                projections[i] = new VectorExpression[exprs.size()];
                for (int j = 0; j < exprs.size(); j++) {
                    projections[i][j] = compile(exprs.get(j));
                }
            }
        }
    }

    private static VectorExpression compile(BoundExpr e) {
        return ExpressionCompiler.compile(ConstantFolding.fold(e));
    }

    public void process(Morsel morsel) {
        rowsIn += morsel.size();
        Morsel m = morsel;
        for (int i = 0; i < filters.length && m.size() > 0; i++) {
            m = filters[i] != null ? filter(m, filters[i]) : ProjectionKernel.project(m, projections[i]);
        }
        rowsOut += m.size();
        sink.add(m);
    }

    private Morsel filter(Morsel m, VectorExpression predicate) {
        if (selection == null) {
            return FilterKernel.filter(m, predicate);
        }
        if (selection.length < m.positions()) {
            selection = new int[m.positions()];
        }
        // The input's own selection may be this array: select() allows writing over it.
        int k = FilterKernel.select(m, predicate, selection);
        return k == m.size() ? m : m.withSelection(selection, k);
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
}
