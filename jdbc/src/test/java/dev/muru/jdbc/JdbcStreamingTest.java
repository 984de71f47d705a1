package dev.muru.jdbc;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The acceptance test of streaming: 10 million rows (16 bytes each in the engine's vectors,
 * 160 MB if they were kept) pass through a JDBC ResultSet in a JVM with a 160 MB heap, with the
 * right count and sums, and the live heap does not grow while they pass.
 */
class JdbcStreamingTest {
    @Test
    void tenMillionRowsStreamThroughASmallHeap() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(java, "-Xmx160m", "-cp", System.getProperty("java.class.path"),
                JdbcSmallHeapProgram.class.getName()).redirectErrorStream(true).start();
        String out;
        try (var in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(p.waitFor(240, TimeUnit.SECONDS), out);
        System.out.println("JdbcSmallHeapProgram (-Xmx160m):\n" + out);
        assertEquals(0, p.exitValue(), out);
        assertFalse(out.contains("OutOfMemoryError"), out);
        long a = JdbcSmallHeapProgram.A_ROWS;
        long b = JdbcSmallHeapProgram.B_ROWS;
        assertEquals(10_000_000L, number(out, "rows (\\d+)"));
        assertTrue(out.contains("sums " + (b * a * (a + 1) / 2) + " " + (a * b * (b + 1) / 2)), out);
        // Kept rows would add 16 MB of live heap per million; streaming adds none.
        long growth = number(out, "live heap growth (-?\\d+)");
        assertTrue(growth < 16L << 20, "the live heap grew by " + growth + " bytes while rows streamed\n" + out);
    }

    private static long number(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        assertTrue(m.find(), regex + " in\n" + out);
        return Long.parseLong(m.group(1));
    }
}
