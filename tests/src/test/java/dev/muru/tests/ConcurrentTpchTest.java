package dev.muru.tests;

import dev.muru.Muru;
import dev.muru.MuruSettings;
import dev.muru.QueryResult;
import dev.muru.Session;
import dev.muru.server.demo.TpchDemoData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * TPC-H SF 0.1, loaded once, queried by 16 threads at once (all 22 queries, several of them
 * several times, started together): every answer equals answers-trino, and the engine's memory
 * returns to zero afterwards.
 */
class ConcurrentTpchTest {
    static final int THREADS = 16;
    static final int PER_THREAD = 4;
    static Muru muru;

    @BeforeAll
    static void load() {
        muru = Muru.start(MuruSettings.load().withParallelism(2));
        Map<String, Long> rows = TpchDemoData.load(muru, 0.1);
        assertEquals(600_572L, rows.get("lineitem"), rows.toString());
    }

    @AfterAll
    static void close() {
        muru.close();
    }

    static final String[] MODES = {"auto", "0", "max"};

    /** As {@link TpchAnswers#check}, in a session. */
    static void check(Session session, String query, String label) throws IOException {
        List<String> expected = Files.readAllLines(TpchAnswers.SHARED.resolve("answers-trino/sf0.1/" + query + ".csv"));
        QueryResult r = session.query(TpchAnswers.sql(query));
        List<Object[]> rows = r.rows();
        String where = query + " at SF 0.1 (" + label + ")";
        assertEquals(expected.size() - 1, rows.size(), where + ": row count");
        assertTrue(rows.size() > 0, where + ": every TPC-H query has rows at SF 0.1");
        for (int i = 0; i < rows.size(); i++) {
            String[] want = expected.get(i + 1).split("\\|", -1);
            Object[] got = rows.get(i);
            assertEquals(want.length, got.length, where + ": columns");
            for (int c = 0; c < want.length; c++) {
                TpchAnswers.assertValue(want[c], got[c], where + " row " + (i + 1) + " column " + r.schema().name(c));
            }
        }
    }

    static String query(int n) {
        return String.format("q%02d", n);
    }

    @Test
    void sixteenThreadsRunAllQueriesAtOnce() throws Exception {
        // Thread i runs queries i+1, i+7, i+13, i+19 (wrapping after 22): 64 runs covering all 22.
        // A third of the threads use the default (adaptive) session, a third a session forced
        // parallel, a third a session forced sequential.
        List<List<String>> plan = new ArrayList<>();
        TreeSet<String> covered = new TreeSet<>();
        for (int i = 0; i < THREADS; i++) {
            List<String> mine = new ArrayList<>();
            for (int k = 0; k < PER_THREAD; k++) {
                mine.add(query((i + 6 * k) % 22 + 1));
            }
            covered.addAll(mine);
            plan.add(mine);
        }
        assertEquals(22, covered.size(), "every query runs at least once: " + covered);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CyclicBarrier start = new CyclicBarrier(THREADS);
        long begin = System.nanoTime();
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                List<String> mine = plan.get(i);
                String mode = MODES[i % MODES.length];
                String label = "thread " + i + ", parallel_threshold " + mode;
                Session session = mode.equals("auto") ? muru.defaultSession() : muru.session();
                session.query("SET parallel_threshold = " + mode);
                assertEquals(mode, session.show("parallel_threshold"));
                runs.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    int done = 0;
                    for (String q : mine) {
                        check(session, q, label);
                        done++;
                    }
                    return done;
                }));
            }
            int total = 0;
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                try {
                    total += runs.get(i).get(120, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    failures.add("thread " + i + " " + plan.get(i) + ": " + e.getCause());
                }
            }
            if (!failures.isEmpty()) {
                fail(failures.size() + " thread(s) failed:\n" + String.join("\n", failures));
            }
            assertEquals(THREADS * PER_THREAD, total);
        } finally {
            pool.shutdownNow();
            muru.execute("RESET ALL");
        }
        long ms = (System.nanoTime() - begin) / 1_000_000;
        assertTrue(ms < 120_000, "64 concurrent queries took " + ms + " ms");
        assertEquals(0, muru.memoryReserved(), "every query returned its reservations");
        assertTrue(muru.running().isEmpty(), muru.running().toString());
        // The engine still answers after the storm, the same as before it.
        TpchAnswers.check(muru, "q01", "0.1", "after the concurrent run");
        TpchAnswers.check(muru, "q18", "0.1", "after the concurrent run");
    }
}
