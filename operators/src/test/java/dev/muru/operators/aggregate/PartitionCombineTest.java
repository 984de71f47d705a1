package dev.muru.operators.aggregate;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static dev.muru.operators.aggregate.AggregateKind.AVG;
import static dev.muru.operators.aggregate.AggregateKind.COUNT;
import static dev.muru.operators.aggregate.AggregateKind.MAX;
import static dev.muru.operators.aggregate.AggregateKind.MIN;
import static dev.muru.operators.aggregate.AggregateKind.SUM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Randomised: three workers aggregate disjoint slices, partition their states, and the parts
 * are combined per partition index; the union must equal a naive reference, and so must one
 * instance fed everything.
 */
class PartitionCombineTest {
    private static final DataType DEC = DataType.decimal(12, 2);
    /** The pool of candidate key columns, then the value columns. */
    private static final List<DataType> KEY_POOL = List.of(DataType.BIGINT, DataType.INTEGER, DataType.VARCHAR,
            DataType.DOUBLE, DataType.BOOLEAN, DataType.DATE, DEC);
    private static final List<DataType> VALUES = List.of(DataType.BIGINT, DataType.INTEGER, DataType.DOUBLE, DEC,
            DataType.VARCHAR, DataType.DATE, DataType.BOOLEAN);

    private static Object randomValue(DataType type, Random r, int domain) {
        if (r.nextInt(10) == 0) {
            return null;
        }
        switch (type.kind()) {
            case BIGINT: return (long) r.nextInt(domain) * 1_000_000_007L - 3_000_000_000L;
            case INTEGER: return r.nextInt(domain) - domain / 2;
            case DATE: return 18_000 + r.nextInt(domain);
            case DECIMAL: return (long) r.nextInt(domain * 100) - 500;
            case DOUBLE: return r.nextInt(domain) / 4.0 - 3;
            case BOOLEAN: return r.nextBoolean();
            default: return "s" + r.nextInt(domain);
        }
    }

    private static List<AggregateSpec> specs(int k) {
        List<AggregateSpec> s = new ArrayList<>();
        s.add(AggregateSpec.countStar());
        for (int v = 0; v < 4; v++) {
            for (AggregateKind kind : List.of(COUNT, SUM, AVG, MIN, MAX)) {
                s.add(AggregateSpec.of(kind, false, k + v, VALUES.get(v)));
            }
        }
        for (int v = 4; v < 7; v++) {
            s.add(AggregateSpec.of(MIN, false, k + v, VALUES.get(v)));
            s.add(AggregateSpec.of(MAX, true, k + v, VALUES.get(v)));
        }
        s.add(AggregateSpec.of(COUNT, true, k + 4, DataType.VARCHAR));
        s.add(AggregateSpec.of(COUNT, true, k + 1, DataType.INTEGER));
        s.add(AggregateSpec.of(COUNT, true, k + 6, DataType.BOOLEAN));
        s.add(AggregateSpec.of(SUM, true, k, DataType.BIGINT));
        s.add(AggregateSpec.of(AVG, true, k + 3, DEC));
        s.add(AggregateSpec.of(SUM, true, k + 2, DataType.DOUBLE));
        s.add(AggregateSpec.of(AVG, true, k + 1, DataType.INTEGER));
        return s;
    }

    /** Morsels of random sizes; some carry junk rows that a selection vector skips. */
    private static List<Morsel> morsels(List<DataType> types, List<Object[]> rows, Random r) {
        List<Morsel> out = new ArrayList<>();
        int i = 0;
        while (i < rows.size()) {
            int n = Math.min(rows.size() - i, 1 + r.nextInt(600));
            List<Object[]> chunk = rows.subList(i, i + n);
            i += n;
            if (r.nextBoolean()) {
                out.add(VectorFixtures.morsel(types, chunk));
                continue;
            }
            List<Object[]> physical = new ArrayList<>();
            int[] selection = new int[n];
            for (int j = 0; j < n; j++) {
                while (r.nextInt(3) == 0) {
                    Object[] junk = new Object[types.size()];
                    for (int c = 0; c < junk.length; c++) {
                        junk[c] = randomValue(types.get(c), r, 1000);
                    }
                    physical.add(junk);
                }
                selection[j] = physical.size();
                physical.add(chunk.get(j));
            }
            out.add(VectorFixtures.morsel(types, physical).withSelection(selection, n));
        }
        return out;
    }

