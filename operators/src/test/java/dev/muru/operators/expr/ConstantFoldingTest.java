package dev.muru.operators.expr;

import dev.muru.core.DataType;
import dev.muru.core.ErrorCode;
import dev.muru.core.Morsel;
import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.expr.Function;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static dev.muru.operators.expr.ExprTesting.BIGINT;
import static dev.muru.operators.expr.ExprTesting.BOOL;
import static dev.muru.operators.expr.ExprTesting.DATE;
import static dev.muru.operators.expr.ExprTesting.INT;
import static dev.muru.operators.expr.ExprTesting.TEXT;
import static dev.muru.operators.expr.ExprTesting.assertError;
import static dev.muru.operators.expr.ExprTesting.call;
import static dev.muru.operators.expr.ExprTesting.cmp;
import static dev.muru.operators.expr.ExprTesting.col;
import static dev.muru.operators.expr.ExprTesting.dec;
import static dev.muru.operators.expr.ExprTesting.lit;
import static dev.muru.operators.expr.ExprTesting.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConstantFoldingTest {
    private static final BoundExpr ONE_OVER_ZERO = call(Function.DIVIDE, INT, lit(1, INT), lit(0, INT));

    @Test
    void foldsConstantSubtreesOnly() {
        assertEquals(lit(3, INT), ConstantFolding.fold(call(Function.ADD, INT, lit(1, INT), lit(2, INT))));
        BoundExpr x = col(0, INT);
        BoundExpr partly = call(Function.ADD, INT, x, call(Function.MULTIPLY, INT, lit(2, INT), lit(3, INT)));
        assertEquals(call(Function.ADD, INT, x, lit(6, INT)), ConstantFolding.fold(partly));
        assertSame(x, ConstantFolding.fold(x));
    }

    @Test
    void foldedValuesUseTheConstantEncoding() {
        // DECIMAL folds to its unscaled long, DATE to days, strings to String
        assertEquals(lit(375L, dec(11, 2)),
                ConstantFolding.fold(call(Function.ADD, dec(11, 2), lit(150L, dec(10, 2)), lit(225L, dec(10, 2)))));
        int day = (int) LocalDate.parse("1998-09-02").toEpochDay();
        assertEquals(lit(day, DATE), ConstantFolding.fold(call(Function.DATE_ADD_DAYS, DATE,
                new BoundExpr.Cast(lit("1998-12-01", TEXT), DATE), lit(-90, INT))));
        assertEquals(lit("ABC", TEXT), ConstantFolding.fold(call(Function.UPPER, TEXT, lit("abc", TEXT))));
        assertEquals(lit(12, INT), ConstantFolding.fold(new BoundExpr.Cast(lit(" 12 ", TEXT), INT)));
        assertEquals(lit(true, BOOL), ConstantFolding.fold(new BoundExpr.InList(lit(2L, BIGINT),
                List.of(lit(1L, BIGINT), lit(2L, BIGINT)), false)));
        assertEquals(lit(null, BIGINT), ConstantFolding.fold(call(Function.ADD, BIGINT, lit(null, BIGINT), lit(1L, BIGINT))));
    }

    @Test
    void failingSubtreesStayForExecution() {
        assertEquals(ONE_OVER_ZERO, ConstantFolding.fold(ONE_OVER_ZERO));
        BoundExpr badCast = new BoundExpr.Cast(lit("abc", TEXT), INT);
        assertEquals(badCast, ConstantFolding.fold(badCast));
        // Compiling succeeds; the error comes when a row is evaluated
        BoundExpr predicate = cmp(Function.GREATER, col(0, INT), ONE_OVER_ZERO);
        VectorExpression e = ExpressionCompiler.compile(predicate);
        Morsel empty = ExprTesting.morsel(vector(INT, 1, 2)).withSelection(new int[0], 0);
        assertEquals(0, FilterKernel.filter(empty, e).size());
        assertError(ErrorCode.DIVISION_BY_ZERO, "division by zero",
                () -> FilterKernel.filter(ExprTesting.morsel(vector(INT, 1, 2)), e));
    }

    @Test
    void logicalOperandsThatDecideNothingOrEverything() {
        BoundExpr p = cmp(Function.LESS, col(0, INT), lit(5, INT));
        assertEquals(p, ConstantFolding.fold(call(Function.AND, BOOL, p, lit(true, BOOL))));
        assertEquals(lit(false, BOOL), ConstantFolding.fold(call(Function.AND, BOOL, p, lit(false, BOOL))));
        assertEquals(lit(true, BOOL), ConstantFolding.fold(call(Function.OR, BOOL, p, lit(true, BOOL))));
        assertEquals(p, ConstantFolding.fold(call(Function.OR, BOOL, lit(false, BOOL), p)));
        BoundExpr withNull = call(Function.AND, BOOL, p, lit(null, BOOL));
        assertEquals(withNull, ConstantFolding.fold(withNull));
        assertEquals(lit(false, BOOL), ConstantFolding.fold(call(Function.AND, BOOL,
                cmp(Function.EQUAL, lit(1, INT), lit(2, INT)), cmp(Function.GREATER, ONE_OVER_ZERO, lit(0, INT)))));
    }

    @Test
    void caseBranchesWithConstantConditions() {
        BoundExpr x = col(0, INT);
        BoundExpr taken = new BoundExpr.Case(List.of(lit(true, BOOL)), List.of(x), ONE_OVER_ZERO, INT);
        assertEquals(x, ConstantFolding.fold(taken));
        BoundExpr skipped = new BoundExpr.Case(List.of(lit(false, BOOL), lit(null, BOOL)), List.of(ONE_OVER_ZERO, ONE_OVER_ZERO), x, INT);
        assertEquals(x, ConstantFolding.fold(skipped));
        BoundExpr p = cmp(Function.LESS, x, lit(0, INT));
        BoundExpr mixed = new BoundExpr.Case(List.of(p, lit(true, BOOL), p), List.of(lit(1, INT), lit(2, INT), ONE_OVER_ZERO), x, INT);
        assertEquals(new BoundExpr.Case(List.of(p), List.of(lit(1, INT)), lit(2, INT), INT), ConstantFolding.fold(mixed));
        // CASE WHEN 1 = 0 THEN 1 / 0 ELSE 7 END folds to 7
        assertEquals(lit(7, INT), ConstantFolding.fold(new BoundExpr.Case(List.of(cmp(Function.EQUAL, lit(1, INT), lit(0, INT))),
                List.of(ONE_OVER_ZERO), lit(7, INT), INT)));
    }

    @Test
    void compilerFoldsSoConstantKernelsApply() {
        // x < 10 + 5 compiles to a column-constant comparison, LIKE with a folded pattern to a fast path
        VectorExpression e = ExpressionCompiler.compile(cmp(Function.LESS, col(0, BIGINT),
                call(Function.ADD, BIGINT, lit(10L, BIGINT), lit(5L, BIGINT))));
        assertTrue(e instanceof LongComparison);
        Morsel m = ExprTesting.morsel(vector(BIGINT, 14L, 15L));
        assertEquals(1, FilterKernel.filter(m, e).size());
        VectorExpression constant = ExpressionCompiler.compile(call(Function.CONCAT, TEXT, lit("a", TEXT), lit("b", TEXT)));
        assertTrue(constant instanceof ConstantExpression);
        assertEquals("ab", ((ConstantExpression) constant).value());
    }

    @Test
    void aConstantOfEveryTypeEvaluatesToAFullVector() {
        Object[][] cases = {{1, INT}, {2L, BIGINT}, {1.5, DataType.DOUBLE}, {true, BOOL}, {"s", TEXT}, {150L, dec(5, 2)}, {3, DATE}};
        for (Object[] c : cases) {
            VectorExpression e = ExpressionCompiler.compile(lit(c[0], (DataType) c[1]));
            Morsel m = ExprTesting.morsel(vector(INT, 1, 2, 3));
            var v = e.evaluate(m);
            assertEquals(3, v.length());
            assertEquals(c[0], Vectors.rawValue(v, 2));
            assertSame(v, e.evaluate(m), "cached for a morsel of the same length");
            assertEquals(5, e.evaluate(ExprTesting.morsel(vector(INT, 1, 2, 3, 4, 5))).length());
        }
        var nullVector = ExpressionCompiler.compile(lit(null, TEXT)).evaluate(ExprTesting.morsel(vector(INT, 1, 2)));
        assertTrue(nullVector.isNull(0) && nullVector.isNull(1));
    }
}
