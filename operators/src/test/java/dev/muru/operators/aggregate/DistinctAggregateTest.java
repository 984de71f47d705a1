package dev.muru.operators.aggregate;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

import static dev.muru.operators.aggregate.AggregateKind.AVG;
import static dev.muru.operators.aggregate.AggregateKind.COUNT;
import static dev.muru.operators.aggregate.AggregateKind.MAX;
import static dev.muru.operators.aggregate.AggregateKind.MIN;
import static dev.muru.operators.aggregate.AggregateKind.SUM;
import static dev.muru.operators.aggregate.VectorFixtures.morsel;
import static dev.muru.operators.aggregate.VectorFixtures.vector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DistinctAggregateTest {

    private static AggregateSpec distinct(AggregateKind kind, int column, DataType type) {
        return AggregateSpec.of(kind, true, column, type);
    }

    private static List<Object[]> rowsByKey(HashAggregation agg) {
        List<Object[]> rows = VectorFixtures.rows(agg.finish(100));
        rows.sort(Comparator.comparing(r -> (String) r[0]));
        return rows;
    }

    @Test
    void eachDistinctValueCountsOncePerGroup() {
        DataType dec = DataType.decimal(6, 1);
        Morsel in = morsel(
                vector(DataType.VARCHAR, "a", "a", "a", "a", "b", "b"),
                vector(DataType.BIGINT, 5L, 5L, null, 7L, 5L, 0L),
                vector(DataType.VARCHAR, "x", "x", "y", null, "x", "x"),
                vector(DataType.DOUBLE, 0.5, 0.5, 1.5, null, 0.0, -0.0),
                vector(dec, 15L, 25L, 15L, null, null, null));
        HashAggregation agg = new HashAggregation(List.of(DataType.VARCHAR), List.of(
                distinct(COUNT, 1, DataType.BIGINT), distinct(SUM, 1, DataType.BIGINT), distinct(AVG, 1, DataType.BIGINT),
                distinct(COUNT, 2, DataType.VARCHAR), distinct(SUM, 3, DataType.DOUBLE), distinct(COUNT, 3, DataType.DOUBLE),
                distinct(SUM, 4, dec), distinct(AVG, 4, dec), distinct(MIN, 4, dec), distinct(MAX, 2, DataType.VARCHAR)));
        agg.add(in);
        List<Object[]> rows = rowsByKey(agg);
        assertArrayEquals(new Object[] {"a", 2L, 12L, 6.0, 2L, 2.0, 2L, new BigDecimal("4.0"), 2.0,
                new BigDecimal("1.5"), "y"}, rows.get(0));
        // 0.0 and -0.0 are one value; an all-NULL input gives SUM NULL but COUNT 0.
        assertArrayEquals(new Object[] {"b", 2L, 5L, 2.5, 1L, 0.0, 1L, null, null, null, "x"}, rows.get(1));
    }

    @Test
    void combineUnitesTheValueSets() {
        List<AggregateSpec> specs = List.of(distinct(COUNT, 1, DataType.INTEGER), distinct(SUM, 1, DataType.INTEGER),
                distinct(COUNT, 2, DataType.VARCHAR));
        HashAggregation a = new HashAggregation(List.of(DataType.VARCHAR), specs);
        a.add(morsel(vector(DataType.VARCHAR, "g", "g", "h"), vector(DataType.INTEGER, 1, 2, 9),
                vector(DataType.VARCHAR, "p", "q", "r")));
        HashAggregation b = new HashAggregation(List.of(DataType.VARCHAR), specs);
        b.add(morsel(vector(DataType.VARCHAR, "g", "g", "i"), vector(DataType.INTEGER, 2, 3, null),
                vector(DataType.VARCHAR, "q", "s", null)));
        a.combine(b);
        List<Object[]> rows = rowsByKey(a);
        assertArrayEquals(new Object[] {"g", 3L, 6L, 3L}, rows.get(0));
        assertArrayEquals(new Object[] {"h", 1L, 9L, 1L}, rows.get(1));
        assertArrayEquals(new Object[] {"i", 0L, null, 0L}, rows.get(2));
        // The merged-from state is left intact.
        assertEquals(2, b.groupCount());
        assertArrayEquals(new Object[] {"g", 2L, 5L, 2L}, rowsByKey(b).get(0));
    }

    @Test
    void manyDistinctValuesGrowTheSets() {
        HashAggregation agg = new HashAggregation(List.of(DataType.INTEGER),
                List.of(distinct(COUNT, 1, DataType.BIGINT), distinct(SUM, 1, DataType.BIGINT)));
        Object[] keys = new Object[10_000];
        Object[] values = new Object[10_000];
        long expectedSum = 0;
        for (int i = 0; i < keys.length; i++) {
            keys[i] = i % 2;
            values[i] = (long) (i % 3000) * (i % 2 == 0 ? 1 : -1);
        }
        for (long v = 0; v < 3000; v += 2) {
            expectedSum += v;
        }
        agg.add(morsel(vector(DataType.INTEGER, keys), vector(DataType.BIGINT, values)));
        agg.add(morsel(vector(DataType.INTEGER, keys), vector(DataType.BIGINT, values)));
        List<Object[]> rows = VectorFixtures.rows(agg.finish(10));
        rows.sort(Comparator.comparing(r -> (Integer) r[0]));
        assertArrayEquals(new Object[] {0, 1500L, expectedSum}, rows.get(0));
        assertEquals(1500L, rows.get(1)[1]);
    }
}
