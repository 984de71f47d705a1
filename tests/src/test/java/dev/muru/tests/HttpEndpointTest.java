package dev.muru.tests;

import dev.muru.Muru;
import dev.muru.MuruSettings;
import dev.muru.server.http.HttpServer;
import dev.muru.server.http.HttpSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP endpoint over loopback: formats, parameters, errors, streaming, cancellation, limits, auth, metrics. */
class HttpEndpointTest {
    /** 1,000 × 1,000 = a million rows from a join that nothing stores. */
    private static final String MILLION = "SELECT a.x, b.x FROM t a, t b";
    /** A billion combinations to test, and none passes: runs until the tests cancel it. */
    private static final String ENDLESS = "SELECT COUNT(*) FROM t a, t b, t c WHERE a.x + b.x + c.x < 0";
    private static Muru muru;
    private static HttpServer server;
    private static HttpTestClient http;

    @BeforeAll
    static void start() {
        muru = Muru.start(MuruSettings.load().withMorselRows(1024));
        muru.execute("CREATE TABLE t (x INTEGER)");
        StringBuilder sb = new StringBuilder("INSERT INTO t VALUES (0)");
        for (int i = 1; i < 1000; i++) {
            sb.append(", (").append(i).append(')');
        }
        muru.execute(sb.toString());
        muru.execute("CREATE TABLE v (i INTEGER, b BIGINT, d DECIMAL(10,2), f DOUBLE, s VARCHAR, day DATE, ok BOOLEAN)");
        muru.execute("INSERT INTO v VALUES (1, 9007199254740993, -12.05, 0.5, 'plain', DATE '2024-02-29', TRUE),"
                + " (2, -1, 0.00, 1e300, 'quote \" comma , newline\nünïcödé 😀', DATE '1970-01-01', FALSE),"
                + " (3, NULL, NULL, NULL, '', NULL, NULL)");
        server = HttpServer.start(muru, settings());
        http = new HttpTestClient(server.port());
    }

    private static HttpSettings settings() {
        return HttpSettings.fromConfig(muru.settings().config()).withPort(0);
    }

    @AfterAll
    static void stop() {
        server.close();
        muru.close();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    private static void assertError(HttpResponse<String> r, int status, String code) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(r.body().startsWith("{\"code\":\"" + code + "\""), r.body());
        assertTrue(r.body().contains("\"message\":\""), r.body());
        assertFalse(r.body().contains("\tat "), "no stack trace");
    }

    @Test
    void jsonResultsCarryColumnsTypesRowsAndTheQueryId() {
        HttpResponse<String> r = http.query("SELECT i, b, d, f, s, day, ok FROM v ORDER BY i");
        assertEquals(200, r.statusCode());
        String id = r.headers().firstValue("Muru-Query-Id").orElseThrow();
        assertTrue(r.body().startsWith("{\"queryId\":\"" + id + "\",\"statement\":\"SELECT\",\"columns\":[{\"name\":\"i\",\"type\":\"INTEGER\"},"
                + "{\"name\":\"b\",\"type\":\"BIGINT\"},{\"name\":\"d\",\"type\":\"DECIMAL(10,2)\"},{\"name\":\"f\",\"type\":\"DOUBLE\"},"
                + "{\"name\":\"s\",\"type\":\"VARCHAR\"},{\"name\":\"day\",\"type\":\"DATE\"},{\"name\":\"ok\",\"type\":\"BOOLEAN\"}],"
                + "\"rows\":[[1,9007199254740993,-12.05,0.5,\"plain\",\"2024-02-29\",true],"
                + "[2,-1,0.00,1.0E300,\"quote \\\" comma , newline\\nünïcödé 😀\",\"1970-01-01\",false],"
                + "[3,null,null,null,\"\",null,null]],\"rowCount\":3,\"elapsedMillis\":"), r.body());
        assertTrue(r.body().endsWith("}"));
    }

