package dev.muru.tests;

import dev.muru.Muru;
import dev.muru.MuruSettings;
import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A running statement can be cancelled or time out; the engine goes on serving. */
class CancellationTest {
    /** A three-way nested loop over 2,000 rows: billions of pairs, far longer than the test waits. */
    private static final String ENDLESS = "SELECT COUNT(*) FROM big a, big b, big c WHERE a.x + b.x + c.x = -1";

    private static void load(Muru muru) {
        muru.execute("CREATE TABLE big (x INTEGER)");
        StringBuilder sb = new StringBuilder("INSERT INTO big VALUES ");
        for (int i = 0; i < 2000; i++) {
            sb.append(i == 0 ? "" : ", ").append('(').append(i).append(')');
        }
        muru.execute(sb.toString());
    }

    private static MuruException failure(Muru.RunningQuery q) throws Exception {
        ExecutionException e = assertThrows(ExecutionException.class, () -> q.result().toCompletableFuture().get(30, TimeUnit.SECONDS));
        Throwable c = e.getCause();
        while (c instanceof CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        return (MuruException) c;
    }

    @Test
    void cancelStopsARunningQuery() throws Exception {
        for (long threshold : new long[]{MuruSettings.NEVER, 0}) {
            try (Muru muru = Muru.start(MuruSettings.load().withParallelism(2).withThreshold(threshold))) {
                load(muru);
                Muru.RunningQuery q = muru.submit(ENDLESS);
                Thread.sleep(300);
                var running = muru.running();
                assertEquals(1, running.size(), running.toString());
                assertEquals(q.id(), running.get(0).queryId());
                assertEquals(ENDLESS, running.get(0).sql());
                assertTrue(running.get(0).pipelines().stream().anyMatch(p -> p.morselsTotal() > 0), running.toString());
                assertTrue(muru.cancel(q.id()));
                assertEquals(0, muru.running().size());
                assertEquals(ErrorCode.QUERY_CANCELLED, failure(q).code());
                assertFalse(muru.cancel(q.id()), "a cancelled query is no longer running");
                assertFalse(muru.cancel("no-such-query"));
                assertEquals(2000L, ((Number) muru.query("SELECT COUNT(*) FROM big").rows().get(0)[0]).longValue());
            }
        }
    }

    @Test
    void statementTimeoutStopsAQuery() throws Exception {
        MuruSettings settings = MuruSettings.load().withParallelism(2).withThreshold(0)
                .withStatementTimeout(Duration.ofMillis(400));
        try (Muru muru = Muru.start(settings)) {
            load(muru);
            long start = System.nanoTime();
            MuruException e = assertThrows(MuruException.class, () -> muru.query(ENDLESS));
            assertEquals(ErrorCode.QUERY_TIMEOUT, e.code(), e.getMessage());
            assertTrue(System.nanoTime() - start < 10_000_000_000L);
            assertEquals(2000L, ((Number) muru.query("SELECT COUNT(*) FROM big").rows().get(0)[0]).longValue());
        }
    }

    /**
     * A four-way cross join whose condition drops every pair emits nothing for hours: its
     * workers must still notice the timeout inside the probe, so the statement leaves.
     */
    @Test
    void aJoinThatEmitsNothingStillStops() throws Exception {
        for (long threshold : new long[]{MuruSettings.NEVER, 0}) {
            MuruSettings settings = MuruSettings.load().withParallelism(2).withThreshold(threshold);
            try (Muru muru = Muru.start(settings)) {
                load(muru);
                String silent = "SELECT COUNT(*) FROM big a, big b, big c, big d WHERE a.x + b.x + c.x + d.x = -1";
                {
                    var cursor = muru.defaultSession().open(silent, java.util.List.of(), Duration.ofMillis(300));
                    MuruException e = assertThrows(MuruException.class, cursor::awaitReady);
                    assertEquals(ErrorCode.QUERY_TIMEOUT, e.code(), e.getMessage());
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while ((!muru.running().isEmpty() || muru.memoryReserved() != 0) && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertTrue(muru.running().isEmpty(), "the timed-out statement's workers stopped: " + muru.running());
                assertEquals(0, muru.memoryReserved());
                assertEquals(2000L, ((Number) muru.query("SELECT COUNT(*) FROM big").rows().get(0)[0]).longValue());
            }
        }
    }
}
