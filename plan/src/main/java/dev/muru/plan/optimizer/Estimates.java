package dev.muru.plan.optimizer;

import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.logical.LogicalPlan;

/**
 * Row-count estimates from table sizes and fixed selectivities: enough to put the smaller
 * input on the build side and to avoid joins that blow up. No column statistics yet.
 */
public final class Estimates {
    private Estimates() {
    }

    public static double rows(LogicalPlan p) {
        if (p instanceof LogicalPlan.Scan) {
            return Math.max(1, ((LogicalPlan.Scan) p).estimatedRows());
        }
        if (p instanceof LogicalPlan.Values) {
            return ((LogicalPlan.Values) p).rows().size();
        }
        if (p instanceof LogicalPlan.Filter) {
            LogicalPlan.Filter f = (LogicalPlan.Filter) p;
            return Math.max(1, rows(f.input()) * selectivity(f.predicate(), f.input()));
        }
        if (p instanceof LogicalPlan.Aggregate) {
            LogicalPlan.Aggregate a = (LogicalPlan.Aggregate) p;
            double in = rows(a.input());
            return a.groupKeys().isEmpty() ? 1 : Math.max(1, Math.min(in, Math.pow(in, 0.8)));
        }
        if (p instanceof LogicalPlan.Distinct) {
            double in = rows(((LogicalPlan.Distinct) p).input());
            return Math.max(1, Math.min(in, Math.pow(in, 0.8)));
        }
        if (p instanceof LogicalPlan.Limit) {
            LogicalPlan.Limit l = (LogicalPlan.Limit) p;
            double in = rows(l.input());
            return l.limit() < 0 ? in : Math.min(in, l.limit());
        }
        if (p instanceof LogicalPlan.Join) {
            return Math.max(1, ((LogicalPlan.Join) p).estimatedRows());
        }
        if (p instanceof LogicalPlan.Union) {
            double sum = 0;
            for (LogicalPlan in : p.inputs()) {
                sum += rows(in);
            }
            return sum;
        }
        if (p instanceof LogicalPlan.SingleRow) {
            return 1;
        }
        if (p instanceof LogicalPlan.OuterDomain) {
            return 100;
        }
        return rows(p.inputs().get(0)); // Project, Sort
    }

    /** An estimate of the distinct values of column {@code column} of {@code p}. */
    public static double distinct(LogicalPlan p, int column) {
        double rows = rows(p);
        if (p instanceof LogicalPlan.Scan) {
            LogicalPlan.Scan s = (LogicalPlan.Scan) p;
            long d = s.distinct() == null ? 0 : s.distinct().applyAsLong(s.columns()[column]);
            return d > 0 ? Math.min(rows, d) : rows;
        }
        if (p instanceof LogicalPlan.Filter || p instanceof LogicalPlan.Sort || p instanceof LogicalPlan.Limit
                || p instanceof LogicalPlan.Distinct) {
            return Math.min(rows, distinct(p.inputs().get(0), column));
        }
        if (p instanceof LogicalPlan.Project) {
            BoundExpr e = ((LogicalPlan.Project) p).expressions().get(column);
            return e instanceof BoundExpr.InputRef
                    ? Math.min(rows, distinct(p.inputs().get(0), ((BoundExpr.InputRef) e).index())) : rows;
        }
        if (p instanceof LogicalPlan.Join) {
            LogicalPlan.Join j = (LogicalPlan.Join) p;
            int lw = j.left().schema().size();
            if (column < lw) {
                return Math.min(rows, distinct(j.left(), column));
            }
            if (j.kind() != dev.muru.plan.logical.JoinKind.MARK) {
                return Math.min(rows, distinct(j.right(), column - lw));
            }
        }
        return rows;
    }

    /** The fraction of rows {@code e} is expected to keep. */
    public static double selectivity(BoundExpr e) {
        return selectivity(e, null);
    }

    /** As {@link #selectivity(BoundExpr)}; column = constant keeps 1 / distinct values of the column. */
    public static double selectivity(BoundExpr e, LogicalPlan input) {
        if (e instanceof BoundExpr.InList) {
            BoundExpr.InList in = (BoundExpr.InList) e;
            double s = Math.min(0.5, 0.1 * in.list().size());
            return in.negated() ? 1 - s : s;
        }
        if (e instanceof BoundExpr.Constant) {
            return Boolean.TRUE.equals(((BoundExpr.Constant) e).value()) ? 1 : 0;
        }
        if (!(e instanceof BoundExpr.Call)) {
            return 0.5;
        }
        BoundExpr.Call c = (BoundExpr.Call) e;
        switch (c.function()) {
            case AND: {
                double s = 1;
                for (BoundExpr a : c.args()) {
                    s *= selectivity(a, input);
                }
                return s;
            }
            case OR: {
                double keep = 1;
                for (BoundExpr a : c.args()) {
                    keep *= 1 - selectivity(a, input);
                }
                return 1 - keep;
            }
            case NOT:
                return 1 - selectivity(c.args().get(0), input);
            case EQUAL: {
                BoundExpr l = c.args().get(0);
                BoundExpr r = c.args().get(1);
                if (input != null && l instanceof BoundExpr.InputRef && r instanceof BoundExpr.Constant) {
                    return Math.min(0.1, 1 / Math.max(1, distinct(input, ((BoundExpr.InputRef) l).index())));
                }
                return 0.1;
            }
            case NOT_EQUAL:
                return 0.9;
            case LESS: case LESS_EQUAL: case GREATER: case GREATER_EQUAL:
                return 0.4;
            case LIKE:
                return 0.25;
            case NOT_LIKE:
                return 0.75;
            case IS_NULL:
                return 0.1;
            case IS_NOT_NULL:
                return 0.9;
            default:
                return 0.5;
        }
    }
}
