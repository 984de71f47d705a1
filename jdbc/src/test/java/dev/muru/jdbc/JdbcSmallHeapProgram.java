package dev.muru.jdbc;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Run by {@link JdbcStreamingTest} in a small-heap JVM: reads a 10-million-row cross product
 * of two small tables (rows that no table holds) through a JDBC ResultSet and prints the count,
 * the sums, the live heap after a GC at every million rows, and the JVM's peak heap use.
 * Also a by-hand measurement: {@code java -Xmx160m -cp ... dev.muru.jdbc.JdbcSmallHeapProgram [--no-gc]};
 * with {@code --no-gc} it forces no collection while rows stream, so the peak includes garbage.
 */
public final class JdbcSmallHeapProgram {
    static final int A_ROWS = 2000;
    static final int B_ROWS = 5000;

    public static void main(String[] args) throws Exception {
        boolean sample = !List.of(args).contains("--no-gc");
        try (Connection c = DriverManager.getConnection("jdbc:muru:mem:small-heap"); Statement s = c.createStatement()) {
            load(s, "a", A_ROWS);
            load(s, "b", B_ROWS);
            System.gc();
            List<Long> liveAfterGc = new ArrayList<>();
            liveAfterGc.add(usedHeap());
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            long begin = System.nanoTime();
            long rows = 0;
            long sumA = 0;
            long sumB = 0;
            try (ResultSet rs = s.executeQuery("SELECT a.x, b.x FROM a, b")) {
                while (rs.next()) {
                    sumA += rs.getLong(1);
                    sumB += rs.getLong(2);
                    if (++rows % 1_000_000 == 0 && sample) {
                        System.gc();
                        liveAfterGc.add(usedHeap());
                    }
                }
            }
            long elapsedMs = (System.nanoTime() - begin) / 1_000_000;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.println("max heap " + Runtime.getRuntime().maxMemory());
            System.out.println("rows " + rows);
            System.out.println("sums " + sumA + " " + sumB);
            System.out.println("live heap after gc per million rows " + liveAfterGc);
            if (sample) {
                System.out.println("live heap growth " + (max(liveAfterGc) - liveAfterGc.get(1)));
            }
            System.out.println("peak heap " + peak);
            System.out.println("elapsed ms " + elapsedMs);
        } catch (Throwable t) {
            t.printStackTrace(System.out);
            System.exit(1);
        }
        System.exit(0);
    }

    private static void load(Statement s, String table, int rows) throws Exception {
        s.executeUpdate("CREATE TABLE " + table + " (x BIGINT)");
        StringBuilder sb = new StringBuilder("INSERT INTO " + table + " VALUES ");
        for (int i = 1; i <= rows; i++) {
            sb.append(i == 1 ? "" : ", ").append('(').append(i).append(')');
        }
        s.executeUpdate(sb.toString());
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
