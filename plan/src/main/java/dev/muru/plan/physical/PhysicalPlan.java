package dev.muru.plan.physical;

import dev.muru.core.Schema;

import java.util.List;

/** Pipelines in execution order; the last one's sink output is the query result. */
public record PhysicalPlan(List<Pipeline> pipelines, Schema outputSchema) {
    public PhysicalPlan {
        pipelines = List.copyOf(pipelines);
    }

    public Pipeline last() {
        return pipelines.get(pipelines.size() - 1);
    }
}
