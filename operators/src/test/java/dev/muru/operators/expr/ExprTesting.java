package dev.muru.operators.expr;

import dev.muru.core.DataType;
import dev.muru.core.ErrorCode;
import dev.muru.core.Morsel;
import dev.muru.core.MuruException;
import dev.muru.core.PhysicalType;
import dev.muru.core.vector.BooleanVector;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.DoubleVector;
import dev.muru.core.vector.IntVector;
import dev.muru.core.vector.LongVector;
import dev.muru.core.vector.StringVector;
import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.expr.Function;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Builds expressions and morsels by hand and checks an expression on every path: dense with
 * nulls, dense without them, behind a selection vector whose dead rows hold poison (zero
 * divisors, MIN_VALUE, null references) that must never be computed, through FilterKernel and
 * ProjectionKernel, and row by row through ConstantFolding. Values use the Constant encoding.
 */
final class ExprTesting {
    static final DataType INT = DataType.INTEGER;
    static final DataType BIGINT = DataType.BIGINT;
    static final DataType DOUBLE = DataType.DOUBLE;
    static final DataType BOOL = DataType.BOOLEAN;
    static final DataType TEXT = DataType.VARCHAR;
    static final DataType DATE = DataType.DATE;

    private ExprTesting() {
    }

    static BoundExpr col(int index, DataType type) {
        return new BoundExpr.InputRef(index, type);
    }

    static BoundExpr lit(Object value, DataType type) {
        return new BoundExpr.Constant(value, type);
    }

    static BoundExpr call(Function f, DataType type, BoundExpr... args) {
        return new BoundExpr.Call(f, List.of(args), type);
    }

    static BoundExpr cmp(Function f, BoundExpr a, BoundExpr b) {
        return call(f, BOOL, a, b);
    }

    static DataType dec(int precision, int scale) {
        return DataType.decimal(precision, scale);
    }

    /** A vector of raw values; null entries are NULL and hold {@code garbage} in their slot. */
    static ColumnVector vector(DataType type, List<Object> values, Object garbage) {
        int n = values.size();
        ColumnVector v = ColumnVector.allocate(type, n);
        for (int i = 0; i < n; i++) {
            Object value = values.get(i);
            set(v, i, value == null ? garbage : value);
            if (value == null) {
                v.setNull(i);
            }
        }
        return v;
    }

    static ColumnVector vector(DataType type, Object... values) {
        return vector(type, Arrays.asList(values), poison(type, 0));
    }

    private static void set(ColumnVector v, int i, Object value) {
        if (v instanceof LongVector) {
            ((LongVector) v).values()[i] = ((Number) value).longValue();
        } else if (v instanceof IntVector) {
            ((IntVector) v).values()[i] = ((Number) value).intValue();
        } else if (v instanceof DoubleVector) {
            ((DoubleVector) v).values()[i] = ((Number) value).doubleValue();
        } else if (v instanceof BooleanVector) {
            ((BooleanVector) v).values()[i] = (Boolean) value;
        } else {
            ((StringVector) v).values()[i] = (String) value;
        }
    }

    /** Values that fail if anyone computes them: zero divisors, MIN_VALUE, null references. */
    static Object poison(DataType type, int j) {
        switch (type.physical()) {
            case LONG: return j % 2 == 0 ? 0L : Long.MIN_VALUE;
            case INT: return j % 2 == 0 ? 0 : Integer.MIN_VALUE;
            case DOUBLE: return 0.0;
            case BOOLEAN: return j % 2 == 0;
            default: return null;
        }
    }

    static Morsel morsel(ColumnVector... columns) {
        return new Morsel(columns, columns.length == 0 ? 1 : columns[0].length());
    }

    /** Rows as a dense morsel ({@code spread} false), or at odd positions between poison rows, selected. */
    static Morsel build(DataType[] types, List<Object[]> rows, boolean spread) {
        int n = rows.size();
        int positions = spread ? 2 * n + 1 : n;
        ColumnVector[] cols = new ColumnVector[types.length];
        for (int c = 0; c < types.length; c++) {
            List<Object> values = new ArrayList<>();
            List<Boolean> isPoison = new ArrayList<>();
            for (int p = 0; p < positions; p++) {
                boolean poisonRow = spread && p % 2 == 0;
                values.add(poisonRow ? poison(types[c], p / 2) : rows.get(spread ? p / 2 : p)[c]);
                isPoison.add(poisonRow);
            }
            ColumnVector v = vector(types[c], values, poison(types[c], 1));
            if (types[c].physical() == PhysicalType.STRING) {
                // A poison string slot holds a null reference but is not marked NULL
                for (int p = 0; p < positions; p++) {
                    if (isPoison.get(p)) {
                        ((StringVector) v).values()[p] = null;
                    }
                }
            }
            cols[c] = v;
        }
        if (!spread) {
            return new Morsel(cols, n);
        }
        int[] sel = new int[n];
        for (int i = 0; i < n; i++) {
            sel[i] = 2 * i + 1;
        }
        return new Morsel(cols, positions, sel, n);
    }