    private static void check(List<Integer> keyColumns, int rowCount, long seed) {
        Random r = new Random(seed);
        int k = keyColumns.size();
        List<DataType> types = new ArrayList<>();
        for (int c : keyColumns) {
            types.add(KEY_POOL.get(c));
        }
        List<DataType> keyTypes = List.copyOf(types);
        types.addAll(VALUES);
        int domain = 2 + r.nextInt(60);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < rowCount; i++) {
            Object[] row = new Object[types.size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = randomValue(types.get(c), r, c < k ? domain : 5000);
            }
            rows.add(row);
        }
        List<AggregateSpec> specs = specs(k);
        List<Morsel> all = morsels(types, rows, r);
        Map<List<Object>, Object[]> expected = ReferenceAggregation.compute(VectorFixtures.rows(all), k, specs);

        HashAggregation single = new HashAggregation(keyTypes, specs);
        all.forEach(single::add);
        assertMatches(expected, VectorFixtures.rows(single.finish(97)), k, "single");

        int parts = 4;
        List<HashAggregation> workers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            HashAggregation worker = new HashAggregation(keyTypes, specs);
            for (int m = w; m < all.size(); m += 3) {
                worker.add(all.get(m));
            }
            int before = worker.groupCount();
            int sum = 0;
            for (int p = 0; p < parts; p++) {
                sum += k == 0 ? 0 : HashAggregation.combinePartition(List.of(worker), p, parts).groupCount();
            }
            assertEquals(k == 0 ? 0 : before, sum, "the partitions hold every group once");
            assertEquals(before, worker.groupCount(), "partitioning leaves the source unchanged");
            workers.add(worker);
        }
        List<Object[]> combined = new ArrayList<>();
        Set<List<Object>> seenKeys = new HashSet<>();
        for (int p = 0; p < parts; p++) {
            HashAggregation target = HashAggregation.combinePartition(workers, p, parts);
            List<Object[]> rowsOfPart = VectorFixtures.rows(target.finish(50));
            if (k == 0 && p > 0) {
                continue;
            }
            for (Object[] row : rowsOfPart) {
                assertTrue(seenKeys.add(new ArrayList<>(Arrays.asList(row).subList(0, k))), "a key lands in one partition only");
            }
            combined.addAll(rowsOfPart);
        }
        assertMatches(expected, combined, k, "combined");

        // Combined and finished in place: with DISTINCT or string MIN/MAX it copies, without
        // them the base state takes the shared groups; both must equal the reference.
        List<AggregateSpec> inPlace = new ArrayList<>();
        for (AggregateSpec spec : specs) {
            if (!spec.needsValueSet() && !(DataType.VARCHAR.equals(spec.inputType())
                    && (spec.kind() == MIN || spec.kind() == MAX))) {
                inPlace.add(spec);
            }
        }
        Map<List<Object>, Object[]> expectedInPlace = ReferenceAggregation.compute(VectorFixtures.rows(all), k, inPlace);
        for (int workerCount : new int[] {1, 2, 3, 5}) {
            for (int layout = 0; layout < 3; layout++) {
                assertMatches(expected, combinedAndFinished(keyTypes, specs, all, workerCount, layout, parts), k,
                        "combineAndFinish " + workerCount + "/" + layout);
                assertMatches(expectedInPlace, combinedAndFinished(keyTypes, inPlace, all, workerCount, layout, parts),
                        k, "in place " + workerCount + "/" + layout);
            }
        }
    }

    /**
     * Workers fed the morsels interleaved (layout 0), in contiguous runs (1) or mostly to the
     * last worker (2), then every partition combined and finished.
     */
    private static List<Object[]> combinedAndFinished(List<DataType> keyTypes, List<AggregateSpec> specs,
                                                      List<Morsel> all, int workerCount, int layout, int parts) {
        List<HashAggregation> workers = new ArrayList<>();
        for (int w = 0; w < workerCount; w++) {
            workers.add(new HashAggregation(keyTypes, specs));
        }
        for (int m = 0; m < all.size(); m++) {
            int w;
            if (layout == 0) {
                w = m % workerCount;
            } else if (layout == 1) {
                w = (int) ((long) m * workerCount / all.size());
            } else {
                w = m % 4 == 0 ? m % workerCount : workerCount - 1;
            }
            workers.get(w).add(all.get(m));
        }
        List<Object[]> rows = new ArrayList<>();
        int effectiveParts = keyTypes.isEmpty() ? 1 : parts;
        if (layout != 0) {
            // As the workers do before handing their states over; layout 0 scans instead.
            workers.forEach(w -> w.indexPartitions(effectiveParts));
        }
        for (int p = 0; p < effectiveParts; p++) {
            rows.addAll(VectorFixtures.rows(HashAggregation.combineAndFinish(workers, p, effectiveParts, 7)));
        }
        return rows;
    }

    private static void assertMatches(Map<List<Object>, Object[]> expected, List<Object[]> actual, int k, String what) {
        assertEquals(expected.size(), actual.size(), what + ": group count");
        Map<List<Object>, Object[]> byKey = new HashMap<>();
        for (Object[] row : actual) {
            byKey.put(new ArrayList<>(Arrays.asList(row).subList(0, k)), row);
        }
        for (Map.Entry<List<Object>, Object[]> e : expected.entrySet()) {
            Object[] got = byKey.get(e.getKey());
            if (got == null) {
                fail(what + ": missing group " + e.getKey());
            }
            Object[] want = e.getValue();
            for (int c = 0; c < want.length; c++) {
                if (want[c] instanceof Double && got[c] instanceof Double) {
                    double w = (Double) want[c];
                    assertEquals(w, (Double) got[c], 1e-9 * Math.max(1, Math.abs(w)),
                            what + ": column " + c + " of " + e.getKey());
                } else {
                    assertEquals(want[c], got[c], what + ": column " + c + " of " + e.getKey());
                }
            }
        }
    }

    @Test
    void singleBigintKey() {
        check(List.of(0), 20_000, 1);
    }

    @Test
    void singleIntegerDateAndDecimalKeys() {
        check(List.of(1), 10_000, 2);
        check(List.of(5), 10_000, 3);
        check(List.of(6), 10_000, 4);
    }

    @Test
    void singleStringDoubleAndBooleanKeys() {
        check(List.of(2), 10_000, 5);
        check(List.of(3), 10_000, 6);
        check(List.of(4), 5_000, 7);
    }

    @Test
    void compositeKeys() {
        check(List.of(0, 2), 20_000, 8);
        check(List.of(2, 4, 1), 20_000, 9);
        check(List.of(3, 6, 5), 20_000, 10);
    }

    @Test
    void noKeys() {
        check(List.of(), 5_000, 11);
        check(List.of(), 0, 12);
    }

    /**
     * The combiners of all partitions run at once on the same worker states, as the actors run
     * them: each writes only its partition's groups of the base, and every answer must still
     * equal the reference, over many rounds.
     */
    @Test
    void partitionsCombineInPlaceAtOnce() throws Exception {
        Random r = new Random(7);
        List<DataType> keyTypes = List.of(DataType.BIGINT);
        List<DataType> types = new ArrayList<>(keyTypes);
        types.add(DataType.BIGINT);
        types.add(DEC);
        List<AggregateSpec> specs = List.of(AggregateSpec.countStar(), AggregateSpec.of(SUM, false, 1, DataType.BIGINT),
                AggregateSpec.of(MIN, false, 2, DEC), AggregateSpec.of(MAX, false, 1, DataType.BIGINT),
                AggregateSpec.of(AVG, false, 2, DEC));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            rows.add(new Object[] {(long) r.nextInt(20_000), (long) r.nextInt(1000), (long) r.nextInt(100_000)});
        }
        List<Morsel> all = morsels(types, rows, r);
        Map<List<Object>, Object[]> expected = ReferenceAggregation.compute(VectorFixtures.rows(all), 1, specs);
        int parts = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(parts);
        try {
            for (int round = 0; round < 20; round++) {
                int workerCount = 2 + round % 5;
                List<HashAggregation> workers = new ArrayList<>();
                for (int w = 0; w < workerCount; w++) {
                    workers.add(new HashAggregation(keyTypes, specs));
                }
                for (int m = 0; m < all.size(); m++) {
                    workers.get((m + round) % workerCount).add(all.get(m));
                }
                if (round % 2 == 1) {
                    workers.forEach(w -> w.indexPartitions(parts));
                }
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(parts);
                List<java.util.concurrent.Future<List<Morsel>>> futures = new ArrayList<>();
                for (int p = 0; p < parts; p++) {
                    int part = p;
                    futures.add(pool.submit(() -> {
                        start.await();
                        return HashAggregation.combineAndFinish(workers, part, parts, 1000);
                    }));
                }
                List<Object[]> combined = new ArrayList<>();
                for (java.util.concurrent.Future<List<Morsel>> f : futures) {
                    combined.addAll(VectorFixtures.rows(f.get()));
                }
                assertMatches(expected, combined, 1, "round " + round + ", " + workerCount + " workers");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void manySeeds() {
        Random r = new Random(99);
        for (int seed = 0; seed < 20; seed++) {
            List<Integer> keys = new ArrayList<>();
            int count = r.nextInt(4);
            for (int i = 0; i < count; i++) {
                keys.add(r.nextInt(KEY_POOL.size()));
            }
            check(keys, r.nextInt(3000), 1000 + seed);
        }
    }
}
