package dev.muru.tests;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 10-million-row result (two BIGINT columns: 160 MB as vectors, 113 MB as JSON) streams
 * through HTTP from a server in a JVM with a 192 MB heap, which could hold neither: the result
 * is never gathered. The server's heap figures are printed.
 */
class HttpStreamingHeapTest {
    private static final long ROWS = (long) SmallHeapHttpProgram.ROWS * SmallHeapHttpProgram.ROWS;

    @Test
    void tenMillionRowsStreamFromA192MbServer() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process server = new ProcessBuilder(java, "-Xmx192m", "-cp", System.getProperty("java.class.path"),
                SmallHeapHttpProgram.class.getName()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
             OutputStream control = server.getOutputStream()) {
            String first = lineStarting(out, "port ");
            int port = Integer.parseInt(first.substring(5));
            HttpResponse<InputStream> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/query"))
                            .POST(HttpRequest.BodyPublishers.ofString("SELECT a.x, b.x FROM t a, t b")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, r.statusCode());
            long brackets = 0;
            long bytes = 0;
            byte[] tail = new byte[0];
            try (InputStream body = r.body()) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = body.read(buf)) > 0; ) {
                    bytes += n;
                    for (int i = 0; i < n; i++) {
                        if (buf[i] == '[') {
                            brackets++;
                        }
                    }
                    tail = Arrays.copyOfRange(buf, Math.max(0, n - 100), n);
                }
            }
            // One '[' per row, plus those opening "columns" and "rows".
            assertEquals(ROWS, brackets - 2);
            String end = new String(tail, StandardCharsets.US_ASCII);
            assertTrue(end.contains("\"rowCount\":" + ROWS), end);
            control.write("report\n".getBytes(StandardCharsets.US_ASCII));
            control.flush();
            String report = lineStarting(out, "heap max ");
            System.out.println("HTTP streaming of " + ROWS + " rows (" + bytes / 1_000_000 + " MB of JSON): server " + report);
            assertTrue(report != null && report.startsWith("heap max "), report);
            String[] f = report.split(" ");
            long max = Long.parseLong(f[2]);
            long afterGc = Long.parseLong(f[6]);
            // What stays live after a collection is a fraction of the heap: nothing gathered the rows.
            assertTrue(afterGc < max / 2, report);
        } finally {
            server.destroy();
            assertTrue(server.waitFor(60, TimeUnit.SECONDS));
        }
    }

    /** The next line of the server's output that starts with {@code prefix}; log lines are passed over. */
    private static String lineStarting(BufferedReader out, String prefix) throws java.io.IOException {
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("the server ended without a line starting with " + prefix);
    }
}
