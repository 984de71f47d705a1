package dev.muru.operators.expr;

import dev.muru.core.DataType;
import dev.muru.core.ErrorCode;
import dev.muru.core.Morsel;
import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.expr.Function;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.muru.operators.expr.ExprTesting.BIGINT;
import static dev.muru.operators.expr.ExprTesting.BOOL;
import static dev.muru.operators.expr.ExprTesting.INT;
import static dev.muru.operators.expr.ExprTesting.TEXT;
import static dev.muru.operators.expr.ExprTesting.assertError;
import static dev.muru.operators.expr.ExprTesting.call;
import static dev.muru.operators.expr.ExprTesting.check;
import static dev.muru.operators.expr.ExprTesting.check1;
import static dev.muru.operators.expr.ExprTesting.cmp;
import static dev.muru.operators.expr.ExprTesting.col;
import static dev.muru.operators.expr.ExprTesting.evaluate;
import static dev.muru.operators.expr.ExprTesting.list;
import static dev.muru.operators.expr.ExprTesting.lit;
import static dev.muru.operators.expr.ExprTesting.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogicalExpressionTest {
    private static final Boolean[] TRUTH = {true, false, null};

    private static Boolean and(Boolean a, Boolean b) {
        if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
            return false;
        }
        return a == null || b == null ? null : true;
    }

    private static Boolean or(Boolean a, Boolean b) {
        if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
            return true;
        }
        return a == null || b == null ? null : false;
    }

    private static List<Object[]> allPairs() {
        List<Object[]> rows = new ArrayList<>();
        for (Boolean a : TRUTH) {
            for (Boolean b : TRUTH) {
                rows.add(new Object[] {a, b});
            }
        }
        return rows;
    }

    @Test
    void andOrTruthTables() {
        List<Object[]> rows = allPairs();
        List<Object> ands = new ArrayList<>();
        List<Object> ors = new ArrayList<>();
        for (Object[] r : rows) {
            ands.add(and((Boolean) r[0], (Boolean) r[1]));
            ors.add(or((Boolean) r[0], (Boolean) r[1]));
        }
        DataType[] types = {BOOL, BOOL};
        check(call(Function.AND, BOOL, col(0, BOOL), col(1, BOOL)), types, rows, ands);
        check(call(Function.OR, BOOL, col(0, BOOL), col(1, BOOL)), types, rows, ors);
    }

    @Test
    void notKeepsNull() {
        check1(call(Function.NOT, BOOL, col(0, BOOL)), BOOL, list(true, false, null), list(false, true, null));
        check1(call(Function.NOT, BOOL, call(Function.NOT, BOOL, col(0, BOOL))), BOOL, list(true, false, null), list(true, false, null));
    }

    @Test
    void naryAndOrOverThreeOperands() {
        List<Object[]> rows = new ArrayList<>();
        List<Object> ands = new ArrayList<>();
        List<Object> ors = new ArrayList<>();
        for (Boolean a : TRUTH) {
            for (Boolean b : TRUTH) {
                for (Boolean c : TRUTH) {
                    rows.add(new Object[] {a, b, c});
                    ands.add(and(and(a, b), c));
                    ors.add(or(or(a, b), c));
                }
            }
        }
        DataType[] types = {BOOL, BOOL, BOOL};
        check(call(Function.AND, BOOL, col(0, BOOL), col(1, BOOL), col(2, BOOL)), types, rows, ands);
        check(call(Function.OR, BOOL, col(0, BOOL), col(1, BOOL), col(2, BOOL)), types, rows, ors);
    }

    @Test
    void notOverComparisonsAndPredicates() {
        BoundExpr x = col(0, BIGINT);
        List<Object> xs = list(1L, 5L, 10L, null);
        check1(call(Function.NOT, BOOL, cmp(Function.LESS, x, lit(5L, BIGINT))), BIGINT, xs, list(false, true, true, null));
        check1(call(Function.NOT, BOOL, cmp(Function.EQUAL, x, lit(5L, BIGINT))), BIGINT, xs, list(true, false, true, null));
        check1(call(Function.NOT, BOOL, call(Function.IS_NULL, BOOL, x)), BIGINT, xs, list(true, true, true, false));
        check1(call(Function.NOT, BOOL, new BoundExpr.InList(x, List.of(lit(1L, BIGINT), lit(10L, BIGINT)), false)),
                BIGINT, xs, list(false, true, false, null));
        check1(call(Function.NOT, BOOL, call(Function.LIKE, BOOL, col(0, TEXT), lit("a%", TEXT))), TEXT,
                list("abc", "b", null), list(false, true, null));
    }

    @Test
    void isNullAndIsNotNullAreNeverNull() {
        check1(call(Function.IS_NULL, BOOL, col(0, INT)), INT, list(1, null, 3), list(false, true, false));
        check1(call(Function.IS_NOT_NULL, BOOL, col(0, INT)), INT, list(1, null, 3), list(true, false, true));
        check1(call(Function.IS_NULL, BOOL, col(0, TEXT)), TEXT, list("a", "b"), list(false, false));
        check1(call(Function.IS_NOT_NULL, BOOL, col(0, TEXT)), TEXT, list("a", "b"), list(true, true));
        check1(call(Function.IS_NULL, BOOL, lit(null, INT)), INT, list(1), list(true));
    }

    @Test
    void andIsLazyRowByRow() {
        // x <> 0 AND 10 / x > 1: the division never sees the zero row
        BoundExpr x = col(0, INT);
        BoundExpr guarded = call(Function.AND, BOOL, cmp(Function.NOT_EQUAL, x, lit(0, INT)),
                cmp(Function.GREATER, call(Function.DIVIDE, INT, lit(10, INT), x), lit(1, INT)));
        check1(guarded, INT, list(0, 2, 20, null, 0), list(false, true, false, null, false));
        BoundExpr orGuarded = call(Function.OR, BOOL, cmp(Function.EQUAL, x, lit(0, INT)),
                cmp(Function.GREATER, call(Function.DIVIDE, INT, lit(10, INT), x), lit(1, INT)));
        check1(orGuarded, INT, list(0, 2, 20, null), list(true, true, false, null));
        // Without the guard the zero row raises
        BoundExpr unguarded = cmp(Function.GREATER, call(Function.DIVIDE, INT, lit(10, INT), x), lit(1, INT));
        Morsel m = ExprTesting.morsel(vector(INT, 0, 2));
        assertError(ErrorCode.DIVISION_BY_ZERO, "division by zero", () -> ExpressionCompiler.compile(unguarded).evaluate(m));
    }

    @Test
    void andAsFilterNarrowsThroughEachOperand() {
        BoundExpr x = col(0, BIGINT);
        BoundExpr between = call(Function.AND, BOOL,
                cmp(Function.GREATER_EQUAL, x, lit(10L, BIGINT)), cmp(Function.LESS_EQUAL, x, lit(20L, BIGINT)),
                cmp(Function.NOT_EQUAL, x, lit(15L, BIGINT)));
        VectorExpression e = ExpressionCompiler.compile(between);
        assertTrue(e instanceof SelectionFilter);
        Morsel m = ExprTesting.morsel(vector(BIGINT, 5L, 10L, 15L, null, 20L, 21L, 12L));
        Morsel out = FilterKernel.filter(m, e);
        assertEquals(List.of(1, 4, 6), Arrays.stream(out.selection(), 0, out.size()).boxed().toList());
        assertEquals(list(false, true, false, null, true, false, true), evaluate(e, m));
    }
}
