package dev.muru.operators.expr;

import dev.muru.core.Morsel;
import dev.muru.core.vector.ColumnVector;
import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.expr.Function;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.muru.operators.expr.ExprTesting.BIGINT;
import static dev.muru.operators.expr.ExprTesting.BOOL;
import static dev.muru.operators.expr.ExprTesting.TEXT;
import static dev.muru.operators.expr.ExprTesting.call;
import static dev.muru.operators.expr.ExprTesting.cmp;
import static dev.muru.operators.expr.ExprTesting.col;
import static dev.muru.operators.expr.ExprTesting.evaluate;
import static dev.muru.operators.expr.ExprTesting.list;
import static dev.muru.operators.expr.ExprTesting.lit;
import static dev.muru.operators.expr.ExprTesting.vector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class KernelTest {
    private static List<Integer> positions(Morsel m) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < m.size(); i++) {
            out.add(m.position(i));
        }
        return out;
    }

    private static Morsel sample() {
        return ExprTesting.morsel(vector(BIGINT, 1L, 2L, null, 4L, 5L, 6L), vector(BOOL, true, null, true, false, true, true),
                vector(TEXT, "a", "b", "c", "d", "e", "f"));
    }

    @Test
    void filterNarrowsTheSelectionWithoutCopying() {
        Morsel m = sample();
        Morsel out = FilterKernel.filter(m, ExpressionCompiler.compile(cmp(Function.GREATER, col(0, BIGINT), lit(1L, BIGINT))));
        assertEquals(List.of(1, 3, 4, 5), positions(out));
        assertSame(m.column(0), out.column(0));
        assertEquals(m.positions(), out.positions());
        // Filtering a filtered morsel narrows its selection further
        Morsel again = FilterKernel.filter(out, ExpressionCompiler.compile(cmp(Function.NOT_EQUAL, col(0, BIGINT), lit(4L, BIGINT))));
        assertEquals(List.of(1, 4, 5), positions(again));
        assertArrayEquals(new int[] {1, 3, 4, 5}, java.util.Arrays.copyOf(out.selection(), 4), "input selection untouched");
    }

    @Test
    void filterReturnsTheInputWhenAllRowsPass() {
        Morsel m = sample();
        assertSame(m, FilterKernel.filter(m, ExpressionCompiler.compile(call(Function.IS_NOT_NULL, BOOL, col(2, TEXT)))));
        assertSame(m, FilterKernel.filter(m, ExpressionCompiler.compile(lit(true, BOOL))));
        assertEquals(0, FilterKernel.filter(m, ExpressionCompiler.compile(lit(false, BOOL))).size());
        assertEquals(0, FilterKernel.filter(m, ExpressionCompiler.compile(lit(null, BOOL))).size());
    }

    @Test
    void filterOnPredicatesWithoutASelectionKernel() {
        Morsel m = sample().withSelection(new int[] {0, 1, 2, 3, 5}, 5);
        // A boolean column: NULL and FALSE rows drop out
        assertEquals(List.of(0, 2, 5), positions(FilterKernel.filter(m, ExpressionCompiler.compile(col(1, BOOL)))));
        BoundExpr or = call(Function.OR, BOOL, cmp(Function.EQUAL, col(0, BIGINT), lit(1L, BIGINT)),
                cmp(Function.EQUAL, col(2, TEXT), lit("d", TEXT)));
        assertEquals(List.of(0, 3), positions(FilterKernel.filter(m, ExpressionCompiler.compile(or))));
        BoundExpr not = call(Function.NOT, BOOL, col(1, BOOL));
        assertEquals(List.of(3), positions(FilterKernel.filter(m, ExpressionCompiler.compile(not))));
    }

    @Test
    void filterOnAnEmptyMorsel() {
        Morsel empty = sample().withSelection(new int[0], 0);
        assertSame(empty, FilterKernel.filter(empty, ExpressionCompiler.compile(col(1, BOOL))));
    }

    @Test
    void projectionKeepsPositionsAndSelection() {
        Morsel m = sample().withSelection(new int[] {1, 3, 5}, 3);
        VectorExpression[] exprs = ExpressionCompiler.compile(List.of(
                col(2, TEXT),
                call(Function.MULTIPLY, BIGINT, col(0, BIGINT), lit(10L, BIGINT)),
                lit("k", TEXT)));
        Morsel out = ProjectionKernel.project(m, exprs);
        assertEquals(m.positions(), out.positions());
        assertSame(m.selection(), out.selection());
        assertEquals(3, out.size());
        assertSame(m.column(2), out.column(0), "column references are zero copy");
        List<Object[]> rows = out.rows();
        assertEquals(list("b", 20L, "k"), List.of(rows.get(0)));
        assertEquals(list("f", 60L, "k"), List.of(rows.get(2)));
        assertEquals(list("d", 40L, "k"), evaluateRow(out, 1));
    }

    private static List<Object> evaluateRow(Morsel m, int row) {
        List<Object> out = new ArrayList<>();
        for (ColumnVector c : m.columns()) {
            out.add(c.getObject(m.position(row)));
        }
        return out;
    }

    @Test
    void projectedComparisonMaterialisesBooleans() {
        Morsel m = sample();
        VectorExpression e = ExpressionCompiler.compile(cmp(Function.LESS_EQUAL, col(0, BIGINT), lit(4L, BIGINT)));
        assertEquals(list(true, true, null, true, false, false), evaluate(e, m));
    }
}
