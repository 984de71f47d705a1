package dev.muru.operators.expr;

import dev.muru.core.DataType;
import dev.muru.core.ErrorCode;
import dev.muru.core.Morsel;
import dev.muru.core.vector.ColumnVector;
import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.expr.Function;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.muru.operators.expr.ExprTesting.BIGINT;
import static dev.muru.operators.expr.ExprTesting.BOOL;
import static dev.muru.operators.expr.ExprTesting.DOUBLE;
import static dev.muru.operators.expr.ExprTesting.INT;
import static dev.muru.operators.expr.ExprTesting.TEXT;
import static dev.muru.operators.expr.ExprTesting.assertError;
import static dev.muru.operators.expr.ExprTesting.call;
import static dev.muru.operators.expr.ExprTesting.check1;
import static dev.muru.operators.expr.ExprTesting.check2;
import static dev.muru.operators.expr.ExprTesting.cmp;
import static dev.muru.operators.expr.ExprTesting.col;
import static dev.muru.operators.expr.ExprTesting.dec;
import static dev.muru.operators.expr.ExprTesting.evaluate;
import static dev.muru.operators.expr.ExprTesting.list;
import static dev.muru.operators.expr.ExprTesting.lit;
import static dev.muru.operators.expr.ExprTesting.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConditionalExpressionTest {
    private static BoundExpr caseOf(DataType type, BoundExpr elseResult, BoundExpr... conditionsAndResults) {
        List<BoundExpr> conditions = new ArrayList<>();
        List<BoundExpr> results = new ArrayList<>();
        for (int i = 0; i < conditionsAndResults.length; i += 2) {
            conditions.add(conditionsAndResults[i]);
            results.add(conditionsAndResults[i + 1]);
        }
        return new BoundExpr.Case(conditions, results, elseResult, type);
    }

    private static BoundExpr in(BoundExpr value, boolean negated, BoundExpr... items) {
        return new BoundExpr.InList(value, List.of(items), negated);
    }

    @Test
    void caseTakesTheFirstTrueBranch() {
        BoundExpr x = col(0, BIGINT);
        BoundExpr e = caseOf(TEXT, lit("big", TEXT),
                cmp(Function.LESS, x, lit(0L, BIGINT)), lit("negative", TEXT),
                cmp(Function.LESS, x, lit(10L, BIGINT)), lit("small", TEXT));
        check1(e, BIGINT, list(-5L, 3L, 100L, null, 0L), list("negative", "small", "big", "big", "small"));
        BoundExpr noElse = caseOf(BIGINT, lit(null, BIGINT), cmp(Function.GREATER, x, lit(0L, BIGINT)), x);
        check1(noElse, BIGINT, list(5L, -1L, null), list(5L, null, null));
    }

    @Test
    void caseEvaluatesEachResultOnlyOnItsRows() {
        // CASE WHEN x = 0 THEN 0 ELSE 1 / x END never divides by zero
        BoundExpr x = col(0, INT);
        BoundExpr e = caseOf(INT, call(Function.DIVIDE, INT, lit(100, INT), x), cmp(Function.EQUAL, x, lit(0, INT)), lit(0, INT));
        check1(e, INT, list(0, 5, -50, null, 0), list(0, 20, -2, null, 0));
        // Conditions too run only on the rows no earlier branch took
        BoundExpr guardedCondition = caseOf(TEXT, lit("other", TEXT),
                cmp(Function.EQUAL, x, lit(0, INT)), lit("zero", TEXT),
                cmp(Function.GREATER, call(Function.DIVIDE, INT, lit(100, INT), x), lit(10, INT)), lit("small", TEXT));
        check1(guardedCondition, INT, list(0, 5, 50, null), list("zero", "small", "other", "other"));
    }

    @Test
    void caseReturnsTheBranchVectorWhenOneBranchTakesAll() {
        VectorExpression e = ExpressionCompiler.compile(caseOf(BIGINT, lit(0L, BIGINT),
                cmp(Function.GREATER, col(0, BIGINT), lit(0L, BIGINT)), col(0, BIGINT)));
        Morsel m = ExprTesting.morsel(vector(BIGINT, 1L, 2L, 3L));
        assertSame(m.column(0), e.evaluate(m));
        Morsel none = ExprTesting.morsel(vector(BIGINT, -1L, -2L));
        assertEquals(list(0L, 0L), evaluate(e, none));
    }

    @Test
    void caseWithNullConditionFallsThrough() {
        BoundExpr e = caseOf(INT, lit(2, INT), col(0, BOOL), lit(1, INT));
        check1(e, BOOL, list(true, false, null), list(1, 2, 2));
    }

    @Test
    void coalesce() {
        Object[][] rows = {{1L, 2L}, {null, 2L}, {null, null}, {3L, null}};
        check2(call(Function.COALESCE, BIGINT, col(0, BIGINT), col(1, BIGINT)), BIGINT, BIGINT, rows, 1L, 2L, null, 3L);
        check2(call(Function.COALESCE, BIGINT, col(0, BIGINT), col(1, BIGINT), lit(-1L, BIGINT)), BIGINT, BIGINT, rows,
                1L, 2L, -1L, 3L);
        check1(call(Function.COALESCE, TEXT, col(0, TEXT), lit("none", TEXT)), TEXT, list("a", null), list("a", "none"));
        // Later arguments run only where the earlier ones are NULL
        BoundExpr x = col(0, INT);
        check1(call(Function.COALESCE, INT, x, call(Function.DIVIDE, INT, lit(1, INT), x)), INT, list(0, 5), list(0, 5));
        Morsel noNulls = ExprTesting.morsel(vector(BIGINT, 1L, 2L), vector(BIGINT, 3L, 4L));
        assertSame(noNulls.column(0), ExpressionCompiler.compile(
                call(Function.COALESCE, BIGINT, col(0, BIGINT), col(1, BIGINT))).evaluate(noNulls));
    }

    @Test
    void nullIf() {
        Object[][] rows = {{1L, 1L}, {1L, 2L}, {null, 1L}, {1L, null}};
        check2(call(Function.NULLIF, BIGINT, col(0, BIGINT), col(1, BIGINT)), BIGINT, BIGINT, rows, null, 1L, null, 1L);
        check1(call(Function.NULLIF, TEXT, col(0, TEXT), lit("", TEXT)), TEXT, list("", "a", null), list(null, "a", null));
        check1(call(Function.NULLIF, DOUBLE, col(0, DOUBLE), lit(Double.NaN, DOUBLE)), DOUBLE,
                list(Double.NaN, 1.0), list(null, 1.0));
        check1(call(Function.NULLIF, INT, col(0, INT), lit(null, INT)), INT, list(1, null), list(1, null));
    }

    @Test
    void inListOfConstants() {
        BoundExpr x = col(0, BIGINT);
        var values = list(1L, 2L, 3L, null);
        check1(in(x, false, lit(1L, BIGINT), lit(3L, BIGINT)), BIGINT, values, list(true, false, true, null));
        check1(in(x, true, lit(1L, BIGINT), lit(3L, BIGINT)), BIGINT, values, list(false, true, false, null));
        // A NULL item makes every non-match NULL
        check1(in(x, false, lit(1L, BIGINT), lit(null, BIGINT)), BIGINT, values, list(true, null, null, null));
        check1(in(x, true, lit(1L, BIGINT), lit(null, BIGINT)), BIGINT, values, list(false, null, null, null));
        check1(in(col(0, TEXT), false, lit("MAIL", TEXT), lit("SHIP", TEXT)), TEXT,
                list("MAIL", "AIR", null, "SHIP"), list(true, false, null, true));
        check1(in(col(0, INT), false, lit(7, INT)), INT, list(7, 8), list(true, false));
        check1(in(col(0, DOUBLE), false, lit(-0.0, DOUBLE), lit(Double.NaN, DOUBLE)), DOUBLE,
                list(0.0, Double.NaN, 1.0), list(true, true, false));
        check1(in(col(0, BOOL), false, lit(true, BOOL)), BOOL, list(true, false, null), list(true, false, null));
        check1(in(col(0, dec(10, 2)), false, lit(150L, dec(10, 2)), lit(2, INT)), dec(10, 2),
                list(150L, 200L, 100L), list(true, true, false));
    }

    @Test
    void longInListIsBinarySearched() {
        BoundExpr[] items = new BoundExpr[40];
        for (int i = 0; i < items.length; i++) {
            items[i] = lit((long) i * 3, BIGINT);
        }
        BoundExpr e = new BoundExpr.InList(col(0, BIGINT), Arrays.asList(items), false);
        check1(e, BIGINT, list(0L, 1L, 117L, 118L, null, -3L), list(true, false, true, false, null, false));
    }

    @Test
    void inListWithColumnItems() {
        BoundExpr x = col(0, BIGINT);
        BoundExpr y = col(1, BIGINT);
        Object[][] rows = {{1L, 1L}, {1L, 2L}, {1L, null}, {null, 1L}, {5L, null}};
        check2(in(x, false, y, lit(5L, BIGINT)), BIGINT, BIGINT, rows, true, false, null, null, true);
        check2(in(x, true, y, lit(5L, BIGINT)), BIGINT, BIGINT, rows, false, true, null, null, false);
    }

    @Test
    void inListAsFilter() {
        VectorExpression e = ExpressionCompiler.compile(in(col(0, BIGINT), false, lit(2L, BIGINT), lit(4L, BIGINT)));
        assertTrue(e instanceof SelectionFilter);
        Morsel m = new Morsel(new ColumnVector[] {vector(BIGINT, 1L, 2L, 3L, 4L, null)}, 5, new int[] {1, 2, 4}, 3);
        Morsel out = FilterKernel.filter(m, e);
        assertEquals(1, out.size());
        assertEquals(1, out.position(0));
        VectorExpression notInWithNull = ExpressionCompiler.compile(in(col(0, BIGINT), true, lit(2L, BIGINT), lit(null, BIGINT)));
        assertEquals(0, FilterKernel.filter(m, notInWithNull).size());
    }

    @Test
    void roundDecimalsDoublesAndIntegers() {
        DataType d = dec(10, 3);
        var values = list(1245L, -1245L, 1244L, null, 999_999L);
        check1(call(Function.ROUND, dec(10, 2), col(0, d), lit(2, INT)), d, values, list(125L, -125L, 124L, null, 100_000L));
        check1(call(Function.ROUND, dec(10, 0), col(0, d), lit(0, INT)), d, values, list(1L, -1L, 1L, null, 1000L));
        check1(call(Function.ROUND, d, col(0, d), lit(5, INT)), d, values, values);
        check1(call(Function.ROUND, dec(10, 0), col(0, d), lit(-1, INT)), d, list(15_000L, -15_000L, 14_999L), list(20L, -20L, 10L));
        check1(call(Function.ROUND, DOUBLE, col(0, DOUBLE), lit(1, INT)), DOUBLE,
                list(2.25, -2.25, 1.04, null, Double.NaN, 1e308), list(2.3, -2.3, 1.0, null, Double.NaN, 1e308));
        check1(call(Function.ROUND, DOUBLE, col(0, DOUBLE), lit(0, INT)), DOUBLE, list(2.5, -2.5, 0.49999999999999994),
                list(3.0, -3.0, 0.0));
        check1(call(Function.ROUND, DOUBLE, col(0, DOUBLE), lit(-2, INT)), DOUBLE, list(1250.0, -1249.0), list(1300.0, -1200.0));
        check1(call(Function.ROUND, INT, col(0, INT), lit(2, INT)), INT, list(15, null), list(15, null));
        check1(call(Function.ROUND, INT, col(0, INT), lit(-1, INT)), INT, list(15, -15, 14, null), list(20, -20, 10, null));
        check1(call(Function.ROUND, BIGINT, col(0, BIGINT), lit(-2, INT)), BIGINT, list(150L, -149L), list(200L, -100L));
        assertError(ErrorCode.NUMERIC_OVERFLOW, "integer out of range",
                call(Function.ROUND, INT, lit(Integer.MAX_VALUE, INT), lit(-1, INT)));
        // Rounding to 10^19 and beyond: only magnitudes from 5 * 10^18 reach one unit
        assertEquals(-1L, DecimalMath.divideRounded(Long.MIN_VALUE, 19));
        assertEquals(1L, DecimalMath.divideRounded(5_000_000_000_000_000_000L, 19));
        assertEquals(0L, DecimalMath.divideRounded(4_999_999_999_999_999_999L, 19));
        assertEquals(0L, DecimalMath.divideRounded(Long.MAX_VALUE, 20));
        assertEquals(-2L, DecimalMath.divideRounded(-15L, 1));
        assertError(ErrorCode.FEATURE_NOT_SUPPORTED, null,
                () -> ExpressionCompiler.compile(call(Function.ROUND, DOUBLE, col(0, DOUBLE), col(1, INT))));
    }
}
