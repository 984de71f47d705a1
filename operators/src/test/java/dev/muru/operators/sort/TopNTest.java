package dev.muru.operators.sort;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.operators.aggregate.VectorFixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.muru.operators.aggregate.VectorFixtures.morsel;
import static dev.muru.operators.aggregate.VectorFixtures.vector;
import static dev.muru.operators.sort.SortRunTest.assertSameRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TopNTest {

    private static List<Object[]> sortAndLimit(List<Morsel> input, List<SortKey> keys, int limit) {
        List<Object[]> all = SortData.expected(input, keys);
        return all.subList(0, Math.min(limit, all.size()));
    }

    @Test
    void equalsSortThenLimitWithTies() {
        Random r = new Random(31);
        for (int round = 0; round < 40; round++) {
            List<Object[]> rows = SortData.rows(r, r.nextInt(4000), 1 + r.nextInt(10));
            List<Morsel> input = SortData.morsels(rows, r, 500);
            List<SortKey> keys = SortData.randomKeys(r);
            int limit = List.of(0, 1, 3, 17, 100, 1500, 10_000).get(r.nextInt(7));
            TopN top = new TopN(limit, keys);
            input.forEach(top::add);
            Morsel out = top.finish();
            assertNull(out.selection());
            if (!input.isEmpty()) {
                assertEquals(SortData.TYPES.size(), out.columnCount());
            }
            assertSameRows(sortAndLimit(input, keys, limit), out.rows());
        }
    }

    @Test
    void combineEqualsTopOfTheConcatenatedInputs() {
        Random r = new Random(41);
        for (int round = 0; round < 30; round++) {
            List<SortKey> keys = SortData.randomKeys(r);
            int limit = List.of(0, 1, 5, 50, 700).get(r.nextInt(5));
            List<Morsel> all = new ArrayList<>();
            TopN combined = null;
            for (int w = 0; w < 3; w++) {
                List<Morsel> input = SortData.morsels(SortData.rows(r, r.nextInt(1500), 1 + r.nextInt(6)), r, 300);
                all.addAll(input);
                TopN worker = new TopN(limit, keys);
                input.forEach(worker::add);
                if (combined == null) {
                    combined = worker;
                } else {
                    combined.combine(worker);
                }
            }
            assertSameRows(sortAndLimit(all, keys, limit), combined.finish().rows());
        }
    }

    @Test
    void compactsWhileKeepingTheBestRows() {
        Random r = new Random(51);
        List<Object[]> rows = SortData.rows(r, 60_000, 1000);
        List<Morsel> input = SortData.morsels(rows, r, 2000);
        List<SortKey> keys = List.of(SortKey.desc(0), SortKey.asc(4));
        TopN top = new TopN(25, keys);
        input.forEach(top::add);
        assertSameRows(sortAndLimit(input, keys, 25), top.finish().rows());
    }

    @Test
    void limitZeroAndNoInput() {
        TopN none = new TopN(5, List.of(SortKey.asc(0)));
        assertEquals(0, none.finish().size());
        TopN zero = new TopN(0, List.of(SortKey.asc(0)));
        zero.add(morsel(vector(DataType.BIGINT, 3L, 1L), vector(DataType.VARCHAR, "a", "b")));
        Morsel out = zero.finish();
        assertEquals(0, out.size());
        assertEquals(2, out.columnCount());
        assertEquals(DataType.VARCHAR, out.column(1).type());
    }

    @Test
    void hugeLimitOverSmallInput() {
        TopN top = new TopN(Integer.MAX_VALUE, List.of(SortKey.desc(0)));
        top.add(morsel(vector(DataType.INTEGER, 2, null, 9, 4)));
        assertEquals(List.of(java.util.Arrays.asList((Object) null), List.of(9), List.of(4), List.of(2)),
                top.finish().rows().stream().map(java.util.Arrays::asList).toList());
        assertEquals(4, VectorFixtures.rows(List.of(top.finish())).size());
    }
}
