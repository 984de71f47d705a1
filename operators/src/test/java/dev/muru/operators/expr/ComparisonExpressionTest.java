package dev.muru.operators.expr;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.plan.expr.Function;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.muru.operators.expr.ExprTesting.BIGINT;
import static dev.muru.operators.expr.ExprTesting.BOOL;
import static dev.muru.operators.expr.ExprTesting.DATE;
import static dev.muru.operators.expr.ExprTesting.DOUBLE;
import static dev.muru.operators.expr.ExprTesting.INT;
import static dev.muru.operators.expr.ExprTesting.TEXT;
import static dev.muru.operators.expr.ExprTesting.check;
import static dev.muru.operators.expr.ExprTesting.check1;
import static dev.muru.operators.expr.ExprTesting.cmp;
import static dev.muru.operators.expr.ExprTesting.col;
import static dev.muru.operators.expr.ExprTesting.dec;
import static dev.muru.operators.expr.ExprTesting.list;
import static dev.muru.operators.expr.ExprTesting.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComparisonExpressionTest {
    private static final Function[] OPS = {
        Function.EQUAL, Function.NOT_EQUAL, Function.LESS, Function.LESS_EQUAL, Function.GREATER, Function.GREATER_EQUAL
    };

    private static boolean expected(Function op, int c) {
        switch (op) {
            case EQUAL: return c == 0;
            case NOT_EQUAL: return c != 0;
            case LESS: return c < 0;
            case LESS_EQUAL: return c <= 0;
            case GREATER: return c > 0;
            default: return c >= 0;
        }
    }

    /** Every operator, column-column, column-constant and constant-column, against a Comparable reference. */
    private static <T extends Comparable<T>> void checkAllOps(DataType type, List<T> values, T constant) {
        List<Object[]> pairs = new ArrayList<>();
        for (T a : values) {
            for (T b : values) {
                pairs.add(new Object[] {a, b});
            }
        }
        List<Object> columnValues = new ArrayList<>(values);
        for (Function op : OPS) {
            List<Object> colCol = new ArrayList<>();
            for (Object[] p : pairs) {
                colCol.add(p[0] == null || p[1] == null ? null : expected(op, compare(p[0], p[1])));
            }
            check(cmp(op, col(0, type), col(1, type)), new DataType[] {type, type}, pairs, colCol);
            List<Object> colConst = new ArrayList<>();
            List<Object> constCol = new ArrayList<>();
            for (Object v : columnValues) {
                colConst.add(v == null ? null : expected(op, compare(v, constant)));
                constCol.add(v == null ? null : expected(op, compare(constant, v)));
            }
            check1(cmp(op, col(0, type), lit(constant, type)), type, columnValues, colConst);
            check1(cmp(op, lit(constant, type), col(0, type)), type, columnValues, constCol);
        }
    }

    @SuppressWarnings("unchecked")
    private static int compare(Object a, Object b) {
        if (a instanceof String) {
            return StringComparison.compare((String) a, (String) b);
        }
        if (a instanceof Double) {
            // PostgreSQL's order: NaN equal to itself and above everything, -0.0 = 0.0
            double x = (Double) a + 0.0;
            double y = (Double) b + 0.0;
            return Double.compare(x, y);
        }
        return ((Comparable<Object>) a).compareTo(b);
    }

    @Test
    void integers() {
        checkAllOps(INT, Arrays.asList(1, -5, null, Integer.MAX_VALUE, Integer.MIN_VALUE, 7), 1);
        checkAllOps(INT, Arrays.asList(3, Integer.MIN_VALUE, null), Integer.MIN_VALUE);
        checkAllOps(INT, Arrays.asList(3, Integer.MAX_VALUE, null), Integer.MAX_VALUE);
        checkAllOps(DATE, Arrays.asList(0, -1000, 19000, null), 19000);
    }

    @Test
    void longsAndDecimals() {
        checkAllOps(BIGINT, Arrays.asList(100L, -5L, null, Long.MAX_VALUE, Long.MIN_VALUE, 99L), 100L);
        checkAllOps(BIGINT, Arrays.asList(1L, Long.MIN_VALUE, null), Long.MIN_VALUE);
        checkAllOps(BIGINT, Arrays.asList(1L, Long.MAX_VALUE, null), Long.MAX_VALUE);
        checkAllOps(dec(12, 2), Arrays.asList(2400L, 2399L, null, -2400L), 2400L);
    }

    @Test
    void doublesWithNaNAsLargest() {
        checkAllOps(DOUBLE, Arrays.asList(1.5, -0.0, 0.0, null, Double.NaN, Double.POSITIVE_INFINITY, -3.0), 0.0);
        checkAllOps(DOUBLE, Arrays.asList(1.5, null, Double.NaN, Double.POSITIVE_INFINITY), Double.NaN);
        checkAllOps(DOUBLE, Arrays.asList(1.5, null, Double.NaN, Double.NEGATIVE_INFINITY), Double.POSITIVE_INFINITY);
    }

    @Test
    void stringsByCodePoint() {
        // U+FF5E sorts below U+1F600 by code point though its UTF-16 unit is larger than a surrogate
        checkAllOps(TEXT, Arrays.asList("abc", "abd", "ab", "", null, "\uFF5E", "\uD83D\uDE00", "B"), "abc");
        checkAllOps(TEXT, Arrays.asList("\uFF5E", "\uD83D\uDE00", "z", null), "\uD83D\uDE00");
        assertTrue(StringComparison.compare("\uFF5E", "\uD83D\uDE00") < 0);
        assertTrue(StringComparison.compare("a", "ab") < 0);
    }

    @Test
    void booleansFalseBeforeTrue() {
        checkAllOps(BOOL, Arrays.asList(true, false, null), true);
        checkAllOps(BOOL, Arrays.asList(true, false, null), false);
    }

    @Test
    void selectionFilterSkipsNullsAndDeadRows() {
        VectorExpression lessThan = ExpressionCompiler.compile(cmp(Function.LESS, col(0, BIGINT), lit(100L, BIGINT)));
        assertTrue(lessThan instanceof SelectionFilter);
        Morsel m = new Morsel(new dev.muru.core.vector.ColumnVector[] {
            ExprTesting.vector(BIGINT, 5L, 500L, null, 99L, 100L, -1L)}, 6, new int[] {0, 1, 2, 3, 5}, 5);
        int[] out = new int[5];
        int k = ((SelectionFilter) lessThan).select(m, out);
        assertEquals(List.of(0, 3, 5), Arrays.stream(out, 0, k).boxed().toList());
        // The selection array itself may receive the result
        int[] sel = {0, 1, 2, 3, 5};
        k = ((SelectionFilter) lessThan).select(m.withSelection(sel, 5), sel);
        assertEquals(List.of(0, 3, 5), Arrays.stream(sel, 0, k).boxed().toList());
    }

    @Test
    void mixedOperandTypesAreCastToACommonType() {
        check1(cmp(Function.LESS, col(0, dec(10, 2)), lit(24, INT)), dec(10, 2), list(2399L, 2400L, null), list(true, false, null));
        check1(cmp(Function.EQUAL, col(0, INT), lit(3L, BIGINT)), INT, list(3, 4), list(true, false));
        check1(cmp(Function.GREATER, col(0, DOUBLE), lit(1L, BIGINT)), DOUBLE, list(1.5, 0.5), list(true, false));
        check1(cmp(Function.EQUAL, col(0, DATE), lit("1970-01-02", TEXT)), DATE, list(1, 2), list(true, false));
        check1(cmp(Function.EQUAL, col(0, BIGINT), lit(null, DataType.NULL)), BIGINT, list(1L, null), list(null, null));
        ExprTesting.assertError(dev.muru.core.ErrorCode.DATATYPE_MISMATCH, "cannot compare INTEGER with DATE",
                () -> ExpressionCompiler.compile(cmp(Function.EQUAL, col(0, INT), col(1, DATE))));
    }
}
