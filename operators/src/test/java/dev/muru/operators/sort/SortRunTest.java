package dev.muru.operators.sort;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.operators.aggregate.VectorFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static dev.muru.operators.aggregate.VectorFixtures.morsel;
import static dev.muru.operators.aggregate.VectorFixtures.vector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SortRunTest {

    static void assertSameRows(List<Object[]> expected, List<Object[]> actual) {
        assertEquals(expected.size(), actual.size(), "row count");
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "row " + i);
        }
    }

    @Test
    void multipleKeysWithDirectionsAndNullPlacement() {
        Morsel in = morsel(
                vector(DataType.VARCHAR, "b", "a", null, "b", "a", null),
                vector(DataType.INTEGER, 1, 2, 3, null, 5, 6),
                vector(DataType.BIGINT, 0L, 1L, 2L, 3L, 4L, 5L));
        Morsel out = SortRun.sort(List.of(in), List.of(SortKey.asc(0), SortKey.desc(1)));
        List<Object[]> rows = out.rows();
        // ASC puts NULLs last; DESC puts them first.
        assertEquals(List.of(4L, 1L, 3L, 0L, 5L, 2L), rows.stream().map(r -> r[2]).toList());

        Morsel nullsFirstAsc = SortRun.sort(List.of(in), List.of(new SortKey(0, true, true),
                new SortKey(1, false, false)));
        assertEquals(List.of(5L, 2L, 4L, 1L, 0L, 3L), nullsFirstAsc.rows().stream().map(r -> r[2]).toList());
        assertNull(nullsFirstAsc.rows().get(0)[0]);
    }

    @Test
    void everyTypeInBothDirectionsMatchesAStableReference() {
        Random r = new Random(7);
        List<Object[]> rows = SortData.rows(r, 3000, 40);
        List<Morsel> input = SortData.morsels(rows, r, 400);
        for (int column = 0; column < SortData.ROW_NUMBER; column++) {
            for (boolean asc : new boolean[] {true, false}) {
                for (boolean nullsFirst : new boolean[] {true, false}) {
                    List<SortKey> keys = List.of(new SortKey(column, asc, nullsFirst));
                    Morsel out = SortRun.sort(input, keys);
                    assertEquals(SortData.TYPES.size(), out.columnCount());
                    assertNull(out.selection());
                    assertSameRows(SortData.expected(input, keys), out.rows());
                }
            }
        }
    }

    @Test
    void randomMultiKeySorts() {
        Random r = new Random(11);
        for (int round = 0; round < 30; round++) {
            List<Object[]> rows = SortData.rows(r, r.nextInt(2000), 1 + r.nextInt(30));
            List<Morsel> input = SortData.morsels(rows, r, 300);
            List<SortKey> keys = SortData.randomKeys(r);
            Morsel out = SortRun.sort(input, keys);
            assertSameRows(SortData.expected(input, keys), out.rows());
        }
    }

    @Test
    void equalKeysKeepInputOrder() {
        Random r = new Random(3);
        List<Object[]> rows = SortData.rows(r, 50_000, 3);
        List<Morsel> input = SortData.morsels(rows, r, 5000);
        List<SortKey> keys = List.of(SortKey.desc(3));
        List<Object[]> out = SortRun.sort(input, keys).rows();
        for (int i = 1; i < out.size(); i++) {
            if (BoxedOrder.of(keys).compare(out.get(i - 1), out.get(i)) == 0) {
                assertEquals(-1, Long.compare((Long) out.get(i - 1)[7], (Long) out.get(i)[7]), "stable at " + i);
            }
        }
        assertSameRows(SortData.expected(input, keys), out);
    }

    @Test
    void extremeValuesSortLikeTheComparators() {
        Random r = new Random(13);
        long[] longs = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -1, 0, 1, Long.MAX_VALUE - 1, Long.MAX_VALUE};
        int[] ints = {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE};
        double[] doubles = {Double.NEGATIVE_INFINITY, -Double.MAX_VALUE, -1.5, -Double.MIN_VALUE, -0.0, 0.0,
                Double.MIN_VALUE, 2.5, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NaN};
        List<DataType> types = List.of(DataType.BIGINT, DataType.INTEGER, DataType.DOUBLE, DataType.BIGINT);
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            rows.add(new Object[] {r.nextInt(9) == 0 ? null : longs[r.nextInt(longs.length)],
                    r.nextInt(9) == 0 ? null : ints[r.nextInt(ints.length)],
                    r.nextInt(9) == 0 ? null : doubles[r.nextInt(doubles.length)], (long) i});
        }
        List<Morsel> input = List.of(VectorFixtures.morsel(types, rows));
        for (int column = 0; column < 3; column++) {
            for (boolean asc : new boolean[] {true, false}) {
                List<SortKey> keys = List.of(new SortKey(column, asc, !asc), new SortKey((column + 1) % 3, !asc, asc));
                assertSameRows(SortData.expected(input, keys), SortRun.sort(input, keys).rows());
            }
        }
    }

    @Test
    void emptyInputs() {
        assertEquals(0, SortRun.sort(List.of(), List.of(SortKey.asc(0))).columnCount());
        Morsel empty = Morsel.empty(SortData.TYPES);
        Morsel out = SortRun.sort(List.of(empty, empty), List.of(SortKey.asc(0)));
        assertEquals(0, out.size());
        assertEquals(SortData.TYPES.size(), out.columnCount());
    }

    @Test
    void noKeysKeepsInputOrder() {
        Random r = new Random(5);
        List<Morsel> input = SortData.morsels(SortData.rows(r, 500, 10), r, 100);
        assertSameRows(VectorFixtures.rows(input), SortRun.sort(input, List.of()).rows());
    }
}