    @Test
    void ndjsonAndCsvComeFromTheAcceptHeaderOrTheFormatParameter() {
        HttpResponse<String> nd = http.send(http.request("/v1/query").header("Accept", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString("SELECT i, s FROM v WHERE i < 3 ORDER BY i")).build());
        assertEquals("application/x-ndjson", nd.headers().firstValue("Content-Type").orElse(""));
        List<String> lines = nd.body().lines().toList();
        assertEquals(4, lines.size(), nd.body());
        assertTrue(lines.get(0).endsWith("\"columns\":[{\"name\":\"i\",\"type\":\"INTEGER\"},{\"name\":\"s\",\"type\":\"VARCHAR\"}]}"));
        assertEquals("[1,\"plain\"]", lines.get(1));
        assertTrue(lines.get(3).startsWith("{\"rowCount\":2,\"elapsedMillis\":"), lines.get(3));

        HttpResponse<String> csv = http.send(http.request("/v1/query?format=csv").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("SELECT i, d, s, day FROM v ORDER BY i")).build());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertEquals("i,d,s,day\n1,-12.05,plain,2024-02-29\n2,0.00,\"quote \"\" comma , newline\nünïcödé 😀\",1970-01-01\n3,,\"\",\n",
                csv.body());
    }

    @Test
    void aJsonBodyCarriesSessionSettingsForItsRequest() {
        HttpResponse<String> one = http.json("{\"sql\": \"SHOW threads\", \"settings\": {\"threads\": 1}}");
        assertEquals(200, one.statusCode(), one.body());
        assertTrue(one.body().contains("\"rows\":[[\"1\"]]"), one.body());
        // A setting lasts for its request only.
        assertFalse(http.json("{\"sql\": \"SHOW threads\"}").body().contains("\"rows\":[[\"1\"]]"));
        long start = System.nanoTime();
        assertError(http.json("{\"sql\": \"" + ENDLESS + "\", \"settings\": {\"statement_timeout\": \"200ms\"}}"),
                400, "QUERY_TIMEOUT");
        assertTrue(System.nanoTime() - start < 20_000_000_000L);
        assertError(http.json("{\"sql\": \"SELECT 1\", \"settings\": {\"no_such_setting\": 1}}"), 400, "UNDEFINED_SETTING");
        assertError(http.json("{\"sql\": \"SELECT 1\", \"settings\": {\"threads\": \"many\"}}"), 400, "INVALID_SETTING");
        assertError(http.json("{\"sql\": \"SELECT 1\", \"settings\": [1]}"), 400, "INVALID_REQUEST");
    }

    @Test
    void aRequestCannotLiftTheServersStatementTimeout() {
        try (HttpServer quick = HttpServer.start(muru, settings().withStatementTimeout(Duration.ofMillis(300)))) {
            assertError(new HttpTestClient(quick.port()).json("{\"sql\": \"" + ENDLESS
                    + "\", \"settings\": {\"statement_timeout\": 0}}"), 400, "QUERY_TIMEOUT");
        }
    }

    @Test
    void aJsonBodyBindsItsParameters() {
        HttpResponse<String> r = http.json("{\"sql\": \"SELECT COUNT(*), ? || 'x', ? + 0.5 FROM t WHERE x < ? AND ?\","
                + " \"params\": [\"a\", 1.25, 10, true]}");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"rows\":[[10,\"ax\",1.75]]"), r.body());
        assertTrue(http.json("{\"sql\": \"SELECT ? IS NULL\", \"params\": [null]}").body().contains("\"rows\":[[true]]"));
        assertError(http.json("{\"sql\": \"SELECT ?\", \"params\": [{\"a\": 1}]}"), 400, "INVALID_REQUEST");
        assertError(http.json("{\"sql\": \"SELECT ?, ?\", \"params\": [1]}"), 400, "INVALID_PARAMETER");
        assertError(http.json("{\"sql\": 42}"), 400, "INVALID_REQUEST");
        assertError(http.json("{\"sql\": \"SELECT 1\", \"sql\": \"SELECT 2\"}"), 400, "INVALID_JSON");
        HttpResponse<String> broken = http.json("{\"sql\": \"SELECT 1\",\n  \"params\": [1,]}");
        assertError(broken, 400, "INVALID_JSON");
        assertTrue(broken.body().endsWith("\"line\":2,\"column\":16}"), broken.body());
    }

    @Test
    void statementsWithoutRowsReportTheirUpdateCount() {
        assertEquals(200, http.query("CREATE TABLE w (k INTEGER)").statusCode());
        HttpResponse<String> r = http.query("INSERT INTO w SELECT x FROM t WHERE x < 7");
        assertTrue(r.body().startsWith("{\"queryId\":\"") && r.body().contains("\"statement\":\"INSERT\",\"columns\":[],\"rows\":[],\"rowCount\":0,\"updateCount\":7,"),
                r.body());
        assertTrue(http.query("SELECT COUNT(*) FROM w").body().contains("\"rows\":[[7]]"));
        http.query("DROP TABLE w");
    }

    @Test
    void errorsAreJsonWithCodeMessageAndPosition() throws Exception {
        HttpResponse<String> syntax = http.query("SELECT *\nFRO t");
        assertError(syntax, 400, "SYNTAX_ERROR");
        assertTrue(syntax.body().contains("\"sqlState\":\"42601\"") && syntax.body().endsWith("\"line\":2,\"column\":1}"), syntax.body());
        assertError(http.query("SELECT nope FROM t"), 400, "UNDEFINED_COLUMN");
        assertError(http.query("SELECT * FROM nowhere"), 400, "UNDEFINED_TABLE");
        assertError(http.query(""), 400, "SYNTAX_ERROR");
        assertError(http.get("/v2/nothing"), 404, "NOT_FOUND");
        HttpResponse<String> method = http.get("/v1/query");
        assertError(method, 405, "METHOD_NOT_ALLOWED");
        assertEquals("POST", method.headers().firstValue("Allow").orElse(""));
        assertError(http.send(http.request("/v1/health").DELETE().build()), 405, "METHOD_NOT_ALLOWED");
        assertError(http.query("/v1/query?format=xml", "SELECT 1"), 400, "INVALID_REQUEST");
        assertError(http.send(http.request("/v1/query").header("Accept", "image/png").POST(HttpRequest.BodyPublishers.ofString("SELECT 1")).build()),
                406, "NOT_ACCEPTABLE");
        assertError(http.send(http.request("/v1/query").POST(HttpRequest.BodyPublishers.ofByteArray(new byte[]{'S', (byte) 0xC3, (byte) 0x28})).build()),
                400, "INVALID_REQUEST");
        // A request that is not HTTP at all still gets a JSON error.
        try (Socket s = http.raw("GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n", new byte[0])) {
            String answer = HttpTestClient.read(s.getInputStream(), 4096);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.contains("{\"code\":\"INVALID_REQUEST\",\"message\":\"malformed HTTP request"), answer);
        }
    }

    @Test
    void aLargeResultStreamsInChunksAndArrivesWhole() {
        HttpResponse<String> r = http.query("/v1/query?format=ndjson", MILLION);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Length").isEmpty(), "streamed, not sized up front");
        long rows = 0;
        long sum = 0;
        List<String> lines = r.body().lines().toList();
        for (String line : lines.subList(1, lines.size() - 1)) {
            int comma = line.indexOf(',');
            sum += Long.parseLong(line.substring(1, comma)) * 1000 + Long.parseLong(line.substring(comma + 1, line.length() - 1));
            rows++;
        }
        assertEquals(1_000_000, rows);
        assertEquals(1_000_000L * 999_999 / 2, sum, "every pair exactly once");
        assertTrue(lines.get(lines.size() - 1).startsWith("{\"rowCount\":1000000,"), lines.get(lines.size() - 1));
    }

    @Test
    void aFailureAfterTheFirstRowsEndsTheBodyWithTheError() {
        // The division fails at the very last pair, long after the first rows were sent.
        String sql = "SELECT a.x, 1 / (a.x * 1000 + b.x - 999999) FROM t a, t b";
        HttpResponse<String> json = http.query(sql);
        assertEquals(200, json.statusCode());
        assertTrue(json.body().endsWith("],\"error\":{\"code\":\"DIVISION_BY_ZERO\",\"sqlState\":\"22012\",\"message\":\"division by zero\",\"line\":null,\"column\":null}}")
                || json.body().contains("],\"error\":{\"code\":\"DIVISION_BY_ZERO\""), json.body().substring(Math.max(0, json.body().length() - 300)));
        List<String> lines = http.query("/v1/query?format=ndjson", sql).body().lines().toList();
        assertTrue(lines.size() > 2);
        assertTrue(lines.get(lines.size() - 1).startsWith("{\"error\":{\"code\":\"DIVISION_BY_ZERO\""), lines.get(lines.size() - 1));
        // CSV cannot say it: the response is cut off, which the client sees as a broken body.
        assertThrows(RuntimeException.class, () -> http.query("/v1/query?format=csv", sql));
        assertEquals(200, http.query("SELECT 1").statusCode(), "the server goes on");
    }

    @Test
    void aClientThatHangsUpCancelsItsQuery() throws Exception {
        try (Socket s = http.rawQuery(MILLION)) {
            String start = HttpTestClient.read(s.getInputStream(), 20_000);
            assertTrue(start.startsWith("HTTP/1.1 200"), start);
            assertFalse(muru.running().isEmpty(), "the query runs while its result is read");
        }
        await(() -> muru.running().isEmpty() && muru.memoryReserved() == 0, "the abandoned query is cancelled");
    }

    @Test
    void runningQueriesAreListedWithProgressAndCanBeCancelled() throws Exception {
        CompletableFuture<HttpResponse<String>> endless = CompletableFuture.supplyAsync(() -> http.query(ENDLESS));
        await(() -> http.get("/v1/queries").body().contains(ENDLESS.replace("\"", "\\\"")), "the query is listed");
        String list = http.get("/v1/queries").body();
        Matcher m = Pattern.compile("\\{\"queryId\":\"([^\"]+)\",\"sql\":\"" + Pattern.quote(ENDLESS)
                + "\",\"started\":\"[0-9T:.Z-]+\",\"elapsedMillis\":\\d+,\"progress\":[0-9.]+,\"pipelines\":\\[\\{\"pipeline\":0,\"morselsDone\":\\d+,\"morselsTotal\":-?\\d+}").matcher(list);
        assertTrue(m.find(), list);
        String id = m.group(1);
        HttpResponse<String> cancel = http.send(http.request("/v1/queries/" + id).DELETE().build());
        assertEquals(200, cancel.statusCode());
        assertEquals("{\"queryId\":\"" + id + "\",\"cancelled\":true}", cancel.body());
        assertError(endless.get(30, TimeUnit.SECONDS), 400, "QUERY_CANCELLED");
        assertError(http.send(http.request("/v1/queries/" + id).DELETE().build()), 404, "QUERY_NOT_FOUND");
        await(() -> http.get("/v1/queries").body().equals("{\"queries\":[]}"), "the list is empty");
    }

    @Test
    void bodySizeAndConcurrencyLimitsAnswer413And429() throws Exception {
        try (HttpServer limited = HttpServer.start(muru, settings().withMaxBodyBytes(1000).withMaxConcurrentQueries(1))) {
            HttpTestClient client = new HttpTestClient(limited.port());
            assertError(client.query("SELECT 1 " + " ".repeat(2000)), 413, "PAYLOAD_TOO_LARGE");
            assertEquals(200, client.query("SELECT 1 " + " ".repeat(900)).statusCode());
            // A reader that stops holds the one slot: the next query is turned away until it hangs up.
            try (Socket holder = client.rawQuery(MILLION)) {
                assertTrue(HttpTestClient.read(holder.getInputStream(), 12).startsWith("HTTP/1.1 200"));
                assertError(client.query("SELECT 1"), 429, "TOO_MANY_QUERIES");
                assertEquals(200, client.get("/v1/health").statusCode(), "other routes still answer");
            }
            await(() -> client.query("SELECT 1").statusCode() == 200, "the slot is free again");
        }
    }

    @Test
    void aTokenIsRequiredWhenOneIsSet() {
        try (HttpServer guarded = HttpServer.start(muru, settings().withAuthToken("s3cret"))) {
            HttpTestClient anonymous = new HttpTestClient(guarded.port());
            HttpResponse<String> refused = anonymous.query("SELECT 1");
            assertError(refused, 401, "UNAUTHORIZED");
            assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
            assertError(anonymous.get("/v1/queries"), 401, "UNAUTHORIZED");
            assertError(anonymous.get("/metrics"), 401, "UNAUTHORIZED");
            assertError(new HttpTestClient(guarded.port(), "wrong").query("SELECT 1"), 401, "UNAUTHORIZED");
            HttpTestClient client = new HttpTestClient(guarded.port(), "s3cret");
            assertEquals(200, client.query("SELECT 1").statusCode());
            assertEquals(200, client.get("/v1/health").statusCode());
            // The console too: opened with ?token=, it gets a cookie for its files and API calls.
            assertError(anonymous.get("/"), 401, "UNAUTHORIZED");
            assertError(anonymous.get("/?token=wrong"), 401, "UNAUTHORIZED");
            HttpResponse<String> page = anonymous.get("/?token=s3cret");
            assertEquals(200, page.statusCode());
            String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(cookie.startsWith("muru_token=s3cret;") && cookie.contains("HttpOnly"), cookie);
            String sent = cookie.substring(0, cookie.indexOf(';'));
            assertEquals(200, anonymous.send(anonymous.request("/v1/health").header("Cookie", "a=1; " + sent).GET().build())
                    .statusCode());
            assertError(anonymous.send(anonymous.request("/v1/health").header("Cookie", "muru_token=nope").GET().build()),
                    401, "UNAUTHORIZED");
        }
    }

    @Test
    void theStatementTimeoutStopsAQueryOverHttp() {
        try (HttpServer quick = HttpServer.start(muru, settings().withStatementTimeout(Duration.ofMillis(300)))) {
            assertError(new HttpTestClient(quick.port()).query(ENDLESS), 400, "QUERY_TIMEOUT");
        }
    }

    @Test
    void healthAndMetrics() {
        HttpResponse<String> health = http.get("/v1/health");
        assertEquals(200, health.statusCode());
        assertTrue(health.body().startsWith("{\"status\":\"ok\""), health.body());
        long queries = metric("muru_queries_total");
        long failed = metric("muru_queries_failed_total");
        long scanned = metric("muru_rows_scanned_total");
        long inline = metric("muru_pipelines_total{mode=\"inline\"}");
        long sequential = metric("muru_pipelines_total{mode=\"sequential\"}");
        http.query("SELECT COUNT(*) FROM t");          // small: runs inline
        http.query("SELECT COUNT(*) FROM t a, t b");   // a million pairs: on the actors
        http.query("SELECT nope");
        assertEquals(queries + 3, metric("muru_queries_total"));
        assertEquals(failed + 1, metric("muru_queries_failed_total"));
        assertTrue(metric("muru_rows_scanned_total") >= scanned + 3000, "t read three times");
        assertTrue(metric("muru_pipelines_total{mode=\"inline\"}") > inline);
        assertTrue(metric("muru_pipelines_total{mode=\"sequential\"}") + metric("muru_pipelines_total{mode=\"parallel\"}")
                > sequential);
        String text = http.get("/metrics").body();
        for (String name : List.of("muru_queries_running", "muru_memory_reserved_bytes", "muru_http_responses_total{code=\"200\"}")) {
            assertTrue(text.contains("\n" + name + " "), name);
        }
        for (String line : text.split("\n")) {
            assertTrue(line.startsWith("# HELP muru_") || line.startsWith("# TYPE muru_") || line.matches("muru_[a-z_]+(\\{[a-z]+=\"[a-z0-9]+\"})? \\d+"), line);
        }
    }

    private static long metric(String series) {
        for (String line : http.get("/metrics").body().split("\n")) {
            if (line.startsWith(series + " ")) {
                return Long.parseLong(line.substring(series.length() + 1));
            }
        }
        throw new AssertionError("no metric " + series);
    }

    @Test
    void aStoppingServerAnswers503AndLetsRunningResponsesFinish() throws Exception {
        HttpServer stopping = HttpServer.start(muru, settings());
        HttpTestClient client = new HttpTestClient(stopping.port());
        // 5 million rows, ~60 MB: more than the socket buffers hold, so the response is still being sent.
        try (Socket streaming = client.rawQuery("SELECT a.x, b.x, c.x FROM t a, t b, t c LIMIT 5000000")) {
            InputStream rows = streaming.getInputStream();
            assertTrue(HttpTestClient.read(rows, 12).startsWith("HTTP/1.1 200"));
            CompletableFuture<String> rest = CompletableFuture.supplyAsync(() -> readToLastChunk(rows),
                    java.util.concurrent.Executors.newSingleThreadExecutor());
            CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> stopping.stop(Duration.ofSeconds(20)));
            await(() -> client.get("/v1/health").statusCode() == 503, "new requests are turned away");
            assertError(client.query("SELECT 1"), 503, "SHUTTING_DOWN");
            assertFalse(stopped.isDone(), "the stop waits for the response in flight");
            // The response in flight goes on to its end.
            String body = rest.get(60, TimeUnit.SECONDS);
            assertTrue(body.contains("\"rowCount\":5000000"), body.substring(Math.max(0, body.length() - 200)));
            stopped.get(30, TimeUnit.SECONDS);
        }
        assertThrows(RuntimeException.class, () -> client.get("/v1/health"), "the port is closed");
        assertEquals(200, http.query("SELECT 1").statusCode(), "the engine and other servers go on");
    }

    /** Reads a chunked response up to its last (empty) chunk; the connection stays open after it. */
    private static String readToLastChunk(InputStream in) {
        StringBuilder sb = new StringBuilder();
        byte[] buf = new byte[1 << 16];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                sb.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                if (sb.length() > 5 && sb.lastIndexOf("\r\n0\r\n\r\n") == sb.length() - 7) {
                    break;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sb.toString();
    }
}
