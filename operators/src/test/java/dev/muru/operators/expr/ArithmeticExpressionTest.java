package dev.muru.operators.expr;

import dev.muru.core.DataType;
import dev.muru.core.ErrorCode;
import dev.muru.core.Morsel;
import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.expr.Function;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static dev.muru.operators.expr.ExprTesting.BIGINT;
import static dev.muru.operators.expr.ExprTesting.DOUBLE;
import static dev.muru.operators.expr.ExprTesting.INT;
import static dev.muru.operators.expr.ExprTesting.assertError;
import static dev.muru.operators.expr.ExprTesting.call;
import static dev.muru.operators.expr.ExprTesting.check1;
import static dev.muru.operators.expr.ExprTesting.check2;
import static dev.muru.operators.expr.ExprTesting.col;
import static dev.muru.operators.expr.ExprTesting.dec;
import static dev.muru.operators.expr.ExprTesting.evaluate;
import static dev.muru.operators.expr.ExprTesting.list;
import static dev.muru.operators.expr.ExprTesting.lit;
import static dev.muru.operators.expr.ExprTesting.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ArithmeticExpressionTest {
    private static final Object[][] INT_PAIRS = {{7, 2}, {-7, 2}, {null, 3}, {5, null}, {0, 5}, {-9, -4}};

    private static BoundExpr bin(Function f, DataType t, BoundExpr a, BoundExpr b) {
        return call(f, t, a, b);
    }

    @Test
    void integerColumnColumn() {
        BoundExpr a = col(0, INT);
        BoundExpr b = col(1, INT);
        check2(bin(Function.ADD, INT, a, b), INT, INT, INT_PAIRS, 9, -5, null, null, 5, -13);
        check2(bin(Function.SUBTRACT, INT, a, b), INT, INT, INT_PAIRS, 5, -9, null, null, -5, -5);
        check2(bin(Function.MULTIPLY, INT, a, b), INT, INT, INT_PAIRS, 14, -14, null, null, 0, 36);
        // Division truncates toward zero and % takes the dividend's sign, as in PostgreSQL
        check2(bin(Function.DIVIDE, INT, a, b), INT, INT, INT_PAIRS, 3, -3, null, null, 0, 2);
        check2(bin(Function.MODULO, INT, a, b), INT, INT, INT_PAIRS, 1, -1, null, null, 0, -1);
    }

    @Test
    void bigintColumnConstantAndConstantColumn() {
        BoundExpr x = col(0, BIGINT);
        var values = list(10L, -7L, null, 0L, Long.MAX_VALUE / 4);
        check1(bin(Function.ADD, BIGINT, x, lit(5L, BIGINT)), BIGINT, values, list(15L, -2L, null, 5L, Long.MAX_VALUE / 4 + 5));
        check1(bin(Function.ADD, BIGINT, lit(5L, BIGINT), x), BIGINT, values, list(15L, -2L, null, 5L, Long.MAX_VALUE / 4 + 5));
        check1(bin(Function.SUBTRACT, BIGINT, x, lit(5L, BIGINT)), BIGINT, values, list(5L, -12L, null, -5L, Long.MAX_VALUE / 4 - 5));
        check1(bin(Function.SUBTRACT, BIGINT, lit(5L, BIGINT), x), BIGINT, values, list(-5L, 12L, null, 5L, 5 - Long.MAX_VALUE / 4));
        check1(bin(Function.MULTIPLY, BIGINT, x, lit(3L, BIGINT)), BIGINT, values, list(30L, -21L, null, 0L, Long.MAX_VALUE / 4 * 3));
        check1(bin(Function.MULTIPLY, BIGINT, lit(3L, BIGINT), x), BIGINT, values, list(30L, -21L, null, 0L, Long.MAX_VALUE / 4 * 3));
        check1(bin(Function.DIVIDE, BIGINT, x, lit(3L, BIGINT)), BIGINT, values, list(3L, -2L, null, 0L, Long.MAX_VALUE / 4 / 3));
        check1(bin(Function.DIVIDE, BIGINT, x, lit(-1L, BIGINT)), BIGINT, values, list(-10L, 7L, null, 0L, -(Long.MAX_VALUE / 4)));
        check1(bin(Function.MODULO, BIGINT, x, lit(3L, BIGINT)), BIGINT, values, list(1L, -1L, null, 0L, (Long.MAX_VALUE / 4) % 3));
        var nonZero = list(10L, -7L, null, 3L);
        check1(bin(Function.DIVIDE, BIGINT, lit(100L, BIGINT), x), BIGINT, nonZero, list(10L, -14L, null, 33L));
        check1(bin(Function.MODULO, BIGINT, lit(100L, BIGINT), x), BIGINT, nonZero, list(0L, 2L, null, 1L));
    }

    @Test
    void idModuloTwoIsAPlainLoop() {
        BoundExpr isEven = call(Function.EQUAL, ExprTesting.BOOL,
                bin(Function.MODULO, BIGINT, col(0, BIGINT), lit(2L, BIGINT)), lit(0L, BIGINT));
        check1(isEven, BIGINT, list(1L, 2L, 3L, 4L, null, -2L), list(false, true, false, true, null, true));
    }

    @Test
    void divisionAndModuloByPowersOfTwoMatchJava() {
        var longs = list(Long.MIN_VALUE, Long.MAX_VALUE, -1L, -3L, -4L, -5L, 0L, 5L, 7L, null, -(1L << 41) - 1);
        for (long c : new long[] {1, 2, 4, 8, 1L << 40, 3}) {
            java.util.List<Object> quotients = new java.util.ArrayList<>();
            java.util.List<Object> remainders = new java.util.ArrayList<>();
            for (Object v : longs) {
                quotients.add(v == null ? null : (Long) v / c);
                remainders.add(v == null ? null : (Long) v % c);
            }
            check1(bin(Function.DIVIDE, BIGINT, col(0, BIGINT), lit(c, BIGINT)), BIGINT, longs, quotients);
            check1(bin(Function.MODULO, BIGINT, col(0, BIGINT), lit(c, BIGINT)), BIGINT, longs, remainders);
        }
        var ints = list(Integer.MIN_VALUE, Integer.MAX_VALUE, -1, -3, -4, 0, 5, null);
        for (int c : new int[] {1, 2, 16, 1 << 30}) {
            java.util.List<Object> quotients = new java.util.ArrayList<>();
            java.util.List<Object> remainders = new java.util.ArrayList<>();
            for (Object v : ints) {
                quotients.add(v == null ? null : (Integer) v / c);
                remainders.add(v == null ? null : (Integer) v % c);
            }
            check1(bin(Function.DIVIDE, INT, col(0, INT), lit(c, INT)), INT, ints, quotients);
            check1(bin(Function.MODULO, INT, col(0, INT), lit(c, INT)), INT, ints, remainders);
        }
    }

    @Test
    void doubleArithmetic() {
        Object[][] pairs = {{1.5, 0.5}, {-3.0, 2.0}, {null, 1.0}, {2.0, null}, {1e308, 10.0}};
        BoundExpr a = col(0, DOUBLE);
        BoundExpr b = col(1, DOUBLE);
        check2(bin(Function.ADD, DOUBLE, a, b), DOUBLE, DOUBLE, pairs, 2.0, -1.0, null, null, 1e308 + 10.0);
        check2(bin(Function.SUBTRACT, DOUBLE, a, b), DOUBLE, DOUBLE, pairs, 1.0, -5.0, null, null, 1e308 - 10.0);
        // DOUBLE overflows to infinity: only exact types raise
        check2(bin(Function.MULTIPLY, DOUBLE, a, b), DOUBLE, DOUBLE, pairs, 0.75, -6.0, null, null, Double.POSITIVE_INFINITY);
        check2(bin(Function.DIVIDE, DOUBLE, a, b), DOUBLE, DOUBLE, pairs, 3.0, -1.5, null, null, 1e307);
        check2(bin(Function.MODULO, DOUBLE, a, b), DOUBLE, DOUBLE, pairs, 0.0, -1.0, null, null, 1e308 % 10.0);
        check1(bin(Function.DIVIDE, DOUBLE, col(0, DOUBLE), lit(4.0, DOUBLE)), DOUBLE, list(1.0, null, -2.0), list(0.25, null, -0.5));
        check1(bin(Function.DIVIDE, DOUBLE, lit(1.0, DOUBLE), col(0, DOUBLE)), DOUBLE, list(4.0, null, -2.0), list(0.25, null, -0.5));
    }

    @Test
    void decimalKeepsExactScale() {
        DataType d102 = dec(10, 2);
        Object[][] pairs = {{150L, 225L}, {-100L, 33L}, {null, 1L}, {1L, null}};
        BoundExpr a = col(0, d102);
        BoundExpr b = col(1, d102);
        check2(bin(Function.ADD, dec(11, 2), a, b), d102, d102, pairs, 375L, -67L, null, null);
        check2(bin(Function.SUBTRACT, dec(11, 2), a, b), d102, d102, pairs, -75L, -133L, null, null);
        check2(bin(Function.MODULO, d102, a, b), d102, d102, pairs, 150L, -1L, null, null);
        // 1.50 * 2.25 = 3.3750: the product's scale is the sum of the scales
        check2(bin(Function.MULTIPLY, dec(18, 4), a, b), d102, d102, pairs, 33750L, -3300L, null, null);
        // 1.50 * 3 (an INTEGER operand counts as scale 0)
        check1(bin(Function.MULTIPLY, dec(12, 2), col(0, d102), lit(3, INT)), d102, list(150L, null), list(450L, null));
        // x * (1 - discount) as TPC-H writes it, with the binder's result type
        BoundExpr oneMinus = bin(Function.SUBTRACT, dec(3, 2), lit(100L, dec(3, 2)), col(1, d102));
        check2(bin(Function.MULTIPLY, dec(18, 4), col(0, d102), oneMinus), d102, d102,
                new Object[][] {{1000L, 5L}, {null, 5L}}, 95000L, null);
        // A product typed at a smaller scale than the sum is rescaled half away from zero
        check2(bin(Function.MULTIPLY, dec(18, 2), a, b), d102, d102, pairs, 338L, -33L, null, null);
    }

    @Test
    void negateAndAbs() {
        check1(call(Function.NEGATE, INT, col(0, INT)), INT, list(1, -2, null, 0), list(-1, 2, null, 0));
        check1(call(Function.ABS, INT, col(0, INT)), INT, list(1, -2, null, 0), list(1, 2, null, 0));
        check1(call(Function.NEGATE, BIGINT, col(0, BIGINT)), BIGINT, list(1L, Long.MAX_VALUE, null), list(-1L, -Long.MAX_VALUE, null));
        check1(call(Function.ABS, dec(5, 2), col(0, dec(5, 2))), dec(5, 2), list(-150L, 150L, null), list(150L, 150L, null));
        check1(call(Function.NEGATE, DOUBLE, col(0, DOUBLE)), DOUBLE, list(1.5, null), list(-1.5, null));
        check1(call(Function.ABS, DOUBLE, col(0, DOUBLE)), DOUBLE, list(-1.5, null), list(1.5, null));
    }

    @Test
    void overflowIsAnErrorPerType() {
        assertError(ErrorCode.NUMERIC_OVERFLOW, "integer out of range",
                bin(Function.ADD, INT, lit(Integer.MAX_VALUE, INT), lit(1, INT)));
        assertError(ErrorCode.NUMERIC_OVERFLOW, "integer out of range",
                bin(Function.SUBTRACT, INT, lit(Integer.MIN_VALUE, INT), lit(1, INT)));
        assertError(ErrorCode.NUMERIC_OVERFLOW, "integer out of range",
                bin(Function.MULTIPLY, INT, lit(65536, INT), lit(65536, INT)));
        assertError(ErrorCode.NUMERIC_OVERFLOW, "integer out of range",
                bin(Function.DIVIDE, INT, lit(Integer.MIN_VALUE, INT), lit(-1, INT)));
        assertError(ErrorCode.NUMERIC_OVERFLOW, "bigint out of range",
                bin(Function.ADD, BIGINT, lit(Long.MAX_VALUE, BIGINT), lit(1L, BIGINT)));
        assertError(ErrorCode.NUMERIC_OVERFLOW, "bigint out of range",
                bin(Function.MULTIPLY, BIGINT, lit(Long.MAX_VALUE, BIGINT), lit(2L, BIGINT)));
        assertError(ErrorCode.NUMERIC_OVERFLOW, "bigint out of range",
                bin(Function.DIVIDE, BIGINT, lit(Long.MIN_VALUE, BIGINT), lit(-1L, BIGINT)));
        assertError(ErrorCode.NUMERIC_OVERFLOW, "decimal out of range",
                bin(Function.MULTIPLY, dec(18, 4), lit(Long.MAX_VALUE / 2, dec(18, 2)), lit(300L, dec(18, 2))));
        assertError(ErrorCode.NUMERIC_OVERFLOW, "integer out of range", call(Function.NEGATE, INT, lit(Integer.MIN_VALUE, INT)));
        assertError(ErrorCode.NUMERIC_OVERFLOW, "bigint out of range", call(Function.ABS, BIGINT, lit(Long.MIN_VALUE, BIGINT)));
        // MIN % -1 is 0, not an error
        assertEquals(0L, ((Number) ExprTesting.evalConstant(
                bin(Function.MODULO, BIGINT, lit(Long.MIN_VALUE, BIGINT), lit(-1L, BIGINT)))).longValue());
    }

    @Test
    void overflowInAColumnRaisesAtTheBadRow() {
        BoundExpr plus = bin(Function.ADD, INT, col(0, INT), col(1, INT));
        Morsel m = ExprTesting.morsel(vector(INT, 1, Integer.MAX_VALUE), vector(INT, 1, 1));
        assertError(ErrorCode.NUMERIC_OVERFLOW, "integer out of range", () -> ExpressionCompiler.compile(plus).evaluate(m));
        // Unselected, the same row is never computed
        assertEquals(list(2), evaluate(ExpressionCompiler.compile(plus), m.withSelection(new int[] {0}, 1)));
    }

    @Test
    void divisionByZeroForEveryType() {
        assertError(ErrorCode.DIVISION_BY_ZERO, "division by zero", bin(Function.DIVIDE, INT, lit(1, INT), lit(0, INT)));
        assertError(ErrorCode.DIVISION_BY_ZERO, "division by zero", bin(Function.MODULO, INT, lit(1, INT), lit(0, INT)));
        assertError(ErrorCode.DIVISION_BY_ZERO, "division by zero", bin(Function.DIVIDE, BIGINT, lit(1L, BIGINT), lit(0L, BIGINT)));
        assertError(ErrorCode.DIVISION_BY_ZERO, "division by zero", bin(Function.MODULO, BIGINT, lit(1L, BIGINT), lit(0L, BIGINT)));
        assertError(ErrorCode.DIVISION_BY_ZERO, "division by zero", bin(Function.DIVIDE, DOUBLE, lit(1.0, DOUBLE), lit(0.0, DOUBLE)));
        assertError(ErrorCode.DIVISION_BY_ZERO, "division by zero", bin(Function.MODULO, DOUBLE, lit(1.0, DOUBLE), lit(0.0, DOUBLE)));
        assertError(ErrorCode.DIVISION_BY_ZERO, "division by zero",
                bin(Function.MODULO, dec(5, 2), lit(100L, dec(5, 2)), lit(0L, dec(5, 2))));
        Morsel zeros = ExprTesting.morsel(vector(DOUBLE, 1.0, 2.0), vector(DOUBLE, 1.0, 0.0));
        assertError(ErrorCode.DIVISION_BY_ZERO, "division by zero",
                () -> ExpressionCompiler.compile(bin(Function.DIVIDE, DOUBLE, col(0, DOUBLE), col(1, DOUBLE))).evaluate(zeros));
    }

    @Test
    void noErrorUnderNullRowsEvenWithZeroGarbage() {
        // The NULL divisor's slot holds 0 and the NULL dividend's slot holds MIN_VALUE
        Morsel m = ExprTesting.morsel(
                vector(BIGINT, Arrays.asList(10L, null, 6L), Long.MIN_VALUE),
                vector(BIGINT, Arrays.asList(null, -1L, 3L), 0L));
        for (Function f : new Function[] {Function.DIVIDE, Function.MODULO, Function.MULTIPLY, Function.SUBTRACT}) {
            VectorExpression e = ExpressionCompiler.compile(bin(f, BIGINT, col(0, BIGINT), col(1, BIGINT)));
            java.util.List<Object> out = evaluate(e, m);
            assertEquals(null, out.get(0));
            assertEquals(null, out.get(1));
        }
        Morsel ints = ExprTesting.morsel(vector(INT, Arrays.asList(5, null), Integer.MIN_VALUE), vector(INT, Arrays.asList(null, 2), 0));
        assertEquals(list(null, null), evaluate(ExpressionCompiler.compile(bin(Function.DIVIDE, INT, col(0, INT), col(1, INT))), ints));
        Morsel doubles = ExprTesting.morsel(vector(DOUBLE, Arrays.asList(5.0, 4.0), 0.0), vector(DOUBLE, Arrays.asList(null, 2.0), 0.0));
        assertEquals(list(null, 2.0),
                evaluate(ExpressionCompiler.compile(bin(Function.DIVIDE, DOUBLE, col(0, DOUBLE), col(1, DOUBLE))), doubles));
        // x / 0 with a constant zero on a column of NULLs only is NULL, not an error
        Morsel allNull = ExprTesting.morsel(vector(BIGINT, Arrays.asList(null, null), 7L));
        assertEquals(list(null, null),
                evaluate(ExpressionCompiler.compile(bin(Function.DIVIDE, BIGINT, col(0, BIGINT), lit(0L, BIGINT))), allNull));
        Morsel negNull = ExprTesting.morsel(vector(INT, Arrays.asList(null, 3), Integer.MIN_VALUE));
        assertEquals(list(null, -3), evaluate(ExpressionCompiler.compile(call(Function.NEGATE, INT, col(0, INT))), negNull));
    }

    @Test
    void nullConstantOperandGivesNull() {
        check1(bin(Function.ADD, BIGINT, col(0, BIGINT), lit(null, BIGINT)), BIGINT, list(1L, null), list(null, null));
        check1(bin(Function.DIVIDE, INT, lit(null, DataType.NULL), col(0, INT)), INT, list(0, null), list(null, null));
    }
}
