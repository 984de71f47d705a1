package dev.muru.plan.binder;

import dev.muru.core.DataType;
import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;
import dev.muru.core.TypeKind;
import dev.muru.core.Values;
import dev.muru.plan.expr.BoundExpr;

/**
 * Implicit type rules. Numbers widen INTEGER &lt; BIGINT &lt; DECIMAL &lt; DOUBLE; a string
 * literal takes the type of what it is compared with (PostgreSQL's "unknown" literal);
 * NULL takes any type.
 */
public final class TypeCoercion {
    private TypeCoercion() {
    }

    /** The type both sides of a comparison, CASE, IN or COALESCE are cast to, or null if none. */
    public static DataType commonType(DataType a, DataType b) {
        if (a.equals(b)) {
            return a;
        }
        if (a.isNull()) {
            return b;
        }
        if (b.isNull()) {
            return a;
        }
        if (a.isNumeric() && b.isNumeric()) {
            return commonNumeric(a, b);
        }
        if (a.isString() && b.isString()) {
            return DataType.VARCHAR;
        }
        return null;
    }

    static DataType commonNumeric(DataType a, DataType b) {
        if (a.kind() == TypeKind.DOUBLE || b.kind() == TypeKind.DOUBLE) {
            return DataType.DOUBLE;
        }
        if (a.kind() == TypeKind.DECIMAL || b.kind() == TypeKind.DECIMAL) {
            DataType da = asDecimal(a);
            DataType db = asDecimal(b);
            int scale = Math.max(da.scale(), db.scale());
            int integral = Math.max(da.precision() - da.scale(), db.precision() - db.scale());
            if (integral + scale > DataType.MAX_DECIMAL_PRECISION) {
                // A long holds 18 digits: with a long fraction (TPC-H Q11's 0.0001000000 against a
                // sum) the integral digits would not fit, so such a pair meets in DOUBLE.
                return scale > 6 ? DataType.DOUBLE : DataType.decimal(DataType.MAX_DECIMAL_PRECISION, scale);
            }
            return DataType.decimal(integral + scale, scale);
        }
        if (a.kind() == TypeKind.BIGINT || b.kind() == TypeKind.BIGINT) {
            return DataType.BIGINT;
        }
        return DataType.INTEGER;
    }

    /** The DECIMAL that holds every value of an exact type. */
    static DataType asDecimal(DataType t) {
        switch (t.kind()) {
            case DECIMAL: return t;
            case INTEGER: return DataType.decimal(10, 0);
            case BIGINT: return DataType.decimal(18, 0);
            default: throw new IllegalArgumentException(t.toString());
        }
    }

    /** {@code expr} as {@code target}: unchanged when it already is, a folded constant, or a Cast. */
    public static BoundExpr cast(BoundExpr expr, DataType target) {
        if (expr.type().equals(target)) {
            return expr;
        }
        if (expr instanceof BoundExpr.Constant) {
            BoundExpr.Constant c = (BoundExpr.Constant) expr;
            if (c.value() == null) {
                return new BoundExpr.Constant(null, target);
            }
            if (c.type().isString() && target.kind() == TypeKind.DATE) {
                return new BoundExpr.Constant(Values.parseDate((String) c.value()), DataType.DATE);
            }
        }
        return new BoundExpr.Cast(expr, target);
    }

    /** Whether an explicit CAST from one type to another exists. */
    public static boolean canCast(DataType from, DataType to) {
        if (from.isNull() || from.equals(to) || from.isString() || to.isString()) {
            return true;
        }
        if (from.isNumeric() && to.isNumeric()) {
            return true;
        }
        return from.kind() == TypeKind.BOOLEAN && to.isIntegral() || from.isIntegral() && to.kind() == TypeKind.BOOLEAN;
    }

    /** Whether the value of this expression is a string literal, which adapts to its context. */
    static boolean isStringLiteral(BoundExpr e) {
        return e instanceof BoundExpr.Constant && e.type().isString();
    }

    static MuruException mismatch(String what, DataType a, DataType b) {
        return new MuruException(ErrorCode.DATATYPE_MISMATCH,
                "operator does not exist: " + a + " " + what + " " + b);
    }
}
