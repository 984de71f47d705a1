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

    /**
     * 8 readers sum the balances while 2 writers move amounts between accounts (UPDATE), insert
     * and delete zero-balance rows: every sum a reader sees is the constant total, and the final
     * state is exact.
     */
    @Test
    void readersSeeOnlyCommittedStatesWhileWritersUpdateAndDelete() throws Exception {
        MuruSettings settings = MuruSettings.load().withMorselRows(128).withParallelism(2).withThreshold(0);
        try (Muru muru = Muru.start(settings)) {
            muru.execute("CREATE TABLE accounts (id INTEGER NOT NULL, balance BIGINT NOT NULL)");
            StringBuilder sb = new StringBuilder("INSERT INTO accounts VALUES ");
            for (int i = 0; i < 1000; i++) {
                sb.append(i == 0 ? "" : ", ").append('(').append(i).append(", 100)");
            }
            muru.execute(sb.toString());
            ExecutorService pool = Executors.newFixedThreadPool(10);
            AtomicBoolean running = new AtomicBoolean(true);
            List<Future<Long>> readers = new ArrayList<>();
            for (int r = 0; r < 8; r++) {
                readers.add(pool.submit(() -> {
                    long reads = 0;
                    while (running.get()) {
                        List<Object[]> rows = muru.query("SELECT SUM(balance), COUNT(*) FROM accounts WHERE balance >= 0").rows();
                        assertEquals(100_000L, ((Number) rows.get(0)[0]).longValue(), "a reader saw a half-applied transfer");
                        reads++;
                    }
                    return reads;
                }));
            }
            List<Future<Integer>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    java.util.Random random = new java.util.Random(writer);
                    int transfers = 0;
                    for (int t = 0; t < 60; t++) {
                        int a = random.nextInt(1000);
                        int b = (a + 1 + random.nextInt(999)) % 1000;
                        muru.execute("UPDATE accounts SET balance = CASE WHEN id = " + a + " THEN balance - 7 ELSE balance + 7 END"
                                + " WHERE id IN (" + a + ", " + b + ")");
                        transfers++;
                        int extra = 10_000 + writer * 1000 + t;
                        muru.execute("INSERT INTO accounts VALUES (" + extra + ", 0)");
                        muru.execute("DELETE FROM accounts WHERE id = " + extra);
                    }
                    return transfers;
                }));
            }
            for (Future<Integer> w : writers) {
                assertEquals(60, w.get(2, TimeUnit.MINUTES));
            }
            running.set(false);
            long reads = 0;
            for (Future<Long> r : readers) {
                reads += r.get(1, TimeUnit.MINUTES);
            }
            pool.shutdown();
            assertTrue(reads > 8, "readers ran " + reads + " queries");
            List<Object[]> end = muru.query("SELECT SUM(balance), COUNT(*), COUNT(DISTINCT id) FROM accounts").rows();
            assertEquals(100_000L, ((Number) end.get(0)[0]).longValue());
            assertEquals(1000L, ((Number) end.get(0)[1]).longValue());
            assertEquals(1000L, ((Number) end.get(0)[2]).longValue());
        }
    }
}
