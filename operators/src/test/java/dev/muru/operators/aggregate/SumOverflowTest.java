package dev.muru.operators.aggregate;

import dev.muru.core.DataType;
import dev.muru.core.ErrorCode;
import dev.muru.core.Morsel;
import dev.muru.core.MuruException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static dev.muru.operators.aggregate.VectorFixtures.morsel;
import static dev.muru.operators.aggregate.VectorFixtures.vector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SumOverflowTest {
    private static final long MAX = Long.MAX_VALUE;
    private static final long MIN = Long.MIN_VALUE;

    private static HashAggregation sumOf(DataType type, boolean distinct, Object... values) {
        HashAggregation agg = new HashAggregation(List.of(), List.of(
                AggregateSpec.of(AggregateKind.SUM, distinct, 0, type),
                AggregateSpec.of(AggregateKind.AVG, distinct, 0, type)));
        agg.add(morsel(vector(type, values)));
        return agg;
    }

    @Test
    void sumBeyondLongMaxFailsAtFinish() {
        HashAggregation agg = sumOf(DataType.BIGINT, false, MAX, MAX, 2L);
        MuruException e = assertThrows(MuruException.class, () -> agg.finish(10));
        assertEquals(ErrorCode.NUMERIC_OVERFLOW, e.code());
        assertEquals("sum out of range for BIGINT", e.detail());
    }

    @Test
    void sumBelowLongMinFailsAtFinish() {
        HashAggregation agg = sumOf(DataType.BIGINT, false, MIN, -1L);
        assertThrows(MuruException.class, () -> agg.finish(10));
    }

    @Test
    void intermediateOverflowThatComesBackIsExact() {
        HashAggregation agg = sumOf(DataType.BIGINT, false, MAX, MAX, MAX, -MAX, -MAX, -MAX, 5L, MIN, MIN, MAX, MAX);
        Object[] row = agg.finish(10).get(0).rows().get(0);
        assertEquals(3L, row[0]);
        assertEquals(3.0 / 11, (Double) row[1], 1e-12);
    }

    @Test
    void averageOfHugeValuesUsesTheFullSum() {
        HashAggregation agg = sumOf(DataType.BIGINT, false, MAX, MAX, MAX);
        // Only AVG: the SUM column would fail, so read the accumulator state through AVG alone.
        HashAggregation avgOnly = new HashAggregation(List.of(), List.of(
                AggregateSpec.of(AggregateKind.AVG, false, 0, DataType.BIGINT)));
        avgOnly.add(morsel(vector(DataType.BIGINT, MAX, MAX, MAX)));
        assertEquals((double) MAX, (Double) avgOnly.finish(1).get(0).rows().get(0)[0], 1e3);
        assertThrows(MuruException.class, () -> agg.finish(1));
    }

    @Test
    void decimalSumOverflowNamesTheType() {
        DataType dec = DataType.decimal(18, 2);
        HashAggregation agg = sumOf(dec, false, 999_999_999_999_999_999L, 999_999_999_999_999_999L,
                999_999_999_999_999_999L, 999_999_999_999_999_999L, 999_999_999_999_999_999L,
                999_999_999_999_999_999L, 999_999_999_999_999_999L, 999_999_999_999_999_999L,
                999_999_999_999_999_999L, 999_999_999_999_999_999L);
        MuruException e = assertThrows(MuruException.class, () -> agg.finish(10));
        assertEquals("sum out of range for DECIMAL(18,2)", e.detail());
    }

    @Test
    void decimalSumAndAverageKeepTheScale() {
        DataType dec = DataType.decimal(12, 3);
        HashAggregation agg = sumOf(dec, false, 1_500L, 2_250L, null, -250L);
        Morsel out = agg.finish(10).get(0);
        assertEquals(DataType.decimal(18, 3), out.column(0).type());
        assertArrayEquals(new Object[] {new BigDecimal("3.500"), 3500.0 / 3 / 1000}, out.rows().get(0));
    }

    @Test
    void integerSumsWidenToBigint() {
        HashAggregation agg = sumOf(DataType.INTEGER, false, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);
        Object[] row = agg.finish(10).get(0).rows().get(0);
        assertEquals(3L * Integer.MAX_VALUE, row[0]);
        assertEquals((double) Integer.MAX_VALUE, row[1]);
    }

    @Test
    void distinctSumsAreExactToo() {
        HashAggregation ok = sumOf(DataType.BIGINT, true, MAX, MAX, MAX, -MAX, 1L, 1L);
        assertEquals(1L, ok.finish(10).get(0).rows().get(0)[0]);
        HashAggregation overflow = sumOf(DataType.BIGINT, true, MAX, MAX - 1);
        assertThrows(MuruException.class, () -> overflow.finish(10));
    }

    @Test
    void combinedPartialSumsCarryAcross128Bits() {
        HashAggregation a = sumOf(DataType.BIGINT, false, MAX, MAX);
        HashAggregation b = sumOf(DataType.BIGINT, false, MIN, MIN, 10L);
        HashAggregation c = sumOf(DataType.BIGINT, false, -1L, -1L, -1L);
        a.combine(b);
        a.combine(c);
        assertEquals(-2L + 10L - 3L, a.finish(10).get(0).rows().get(0)[0]);
        HashAggregation d = sumOf(DataType.BIGINT, false, MAX);
        d.combine(sumOf(DataType.BIGINT, false, 1L));
        assertThrows(MuruException.class, () -> d.finish(10));
    }
}
