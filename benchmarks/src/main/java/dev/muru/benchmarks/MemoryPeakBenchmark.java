package dev.muru.benchmarks;

import dev.muru.Muru;
import dev.muru.MuruSettings;
import dev.muru.QueryResult;
import dev.muru.server.demo.TpchDemoData;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * Peak heap used by Muru while it runs one TPC-H-derived query, sequential against parallel.
 *
 * <pre>
 * mvn -B -o -q -pl benchmarks -am package -DskipTests
 * java -Xms8g -Xmx8g -cp benchmarks/target/benchmarks.jar dev.muru.benchmarks.MemoryPeakBenchmark \
 *     [--sf 1] [--runs 3] [--only 1,9,18] [--dop N] [--queries ../shared/tpch/queries] [--answers DIR|none] \
 *     [--out benchmarks/results/DATE-memory-peak.json]
 * </pre>
 *
 * Run from the repository root, with a fixed heap ({@code -Xms} = {@code -Xmx}; 8 GiB holds SF 1
 * with room for the queries on a 24 GiB machine) so that the heap's size does not change between
 * runs. The default collector (G1) is assumed; the method works with any.
 *
 * <p>For each mode, a fresh {@link Muru} loaded with {@link TpchDemoData#load} at {@code --sf}:
 * {@code sequential} = {@code MuruSettings.load().withThreshold(MuruSettings.NEVER)}, {@code parallel}
 * = {@code withThreshold(0)} (parallelism = cores, or {@code --dop N}). Per query: one warm-up run (its result checked
 * against {@code <queries>/../answers-trino/sf<SF>} when present), then {@code --runs} measured
 * runs, each:
 * <ol>
 *   <li>{@code System.gc()} twice (100 ms apart), then the baseline: heap used;</li>
 *   <li>{@code resetPeakUsage()} on every heap memory pool;</li>
 *   <li>a sampler thread reads heap used ({@code Runtime.totalMemory() - freeMemory()}) every 1 ms
 *       while the query runs ({@code muru.query}, whole result in memory);</li>
 *   <li>after the query: sampled peak − baseline, and (sum over heap pools of
 *       {@code getPeakUsage().getUsed()}) − (the pools' used at the baseline).</li>
 * </ol>
 * Reported: the median over the runs of each, in MiB, and parallel / sequential per query. The
 * sampled peak can miss a peak shorter than 1 ms (a young collection right after it); the pool
 * peak sums each pool's own maximum, which need not have happened at the same instant (eden full
 * just before a young GC, old gen after it), so it is an upper bound of the true peak; G1 also
 * counts pool usage in whole regions (4 MiB with an 8 GiB heap), so the pool figures are
 * multiples of the region size and can come out a region below the sampled ones. Both
 * include garbage not yet collected: they measure how far the heap grows under the default
 * collector, not live data only. Also reported: query time and bytes allocated by all live
 * threads during the query ({@code com.sun.management.ThreadMXBean}, approximate).
 */
public final class MemoryPeakBenchmark {
    private static final String USAGE = "usage: MemoryPeakBenchmark [--sf 1] [--runs 3] [--only 1,9,18] [--dop N]"
            + " [--queries ../shared/tpch/queries] [--answers DIR|none] [--out FILE.json]";
    private static final double MIB = 1024.0 * 1024.0;

    private MemoryPeakBenchmark() {
    }

    /** One measured run. */
    record Run(double sampledMiB, double poolMiB, double ms, double allocatedMiB, int samples) {
    }

    static final class QueryOutcome {
        String status = "ok";
        String check = "not checked";
        final List<Run> runs = new ArrayList<>();

        double median(java.util.function.ToDoubleFunction<Run> f) {
            return runs.isEmpty() ? Double.NaN : BenchSupport.median(runs.stream().mapToDouble(f).toArray());
        }
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = BenchSupport.parseArgs(argv, USAGE, Set.of("sf", "runs", "only", "queries", "answers", "out", "dop"));
        double sf = Double.parseDouble(a.getOrDefault("sf", "1"));
        int runs = Integer.parseInt(a.getOrDefault("runs", "3"));
        Path queries = Paths.get(a.getOrDefault("queries", "../shared/tpch/queries"));
        Path out = a.containsKey("out") ? Paths.get(a.get("out")) : BenchSupport.defaultOut("memory-peak");
        String sfText = BigDecimal.valueOf(sf).stripTrailingZeros().toPlainString();
        Path answers;
        if (!a.containsKey("answers")) {
            Path p = queries.toAbsolutePath().normalize().resolveSibling("answers-trino").resolve("sf" + sfText);
            answers = Files.isDirectory(p) ? p : null;
        } else {
            answers = a.get("answers").equals("none") ? null : Paths.get(a.get("answers"));
        }
        if (runs < 1 || !(sf > 0)) {
            throw new IllegalArgumentException("--runs and --sf must be positive");
        }
        Map<String, String> sqls = TpchBenchmark.readQueries(queries, a.getOrDefault("only", "1,9,18"));

        String gcs = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", "));
        System.out.printf("Peak heap per query (TPC-H-derived, not comparable with published TPC-H results): SF %s, "
                + "queries %s, 1 warm-up + %d measured runs per query and mode%n", sfText, sqls.keySet(), runs);
        System.out.printf("%s; collectors: %s; heap pools: %s%n", BenchSupport.jvmLine(), gcs,
                heapPools().stream().map(MemoryPoolMXBean::getName).collect(Collectors.joining(", ")));
        if (answers != null) {
            System.out.println("checking results against " + answers);
        }

        Map<String, MuruSettings> modes = new LinkedHashMap<>();
        modes.put("sequential", MuruSettings.load().withThreshold(MuruSettings.NEVER));
        MuruSettings parallel = MuruSettings.load().withThreshold(0);
        if (a.containsKey("dop")) {
            // More workers than cores: what a larger machine would allocate, measured here.
            parallel = parallel.withParallelism(Integer.parseInt(a.get("dop")));
        }
        modes.put("parallel", parallel);
        // mode -> query -> outcome
        Map<String, Map<String, QueryOutcome>> results = new LinkedHashMap<>();
        Map<String, Double> loadMs = new LinkedHashMap<>();
        for (Map.Entry<String, MuruSettings> mode : modes.entrySet()) {
            Map<String, QueryOutcome> perQuery = new LinkedHashMap<>();
            results.put(mode.getKey(), perQuery);
            long t0 = System.nanoTime();
            Muru muru = Muru.start(mode.getValue());
            try {
                TpchDemoData.load(muru, sf);
                loadMs.put(mode.getKey(), (System.nanoTime() - t0) / 1e6);
                gcTwice();
                System.out.printf("%n%s: parallelism %d, threshold %s; loaded SF %s in %.0f ms, heap used after GC %.0f MiB%n",
                        mode.getKey(), mode.getValue().parallelism(),
                        mode.getValue().scanThreshold() == MuruSettings.NEVER ? "never" : Long.toString(mode.getValue().scanThreshold()),
                        sfText, loadMs.get(mode.getKey()), heapUsed() / MIB);
                System.out.printf("%-5s %-10s %14s %14s %10s %14s  %s%n", "query", "mode", "sampled MiB", "pool-peak MiB",
                        "ms", "allocated MiB", "check");
                for (Map.Entry<String, String> q : sqls.entrySet()) {
                    QueryOutcome o = new QueryOutcome();
                    perQuery.put(q.getKey(), o);
                    try {
                        List<Object[]> rows = muru.query(q.getValue()).rows();
                        Path answer = answers == null ? null : answers.resolve(q.getKey() + ".csv");
                        if (answer != null && Files.exists(answer)) {
                            String diff = AnswerCheck.compare(rows, answer);
                            o.check = diff == null ? "ok" : "wrong: " + diff;
                        } else {
                            o.check = rows.size() + " rows, not checked";
                        }
                        for (int i = 0; i < runs; i++) {
                            o.runs.add(measure(muru, q.getValue()));
                        }
                        if (o.check.startsWith("wrong")) {
                            o.status = o.check;
                        }
                    } catch (Throwable e) {
                        o.status = "error: " + e;
                    }
                    System.out.printf("%-5s %-10s %14.1f %14.1f %10s %14.1f  %s  runs (sampled/pool MiB): %s%n",
                            q.getKey(), mode.getKey(), o.median(Run::sampledMiB), o.median(Run::poolMiB),
                            o.runs.isEmpty() ? "-" : TpchBenchmark.fmt(o.median(Run::ms)), o.median(Run::allocatedMiB),
                            o.status.equals("ok") ? o.check : o.status,
                            o.runs.stream().map(r -> String.format(Locale.ROOT, "%.0f/%.0f", r.sampledMiB(), r.poolMiB()))
                                    .collect(Collectors.joining(" ")));
                }
            } finally {
                muru.close();
            }
        }

        System.out.printf("%nmedian of %d runs, peak heap used − baseline after GC, MiB%n", runs);
        System.out.printf("%-5s %12s %12s %8s   %12s %12s %8s   %9s %9s%n", "query", "seq sampled", "par sampled", "par/seq",
                "seq pool", "par pool", "par/seq", "seq ms", "par ms");
        for (String q : sqls.keySet()) {
            QueryOutcome s = results.get("sequential").get(q);
            QueryOutcome p = results.get("parallel").get(q);
            System.out.printf("%-5s %12.1f %12.1f %8s   %12.1f %12.1f %8s   %9s %9s%n", q,
                    s.median(Run::sampledMiB), p.median(Run::sampledMiB), ratio(p.median(Run::sampledMiB), s.median(Run::sampledMiB)),
                    s.median(Run::poolMiB), p.median(Run::poolMiB), ratio(p.median(Run::poolMiB), s.median(Run::poolMiB)),
                    fmtMs(s.median(Run::ms)), fmtMs(p.median(Run::ms)));
        }
        BenchSupport.writeJson(out, json(sf, runs, modes, loadMs, results, gcs));
        System.exit(0);
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private static long heapUsed() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static void gcTwice() throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(100);
        }
    }

    /** One measured run, as the class comment describes. */
    private static Run measure(Muru muru, String sql) throws Exception {
        List<MemoryPoolMXBean> pools = heapPools();
        gcTwice();
        long baseline = heapUsed();
        long poolBaseline = 0;
        for (MemoryPoolMXBean p : pools) {
            poolBaseline += p.getUsage().getUsed();
            p.resetPeakUsage();
        }
        Sampler sampler = new Sampler(baseline);
        Thread t = new Thread(sampler, "heap-sampler");
        t.setDaemon(true);
        t.start();
        sampler.started.await();
        long alloc0 = allocatedBytes();
        long t0 = System.nanoTime();
        QueryResult r = muru.query(sql);
        double ms = (System.nanoTime() - t0) / 1e6;
        long alloc1 = allocatedBytes();
        sampler.stop = true;
        t.join();
        long poolPeak = 0;
        for (MemoryPoolMXBean p : pools) {
            poolPeak += p.getPeakUsage().getUsed();
        }
        if (r.rowCount() < 0) {
            throw new IllegalStateException("unreachable: keeps the result alive until the peaks are read");
        }
        long alloc = alloc0 < 0 || alloc1 < 0 ? -1 : alloc1 - alloc0;
        return new Run((sampler.max - baseline) / MIB, (poolPeak - poolBaseline) / MIB, ms, alloc < 0 ? Double.NaN : alloc / MIB,
                sampler.samples);
    }

    /** Reads heap used every millisecond until stopped, keeping the maximum. */
    static final class Sampler implements Runnable {
        final CountDownLatch started = new CountDownLatch(1);
        volatile boolean stop;
        volatile long max;
        volatile int samples;

        Sampler(long initial) {
            this.max = initial;
        }

        @Override
        public void run() {
            long m = max;
            int n = 0;
            started.countDown();
            while (true) {
                boolean last = stop;
                long u = heapUsed();
                n++;
                if (u > m) {
                    m = u;
                    max = m;
                }
                if (last) {
                    break;
                }
                LockSupport.parkNanos(1_000_000);
            }
            samples = n;
        }
    }

    /** Bytes allocated so far by all live threads (HotSpot), or -1 when unsupported. */
    private static long allocatedBytes() {
        java.lang.management.ThreadMXBean tb = ManagementFactory.getThreadMXBean();
        if (tb instanceof com.sun.management.ThreadMXBean) {
            com.sun.management.ThreadMXBean sun = (com.sun.management.ThreadMXBean) tb;
            if (sun.isThreadAllocatedMemorySupported() && sun.isThreadAllocatedMemoryEnabled()) {
                long sum = 0;
                for (long b : sun.getThreadAllocatedBytes(tb.getAllThreadIds())) {
                    if (b > 0) {
                        sum += b;
                    }
                }
                return sum;
            }
        }
        return -1;
    }

    private static String ratio(double num, double den) {
        return Double.isNaN(num) || Double.isNaN(den) || den <= 0 ? "-" : String.format(Locale.ROOT, "%.2fx", num / den);
    }

    private static String fmtMs(double ms) {
        return Double.isNaN(ms) ? "-" : TpchBenchmark.fmt(ms);
    }

    private static String json(double sf, int runs, Map<String, MuruSettings> modes, Map<String, Double> loadMs,
                               Map<String, Map<String, QueryOutcome>> results, String gcs) {
        StringBuilder b = new StringBuilder("{\n").append(BenchSupport.jsonHeader("MemoryPeakBenchmark"));
        b.append(",\n  \"sf\": ").append(BigDecimal.valueOf(sf).stripTrailingZeros().toPlainString())
                .append(",\n  \"runs\": ").append(runs)
                .append(",\n  \"collectors\": ").append(BenchSupport.str(gcs))
                .append(",\n  \"unit\": \"MiB above the heap used after System.gc(); median over runs\"")
                .append(",\n  \"note\": ").append(BenchSupport.str("derived from TPC-H; not comparable with published TPC-H results"))
                .append(",\n  \"modes\": {");
        boolean firstMode = true;
        for (Map.Entry<String, Map<String, QueryOutcome>> m : results.entrySet()) {
            MuruSettings s = modes.get(m.getKey());
            b.append(firstMode ? "\n" : ",\n").append("    ").append(BenchSupport.str(m.getKey())).append(": {")
                    .append("\"parallelism\": ").append(s.parallelism())
                    .append(", \"threshold\": ").append(BenchSupport.str(s.scanThreshold() == MuruSettings.NEVER ? "never" : Long.toString(s.scanThreshold())))
                    .append(", \"loadMs\": ").append(BenchSupport.num(loadMs.getOrDefault(m.getKey(), Double.NaN)))
                    .append(", \"queries\": {");
            boolean first = true;
            for (Map.Entry<String, QueryOutcome> q : m.getValue().entrySet()) {
                QueryOutcome o = q.getValue();
                b.append(first ? "\n" : ",\n").append("      ").append(BenchSupport.str(q.getKey())).append(": {")
                        .append("\"status\": ").append(BenchSupport.str(o.status))
                        .append(", \"check\": ").append(BenchSupport.str(o.check))
                        .append(", \"sampledMiB\": ").append(BenchSupport.num(o.median(Run::sampledMiB)))
                        .append(", \"poolPeakMiB\": ").append(BenchSupport.num(o.median(Run::poolMiB)))
                        .append(", \"ms\": ").append(BenchSupport.num(o.median(Run::ms)))
                        .append(", \"allocatedMiB\": ").append(BenchSupport.num(o.median(Run::allocatedMiB)))
                        .append(", \"runs\": [");
                for (int i = 0; i < o.runs.size(); i++) {
                    Run r = o.runs.get(i);
                    b.append(i == 0 ? "" : ", ").append("{\"sampledMiB\": ").append(BenchSupport.num(r.sampledMiB()))
                            .append(", \"poolPeakMiB\": ").append(BenchSupport.num(r.poolMiB()))
                            .append(", \"ms\": ").append(BenchSupport.num(r.ms()))
                            .append(", \"allocatedMiB\": ").append(BenchSupport.num(r.allocatedMiB()))
                            .append(", \"samples\": ").append(r.samples()).append('}');
                }
                b.append("]}");
                first = false;
            }
            b.append("\n    }}");
            firstMode = false;
        }
        b.append("\n  },\n  \"ratioParallelToSequential\": {");
        boolean first = true;
        Map<String, QueryOutcome> seq = results.get("sequential");
        Map<String, QueryOutcome> par = results.get("parallel");
        for (String q : seq.keySet()) {
            QueryOutcome s = seq.get(q);
            QueryOutcome p = par.get(q);
            b.append(first ? "\n" : ",\n").append("    ").append(BenchSupport.str(q)).append(": {\"sampled\": ")
                    .append(BenchSupport.num(p.median(Run::sampledMiB) / s.median(Run::sampledMiB)))
                    .append(", \"poolPeak\": ").append(BenchSupport.num(p.median(Run::poolMiB) / s.median(Run::poolMiB))).append('}');
            first = false;
        }
        return b.append("\n  }\n}\n").toString();
    }
}
