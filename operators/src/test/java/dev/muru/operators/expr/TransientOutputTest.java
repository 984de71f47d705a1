package dev.muru.operators.expr;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.LongVector;
import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.expr.Function;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reused buffers below the root never leak into results that callers keep. */
class TransientOutputTest {
    private static final BoundExpr A = new BoundExpr.InputRef(0, DataType.BIGINT);

    private static BoundExpr call(Function f, BoundExpr l, long c) {
        return new BoundExpr.Call(f, List.of(l, new BoundExpr.Constant(c, DataType.BIGINT)),
                f.name().startsWith("LESS") || f == Function.EQUAL ? DataType.BOOLEAN : DataType.BIGINT);
    }

    private static Morsel morsel(long... values) {
        return new Morsel(new ColumnVector[]{new LongVector(DataType.BIGINT, values, null)}, values.length);
    }

    @Test
    void keptResultsSurviveTheNextMorsel() {
        VectorExpression e = ExpressionCompiler.compile(call(Function.MULTIPLY, call(Function.ADD, A, 1), 2));
        LongVector first = (LongVector) e.evaluate(morsel(1, 2, 3));
        LongVector second = (LongVector) e.evaluate(morsel(10, 20, 30));
        assertArrayEquals(new long[]{4, 6, 8}, first.values());
        assertArrayEquals(new long[]{22, 42, 62}, second.values());
    }

    @Test
    void filtersOverReusedArithmeticStayExact() {
        VectorExpression p = ExpressionCompiler.compile(call(Function.LESS, call(Function.MODULO, A, 3), 1));
        int[] out = new int[3];
        assertEquals(1, FilterKernel.select(morsel(3, 4, 5), p, out));
        assertEquals(0, out[0]);
        assertEquals(2, FilterKernel.select(morsel(6, 9, 10), p, out));
        assertArrayEquals(new int[]{0, 1}, new int[]{out[0], out[1]});
    }
}
