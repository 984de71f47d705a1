package dev.muru.tests;

import dev.muru.Muru;
import dev.muru.MuruSettings;
import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Memory budgets: a query that needs more than its limit fails with MEMORY_LIMIT and a message
 * with the figures, other statements go on, and every reservation returns when a statement
 * ends, fails or is cancelled.
 */
class MemoryLimitTest {
    /** A million groups from a 1,000 × 1,000 cross product: tens of MB of hash table. */
    static final String MANY_GROUPS = "SELECT a.id * 1000 + b.id AS k, COUNT(*) FROM t a, t b GROUP BY 1";

    static void load(Muru muru) {
        muru.execute("CREATE TABLE t (id INTEGER)");
        StringBuilder sb = new StringBuilder("INSERT INTO t VALUES ");
        for (int i = 0; i < 1000; i++) {
            sb.append(i == 0 ? "" : ", ").append('(').append(i).append(')');
        }
        muru.execute(sb.toString());
    }

    @Test
    void aQueryOverItsLimitFailsCleanlyAndOthersGoOn() {
        for (long threshold : new long[]{MuruSettings.NEVER, 0}) {
            MuruSettings s = MuruSettings.load().withParallelism(2).withThreshold(threshold).withQueryMemoryLimit(8_000_000);
            try (Muru muru = Muru.start(s)) {
                load(muru);
                MuruException e = assertThrows(MuruException.class, () -> muru.query(MANY_GROUPS));
                assertEquals(ErrorCode.MEMORY_LIMIT, e.code(), e.getMessage());
                assertTrue(e.getMessage().contains("query memory limit 8.0 MB"), e.getMessage());
                assertTrue(e.getMessage().contains("in use") && e.getMessage().contains("more asked for"), e.getMessage());
                assertEquals(0, muru.memoryReserved(), "a failed query returns its reservations");
                // Collecting a large result is limited the same way.
                MuruException c = assertThrows(MuruException.class, () -> muru.query("SELECT a.id, b.id FROM t a, t b"));
                assertEquals(ErrorCode.MEMORY_LIMIT, c.code(), c.getMessage());
                assertEquals(1000L, ((Number) muru.query("SELECT COUNT(*) FROM t").rows().get(0)[0]).longValue());
                assertEquals(0, muru.memoryReserved());
            }
        }
    }

    @Test
    void withinTheLimitTheSameQueryRunsAndReleasesEverything() {
        for (long threshold : new long[]{MuruSettings.NEVER, 0}) {
            try (Muru muru = Muru.start(MuruSettings.load().withParallelism(2).withThreshold(threshold))) {
                load(muru);
                assertEquals(1_000_000, muru.query(MANY_GROUPS).rowCount());
                assertTrue(muru.memoryBudget().peak() > 8_000_000, "the hash table was reserved: " + muru.memoryBudget().peak());
                assertEquals(0, muru.memoryReserved());
            }
        }
    }

    /**
     * Near the limit, workers of a parallel aggregation may degrade (stop early and hand in
     * their state): whatever the limit, a statement either fails with MEMORY_LIMIT or gives the
     * exact answer, never a partial one.
     */
    @Test
    void nearTheLimitAnAnswerIsExactOrAnError() {
        int ok = 0;
        for (long limit : new long[]{10_000_000, 30_000_000, 40_000_000, 50_000_000, 60_000_000, 400_000_000}) {
            MuruSettings s = MuruSettings.load().withMorselRows(4096).withParallelism(2).withThreshold(0)
                    .withQueryMemoryLimit(limit);
            try (Muru muru = Muru.start(s)) {
                load(muru);
                muru.execute("CREATE TABLE k (id BIGINT)");
                muru.execute("INSERT INTO k SELECT a.id * 1000 + b.id FROM t a, t b WHERE a.id < 400");
                try {
                    var r = muru.query("SELECT COUNT(*), SUM(c), MIN(c), MAX(c) FROM (SELECT id, COUNT(*) AS c FROM k GROUP BY id) g");
                    Object[] row = r.rows().get(0);
                    assertEquals(List.of(400_000L, 400_000L, 1L, 1L), java.util.Arrays.stream(row)
                            .map(v -> ((Number) v).longValue()).toList(), "limit " + limit);
                    ok++;
                } catch (MuruException e) {
                    assertEquals(ErrorCode.MEMORY_LIMIT, e.code(), e.getMessage());
                    assertTrue(limit < 400_000_000, "the largest limit fits: " + e.getMessage());
                }
                assertEquals(0, muru.memoryReserved());
            }
        }
        assertTrue(ok >= 1 && ok < 6, ok + " of 6 limits succeeded; 10 MB must fail and 400 MB succeed");
    }

    @Test
    void cancellingReturnsTheReservations() throws Exception {
        try (Muru muru = Muru.start(MuruSettings.load().withParallelism(2).withThreshold(0))) {
            load(muru);
            // Grows its hash table for far longer than the test waits.
            Muru.RunningQuery q = muru.submit("SELECT a.id * 1000000 + b.id * 1000 + c.id AS k, COUNT(*) FROM t a, t b, t c GROUP BY 1");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (muru.memoryReserved() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(muru.memoryReserved() > 0, "the running query reserved memory");
            assertTrue(muru.cancel(q.id()));
            ExecutionException e = assertThrows(ExecutionException.class, () -> q.result().toCompletableFuture().get(30, TimeUnit.SECONDS));
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            assertTrue(cause instanceof MuruException && ((MuruException) cause).code() == ErrorCode.QUERY_CANCELLED, String.valueOf(cause));
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (muru.memoryReserved() != 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(0, muru.memoryReserved(), "the budget returns to zero after a cancel");
        }
    }

    @Test
    void theEngineBudgetLimitsAllQueriesTogether() {
        MuruSettings s = MuruSettings.load().withParallelism(2).withThreshold(MuruSettings.NEVER)
                .withGlobalMemoryLimit(6_000_000);
        try (Muru muru = Muru.start(s)) {
            load(muru);
            MuruException e = assertThrows(MuruException.class, () -> muru.query(MANY_GROUPS));
            assertEquals(ErrorCode.MEMORY_LIMIT, e.code());
            assertTrue(e.getMessage().contains("engine memory budget 6.0 MB"), e.getMessage());
            assertEquals(0, muru.memoryReserved());
        }
    }

    /** The acceptance test: a small heap, a query that would need far more, a clean error, then a normal query. */
    @Test
    void aSmallHeapJvmSurvivesAHugeQuery() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                SmallHeapProgram.class.getName()).redirectErrorStream(true).start();
        String out;
        try (var in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("group by: MEMORY_LIMIT"), out);
        assertTrue(out.contains("collect: MEMORY_LIMIT"), out);
        assertTrue(out.contains("join build: MEMORY_LIMIT"), out);
        assertTrue(out.contains("afterwards: 1000000 rows"), out);
        assertTrue(out.contains("reserved after: 0"), out);
        assertFalse(out.contains("OutOfMemoryError"), out);
    }
}
