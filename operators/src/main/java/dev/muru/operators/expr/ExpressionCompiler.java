package dev.muru.operators.expr;

import dev.muru.core.DataType;
import dev.muru.core.ErrorCode;
import dev.muru.core.Morsel;
import dev.muru.core.MuruException;
import dev.muru.core.PhysicalType;
import dev.muru.core.TypeKind;
import dev.muru.core.vector.ColumnVector;
import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.expr.Function;

import java.util.List;

/**
 * Turns a bound expression into a tree of specialised evaluators. Constant subtrees are folded
 * first, NOT is pushed into the operator below it, a NULL argument of a NULL-propagating function
 * makes the whole call a NULL constant, and operands whose types the binder left apart are cast
 * to a common type (the binder normally did that already).
 */
public final class ExpressionCompiler {
    private static final Morsel ONE_ROW = new Morsel(new ColumnVector[0], 1);

    private ExpressionCompiler() {
    }

    /**
     * Folds constant subtrees, then compiles. Arithmetic below a comparison or other arithmetic
     * reuses its output buffer ({@link TransientOutput}), so one compiled tree serves one thread:
     * compile one per worker.
     */
    public static VectorExpression compile(BoundExpr expr) {
        return compileTree(ConstantFolding.fold(expr));
    }

    public static VectorExpression[] compile(List<? extends BoundExpr> exprs) {
        VectorExpression[] out = new VectorExpression[exprs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = compile(exprs.get(i));
        }
        return out;
    }

    /** Compiles as is, without folding; ConstantFolding evaluates through this. */
    static VectorExpression compileTree(BoundExpr expr) {
        if (expr instanceof BoundExpr.InputRef) {
            BoundExpr.InputRef ref = (BoundExpr.InputRef) expr;
            return new InputRefExpression(ref.index(), ref.type());
        }
        if (expr instanceof BoundExpr.Constant) {
            BoundExpr.Constant c = (BoundExpr.Constant) expr;
            return new ConstantExpression(c.value(), c.type());
        }
        if (expr instanceof BoundExpr.Cast) {
            BoundExpr.Cast cast = (BoundExpr.Cast) expr;
            return CastExpression.create(compileTree(cast.input()), cast.type());
        }
        if (expr instanceof BoundExpr.Case) {
            BoundExpr.Case c = (BoundExpr.Case) expr;
            VectorExpression[] conditions = compileAll(c.conditions());
            VectorExpression[] results = compileAll(c.results());
            for (int i = 0; i < results.length; i++) {
                results[i] = coerce(results[i], c.type());
            }
            return new CaseExpression(conditions, results, coerce(compileTree(c.elseResult()), c.type()), c.type());
        }
        if (expr instanceof BoundExpr.InList) {
            BoundExpr.InList in = (BoundExpr.InList) expr;
            VectorExpression value = compileTree(in.value());
            VectorExpression[] items = compileAll(in.list());
            for (int i = 0; i < items.length; i++) {
                items[i] = coerce(items[i], value.type());
            }
            return new InListExpression(value, items, in.negated());
        }
        return call((BoundExpr.Call) expr);
    }

    private static VectorExpression[] compileAll(List<BoundExpr> exprs) {
        VectorExpression[] out = new VectorExpression[exprs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = compileTree(exprs.get(i));
        }
        return out;
    }

