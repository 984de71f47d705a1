package dev.muru.plan.optimizer;

import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.expr.Function;
import dev.muru.plan.logical.LogicalPlan;

import java.util.List;

/**
 * Replaces a filter whose condition can never be TRUE (WHERE NULL, HAVING NULL IS NOT NULL,
 * x &gt; 1 AND y = NULL) by an empty relation, so its input is never read nor computed: as in
 * PostgreSQL's one-time filter, an error the input would raise (a division by zero in WHERE
 * under HAVING FALSE) is not raised. The analysis is structural: which of TRUE, FALSE and NULL
 * each boolean can be, from constants and NULL-propagating operators.
 */
public final class NeverTrueFilters {
    private static final int TRUE = 1;
    private static final int FALSE = 2;
    private static final int NULL = 4;
    private static final int ANY = TRUE | FALSE | NULL;

    private NeverTrueFilters() {
    }

    public static LogicalPlan apply(LogicalPlan plan) {
        return LogicalPlan.replace(plan, p -> {
            if (p instanceof LogicalPlan.Filter f && (outcomes(f.predicate()) & TRUE) == 0) {
                return new LogicalPlan.Values(List.of(), f.schema());
            }
            return null;
        });
    }

    /** The values a boolean expression can take, as a set of TRUE, FALSE and NULL bits. */
    static int outcomes(BoundExpr e) {
        if (e instanceof BoundExpr.Constant c) {
            return c.value() == null ? NULL : Boolean.TRUE.equals(c.value()) ? TRUE : FALSE;
        }
        if (surelyNull(e)) {
            return NULL;
        }
        if (!(e instanceof BoundExpr.Call call)) {
            return ANY;
        }
        switch (call.function()) {
            case NOT: {
                int x = outcomes(call.args().get(0));
                return (x & NULL) | ((x & TRUE) != 0 ? FALSE : 0) | ((x & FALSE) != 0 ? TRUE : 0);
            }
            case AND: case OR: {
                boolean and = call.function() == Function.AND;
                int acc = and ? TRUE : FALSE;
                for (BoundExpr arg : call.args()) {
                    acc = combine(acc, outcomes(arg), and);
                }
                return acc;
            }
            case IS_NULL: case IS_NOT_NULL:
                if (surelyNull(call.args().get(0))) {
                    return call.function() == Function.IS_NULL ? TRUE : FALSE;
                }
                return TRUE | FALSE;
            default:
                return ANY;
        }
    }

    /** AND or OR of two outcome sets: every pair of values, in three-valued logic. */
    private static int combine(int a, int b, boolean and) {
        int out = 0;
        for (int x = 1; x <= NULL; x <<= 1) {
            for (int y = 1; y <= NULL; y <<= 1) {
                if ((a & x) != 0 && (b & y) != 0) {
                    out |= and ? and3(x, y) : or3(x, y);
                }
            }
        }
        return out;
    }

    private static int and3(int x, int y) {
        return x == FALSE || y == FALSE ? FALSE : x == NULL || y == NULL ? NULL : TRUE;
    }

    private static int or3(int x, int y) {
        return x == TRUE || y == TRUE ? TRUE : x == NULL || y == NULL ? NULL : FALSE;
    }

    /** Whether the expression is NULL for every row: a NULL constant, or one under a NULL-propagating operator. */
    static boolean surelyNull(BoundExpr e) {
        if (e instanceof BoundExpr.Constant c) {
            return c.value() == null;
        }
        if (e instanceof BoundExpr.Cast c) {
            return surelyNull(c.input());
        }
        if (e instanceof BoundExpr.InList in) {
            return !in.list().isEmpty() && surelyNull(in.value());
        }
        if (e instanceof BoundExpr.Call call && propagatesNull(call.function())) {
            for (BoundExpr arg : call.args()) {
                if (surelyNull(arg)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean propagatesNull(Function f) {
        switch (f) {
            case ADD: case SUBTRACT: case MULTIPLY: case DIVIDE: case MODULO: case NEGATE: case ABS:
            case EQUAL: case NOT_EQUAL: case LESS: case LESS_EQUAL: case GREATER: case GREATER_EQUAL:
            case NOT: case LIKE: case NOT_LIKE:
                return true;
            default:
                return false;
        }
    }
}
