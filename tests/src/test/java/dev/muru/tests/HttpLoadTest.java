package dev.muru.tests;

import dev.muru.Muru;
import dev.muru.MuruSettings;
import dev.muru.server.demo.TpchDemoData;
import dev.muru.server.http.HttpServer;
import dev.muru.server.http.HttpSettings;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bounded load run over loopback: 16 clients, each sending small queries and TPC-H queries
 * at SF 0.1 back to back for 30 seconds ({@code -Dmuru.loadtest.seconds} changes it). Every
 * request must succeed; the p50/p99 latencies are printed, not asserted (no timed tests).
 */
class HttpLoadTest {
    private static final int CLIENTS = 16;
    private static final List<String> SMALL = List.of(
            "SELECT r_regionkey, r_name FROM region ORDER BY 1",
            "SELECT n_name FROM nation WHERE n_nationkey = 7",
            "SELECT COUNT(*) FROM supplier WHERE s_acctbal > 0",
            "SELECT c_name, c_acctbal FROM customer WHERE c_custkey = 1234",
            "SELECT o_orderkey, o_totalprice FROM orders WHERE o_orderkey = 35");
    private static final List<String> TPCH = List.of("q01", "q03", "q04", "q05", "q06", "q10", "q12", "q14", "q19");

    @Test
    void sixteenClientsForThirtySecondsWithoutAFailure() throws Exception {
        long seconds = Long.getLong("muru.loadtest.seconds", 30);
        List<String> tpch = new ArrayList<>();
        for (String q : TPCH) {
            tpch.add(TpchAnswers.sql(q));
        }
        try (Muru muru = Muru.start(MuruSettings.load())) {
            TpchDemoData.load(muru, 0.1);
            try (HttpServer server = HttpServer.start(muru, HttpSettings.fromConfig(muru.settings().config()).withPort(0))) {
                HttpTestClient http = new HttpTestClient(server.port());
                ConcurrentLinkedQueue<Long> small = new ConcurrentLinkedQueue<>();
                ConcurrentLinkedQueue<Long> large = new ConcurrentLinkedQueue<>();
                ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
                ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
                List<Future<?>> clients = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    clients.add(pool.submit(() -> {
                        // Three small queries, then one TPC-H query, each client from its own place in the lists.
                        for (int i = client; System.nanoTime() < end; i++) {
                            boolean big = i % 4 == 3;
                            String sql = big ? tpch.get(i / 4 % tpch.size()) : SMALL.get(i % SMALL.size());
                            long start = System.nanoTime();
                            try {
                                HttpResponse<String> r = http.query(sql);
                                if (r.statusCode() != 200 || r.body().contains("\"error\":")) {
                                    failures.add(r.statusCode() + " " + r.body());
                                    continue;
                                }
                            } catch (RuntimeException e) {
                                failures.add(e.toString());
                                continue;
                            }
                            (big ? large : small).add(System.nanoTime() - start);
                        }
                    }));
                }
                for (Future<?> f : clients) {
                    f.get(seconds + 300, TimeUnit.SECONDS);
                }
                pool.shutdown();
                System.out.println(report("small", small, seconds) + "; failed requests (all kinds): " + failures.size());
                System.out.println(report("TPC-H SF 0.1", large, seconds));
                assertEquals(List.of(), List.copyOf(failures), "failed requests");
                assertTrue(small.size() > CLIENTS && !large.isEmpty(), "every kind of query ran");
                assertEquals(200, http.get("/v1/health").statusCode());
            }
        }
    }

    static String report(String label, ConcurrentLinkedQueue<Long> nanos, long seconds) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return label + ": no requests";
        }
        return String.format(Locale.ROOT, "HTTP load, %d clients, %s queries: %d succeeded in %d s, p50 %.2f ms, p99 %.2f ms",
                CLIENTS, label, sorted.size(), seconds, percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6);
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
