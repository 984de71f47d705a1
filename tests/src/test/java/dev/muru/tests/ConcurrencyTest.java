package dev.muru.tests;

import dev.muru.Muru;
import dev.muru.MuruSettings;
import dev.muru.core.Morsel;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Many readers and writers at once: each reader sees one consistent snapshot, and no write is lost. */
class ConcurrencyTest {

    @Test
    void readersSeeWholeBatchesWhileWritersAppend() throws Exception {
        MuruSettings settings = MuruSettings.load().withMorselRows(256).withParallelism(2).withThreshold(0);
        try (Muru muru = Muru.start(settings)) {
            muru.execute("CREATE TABLE events (batch INTEGER, n INTEGER)");
            int writers = 3;
            int batches = 40;
            int rowsPerBatch = 100;
            ExecutorService pool = Executors.newFixedThreadPool(writers + 3);
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Future<?>> writes = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                writes.add(pool.submit(() -> {
                    for (int b = 0; b < batches; b++) {
                        StringBuilder sb = new StringBuilder("INSERT INTO events VALUES ");
                        for (int i = 0; i < rowsPerBatch; i++) {
                            sb.append(i == 0 ? "" : ", ").append('(').append(writer * 1000 + b).append(", ").append(i).append(')');
                        }
                        assertEquals(rowsPerBatch, muru.execute(sb.toString()));
                    }
                }));
            }
            List<Future<Integer>> reads = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                reads.add(pool.submit(() -> {
                    int checks = 0;
                    while (writing.get() || checks == 0) {
                        // One statement reads one snapshot: counts and sums agree on whole batches.
                        Object[] row = muru.query("SELECT COUNT(*), SUM(n), COUNT(DISTINCT batch) FROM events").rows().get(0);
                        long count = (Long) row[0];
                        long batchesSeen = (Long) row[2];
                        assertEquals(batchesSeen * rowsPerBatch, count);
                        if (count > 0) {
                            assertEquals(batchesSeen * (rowsPerBatch * (rowsPerBatch - 1) / 2), (Long) row[1]);
                        }
                        checks++;
                    }
                    return checks;
                }));
            }
            for (Future<?> f : writes) {
                f.get(120, TimeUnit.SECONDS);
            }
            writing.set(false);
            for (Future<Integer> f : reads) {
                assertTrue(f.get(120, TimeUnit.SECONDS) > 0);
            }
            pool.shutdown();
            Object[] total = muru.query("SELECT COUNT(*), COUNT(DISTINCT batch) FROM events").rows().get(0);
            assertEquals((long) writers * batches * rowsPerBatch, total[0]);
            assertEquals((long) writers * batches, total[1]);
        }
    }

    @Test
    void streamDeliversTheResultMorsels() throws Exception {
        try (Muru muru = Muru.start(MuruSettings.load().withMorselRows(100))) {
            muru.execute("CREATE TABLE s (x INTEGER)");
            StringBuilder sb = new StringBuilder("INSERT INTO s VALUES (0)");
            for (int i = 1; i < 1000; i++) {
                sb.append(", (").append(i).append(')');
            }
            muru.execute(sb.toString());
            List<Morsel> morsels = muru.stream("SELECT x FROM s WHERE x % 2 = 1")
                    .runWith(Sink.seq(), muru.system()).toCompletableFuture().get(30, TimeUnit.SECONDS);
            long rows = morsels.stream().mapToLong(Morsel::size).sum();
            assertEquals(500, rows);
        }
    }
}
