package dev.muru.plan.physical;

import java.util.List;

/**
 * Source → fused streaming steps → sink. {@code ordered} pipelines read a sorted input and
 * must keep its order, so they run on one worker.
 */
public record Pipeline(int id, PipelineSource source, List<PipelineStep> steps, PipelineSink sink,
                       long estimatedRows, boolean ordered) {
    public Pipeline {
        steps = List.copyOf(steps);
    }

    /** Which threshold decides this pipeline's parallelism. */
    public OperationKind operation() {
        if (sink instanceof PipelineSink.JoinBuild) {
            return OperationKind.JOIN;
        }
        if (sink instanceof PipelineSink.Aggregate || sink instanceof PipelineSink.Distinct) {
            return OperationKind.AGGREGATE;
        }
        if (sink instanceof PipelineSink.Sort) {
            return OperationKind.SORT;
        }
        return OperationKind.SCAN;
    }
}