    private static VectorExpression call(BoundExpr.Call call) {
        Function fn = call.function();
        DataType type = call.type();
        if (fn == Function.NOT) {
            BoundExpr pushed = negation(call.args().get(0));
            if (pushed != null) {
                return compileTree(pushed);
            }
        }
        VectorExpression[] a = compileAll(call.args());
        if (propagatesNull(fn)) {
            for (VectorExpression arg : a) {
                if (arg instanceof ConstantExpression && ((ConstantExpression) arg).isNull()) {
                    return new ConstantExpression(null, type);
                }
            }
        }
        switch (fn) {
            case ADD: case SUBTRACT: case MULTIPLY: case DIVIDE: case MODULO:
                return arithmetic(fn, a[0], a[1], type);
            case NEGATE: case ABS:
                return new UnaryArithmeticExpression(fn, coerce(a[0], type), type);
            case EQUAL: case NOT_EQUAL: case LESS: case LESS_EQUAL: case GREATER: case GREATER_EQUAL:
                return comparison(fn, a[0], a[1]);
            case AND: case OR:
                return a.length == 1 ? a[0] : new LogicalExpression(fn == Function.AND, a);
            case NOT:
                return new NotExpression(a[0]);
            case IS_NULL: case IS_NOT_NULL:
                return new NullTestExpression(a[0], fn == Function.IS_NULL);
            case LIKE: case NOT_LIKE:
                return new LikeExpression(a[0], a[1], a.length > 2 ? a[2] : null, fn == Function.NOT_LIKE);
            case SUBSTRING:
                for (int i = 1; i < a.length; i++) {
                    a[i] = coerce(a[i], DataType.INTEGER);
                }
                return new StringFunctionExpression(fn, a, type);
            case CONCAT: case LENGTH: case UPPER: case LOWER: case TRIM: case LTRIM: case RTRIM:
                return new StringFunctionExpression(fn, a, type);
            case ROUND: case TRUNC:
                return round(a[0], call.args().get(1), type, fn == Function.TRUNC);
            case COALESCE:
                for (int i = 0; i < a.length; i++) {
                    a[i] = coerce(a[i], type);
                }
                return new CoalesceExpression(a, type);
            case NULLIF:
                return new NullIfExpression(coerce(a[0], type), coerce(a[1], type), type);
            case EXTRACT_YEAR: case EXTRACT_MONTH: case EXTRACT_DAY:
                return new DateFunctionExpression(fn, a[0], null, type);
            case DATE_ADD_DAYS: case DATE_ADD_MONTHS:
                return new DateFunctionExpression(fn, a[0], coerce(a[1], DataType.INTEGER), type);
            case DATE_DIFF_DAYS:
                return new DateFunctionExpression(fn, a[0], a[1], type);
            default:
                throw Errors.internal("no evaluator for " + fn);
        }
    }

    /** Whether a NULL argument makes the result NULL without looking at the others. */
    private static boolean propagatesNull(Function fn) {
        switch (fn) {
            case AND: case OR: case IS_NULL: case IS_NOT_NULL: case COALESCE: case NULLIF: return false;
            default: return true;
        }
    }

    /** NOT pushed into the operator below: NOT (a < b) is a >= b, NOT (x IN l) is x NOT IN l, ... */
    private static BoundExpr negation(BoundExpr e) {
        if (e instanceof BoundExpr.InList) {
            BoundExpr.InList in = (BoundExpr.InList) e;
            return new BoundExpr.InList(in.value(), in.list(), !in.negated());
        }
        if (!(e instanceof BoundExpr.Call)) {
            return null;
        }
        BoundExpr.Call c = (BoundExpr.Call) e;
        Function negated;
        switch (c.function()) {
            case NOT: return c.args().get(0);
            case EQUAL: negated = Function.NOT_EQUAL; break;
            case NOT_EQUAL: negated = Function.EQUAL; break;
            case LESS: negated = Function.GREATER_EQUAL; break;
            case GREATER_EQUAL: negated = Function.LESS; break;
            case LESS_EQUAL: negated = Function.GREATER; break;
            case GREATER: negated = Function.LESS_EQUAL; break;
            case LIKE: negated = Function.NOT_LIKE; break;
            case NOT_LIKE: negated = Function.LIKE; break;
            case IS_NULL: negated = Function.IS_NOT_NULL; break;
            case IS_NOT_NULL: negated = Function.IS_NULL; break;
            default: return null;
        }
        return new BoundExpr.Call(negated, c.args(), c.type());
    }

    private static VectorExpression arithmetic(Function fn, VectorExpression l, VectorExpression r, DataType type) {
        switch (type.kind()) {
            case DOUBLE:
                return DoubleArithmeticExpression.create(fn, coerce(l, type), coerce(r, type), type);
            case INTEGER:
                return IntArithmeticExpression.create(fn, coerce(l, type), coerce(r, type), type);
            case BIGINT:
                return LongArithmeticExpression.create(fn, coerce(l, type), coerce(r, type), type);
            case DECIMAL:
                if (fn == Function.DIVIDE) {
                    throw Errors.internal("DIVIDE on DECIMAL: the binder casts its operands to DOUBLE");
                }
                if (fn == Function.MULTIPLY) {
                    // The product of unscaled longs has the sum of the scales; rescale only if the type asks
                    VectorExpression x = asLongs(l);
                    VectorExpression y = asLongs(r);
                    int productScale = scale(x.type()) + scale(y.type());
                    if (productScale == type.scale()) {
                        return LongArithmeticExpression.create(fn, x, y, type);
                    }
                    DataType product = DataType.decimal(DataType.MAX_DECIMAL_PRECISION, productScale);
                    return CastExpression.create(LongArithmeticExpression.create(fn, x, y, product), type);
                }
                return LongArithmeticExpression.create(fn, atScale(l, type), atScale(r, type), type);
            default:
                throw Errors.internal(fn + " yielding " + type);
        }
    }

