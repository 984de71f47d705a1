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
}
