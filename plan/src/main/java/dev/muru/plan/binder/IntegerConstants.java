package dev.muru.plan.binder;

import dev.muru.core.DataType;
import dev.muru.core.TypeKind;
import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.expr.Function;

/**
 * Arithmetic and comparisons of integer constants, computed while binding. The result of two
 * INTEGER operands is an INTEGER; under {@link Dialect#POSTGRESQL} one that does not fit is not
 * folded, so execution raises int4's overflow as it does for columns. Under {@link Dialect#SQLITE}
 * a result is typed as a literal of its value would be: INTEGER when both operands are INTEGER and
 * it fits, else BIGINT, so {@code 74 * 77 * 71 * 93 * 82} is the BIGINT 3085159308 (SQLite's
 * 64-bit integers). What would fail (a division by zero, a 64-bit overflow) is left to
 * execution, which raises the error if a row needs it.
 */
final class IntegerConstants {
    private IntegerConstants() {
    }

    /** The value of a non-NULL INTEGER or BIGINT constant, else null. */
    static Long value(BoundExpr e) {
        if (e instanceof BoundExpr.Constant c && c.value() instanceof Number n
                && (c.type().kind() == TypeKind.INTEGER || c.type().kind() == TypeKind.BIGINT)) {
            return n.longValue();
        }
        return null;
    }

    /** {@code l f r} folded (for NEGATE: -l, r unused), or null when it is not foldable. */
    static BoundExpr fold(Function f, BoundExpr l, BoundExpr r, Dialect dialect) {
        Long a = value(l);
        Long b = value(r);
        if (a == null || b == null) {
            return null;
        }
        long v;
        try {
            switch (f) {
                case NEGATE: v = Math.negateExact(a); break;
                case ADD: v = Math.addExact(a, b); break;
                case SUBTRACT: v = Math.subtractExact(a, b); break;
                case MULTIPLY: v = Math.multiplyExact(a, b); break;
                case DIVIDE:
                    if (b == 0 || a == Long.MIN_VALUE && b == -1) {
                        return null;
                    }
                    v = a / b;
                    break;
                case MODULO:
                    if (b == 0) {
                        return null;
                    }
                    v = a % b;
                    break;
                default: return null;
            }
        } catch (ArithmeticException overflow) {
            return null;
        }
        boolean narrow = l.type().kind() == TypeKind.INTEGER && (f == Function.NEGATE || r.type().kind() == TypeKind.INTEGER);
        if (narrow && v == (int) v) {
            return new BoundExpr.Constant((int) v, DataType.INTEGER);
        }
        if (narrow && dialect == Dialect.POSTGRESQL) {
            return null;
        }
        return new BoundExpr.Constant(v, DataType.BIGINT);
    }

    static boolean compare(Function f, long a, long b) {
        switch (f) {
            case EQUAL: return a == b;
            case NOT_EQUAL: return a != b;
            case LESS: return a < b;
            case LESS_EQUAL: return a <= b;
            case GREATER: return a > b;
            case GREATER_EQUAL: return a >= b;
            default: throw new IllegalArgumentException(f.name());
        }
    }
}
