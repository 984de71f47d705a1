package dev.muru.operators.join;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.plan.logical.JoinKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.muru.operators.join.JoinFixture.assertSameRows;
import static dev.muru.operators.join.JoinFixture.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The shared build layout: concurrent partition builders, its explicit API, distinct-key detection. */
class JoinLayoutTest {
    private static final DataType INT = DataType.INTEGER;
    private static final List<DataType> TYPES = List.of(INT, DataType.BIGINT, DataType.VARCHAR);
    private static final int[] KEY = {0};

    private static List<Object[]> randomRows(Random rnd, int n, int keys) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(row(JoinFixture.randomInt(rnd, keys, 0.05), rnd.nextDouble() < 0.2 ? null : (long) i,
                    rnd.nextDouble() < 0.2 ? null : "s" + i));
        }
        return rows;
    }

    /** Finished sinks over {@code rows}, round-robin in morsels of {@code size}, every other one selected. */
    private static List<JoinBuildSink> sinks(List<Object[]> rows, int sinkCount, int partitions, int size) {
        List<List<Object[]>> perSink = new ArrayList<>();
        for (int s = 0; s < sinkCount; s++) {
            perSink.add(new ArrayList<>());
        }
        for (int i = 0; i < rows.size(); i++) {
            perSink.get(i % sinkCount).add(rows.get(i));
        }
        List<JoinBuildSink> out = new ArrayList<>();
        for (List<Object[]> r : perSink) {
            JoinBuildSink s = new JoinBuildSink(KEY, TYPES, partitions);
            for (Morsel m : JoinFixture.split(TYPES, r, size, true, row(-5, -5L, "filler"))) {
                s.add(m);
            }
            out.add(s);
        }
        return out;
    }

    private static <T> List<T> concurrently(ExecutorService pool, List<Callable<T>> tasks) throws Exception {
        List<T> out = new ArrayList<>();
        for (Future<T> f : pool.invokeAll(tasks)) {
            out.add(f.get());
        }
        return out;
    }

    private static JoinHashTable[] buildConcurrently(ExecutorService pool, List<JoinBuildSink> sinks, int partitions)
            throws Exception {
        List<Callable<JoinHashTable>> tasks = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            int pp = p;
            tasks.add(() -> JoinTable.buildPartition(sinks, pp));
        }
        return concurrently(pool, tasks).toArray(new JoinHashTable[0]);
    }

    @Test
    void concurrentBuildersShareOneLayout() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Random rnd = new Random(21);
            for (int iter = 0; iter < 20; iter++) {
                int partitions = 1 + rnd.nextInt(6);
                List<Object[]> build = randomRows(rnd, 50 + rnd.nextInt(400), 1 + rnd.nextInt(300));
                List<Object[]> probe = randomRows(rnd, 200, 300);
                List<JoinBuildSink> sinks = sinks(build, 1 + rnd.nextInt(3), partitions, 1 + rnd.nextInt(40));
                JoinTable table = new JoinTable(buildConcurrently(pool, sinks, partitions), KEY, TYPES);
                assertEquals(build.size(), table.rows());
                long sum = 0;
                for (int p = 0; p < partitions; p++) {
                    sum += table.partition(p).rows();
                }
                assertEquals(build.size(), sum);
                List<Morsel> in = JoinFixture.split(TYPES, probe, 64, true, row(-7, 0L, "f"));
                for (JoinKind kind : new JoinKind[]{JoinKind.INNER, JoinKind.FULL}) {
                    // The same sinks again: a new layout of their own (fresh matched flags).
                    JoinTable t = kind == JoinKind.INNER ? table
                            : new JoinTable(buildConcurrently(pool, sinks, partitions), KEY, TYPES);
                    assertSameRows(JoinFixture.reference(kind, probe, build, KEY, KEY, null, false, 3, 3),
                            JoinFixture.run(t, kind, KEY, TYPES, null, false, 50, in), kind + " iter " + iter);
                }
                // The first table's flags were never set: RIGHT after it finds every build row unmatched once.
                List<Object[]> none = new ArrayList<>();
                table.unmatchedRows(TYPES, 7).forEach(m -> none.addAll(m.rows()));
                assertEquals(build.size(), none.size());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void explicitLayoutApi() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Random rnd = new Random(5);
            List<Object[]> build = randomRows(rnd, 300, 100);
            List<Object[]> probe = randomRows(rnd, 100, 100);
            List<JoinBuildSink> sinks = sinks(build, 2, 3, 16);
            JoinLayout layout = JoinTable.layout(sinks);
            List<Callable<JoinHashTable>> tasks = new ArrayList<>();
            for (int p = 0; p < 3; p++) {
                int pp = p;
                tasks.add(() -> JoinTable.buildPartition(layout, pp));
            }
            JoinHashTable[] parts = concurrently(pool, tasks).toArray(new JoinHashTable[0]);
            assertThrows(IllegalStateException.class, () -> JoinTable.buildPartition(layout, 1));
            assertThrows(IllegalArgumentException.class,
                    () -> new JoinTable(new JoinHashTable[]{parts[1], parts[0], parts[2]}, KEY, TYPES));
            JoinTable table = new JoinTable(parts, KEY, TYPES);
            assertSameRows(JoinFixture.reference(JoinKind.LEFT, probe, build, KEY, KEY, null, false, 3, 3),
                    JoinFixture.run(table, JoinKind.LEFT, KEY, TYPES, null, false, 1024,
                            List.of(JoinFixture.morsel(TYPES, probe))), "LEFT");

            JoinLayout half = JoinTable.layout(sinks);
            JoinHashTable first = JoinTable.buildPartition(half, 0);
            assertThrows(IllegalArgumentException.class, () -> new JoinTable(new JoinHashTable[]{first}, KEY, TYPES));
            assertThrows(IllegalArgumentException.class,
                    () -> new JoinTable(new JoinHashTable[]{first, parts[1], parts[2]}, KEY, TYPES));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Distinct ints whose hashes land in one bucket of {@code bucketCount}. */
    private static List<Integer> sameBucket(int count, long bucketCount) {
        List<Integer> out = new ArrayList<>();
        int target = JoinLayout.bucket(JoinKeys.mix(1), bucketCount);
        for (int k = 1; out.size() < count; k++) {
            if (JoinLayout.bucket(JoinKeys.mix(k), bucketCount) == target) {
                out.add(k);
            }
        }
        return out;
    }

    @Test
    void equalKeysFarApartInOneBucketAreNotTakenForDistinct() {
        // Four rows, one partition: four buckets. x, y, z, x in one bucket: the two x rows are 3 apart.
        List<Integer> k = sameBucket(3, JoinLayout.bucketsFor(4));
        List<Object[]> build = List.of(row(k.get(0), 1L, "a"), row(k.get(1), 2L, "b"), row(k.get(2), 3L, "c"),
                row(k.get(0), 4L, "d"));
        List<Object[]> probe = List.of(row(k.get(0), 0L, "p"), row(k.get(1), 0L, "q"), row(k.get(2), 0L, "r"));
        JoinTable table = JoinFixture.table(TYPES, KEY, 1, build, 1, 10, false, null);
        assertEquals(false, table.layout().uniqueKeys());
        for (JoinKind kind : new JoinKind[]{JoinKind.INNER, JoinKind.RIGHT, JoinKind.SEMI}) {
            assertSameRows(JoinFixture.reference(kind, probe, build, KEY, KEY, null, false, 3, 3),
                    JoinFixture.run(JoinFixture.table(TYPES, KEY, 1, build, 1, 10, false, null), kind, KEY, TYPES,
                            null, false, 2, List.of(JoinFixture.morsel(TYPES, probe))), kind.name());
        }
    }

    @Test
    void distinctKeysSharingLongBucketsMatchOnceEach() {
        // Eight rows (eight buckets), six of them in one bucket, all keys distinct.
        List<Integer> k = sameBucket(6, JoinLayout.bucketsFor(8));
        List<Object[]> build = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            build.add(row(k.get(i), (long) i, "v" + i));
        }
        build.add(row(-1, 6L, "v6"));
        build.add(row(-2, 7L, "v7"));
        List<Object[]> probe = new ArrayList<>();
        for (int i = 5; i >= 0; i--) {
            probe.add(row(k.get(i), (long) i, "p"));
        }
        probe.add(row(-3, 0L, "none"));
        probe.add(row(null, 0L, "null"));
        JoinTable table = JoinFixture.table(TYPES, KEY, 1, build, 1, 10, false, null);
        assertEquals(true, table.layout().uniqueKeys());
        for (JoinKind kind : new JoinKind[]{JoinKind.INNER, JoinKind.LEFT, JoinKind.FULL, JoinKind.ANTI}) {
            for (int maxRows : new int[]{1, 3, 1024}) {
                assertSameRows(JoinFixture.reference(kind, probe, build, KEY, KEY, null, false, 3, 3),
                        JoinFixture.run(JoinFixture.table(TYPES, KEY, 1, build, 1, 10, false, null), kind, KEY, TYPES,
                                null, false, maxRows, JoinFixture.split(TYPES, probe, 4, true, row(-9, 0L, "f"))),
                        kind + " max " + maxRows);
            }
        }
    }
}