    static List<Object> evaluate(VectorExpression e, Morsel m) {
        ColumnVector v = e.evaluate(m);
        assertEquals(m.positions(), v.length(), "result vector length");
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < m.size(); i++) {
            out.add(Vectors.rawValue(v, m.position(i)));
        }
        return out;
    }

    /** Evaluates {@code expr} on a one-column-per-type morsel built from {@code rows}, on every path. */
    static void check(BoundExpr expr, DataType[] types, List<Object[]> rows, List<Object> expected) {
        VectorExpression compiled = ExpressionCompiler.compile(expr);
        assertEquals(expr.type().physical(), compiled.type().physical(), "result type of " + expr);
        assertValues(expected, evaluate(compiled, build(types, rows, false)), expr + " dense");
        Morsel spread = build(types, rows, true);
        assertValues(expected, evaluate(compiled, spread), expr + " with selection");

        List<Object[]> nonNullRows = new ArrayList<>();
        List<Object> nonNullExpected = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (Arrays.stream(rows.get(i)).allMatch(Objects::nonNull)) {
                nonNullRows.add(rows.get(i));
                nonNullExpected.add(expected.get(i));
            }
        }
        assertValues(nonNullExpected, evaluate(compiled, build(types, nonNullRows, false)), expr + " without nulls");

        Morsel projected = ProjectionKernel.project(spread, new VectorExpression[] {compiled});
        assertEquals(spread.selection(), projected.selection());
        assertValues(expected, evaluate(new InputRefExpression(0, expr.type()), projected), expr + " projected");

        if (expr.type().equals(BOOL)) {
            Morsel filtered = FilterKernel.filter(spread, compiled);
            List<Integer> want = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (Boolean.TRUE.equals(expected.get(i))) {
                    want.add(2 * i + 1);
                }
            }
            List<Integer> got = new ArrayList<>();
            for (int i = 0; i < filtered.size(); i++) {
                got.add(filtered.position(i));
            }
            assertEquals(want, got, expr + " filtered");
        }

        for (int i = 0; i < rows.size(); i++) {
            BoundExpr folded = ConstantFolding.fold(substitute(expr, rows.get(i), types));
            assertTrue(folded instanceof BoundExpr.Constant, "folds to a constant: " + folded);
            assertValues(Collections.singletonList(expected.get(i)),
                    Collections.singletonList(((BoundExpr.Constant) folded).value()), expr + " folded, row " + i);
        }
    }

    /** Shorthand: one column. */
    static void check1(BoundExpr expr, DataType type, List<Object> values, List<Object> expected) {
        List<Object[]> rows = new ArrayList<>();
        for (Object v : values) {
            rows.add(new Object[] {v});
        }
        check(expr, new DataType[] {type}, rows, expected);
    }

    /** Shorthand: two columns given as pairs {a, b}. */
    static void check2(BoundExpr expr, DataType a, DataType b, Object[][] pairs, Object... expected) {
        check(expr, new DataType[] {a, b}, Arrays.asList(pairs), Arrays.asList(expected));
    }

    static List<Object> list(Object... values) {
        return Arrays.asList(values);
    }

    private static void assertValues(List<?> expected, List<?> actual, String what) {
        assertEquals(expected.size(), actual.size(), what);
        for (int i = 0; i < expected.size(); i++) {
            Object e = expected.get(i);
            Object a = actual.get(i);
            if (e instanceof Number && a instanceof Number && !(e instanceof Double)) {
                assertEquals(((Number) e).longValue(), ((Number) a).longValue(), what + " row " + i);
            } else {
                assertEquals(e, a, what + " row " + i);
            }
        }
    }

    /** The expression with every column replaced by the row's value as a constant. */
    static BoundExpr substitute(BoundExpr e, Object[] row, DataType[] types) {
        if (e instanceof BoundExpr.InputRef) {
            int i = ((BoundExpr.InputRef) e).index();
            return new BoundExpr.Constant(row[i], types[i]);
        }
        if (e instanceof BoundExpr.Call) {
            BoundExpr.Call c = (BoundExpr.Call) e;
            return new BoundExpr.Call(c.function(), substituteAll(c.args(), row, types), c.type());
        }
        if (e instanceof BoundExpr.Cast) {
            return new BoundExpr.Cast(substitute(((BoundExpr.Cast) e).input(), row, types), e.type());
        }
        if (e instanceof BoundExpr.Case) {
            BoundExpr.Case c = (BoundExpr.Case) e;
            return new BoundExpr.Case(substituteAll(c.conditions(), row, types), substituteAll(c.results(), row, types),
                    substitute(c.elseResult(), row, types), c.type());
        }
        if (e instanceof BoundExpr.InList) {
            BoundExpr.InList l = (BoundExpr.InList) e;
            return new BoundExpr.InList(substitute(l.value(), row, types), substituteAll(l.list(), row, types), l.negated());
        }
        return e;
    }

    private static List<BoundExpr> substituteAll(List<BoundExpr> es, Object[] row, DataType[] types) {
        List<BoundExpr> out = new ArrayList<>();
        for (BoundExpr x : es) {
            out.add(substitute(x, row, types));
        }
        return out;
    }

    /** Evaluates a column-free expression (compiled without folding) on one row. */
    static Object evalConstant(BoundExpr expr) {
        VectorExpression e = ExpressionCompiler.compileTree(expr);
        return evaluate(e, new Morsel(new ColumnVector[0], 1)).get(0);
    }

    /** Asserts that evaluating a column-free expression raises {@code code} with {@code message}. */
    static void assertError(ErrorCode code, String message, BoundExpr expr) {
        assertError(code, message, () -> evalConstant(expr));
    }

    static void assertError(ErrorCode code, String message, Executable action) {
        MuruException e = assertThrows(MuruException.class, action);
        assertEquals(code, e.code(), e.getMessage());
        if (message != null) {
            assertEquals(message, e.detail());
        }
    }
}
