package dev.muru.operators.expr;

import dev.muru.core.Morsel;
import dev.muru.core.MuruException;
import dev.muru.core.vector.ColumnVector;
import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.expr.Function;

import java.util.ArrayList;
import java.util.List;

/**
 * Replaces every subtree that reads no column by its value, computed by the evaluators on a
 * one-row morsel, so that constant kernels (column &lt; constant, LIKE 'abc%') see constants.
 * A subtree whose evaluation fails (1 / 0) stays as it is: the error belongs to execution, and
 * is raised only if a row reaches it. It also drops constant operands that decide nothing
 * (x AND TRUE) or everything (x OR TRUE), CASE branches whose condition is a constant,
 * COALESCE arguments after a non-NULL constant, and the other operand of NULLIF(NULL, x) and
 * NULL IN (x, ...), which are NULL whatever x is. Dropped operands are never evaluated, so
 * their errors (1 / 0) are not raised: SQL leaves it to the engine whether a value that cannot
 * change the result is computed.
 */
public final class ConstantFolding {
    private static final Morsel ONE_ROW = new Morsel(new ColumnVector[0], 1);

    private ConstantFolding() {
    }

    public static BoundExpr fold(BoundExpr expr) {
        if (expr instanceof BoundExpr.InputRef || expr instanceof BoundExpr.Constant) {
            return expr;
        }
        BoundExpr node = simplify(withFoldedChildren(expr));
        if (node instanceof BoundExpr.Constant || !childrenAreConstants(node)) {
            return node;
        }
        try {
            ColumnVector v = ExpressionCompiler.compileTree(node).evaluate(ONE_ROW);
            return new BoundExpr.Constant(Vectors.rawValue(v, 0), node.type());
        } catch (MuruException e) {
            return node;
        }
    }

    private static BoundExpr withFoldedChildren(BoundExpr expr) {
        if (expr instanceof BoundExpr.Call) {
            BoundExpr.Call c = (BoundExpr.Call) expr;
            return new BoundExpr.Call(c.function(), foldAll(c.args()), c.type());
        }
        if (expr instanceof BoundExpr.Cast) {
            BoundExpr.Cast c = (BoundExpr.Cast) expr;
            return new BoundExpr.Cast(fold(c.input()), c.type());
        }
        if (expr instanceof BoundExpr.Case) {
            BoundExpr.Case c = (BoundExpr.Case) expr;
            return new BoundExpr.Case(foldAll(c.conditions()), foldAll(c.results()), fold(c.elseResult()), c.type());
        }
        BoundExpr.InList in = (BoundExpr.InList) expr;
        return new BoundExpr.InList(fold(in.value()), foldAll(in.list()), in.negated());
    }

    private static List<BoundExpr> foldAll(List<BoundExpr> exprs) {
        List<BoundExpr> out = new ArrayList<>(exprs.size());
        for (BoundExpr e : exprs) {
            out.add(fold(e));
        }
        return out;
    }

    private static boolean childrenAreConstants(BoundExpr expr) {
        if (expr instanceof BoundExpr.Call) {
            return allConstants(((BoundExpr.Call) expr).args());
        }
        if (expr instanceof BoundExpr.Cast) {
            return ((BoundExpr.Cast) expr).input() instanceof BoundExpr.Constant;
        }
        if (expr instanceof BoundExpr.Case) {
            BoundExpr.Case c = (BoundExpr.Case) expr;
            return allConstants(c.conditions()) && allConstants(c.results()) && c.elseResult() instanceof BoundExpr.Constant;
        }
        if (expr instanceof BoundExpr.InList) {
            BoundExpr.InList in = (BoundExpr.InList) expr;
            return in.value() instanceof BoundExpr.Constant && allConstants(in.list());
        }
        return false;
    }

    private static boolean allConstants(List<BoundExpr> exprs) {
        for (BoundExpr e : exprs) {
            if (!(e instanceof BoundExpr.Constant)) {
                return false;
            }
        }
        return true;
    }

