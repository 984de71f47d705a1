package dev.muru.plan.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Generic walks over bound expressions, so rewrites only state what they change. */
public final class ExpressionTree {
    private ExpressionTree() {
    }

    /** The direct sub-expressions of {@code e} (none for column references and constants). */
    public static List<BoundExpr> children(BoundExpr e) {
        if (e instanceof BoundExpr.Call) {
            return ((BoundExpr.Call) e).args();
        }
        if (e instanceof BoundExpr.Cast) {
            return List.of(((BoundExpr.Cast) e).input());
        }
        if (e instanceof BoundExpr.Case) {
            BoundExpr.Case c = (BoundExpr.Case) e;
            List<BoundExpr> out = new ArrayList<>(c.conditions());
            out.addAll(c.results());
            out.add(c.elseResult());
            return out;
        }
        if (e instanceof BoundExpr.InList) {
            BoundExpr.InList in = (BoundExpr.InList) e;
            List<BoundExpr> out = new ArrayList<>();
            out.add(in.value());
            out.addAll(in.list());
            return out;
        }
        return List.of();
    }

    /** {@code e} with every direct sub-expression replaced by {@code f} of it; leaves are returned as they are. */
    public static BoundExpr mapChildren(BoundExpr e, UnaryOperator<BoundExpr> f) {
        if (e instanceof BoundExpr.Call) {
            BoundExpr.Call c = (BoundExpr.Call) e;
            return new BoundExpr.Call(c.function(), map(c.args(), f), c.type());
        }
        if (e instanceof BoundExpr.Cast) {
            return new BoundExpr.Cast(f.apply(((BoundExpr.Cast) e).input()), e.type());
        }
        if (e instanceof BoundExpr.Case) {
            BoundExpr.Case c = (BoundExpr.Case) e;
            return new BoundExpr.Case(map(c.conditions(), f), map(c.results(), f), f.apply(c.elseResult()), c.type());
        }
        if (e instanceof BoundExpr.InList) {
            BoundExpr.InList in = (BoundExpr.InList) e;
            return new BoundExpr.InList(f.apply(in.value()), map(in.list(), f), in.negated());
        }
        return e;
    }

    private static List<BoundExpr> map(List<BoundExpr> in, UnaryOperator<BoundExpr> f) {
        List<BoundExpr> out = new ArrayList<>(in.size());
        for (BoundExpr x : in) {
            out.add(f.apply(x));
        }
        return out;
    }
}
