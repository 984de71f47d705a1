package dev.muru.tests;

import dev.muru.Muru;
import dev.muru.MuruSettings;
import dev.muru.server.http.HttpServer;
import dev.muru.server.http.HttpSettings;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;

/**
 * Run by {@link HttpStreamingHeapTest} in a JVM with a small heap: an HTTP server over two
 * 3,163-row tables whose cross join is 10 million rows. It prints its port, then on each line
 * "report" from stdin its heap figures; it exits at the end of stdin.
 */
public final class SmallHeapHttpProgram {
    static final int ROWS = 3163;

    public static void main(String[] args) throws Exception {
        try (Muru muru = Muru.start(MuruSettings.load())) {
            muru.execute("CREATE TABLE t (x BIGINT)");
            StringBuilder sb = new StringBuilder("INSERT INTO t VALUES (0)");
            for (int i = 1; i < ROWS; i++) {
                sb.append(", (").append(i).append(')');
            }
            muru.execute(sb.toString());
            try (HttpServer server = HttpServer.start(muru, HttpSettings.fromConfig(muru.settings().config()).withPort(0))) {
                System.out.println("port " + server.port());
                System.out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.equals("report")) {
                        long peak = 0;
                        long afterGc = 0;
                        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                            if (pool.getType() == MemoryType.HEAP) {
                                peak += pool.getPeakUsage().getUsed();
                                if (pool.getCollectionUsage() != null) {
                                    afterGc += pool.getCollectionUsage().getUsed();
                                }
                            }
                        }
                        System.out.println("heap max " + Runtime.getRuntime().maxMemory() + " peak " + peak
                                + " after-last-gc " + afterGc + " gcs " + gcCount());
                        System.out.flush();
                    }
                }
            }
        } catch (Throwable t) {
            t.printStackTrace(System.out);
            System.exit(1);
        }
    }

    private static long gcCount() {
        long n = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }
}