    private static BoundExpr simplify(BoundExpr expr) {
        if (expr instanceof BoundExpr.Call) {
            BoundExpr.Call c = (BoundExpr.Call) expr;
            if (c.function() == Function.AND || c.function() == Function.OR) {
                return simplifyLogical(c, c.function() == Function.AND);
            }
            if (c.function() == Function.COALESCE) {
                return simplifyCoalesce(c);
            }
            if (c.function() == Function.NULLIF && isNull(c.args().get(0))) {
                // NULLIF(NULL, x) is NULL whatever x is
                return new BoundExpr.Constant(null, c.type());
            }
        }
        if (expr instanceof BoundExpr.InList && isNull(((BoundExpr.InList) expr).value())
                && !((BoundExpr.InList) expr).list().isEmpty()) {
            // NULL [NOT] IN (items) is NULL whatever the items are
            return new BoundExpr.Constant(null, expr.type());
        }
        if (expr instanceof BoundExpr.Case) {
            return simplifyCase((BoundExpr.Case) expr);
        }
        return expr;
    }

    /** AND drops TRUE operands and is FALSE with a FALSE one; OR the other way round. NULL stays. */
    private static BoundExpr simplifyLogical(BoundExpr.Call c, boolean isAnd) {
        List<BoundExpr> kept = new ArrayList<>();
        for (BoundExpr arg : c.args()) {
            Boolean value = booleanConstant(arg);
            if (value == null) {
                kept.add(arg);
            } else if (value != isAnd) {
                return new BoundExpr.Constant(!isAnd, c.type());
            }
        }
        if (kept.isEmpty()) {
            return new BoundExpr.Constant(isAnd, c.type());
        }
        if (kept.size() == 1) {
            return kept.get(0);
        }
        return kept.size() == c.args().size() ? c : new BoundExpr.Call(c.function(), kept, c.type());
    }

    /** COALESCE skips NULL constants and stops at the first other constant: what follows is never used. */
    private static BoundExpr simplifyCoalesce(BoundExpr.Call c) {
        List<BoundExpr> kept = new ArrayList<>();
        for (BoundExpr arg : c.args()) {
            if (arg instanceof BoundExpr.Constant && ((BoundExpr.Constant) arg).value() == null) {
                continue;
            }
            kept.add(arg);
            if (arg instanceof BoundExpr.Constant) {
                break;
            }
        }
        if (kept.isEmpty()) {
            return new BoundExpr.Constant(null, c.type());
        }
        if (kept.size() == 1) {
            BoundExpr only = kept.get(0);
            return only.type().equals(c.type()) ? only : new BoundExpr.Cast(only, c.type());
        }
        return kept.size() == c.args().size() ? c : new BoundExpr.Call(c.function(), kept, c.type());
    }

    /** A branch with a FALSE or NULL constant condition is never taken; one with TRUE ends the CASE. */
    private static BoundExpr simplifyCase(BoundExpr.Case c) {
        List<BoundExpr> conditions = new ArrayList<>();
        List<BoundExpr> results = new ArrayList<>();
        for (int i = 0; i < c.conditions().size(); i++) {
            BoundExpr condition = c.conditions().get(i);
            if (condition instanceof BoundExpr.Constant) {
                if (Boolean.TRUE.equals(((BoundExpr.Constant) condition).value())) {
                    if (conditions.isEmpty()) {
                        return c.results().get(i);
                    }
                    return new BoundExpr.Case(conditions, results, c.results().get(i), c.type());
                }
                continue;
            }
            conditions.add(condition);
            results.add(c.results().get(i));
        }
        if (conditions.isEmpty()) {
            return c.elseResult();
        }
        return conditions.size() == c.conditions().size() ? c : new BoundExpr.Case(conditions, results, c.elseResult(), c.type());
    }

    private static boolean isNull(BoundExpr e) {
        return e instanceof BoundExpr.Constant && ((BoundExpr.Constant) e).value() == null;
    }

    /** TRUE or FALSE for a non-NULL boolean constant, else null. */
    private static Boolean booleanConstant(BoundExpr e) {
        if (e instanceof BoundExpr.Constant && ((BoundExpr.Constant) e).value() instanceof Boolean) {
            return (Boolean) ((BoundExpr.Constant) e).value();
        }
        return null;
    }
}
