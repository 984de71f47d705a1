package dev.muru.plan.logical;

import dev.muru.core.DataType;
import dev.muru.plan.expr.BoundExpr;

/** One aggregate of an {@link LogicalPlan.Aggregate}: its argument is null for COUNT(*). */
public record AggregateCall(AggregateFunction function, boolean distinct, BoundExpr argument, DataType type) {
    @Override
    public String toString() {
        String f = function == AggregateFunction.COUNT_STAR ? "count(*)"
                : function.name().toLowerCase() + "(" + (distinct ? "distinct " : "") + argument + ")";
        return f;
    }
}
