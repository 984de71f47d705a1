package dev.muru.plan.optimizer;

import dev.muru.core.DataType;
import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.expr.ExpressionTree;
import dev.muru.plan.expr.Function;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntUnaryOperator;

/** Conjunct lists, column sets and index rewrites of bound predicates. */
public final class Predicates {
    private Predicates() {
    }

    /** The AND-ed parts of {@code e}, flattened; common parts of OR branches are factored out first. */
    public static List<BoundExpr> conjuncts(BoundExpr e) {
        List<BoundExpr> out = new ArrayList<>();
        collect(factorOr(e), out);
        return out;
    }

    private static void collect(BoundExpr e, List<BoundExpr> out) {
        if (e instanceof BoundExpr.Call && ((BoundExpr.Call) e).function() == Function.AND) {
            for (BoundExpr a : ((BoundExpr.Call) e).args()) {
                collect(a, out);
            }
        } else if (!(e instanceof BoundExpr.Constant && Boolean.TRUE.equals(((BoundExpr.Constant) e).value()))) {
            out.add(e);
        }
    }

    /** AND of the parts (TRUE when empty). */
    public static BoundExpr and(List<BoundExpr> parts) {
        if (parts.isEmpty()) {
            return new BoundExpr.Constant(true, DataType.BOOLEAN);
        }
        return parts.size() == 1 ? parts.get(0) : new BoundExpr.Call(Function.AND, parts, DataType.BOOLEAN);
    }

    /**
     * (A AND B) OR (A AND C) becomes A AND (B OR C): a join key repeated in every branch of an
     * OR (TPC-H Q19) then joins by hash instead of a cross product.
     */
    static BoundExpr factorOr(BoundExpr e) {
        if (!(e instanceof BoundExpr.Call)) {
            return e;
        }
        BoundExpr.Call c = (BoundExpr.Call) e;
        if (c.function() == Function.AND) {
            List<BoundExpr> args = new ArrayList<>();
            for (BoundExpr a : c.args()) {
                args.add(factorOr(a));
            }
            return new BoundExpr.Call(Function.AND, args, c.type());
        }
        if (c.function() != Function.OR) {
            return e;
        }
        List<List<BoundExpr>> branches = new ArrayList<>();
        for (BoundExpr a : c.args()) {
            List<BoundExpr> parts = new ArrayList<>();
            collect(factorOr(a), parts);
            branches.add(parts);
        }
        List<BoundExpr> common = new ArrayList<>();
        for (BoundExpr p : branches.get(0)) {
            boolean inAll = true;
            for (List<BoundExpr> b : branches) {
                inAll &= b.contains(p);
            }
            if (inAll && !common.contains(p)) {
                common.add(p);
            }
        }
        if (common.isEmpty()) {
            return e;
        }
        List<BoundExpr> rest = new ArrayList<>();
        for (List<BoundExpr> b : branches) {
            List<BoundExpr> left = new ArrayList<>(b);
            left.removeAll(common);
            if (left.isEmpty()) {
                return and(common); // one branch is just the common part: the OR adds nothing
            }
            rest.add(and(left));
        }
        List<BoundExpr> out = new ArrayList<>(common);
        out.add(new BoundExpr.Call(Function.OR, rest, DataType.BOOLEAN));
        return new BoundExpr.Call(Function.AND, out, DataType.BOOLEAN);
    }

    /** The input columns {@code e} reads (indexes below {@code limit}; larger ones are markers). */
    public static BitSet columns(BoundExpr e, int limit) {
        BitSet out = new BitSet();
        mark(e, limit, out);
        return out;
    }

    public static void mark(BoundExpr e, int limit, BitSet out) {
        if (e instanceof BoundExpr.InputRef) {
            int i = ((BoundExpr.InputRef) e).index();
            if (i < limit) {
                out.set(i);
            }
            return;
        }
        for (BoundExpr c : ExpressionTree.children(e)) {
            mark(c, limit, out);
        }
    }

    /** True if some InputRef of {@code e} satisfies the test. */
    public static boolean references(BoundExpr e, java.util.function.IntPredicate test) {
        if (e instanceof BoundExpr.InputRef) {
            return test.test(((BoundExpr.InputRef) e).index());
        }
        for (BoundExpr c : ExpressionTree.children(e)) {
            if (references(c, test)) {
                return true;
            }
        }
        return false;
    }

    /** {@code e} with every column index i replaced by map(i). */
    public static BoundExpr rewrite(BoundExpr e, IntUnaryOperator map) {
        if (e instanceof BoundExpr.InputRef) {
            BoundExpr.InputRef r = (BoundExpr.InputRef) e;
            return new BoundExpr.InputRef(map.applyAsInt(r.index()), r.type());
        }
        return ExpressionTree.mapChildren(e, c -> rewrite(c, map));
    }

    /** {@code e} with every InputRef replaced by {@code f} of it. */
    public static BoundExpr replaceRefs(BoundExpr e, java.util.function.Function<BoundExpr.InputRef, BoundExpr> f) {
        if (e instanceof BoundExpr.InputRef) {
            return f.apply((BoundExpr.InputRef) e);
        }
        return ExpressionTree.mapChildren(e, c -> replaceRefs(c, f));
    }

    /**
     * Splits a join condition over left ++ right (left has {@code leftWidth} columns) into
     * equi-join keys (left expression = right expression) and the residual rest.
     */
    public record JoinCondition(List<BoundExpr> leftKeys, List<BoundExpr> rightKeys, BoundExpr residual) {
    }

    public static JoinCondition splitJoin(List<BoundExpr> conjuncts, int leftWidth) {
        List<BoundExpr> lk = new ArrayList<>();
        List<BoundExpr> rk = new ArrayList<>();
        List<BoundExpr> rest = new ArrayList<>();
        for (BoundExpr c : conjuncts) {
            if (c instanceof BoundExpr.Call && ((BoundExpr.Call) c).function() == Function.EQUAL) {
                BoundExpr a = ((BoundExpr.Call) c).args().get(0);
                BoundExpr b = ((BoundExpr.Call) c).args().get(1);
                int sa = side(a, leftWidth);
                int sb = side(b, leftWidth);
                if (sa == 1 && sb == 2 || sa == 2 && sb == 1) {
                    BoundExpr l = sa == 1 ? a : b;
                    BoundExpr r = sa == 1 ? b : a;
                    if (l.type().equals(r.type())) {
                        lk.add(l);
                        rk.add(rewrite(r, i -> i - leftWidth));
                        continue;
                    }
                }
            }
            rest.add(c);
        }
        return new JoinCondition(lk, rk, rest.isEmpty() ? null : and(rest));
    }

    /** 1: only left columns, 2: only right columns, 0: none, 3: both. */
    private static int side(BoundExpr e, int leftWidth) {
        BitSet cols = columns(e, Integer.MAX_VALUE);
        if (cols.isEmpty()) {
            return 0;
        }
        boolean left = cols.nextSetBit(0) < leftWidth;
        boolean right = cols.length() - 1 >= leftWidth;
        return left && right ? 3 : left ? 1 : 2;
    }
}
