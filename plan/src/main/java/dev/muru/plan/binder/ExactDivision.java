package dev.muru.plan.binder;

import dev.muru.core.DataType;
import dev.muru.core.TypeKind;
import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.expr.Function;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Division of a CASE or COALESCE that mixes integer and fractional results: as in SQLite, the
 * division follows the value the conditional picks, so {@code COALESCE(59, AVG(x)) / -51} is
 * the integer division 59 / -51 = -1 whenever the 59 is picked, and a fractional division
 * only when the AVG is. The result type stays DOUBLE (the union of the branches).
 *
 * <p>The division is pushed into the branches: each path through the conditionals (and the
 * + - * / and unary minus above them) becomes a branch of one CASE, computed in BIGINT when
 * all its operands are integers and in DOUBLE otherwise. Explicit CASTs keep their type.
 * Divisions without such a conditional are left as they are.
 *
 * <p>Only under {@link Dialect#SQLITE}: PostgreSQL divides such a conditional by its common type.
 */
final class ExactDivision {
    /** Beyond this many paths the division stays fractional (the CASE would grow too large). */
    private static final int MAX_PATHS = 64;

    private ExactDivision() {
    }

    private sealed interface Tree {
    }

    private record Leaf(BoundExpr expr) implements Tree {
    }

    private record Branch(List<BoundExpr> conditions, List<Tree> results, Tree otherwise) implements Tree {
    }

    /** {@code div}: a DIVIDE of type DOUBLE; {@code explicit}: the CAST nodes the query wrote. */
    static BoundExpr apply(BoundExpr.Call div, Set<BoundExpr> explicit) {
        Tree l = tree(div.args().get(0), explicit);
        Tree r = tree(div.args().get(1), explicit);
        if (!mixed(l) && !mixed(r) || paths(l) * paths(r) > MAX_PATHS) {
            return div;
        }
        return expr(combine(Function.DIVIDE, l, r), div.type());
    }

    private static Tree tree(BoundExpr e, Set<BoundExpr> explicit) {
        if (!isFractional(e.type())) {
            return new Leaf(e);
        }
        if (e instanceof BoundExpr.Cast c && !explicit.contains(c) && c.input().type().isNumeric()) {
            return tree(c.input(), explicit);
        }
        if (e instanceof BoundExpr.Case c) {
            List<Tree> results = new ArrayList<>();
            for (BoundExpr r : c.results()) {
                results.add(tree(r, explicit));
            }
            return new Branch(c.conditions(), results, tree(c.elseResult(), explicit));
        }
        if (e instanceof BoundExpr.Call call) {
            List<BoundExpr> a = call.args();
            switch (call.function()) {
                case COALESCE: {
                    List<BoundExpr> conditions = new ArrayList<>();
                    List<Tree> results = new ArrayList<>();
                    for (int i = 0; i < a.size() - 1; i++) {
                        conditions.add(new BoundExpr.Call(Function.IS_NOT_NULL, List.of(a.get(i)), DataType.BOOLEAN));
                        results.add(tree(a.get(i), explicit));
                    }
                    return new Branch(conditions, results, tree(a.get(a.size() - 1), explicit));
                }
                case ADD: case SUBTRACT: case MULTIPLY: case DIVIDE:
                    return combine(call.function(), tree(a.get(0), explicit), tree(a.get(1), explicit));
                case NEGATE:
                    return negate(tree(a.get(0), explicit));
                default:
                    break;
            }
        }
        return new Leaf(e);
    }

    private static boolean isFractional(DataType t) {
        return t.kind() == TypeKind.DOUBLE || t.kind() == TypeKind.DECIMAL;
    }

    private static boolean isInteger(DataType t) {
        return t.kind() == TypeKind.INTEGER || t.kind() == TypeKind.BIGINT;
    }

    /** Whether a conditional picks an integer on some path, so that its exactness varies by row. */
    private static boolean mixed(Tree t) {
        return t instanceof Branch b && hasIntegerLeaf(b);
    }

    private static boolean hasIntegerLeaf(Tree t) {
        if (t instanceof Leaf l) {
            return isInteger(l.expr().type());
        }
        Branch b = (Branch) t;
        for (Tree r : b.results()) {
            if (hasIntegerLeaf(r)) {
                return true;
            }
        }
        return hasIntegerLeaf(b.otherwise());
    }

    private static int paths(Tree t) {
        if (t instanceof Leaf) {
            return 1;
        }
        Branch b = (Branch) t;
        int n = paths(b.otherwise());
        for (Tree r : b.results()) {
            n += paths(r);
        }
        return n;
    }

    private static Tree negate(Tree t) {
        if (t instanceof Leaf l) {
            return new Leaf(new BoundExpr.Call(Function.NEGATE, List.of(l.expr()), l.expr().type()));
        }
        Branch b = (Branch) t;
        List<Tree> results = new ArrayList<>();
        for (Tree r : b.results()) {
            results.add(negate(r));
        }
        return new Branch(b.conditions(), results, negate(b.otherwise()));
    }

    private static Tree combine(Function f, Tree l, Tree r) {
        if (l instanceof Branch b) {
            List<Tree> results = new ArrayList<>();
            for (Tree x : b.results()) {
                results.add(combine(f, x, r));
            }
            return new Branch(b.conditions(), results, combine(f, b.otherwise(), r));
        }
        if (r instanceof Branch b) {
            List<Tree> results = new ArrayList<>();
            for (Tree y : b.results()) {
                results.add(combine(f, l, y));
            }
            return new Branch(b.conditions(), results, combine(f, l, b.otherwise()));
        }
        BoundExpr x = ((Leaf) l).expr();
        BoundExpr y = ((Leaf) r).expr();
        // Integers as SQLite's 64-bit integers; anything else fractional
        DataType t = isInteger(x.type()) && isInteger(y.type()) ? DataType.BIGINT : DataType.DOUBLE;
        return new Leaf(new BoundExpr.Call(f, List.of(TypeCoercion.cast(x, t), TypeCoercion.cast(y, t)), t));
    }

    private static BoundExpr expr(Tree t, DataType type) {
        if (t instanceof Leaf l) {
            return TypeCoercion.cast(l.expr(), type);
        }
        Branch b = (Branch) t;
        List<BoundExpr> results = new ArrayList<>();
        for (Tree r : b.results()) {
            results.add(expr(r, type));
        }
        return new BoundExpr.Case(b.conditions(), results, expr(b.otherwise(), type), type);
    }
}
