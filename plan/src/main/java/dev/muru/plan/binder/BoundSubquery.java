package dev.muru.plan.binder;

import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.logical.LogicalPlan;

import java.util.List;

/**
 * A subquery bound for decorrelation. Its plan's first {@code valueColumns} columns are the
 * subquery's own result; the rest feed {@code correlation}: the correlated predicates pulled out
 * of it, where InputRef(OUTER_BASE + i) is column i of the enclosing query and InputRef(j) is
 * column j of the plan. {@code emptyValue}, when not null, is the value on no matching rows
 * (a COUNT gives 0, not NULL).
 */
record BoundSubquery(LogicalPlan plan, int valueColumns, List<BoundExpr> correlation, BoundExpr emptyValue) {
    BoundSubquery {
        correlation = List.copyOf(correlation);
    }

    boolean correlated() {
        return !correlation.isEmpty();
    }
}