    private static int scale(DataType t) {
        return t.kind() == TypeKind.DECIMAL ? t.scale() : 0;
    }

    /** An exact operand as longs: INTEGER becomes BIGINT. */
    private static VectorExpression asLongs(VectorExpression e) {
        return e.type().physical() == PhysicalType.LONG ? e : coerce(e, DataType.BIGINT);
    }

    /** A DECIMAL operand of + - % at the result's scale. */
    private static VectorExpression atScale(VectorExpression e, DataType type) {
        DataType t = e.type();
        if (t.physical() == PhysicalType.LONG && scale(t) == type.scale()) {
            return e;
        }
        return coerce(e, DataType.decimal(DataType.MAX_DECIMAL_PRECISION, type.scale()));
    }

    private static VectorExpression comparison(Function fn, VectorExpression l, VectorExpression r) {
        DataType lt = l.type();
        DataType rt = r.type();
        // BIGINT and DECIMAL(p,0) are both plain longs; INTEGER and DATE share int[] but do not compare
        boolean sameRepresentation = lt.kind() == rt.kind() && (lt.kind() != TypeKind.DECIMAL || lt.scale() == rt.scale())
                && lt.kind() != TypeKind.NULL
                || lt.isString() && rt.isString()
                || lt.physical() == PhysicalType.LONG && rt.physical() == PhysicalType.LONG && scale(lt) == scale(rt);
        if (!sameRepresentation) {
            DataType common = commonType(lt, rt);
            l = coerce(l, common);
            r = coerce(r, common);
        }
        return ComparisonExpression.create(fn, l, r);
    }

    /** The type both sides of a comparison the binder left apart can be cast to. */
    private static DataType commonType(DataType a, DataType b) {
        if (a.kind() == TypeKind.NULL) {
            return b;
        }
        if (b.kind() == TypeKind.NULL || a.kind() == b.kind() && a.kind() != TypeKind.DECIMAL) {
            return a;
        }
        if (a.isNumeric() && b.isNumeric()) {
            if (a.kind() == TypeKind.DOUBLE || b.kind() == TypeKind.DOUBLE) {
                return DataType.DOUBLE;
            }
            if (a.kind() == TypeKind.DECIMAL || b.kind() == TypeKind.DECIMAL) {
                return DataType.decimal(DataType.MAX_DECIMAL_PRECISION, Math.max(scale(a), scale(b)));
            }
            return DataType.BIGINT;
        }
        if (a.isString() && b.isString()) {
            return DataType.VARCHAR;
        }
        if (a.isString() || b.isString()) {
            return a.isString() ? b : a;
        }
        throw new MuruException(ErrorCode.DATATYPE_MISMATCH, "cannot compare " + a + " with " + b);
    }

    private static VectorExpression round(VectorExpression x, BoundExpr digitsArg, DataType type, boolean truncate) {
        BoundExpr digits = ConstantFolding.fold(digitsArg);
        if (!(digits instanceof BoundExpr.Constant)) {
            throw new MuruException(ErrorCode.FEATURE_NOT_SUPPORTED, (truncate ? "TRUNC" : "ROUND") + " digits must be a constant");
        }
        int d = ((Number) ((BoundExpr.Constant) digits).value()).intValue();
        if (x.type().isIntegral() && d >= 0 && x.type().equals(type)) {
            return x;
        }
        return new RoundExpression(x, d, type, truncate);
    }

    /**
     * {@code e} as {@code type}: as is when only the declared size differs, else a cast, computed
     * now when {@code e} is a constant so that constant kernels still see a constant.
     */
    static VectorExpression coerce(VectorExpression e, DataType type) {
        DataType t = e.type();
        boolean same = t.kind() == type.kind() && (t.kind() != TypeKind.DECIMAL || t.scale() == type.scale())
                && !type.isString()
                || t.isString() && type.isString() && (type.length() == DataType.UNBOUNDED
                        || t.length() != DataType.UNBOUNDED && t.length() <= type.length());
        if (same) {
            return e;
        }
        VectorExpression cast = CastExpression.create(e, type);
        if (e instanceof ConstantExpression) {
            try {
                return new ConstantExpression(Vectors.rawValue(cast.evaluate(ONE_ROW), 0), type);
            } catch (MuruException error) {
                // A constant that cannot be cast fails when a row meets it, not at compile time
                return cast;
            }
        }
        return cast;
    }
}
