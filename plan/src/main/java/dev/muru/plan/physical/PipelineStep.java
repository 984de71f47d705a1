package dev.muru.plan.physical;

import dev.muru.core.Schema;
import dev.muru.plan.expr.BoundExpr;

import java.util.List;

/** A streaming operator fused into a pipeline: it maps one morsel to one morsel. */
public sealed interface PipelineStep {
    Schema schema();

    record Filter(BoundExpr predicate, Schema schema) implements PipelineStep {
    }

    record Project(List<BoundExpr> expressions, Schema schema) implements PipelineStep {
        public Project {
            expressions = List.copyOf(expressions);
        }
    }

    /**
     * Probes the hash table built by pipeline {@code buildPipeline} with {@code probeKeys}
     * (columns of the input). {@code residual} reads the input's columns, then the table's.
     */
    record HashJoinProbe(int buildPipeline, dev.muru.plan.logical.JoinKind kind, int[] probeKeys, BoundExpr residual,
                         boolean nullAware, Schema schema) implements PipelineStep {
    }
}
