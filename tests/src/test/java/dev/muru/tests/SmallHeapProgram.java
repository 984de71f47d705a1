package dev.muru.tests;

import dev.muru.Muru;
import dev.muru.MuruSettings;
import dev.muru.core.MuruException;

/**
 * Run by {@link MemoryLimitTest} in a JVM with a 256 MB heap and default memory settings:
 * each statement below would need gigabytes; each must fail with MEMORY_LIMIT, and the engine
 * must then answer a normal query.
 */
public final class SmallHeapProgram {
    public static void main(String[] args) {
        try (Muru muru = Muru.start(MuruSettings.load())) {
            MemoryLimitTest.load(muru);
            muru.execute("CREATE TABLE m (k INTEGER)");
            muru.execute("INSERT INTO m SELECT a.id * 1000 + b.id FROM t a, t b");
            System.out.println("heap " + Runtime.getRuntime().maxMemory() + ", budget " + muru.memoryBudget().limit());
            run(muru, "group by", "SELECT x.k * 1000 + y.id AS g, COUNT(*) FROM m x, t y GROUP BY 1");
            run(muru, "collect", "SELECT x.k, y.id FROM m x, t y");
            run(muru, "join build", "SELECT COUNT(*) FROM (SELECT x.k AS a FROM m x, t y) p JOIN (SELECT x.k AS b FROM m x, t y) q ON p.a = q.b");
            long n = ((Number) muru.query("SELECT COUNT(*) FROM m").rows().get(0)[0]).longValue();
            System.out.println("afterwards: " + n + " rows");
            System.out.println("reserved after: " + muru.memoryReserved());
        } catch (Throwable t) {
            t.printStackTrace(System.out);
            System.exit(1);
        }
    }

    private static void run(Muru muru, String name, String sql) {
        try {
            muru.query(sql);
            System.out.println(name + ": succeeded (unexpected)");
        } catch (MuruException e) {
            System.out.println(name + ": " + e.code() + " " + e.getMessage());
        }
    }
}
