package dev.muru.benchmarks;

import dev.muru.Muru;
import dev.muru.MuruSettings;
import dev.muru.server.demo.TpchDemoData;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Muru only: is the adaptive choice as fast as the best forced mode? For each query of the
 * issue-4 mix (TPC-H Q1 and Q6 at SF 0.1, a point query on a 1,000-row table, a point count on
 * orders) it times single runs under the adaptive settings, forced sequential and forced
 * parallel, each in its own engine over the same data, after a warm-up that also feeds the
 * adaptive engine's runtime statistics, and reports medians and adaptive / best.
 *
 * <pre>
 * mvn -B -o -q -pl benchmarks -am package -DskipTests
 * java -Xms4g -Xmx4g -cp benchmarks/target/benchmarks.jar dev.muru.benchmarks.AdaptiveChoiceBenchmark \
 *     [--sf 0.1] [--warmup-seconds 15] [--runs 200] [--queries ../shared/tpch/queries]
 * </pre>
 *
 * The three modes alternate run by run (adaptive, sequential, parallel, adaptive, ...) so
 * that machine noise hits them alike.
 */
public final class AdaptiveChoiceBenchmark {
    private AdaptiveChoiceBenchmark() {
    }

    public static void main(String[] argv) {
        // The engines' actor threads would keep a failed run's JVM alive.
        try {
            run(argv);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(String[] argv) throws Exception {
        Map<String, String> a = BenchSupport.parseArgs(argv, "[--sf 0.1] [--warmup-seconds 15] [--runs 200] [--queries DIR]",
                java.util.Set.of("sf", "warmup-seconds", "runs", "queries"));
        double sf = Double.parseDouble(a.getOrDefault("sf", "0.1"));
        int warmupSeconds = Integer.parseInt(a.getOrDefault("warmup-seconds", "15"));
        int runs = Integer.parseInt(a.getOrDefault("runs", "200"));
        Map<String, String> tpch = TpchBenchmark.readQueries(Path.of(a.getOrDefault("queries", "../shared/tpch/queries")), "1,6");

        String[] modes = {"adaptive", "sequential", "parallel"};
        Muru[] engines = new Muru[3];
        engines[0] = Muru.start(MuruSettings.load());
        engines[1] = Muru.start(MuruSettings.load().withThreshold(MuruSettings.NEVER));
        engines[2] = Muru.start(MuruSettings.load().withThreshold(0));
        for (Muru m : engines) {
            TpchDemoData.load(m, sf);
            BenchSupport.createSmall(m);
        }
        Map<String, IntConsumer[]> queries = new LinkedHashMap<>();
        for (Map.Entry<String, String> q : tpch.entrySet()) {
            String sql = q.getValue().replace(";", "");
            queries.put("TPC-H " + q.getKey(), each(engines, m -> i -> m.query(sql)));
        }
        queries.put("point query (small, 1,000 rows)", each(engines, m -> i -> check(m.query("SELECT * FROM small WHERE id = ?", i % 1000 + 1).rowCount(), 1)));
        long orders = (long) (1_500_000 * sf);
        queries.put("point count (orders)", each(engines, m -> i -> m.query("SELECT COUNT(*) FROM orders WHERE o_orderkey = ?", (long) (i % orders) * 4 + 1)));

        SplittableRandom random = new SplittableRandom(42);
        long until = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        while (System.nanoTime() < until) {
            for (IntConsumer[] q : queries.values()) {
                for (IntConsumer c : q) {
                    c.accept(random.nextInt(1 << 20));
                }
            }
        }
        System.out.printf(Locale.ROOT, "%-34s %12s %12s %12s %10s%n", "query (median ms)", "adaptive", "sequential", "parallel", "adapt/best");
        List<String> json = new ArrayList<>();
        for (Map.Entry<String, IntConsumer[]> q : queries.entrySet()) {
            double[][] t = new double[3][runs];
            for (int r = 0; r < runs; r++) {
                int arg = random.nextInt(1 << 20);
                for (int m = 0; m < 3; m++) {
                    long s = System.nanoTime();
                    q.getValue()[m].accept(arg);
                    t[m][r] = (System.nanoTime() - s) / 1e6;
                }
            }
            double[] med = new double[3];
            for (int m = 0; m < 3; m++) {
                Arrays.sort(t[m]);
                med[m] = BenchSupport.median(t[m]);
            }
            double ratio = med[0] / Math.min(med[1], med[2]);
            System.out.printf(Locale.ROOT, "%-34s %12.4f %12.4f %12.4f %9.2fx%n", q.getKey(), med[0], med[1], med[2], ratio);
            json.add(String.format(Locale.ROOT, "{\"query\": %s, \"adaptive_ms\": %.4f, \"sequential_ms\": %.4f, \"parallel_ms\": %.4f, \"adaptive_over_best\": %.3f}",
                    BenchSupport.str(q.getKey()), med[0], med[1], med[2], ratio));
        }
        for (Muru m : engines) {
            m.close();
        }
        Path out = BenchSupport.defaultOut("adaptive-choice");
        BenchSupport.writeJson(out, "{\n" + BenchSupport.jsonHeader("AdaptiveChoiceBenchmark") + ",\n  \"sf\": " + sf + ", \"runs\": " + runs
                + ", \"modes\": " + Arrays.toString(Arrays.stream(modes).map(BenchSupport::str).toArray()) + ",\n  \"results\": [\n    "
                + String.join(",\n    ", json) + "\n  ]\n}\n");
        System.out.println("wrote " + out);
    }

    private static void check(long got, long want) {
        if (got != want) {
            throw new IllegalStateException("expected " + want + " rows, got " + got);
        }
    }

    private static IntConsumer[] each(Muru[] engines, java.util.function.Function<Muru, IntConsumer> f) {
        IntConsumer[] out = new IntConsumer[engines.length];
        for (int i = 0; i < engines.length; i++) {
            out[i] = f.apply(engines[i]);
        }
        return out;
    }
}
