package dev.muru.tests;

import dev.muru.Muru;
import dev.muru.MuruSettings;
import org.junit.jupiter.api.Test;

class ScratchExploreTest {
    @Test
    void explore() throws Exception {
        try (Muru muru = Muru.start(MuruSettings.load().withParallelism(2))) {
            muru.execute("CREATE TABLE big (x INTEGER)");
            StringBuilder sb = new StringBuilder("INSERT INTO big VALUES ");
            for (int i = 0; i < 2000; i++) sb.append(i == 0 ? "" : ", ").append('(').append(i).append(")");
            muru.execute(sb.toString());
            muru.execute("SET statement_timeout = '300ms'");
            System.out.println(String.join("\n", DualEngine.text(muru.query("EXPLAIN SELECT COUNT(*) FROM big a, big b, big c WHERE a.x + b.x + c.x = -1"))));
            long p0 = muru.runtimeStats().pipelines();
            Thread t = new Thread(() -> {
                long s = System.nanoTime();
                try { muru.query("SELECT COUNT(*) FROM big a, big b, big c WHERE a.x + b.x + c.x = -1"); System.out.println("done"); }
                catch (Exception e) { System.out.println("ENDLESS -> " + e + " after " + (System.nanoTime()-s)/1e6 + " ms"); }
            });
            t.setDaemon(true);
            t.start();
            t.join(8000);
            System.out.println("alive " + t.isAlive() + " pipelines " + p0 + " -> " + muru.runtimeStats().pipelines());
        }
    }
}
