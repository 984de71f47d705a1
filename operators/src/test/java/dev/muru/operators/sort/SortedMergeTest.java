package dev.muru.operators.sort;

import dev.muru.core.Morsel;
import dev.muru.operators.aggregate.VectorFixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.muru.operators.sort.SortRunTest.assertSameRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SortedMergeTest {

    @Test
    void mergeOfSortedRunsEqualsAFullSort() {
        Random r = new Random(21);
        for (int round = 0; round < 30; round++) {
            List<Object[]> rows = SortData.rows(r, r.nextInt(3000), 1 + r.nextInt(20));
            List<Morsel> input = SortData.morsels(rows, r, 200);
            List<SortKey> keys = SortData.randomKeys(r);
            // Runs over consecutive morsels, as workers would sort them; some runs are empty.
            List<Morsel> runs = new ArrayList<>();
            int i = 0;
            while (i < input.size()) {
                int n = Math.min(input.size() - i, r.nextInt(5));
                runs.add(SortRun.sort(input.subList(i, i + n), keys));
                i += n;
            }
            if (round % 3 == 0 && !runs.isEmpty()) {
                Morsel first = runs.get(0);
                int[] everyOther = new int[(first.size() + 1) / 2];
                for (int j = 0; j < everyOther.length; j++) {
                    everyOther[j] = 2 * j;
                }
                runs.set(0, first.withSelection(everyOther, everyOther.length));
            }
            int morselRows = 1 + r.nextInt(100);
            List<Morsel> merged = SortedMerge.merge(runs, keys, morselRows);
            for (Morsel m : merged) {
                assertTrue(m.size() <= morselRows && m.size() > 0);
                assertNull(m.selection());
            }
            List<Morsel> fullSortInput = new ArrayList<>(runs);
            assertSameRows(SortData.expected(fullSortInput, keys), VectorFixtures.rows(merged));
        }
    }

    @Test
    void noRunsOrOnlyEmptyRunsGiveNothing() {
        assertTrue(SortedMerge.merge(List.of(), List.of(SortKey.asc(0)), 10).isEmpty());
        Morsel empty = Morsel.empty(SortData.TYPES);
        assertTrue(SortedMerge.merge(List.of(empty, empty), List.of(SortKey.asc(0)), 10).isEmpty());
    }

    @Test
    void tiesGoToTheEarlierRun() {
        Random r = new Random(4);
        List<Object[]> rows = SortData.rows(r, 1000, 2);
        List<SortKey> keys = List.of(SortKey.asc(3));
        List<Morsel> runs = List.of(
                SortRun.sort(List.of(VectorFixtures.morsel(SortData.TYPES, rows.subList(0, 400))), keys),
                SortRun.sort(List.of(VectorFixtures.morsel(SortData.TYPES, rows.subList(400, 1000))), keys));
        List<Object[]> merged = VectorFixtures.rows(SortedMerge.merge(runs, keys, 64));
        assertEquals(1000, merged.size());
        for (int i = 1; i < merged.size(); i++) {
            if (BoxedOrder.of(keys).compare(merged.get(i - 1), merged.get(i)) == 0) {
                assertTrue((Long) merged.get(i - 1)[7] < (Long) merged.get(i)[7]);
            }
        }
    }
}
