package dev.muru.operators.aggregate;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.vector.ColumnVector;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HashAggregationTest {

    private static AggregateSpec spec(AggregateKind kind, int column, DataType type) {
        return AggregateSpec.of(kind, false, column, type);
    }

    /** All result rows sorted by their first column's text, NULL first, for stable asserts. */
    private static List<Object[]> sortedRows(HashAggregation agg) {
        List<Object[]> rows = VectorFixtures.rows(agg.finish(1024));
        rows.sort(Comparator.comparing(r -> r[0] == null ? "" : r[0].toString()));
        return rows;
    }

    @Test
    void everyKindOverBigintWithAndWithoutNulls() {
        Morsel in = morsel(
                vector(DataType.BIGINT, 1L, 1L, 2L, 2L, 2L, 3L),
                vector(DataType.BIGINT, 10L, null, 5L, 7L, -3L, null));
        HashAggregation agg = new HashAggregation(List.of(DataType.BIGINT), List.of(
                AggregateSpec.countStar(), spec(COUNT, 1, DataType.BIGINT), spec(SUM, 1, DataType.BIGINT),
                spec(AVG, 1, DataType.BIGINT), spec(MIN, 1, DataType.BIGINT), spec(MAX, 1, DataType.BIGINT)));
        agg.add(in);
        List<Object[]> rows = sortedRows(agg);
        assertEquals(3, agg.groupCount());
        assertArrayEquals(new Object[] {1L, 2L, 1L, 10L, 10.0, 10L, 10L}, rows.get(0));
        assertArrayEquals(new Object[] {2L, 3L, 3L, 9L, 3.0, -3L, 7L}, rows.get(1));
        // A group whose inputs are all NULL counts 0 and has NULL for the others.
        assertArrayEquals(new Object[] {3L, 1L, 0L, null, null, null, null}, rows.get(2));
    }

    @Test
    void sumAvgMinMaxOverEachInputType() {
        DataType dec = DataType.decimal(10, 2);
        Morsel in = morsel(
                vector(DataType.INTEGER, 7, 7, 7),
                vector(DataType.INTEGER, 3, null, 4),
                vector(DataType.DOUBLE, 1.5, 2.5, null),
                vector(dec, 125L, 250L, 1L),
                vector(DataType.VARCHAR, "pear", "apple", null),
                vector(DataType.DATE, 19000, 18000, 20000),
                vector(DataType.BOOLEAN, true, false, null));
        HashAggregation agg = new HashAggregation(List.of(DataType.INTEGER), List.of(
                spec(SUM, 1, DataType.INTEGER), spec(AVG, 1, DataType.INTEGER), spec(MIN, 1, DataType.INTEGER),
                spec(SUM, 2, DataType.DOUBLE), spec(AVG, 2, DataType.DOUBLE), spec(MAX, 2, DataType.DOUBLE),
                spec(SUM, 3, dec), spec(AVG, 3, dec), spec(MAX, 3, dec),
                spec(MIN, 4, DataType.VARCHAR), spec(MAX, 4, DataType.VARCHAR),
                spec(MIN, 5, DataType.DATE), spec(MAX, 5, DataType.DATE),
                spec(MIN, 6, DataType.BOOLEAN), spec(MAX, 6, DataType.BOOLEAN)));
        agg.add(in);
        Morsel out = agg.finish(100).get(0);
        assertEquals(DataType.decimal(18, 2), out.column(7).type());
        assertEquals(DataType.DATE, out.column(12).type());
        assertArrayEquals(new Object[] {7, 7L, 3.5, 3, 4.0, 2.0, 2.5,
                new BigDecimal("3.76"), 376.0 / 3 / 100, new BigDecimal("2.50"), "apple", "pear",
                LocalDate.ofEpochDay(18000), LocalDate.ofEpochDay(20000), false, true}, out.rows().get(0));
    }

    @Test
    void selectionVectorLimitsTheRows() {
        Morsel dense = morsel(
                vector(DataType.INTEGER, 1, 2, 1, 2, 1, 2),
                vector(DataType.BIGINT, 100L, 200L, 1L, 2L, null, 4L),
                vector(DataType.DOUBLE, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0),
                vector(DataType.VARCHAR, "z", "y", "b", "c", "a", "x"));
        Morsel selected = dense.withSelection(new int[] {2, 3, 4, 5}, 4);
        List<AggregateSpec> specs = List.of(AggregateSpec.countStar(), spec(COUNT, 1, DataType.BIGINT),
                spec(SUM, 1, DataType.BIGINT), spec(MAX, 2, DataType.DOUBLE), spec(MIN, 3, DataType.VARCHAR),
                AggregateSpec.of(COUNT, true, 1, DataType.BIGINT));
        HashAggregation agg = new HashAggregation(List.of(DataType.INTEGER), specs);
        agg.add(selected);
        List<Object[]> rows = sortedRows(agg);
        assertArrayEquals(new Object[] {1, 2L, 1L, 1L, 5.0, "a", 1L}, rows.get(0));
        assertArrayEquals(new Object[] {2, 2L, 2L, 6L, 6.0, "c", 2L}, rows.get(1));
    }

    @Test
    void selectionVectorWithCompositeKeys() {
        Morsel dense = morsel(
                vector(DataType.VARCHAR, "a", "a", "b", "a"),
                vector(DataType.BIGINT, 1L, 1L, 2L, 1L),
                vector(DataType.BIGINT, 10L, 20L, 30L, 40L));
        HashAggregation agg = new HashAggregation(List.of(DataType.VARCHAR, DataType.BIGINT),
                List.of(spec(SUM, 2, DataType.BIGINT)));
        agg.add(dense.withSelection(new int[] {1, 2, 3}, 3));
        List<Object[]> rows = sortedRows(agg);
        assertArrayEquals(new Object[] {"a", 1L, 60L}, rows.get(0));
        assertArrayEquals(new Object[] {"b", 2L, 30L}, rows.get(1));
    }

    @Test
    void nullKeysFormOneGroup() {
        List<DataType> keyTypes = List.of(DataType.BIGINT, DataType.INTEGER, DataType.DATE, DataType.decimal(5, 1),
                DataType.VARCHAR, DataType.DOUBLE, DataType.BOOLEAN);
        for (DataType t : keyTypes) {
            Object a = t.isString() ? "k" : t.physical() == dev.muru.core.PhysicalType.DOUBLE ? 1.5
                    : t.physical() == dev.muru.core.PhysicalType.BOOLEAN ? Boolean.TRUE : 42;
            Morsel in = morsel(vector(t, null, a, null, a, null), vector(DataType.BIGINT, 1L, 2L, 3L, 4L, 5L));
            HashAggregation agg = new HashAggregation(List.of(t), List.of(spec(SUM, 1, DataType.BIGINT)));
            agg.add(in);
            agg.add(in.withSelection(new int[] {0}, 1));
            List<Object[]> rows = sortedRows(agg);
            assertEquals(2, rows.size(), t.toString());
            assertNull(rows.get(0)[0]);
            assertEquals(10L, rows.get(0)[1], t.toString());
            assertEquals(6L, rows.get(1)[1], t.toString());
        }
    }

    @Test
    void multiColumnKeysWithNullsAndStrings() {
        Morsel in = morsel(
                vector(DataType.VARCHAR, "x", "x", "y", null, null, "x"),
                vector(DataType.INTEGER, 1, 2, 1, 1, 1, 1),
                vector(DataType.BOOLEAN, true, true, true, null, null, true),
                vector(DataType.INTEGER, 1, 2, 3, 4, 5, 6));
        HashAggregation agg = new HashAggregation(List.of(DataType.VARCHAR, DataType.INTEGER, DataType.BOOLEAN),
                List.of(AggregateSpec.countStar(), spec(SUM, 3, DataType.INTEGER)));
        agg.add(in);
        List<Object[]> rows = sortedRows(agg);
        assertEquals(4, rows.size());
        assertArrayEquals(new Object[] {null, 1, null, 2L, 9L}, rows.get(0));
        assertTrue(rows.stream().anyMatch(r -> Arrays.equals(r, new Object[] {"x", 1, true, 2L, 7L})));
        assertTrue(rows.stream().anyMatch(r -> Arrays.equals(r, new Object[] {"x", 2, true, 1L, 2L})));
        assertTrue(rows.stream().anyMatch(r -> Arrays.equals(r, new Object[] {"y", 1, true, 1L, 3L})));
    }

    @Test
    void doubleKeysGroupNegativeZeroAndNaN() {
        Morsel in = morsel(vector(DataType.DOUBLE, 0.0, -0.0, Double.NaN, 0.0 / 0.0, 1.0),
                vector(DataType.BIGINT, 1L, 1L, 1L, 1L, 1L));
        HashAggregation agg = new HashAggregation(List.of(DataType.DOUBLE), List.of(AggregateSpec.countStar()));
        agg.add(in);
        assertEquals(3, agg.groupCount());
    }

    @Test
    void emptyInputGroupedGivesNoRowsUngroupedGivesOne() {
        List<AggregateSpec> specs = List.of(AggregateSpec.countStar(), spec(COUNT, 1, DataType.BIGINT),
                spec(SUM, 1, DataType.BIGINT), spec(AVG, 1, DataType.BIGINT), spec(MIN, 1, DataType.BIGINT),
                AggregateSpec.of(SUM, true, 1, DataType.BIGINT));
        Morsel empty = Morsel.empty(List.of(DataType.BIGINT, DataType.BIGINT));

        HashAggregation grouped = new HashAggregation(List.of(DataType.BIGINT), specs);
        grouped.add(empty);
        assertEquals(0, grouped.groupCount());
        assertTrue(grouped.finish(10).isEmpty());

        HashAggregation global = new HashAggregation(List.of(), specs);
        global.add(empty);
        assertEquals(1, global.groupCount());
        List<Morsel> out = global.finish(10);
        assertEquals(1, out.size());
        assertEquals(6, out.get(0).columnCount());
        assertArrayEquals(new Object[] {0L, 0L, null, null, null, null}, out.get(0).rows().get(0));
    }

    @Test
    void ungroupedAggregateOverRows() {
        HashAggregation agg = new HashAggregation(List.of(), List.of(AggregateSpec.countStar(),
                spec(SUM, 0, DataType.INTEGER), spec(MAX, 0, DataType.INTEGER)));
        agg.add(morsel(vector(DataType.INTEGER, 5, null, 7)));
        agg.add(morsel(vector(DataType.INTEGER, 1, 2, 3)).withSelection(new int[] {1}, 1));
        assertArrayEquals(new Object[] {4L, 14L, 7}, VectorFixtures.rows(agg.finish(10)).get(0));
    }

    @Test
    void manyGroupsResizeTheTables() {
        int groups = 200_000;
        for (List<DataType> keys : List.of(List.of(DataType.BIGINT), List.of(DataType.INTEGER),
                List.of(DataType.BIGINT, DataType.VARCHAR))) {
            HashAggregation agg = new HashAggregation(keys, List.of(AggregateSpec.countStar(),
                    spec(SUM, keys.size(), DataType.BIGINT)));
            long smallBytes = agg.estimatedBytes();
            for (int round = 0; round < 2; round++) {
                for (int from = 0; from < groups; from += 4096) {
                    int n = Math.min(4096, groups - from);
                    Object[] k = new Object[n];
                    Object[] s = new Object[n];
                    Object[] v = new Object[n];
                    for (int i = 0; i < n; i++) {
                        long key = (long) (from + i) * 7919 - 1_000_000;
                        k[i] = keys.get(0) == DataType.INTEGER ? (Object) (int) key : (Object) key;
                        s[i] = "s" + (key % 13);
                        v[i] = (long) i;
                    }
                    ColumnVector[] cols = keys.size() == 1
                            ? new ColumnVector[] {vector(keys.get(0), k), vector(DataType.BIGINT, v)}
                            : new ColumnVector[] {vector(DataType.BIGINT, k), vector(DataType.VARCHAR, s),
                                    vector(DataType.BIGINT, v)};
                    agg.add(morsel(cols));
                }
            }
            assertEquals(groups, agg.groupCount());
            assertTrue(agg.estimatedBytes() > smallBytes + 16L * groups, "estimate grows with groups");
            List<Morsel> out = agg.finish(5000);
            assertEquals(40, out.size());
            long total = 0;
            for (Object[] row : VectorFixtures.rows(out)) {
                assertEquals(2L, row[keys.size()]);
                total += (Long) row[keys.size()];
            }
            assertEquals(2L * groups, total);
        }
    }

    @Test
    void finishSplitsIntoMorselsOfAtMostTheGivenRows() {
        HashAggregation agg = new HashAggregation(List.of(DataType.BIGINT), List.of(AggregateSpec.countStar()));
        Object[] keys = new Object[25];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = (long) i;
        }
        agg.add(morsel(vector(DataType.BIGINT, keys)));
        List<Morsel> out = agg.finish(10);
        assertEquals(List.of(10, 10, 5), out.stream().map(Morsel::size).toList());
        List<Long> seen = new ArrayList<>();
        for (Object[] row : VectorFixtures.rows(out)) {
            seen.add((Long) row[0]);
        }
        assertEquals(25, seen.stream().distinct().count());
    }
}
