package dev.muru.benchmarks;

import dev.muru.Muru;
import dev.muru.MuruSettings;
import dev.muru.server.demo.TpchDemoData;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Queries per second of a query mix for 1, 2 and 8 client threads, each engine in the same run.
 *
 * <pre>
 * mvn -B -o -q -pl benchmarks -am package -DskipTests
 * java -Xms8g -Xmx8g -cp benchmarks/target/benchmarks.jar dev.muru.benchmarks.ConcurrentThroughputBenchmark \
 *     [--engine muru|muru-sequential|duckdb|h2|all] [--sf 0.1] [--seconds 20] [--warmup 5] [--first-warmup 30] [--clients 1,2,8] \
 *     [--queries ../shared/tpch/queries] [--h2-indexes true|false] [--seed 42] \
 *     [--out benchmarks/results/DATE-concurrent-throughput.json]
 * </pre>
 *
 * Run from the repository root (the default query directory and output path are relative to it).
 *
 * <p><b>Data.</b> The eight TPC-H tables at {@code --sf} (default 0.1) loaded as
 * {@link TpchBenchmark} loads them (Muru: {@link TpchDemoData#load}; DuckDB and H2:
 * {@link TpchEngine.JdbcEngine}), plus {@code small(id INTEGER, name VARCHAR, v DOUBLE)} with ids
 * 1..1000 ({@link BenchSupport#smallInsert}). H2 gets its TPC-H primary keys and join-column
 * indexes and a primary key on {@code small.id} unless {@code --h2-indexes false}; Muru and DuckDB
 * have no indexes.
 *
 * <p><b>Mix.</b> Each client runs rounds of {@link #MIX} (1 × TPC-H Q1, 1 × Q6, 4 × a point query
 * on {@code small}, 4 × a point count on {@code orders}: 10 queries), in an order shuffled per
 * round by the client's own seeded random generator, until the phase's time is up (a query
 * started before the deadline is finished and counted). Point queries draw a random id in 1..1000
 * and a random existing {@code o_orderkey}. Q1 and Q6 are read from {@code --queries} as
 * TpchBenchmark reads them.
 *
 * <p><b>Method.</b> Per engine, first one untimed phase of {@code --first-warmup} seconds with one
 * client (Muru needs about 20 s of the mix on this 2-core VM before its 1-client rate stops
 * rising: JIT compilation competes with the queries for the cores). Then for each client count:
 * a warm-up phase of {@code --warmup} seconds with that many clients (not counted), then a timed
 * phase of {@code --seconds}. qps = queries completed in
 * the timed phase / (time from the common start until the last client finished its last query).
 * Muru: one shared {@link Muru} instance (thread-safe), default settings ({@code MuruSettings.load()},
 * adaptive thresholds; {@code muru-sequential}: every statement forced sequential). DuckDB: its
 * default thread count (= cores), one connection per client
 * ({@code DuckDBConnection.duplicate()}). H2: in memory, {@code OPTIMIZE_REUSE_RESULTS=FALSE}, one
 * connection per client. Every value of every result row is read (boxed, as
 * {@code QueryResult.rows()} / {@code ResultSet.getObject}).
 *
 * <p><b>Checks.</b> Before timing, Q1 and Q6 are compared with the reference answers
 * ({@code <queries>/../answers-trino/sf<SF>} when present). During the runs every answer is
 * checked minimally: Q1 has 4 rows, Q6 one, the {@code small} lookup one row with the asked id,
 * the orders count one row equal to 1. A failure stops that engine, which is reported as an
 * error instead of a rate.
 */
public final class ConcurrentThroughputBenchmark {

    /** The queries of the mix. */
    enum Kind { Q1, Q6, SMALL_POINT, ORDERS_POINT }

    /** One round of a client: 1 × Q1, 1 × Q6, 4 × small point query, 4 × orders point count. */
    static final Map<Kind, Integer> MIX = mix();

    private static Map<Kind, Integer> mix() {
        Map<Kind, Integer> m = new LinkedHashMap<>();
        m.put(Kind.Q1, 1);
        m.put(Kind.Q6, 1);
        m.put(Kind.SMALL_POINT, 4);
        m.put(Kind.ORDERS_POINT, 4);
        return java.util.Collections.unmodifiableMap(m);
    }

    private static final String USAGE = "usage: ConcurrentThroughputBenchmark [--engine muru|muru-sequential|duckdb|h2|all] [--sf 0.1]"
            + " [--seconds 20] [--warmup 5] [--first-warmup 30] [--clients 1,2,8] [--queries ../shared/tpch/queries]"
            + " [--h2-indexes true|false] [--seed 42] [--out FILE.json]";

    private ConcurrentThroughputBenchmark() {
    }

    /** One client's way to run SQL: every row with every value read. */
    interface Client extends AutoCloseable {
        List<Object[]> run(String sql) throws Exception;

        @Override
        void close();
    }

    /** An engine with the data loaded, handing out clients. */
    interface Target extends AutoCloseable {
        Client newClient() throws Exception;

        String describe();

        @Override
        void close();
    }

    /** What one timed (or warm-up) phase measured. */
    static final class Phase {
        final int clients;
        long queries;
        double elapsedS;
        final long[] count = new long[Kind.values().length];
        final long[] nanos = new long[Kind.values().length];

        Phase(int clients) {
            this.clients = clients;
        }

        double qps() {
            return queries / elapsedS;
        }
    }

    static final class EngineResult {
        String status = "ok";
        String describe = "";
        double loadMs;
        final List<Phase> phases = new ArrayList<>();
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = BenchSupport.parseArgs(argv, USAGE,
                Set.of("engine", "sf", "seconds", "warmup", "first-warmup", "clients", "queries", "h2-indexes", "seed", "out"));
        String engineArg = a.getOrDefault("engine", "all");
        List<String> engines = engineArg.equals("all") ? List.of("muru", "duckdb", "h2") : List.of(engineArg.split(","));
        // muru-sequential: every statement forced onto one worker, to show what one client gives up for the 2/1 ratio.
        double sf = Double.parseDouble(a.getOrDefault("sf", "0.1"));
        double seconds = Double.parseDouble(a.getOrDefault("seconds", "20"));
        double warmup = Double.parseDouble(a.getOrDefault("warmup", "5"));
        double firstWarmup = Double.parseDouble(a.getOrDefault("first-warmup", "30"));
        int[] clientCounts = Arrays.stream(a.getOrDefault("clients", "1,2,8").split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        Path queries = Paths.get(a.getOrDefault("queries", "../shared/tpch/queries"));
        boolean h2Indexes = Boolean.parseBoolean(a.getOrDefault("h2-indexes", "true"));
        long seed = Long.parseLong(a.getOrDefault("seed", "42"));
        Path out = a.containsKey("out") ? Paths.get(a.get("out")) : BenchSupport.defaultOut("concurrent-throughput");
        for (String e : engines) {
            if (!List.of("muru", "muru-sequential", "duckdb", "h2").contains(e)) {
                throw new IllegalArgumentException("--engine must be muru, muru-sequential, duckdb, h2 or all, got \"" + e + "\"");
            }
        }
        if (!(seconds > 0) || warmup < 0 || firstWarmup < 0 || !(sf > 0)) {
            throw new IllegalArgumentException("--seconds and --sf must be positive, --warmup and --first-warmup not negative");
        }

        Map<String, String> tpch = TpchBenchmark.readQueries(queries, "1,6");
        String q1 = tpch.get("q01");
        String q6 = tpch.get("q06");
        String sfText = BigDecimal.valueOf(sf).stripTrailingZeros().toPlainString();
        Path answers = queries.toAbsolutePath().normalize().resolveSibling("answers-trino").resolve("sf" + sfText);

        System.out.printf("Concurrent throughput: engines %s, TPC-H-derived data SF %s, clients %s; per engine %s s warm-up"
                        + " with 1 client, then per client count %s s warm-up + %s s timed%n",
                engines, sfText, Arrays.toString(clientCounts), fmt(firstWarmup), fmt(warmup), fmt(seconds));
        System.out.printf("mix per round: %s (queries derived from TPC-H; not comparable with published TPC-H results)%n", MIX);
        System.out.println(BenchSupport.jvmLine());

        Map<String, EngineResult> results = new LinkedHashMap<>();
        for (String name : engines) {
            EngineResult r = new EngineResult();
            results.put(name, r);
            Target target = null;
            try {
                long t0 = System.nanoTime();
                target = open(name, sf, h2Indexes);
                r.loadMs = (System.nanoTime() - t0) / 1e6;
                r.describe = target.describe();
                System.out.printf("%n%s%nloaded SF %s + small in %.0f ms%n", r.describe, sfText, r.loadMs);
                long[] orderKeys;
                try (Client c = target.newClient()) {
                    checkAnswer(c, q1, answers.resolve("q01.csv"), 4);
                    checkAnswer(c, q6, answers.resolve("q06.csv"), 1);
                    List<Object[]> keys = c.run("SELECT o_orderkey FROM orders");
                    orderKeys = keys.stream().mapToLong(row -> ((Number) row[0]).longValue()).toArray();
                }
                if (orderKeys.length == 0) {
                    throw new IllegalStateException("orders is empty");
                }
                Workload w = new Workload(q1, q6, orderKeys);
                if (firstWarmup > 0) {
                    Phase p = runPhase(target, w, 1, firstWarmup, seed - 1);
                    System.out.printf("first warm-up, 1 client, %s s: %.1f qps (not counted)%n", fmt(firstWarmup), p.qps());
                }
                System.out.printf("%-8s %7s %9s %8s %10s   %s%n", "engine", "clients", "queries", "seconds", "qps",
                        "mean ms per query: Q1 / Q6 / small point / orders point");
                for (int clients : clientCounts) {
                    if (warmup > 0) {
                        runPhase(target, w, clients, warmup, seed + 1_000_000L * clients);
                    }
                    Phase p = runPhase(target, w, clients, seconds, seed + 1_000_000L * clients + 1);
                    r.phases.add(p);
                    System.out.printf("%-8s %7d %9d %8.1f %10.1f   %s%n", name, clients, p.queries, p.elapsedS, p.qps(), meanMs(p));
                }
            } catch (Throwable e) {
                r.status = "error: " + message(e);
                System.out.printf("%s: %s%n", name, r.status);
                e.printStackTrace(System.out);
            } finally {
                if (target != null) {
                    target.close();
                }
            }
            System.gc();
        }

        System.out.printf("%n%-8s", "engine");
        for (int c : clientCounts) {
            System.out.printf(" %10s", "qps@" + c);
        }
        System.out.printf(" %9s %9s%n", "2c/1c", "8c/1c");
        for (Map.Entry<String, EngineResult> e : results.entrySet()) {
            EngineResult r = e.getValue();
            System.out.printf("%-8s", e.getKey());
            if (!r.status.equals("ok")) {
                System.out.println(" " + r.status);
                continue;
            }
            for (Phase p : r.phases) {
                System.out.printf(" %10.1f", p.qps());
            }
            System.out.printf(" %9s %9s%n", ratioText(r, 2), ratioText(r, 8));
        }
        BenchSupport.writeJson(out, json(engines, sf, seconds, warmup, firstWarmup, clientCounts, h2Indexes, results));
        System.exit(0);
    }

    /** The SQL texts and the random parameters a client draws. */
    static final class Workload {
        final String q1;
        final String q6;
        final long[] orderKeys;

        Workload(String q1, String q6, long[] orderKeys) {
            this.q1 = q1;
            this.q6 = q6;
            this.orderKeys = orderKeys;
        }
    }

    private static Target open(String name, double sf, boolean h2Indexes) throws Exception {
        switch (name) {
            case "muru":
                return muru(sf, MuruSettings.load());
            case "muru-sequential":
                return muru(sf, MuruSettings.load().withThreshold(MuruSettings.NEVER));
            case "duckdb":
                return jdbc(TpchEngine.JdbcEngine.duckdb(sf, Runtime.getRuntime().availableProcessors()), false, null);
            default:
                return jdbc(TpchEngine.JdbcEngine.h2(sf, h2Indexes), h2Indexes,
                        // the database TpchEngine.JdbcEngine.h2 creates, with the same session settings
                        "jdbc:h2:mem:tpch;DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE;OPTIMIZE_REUSE_RESULTS=FALSE");
        }
    }

    private static Target muru(double sf, MuruSettings settings) {
        Muru muru = Muru.start(settings);
        try {
            TpchDemoData.load(muru, sf);
            BenchSupport.createSmall(muru);
        } catch (RuntimeException e) {
            muru.close();
            throw e;
        }
        MuruSettings s = muru.settings();
        String describe = "muru: shared instance, parallelism " + s.parallelism() + ", thresholds scan/agg/sort/join "
                + s.scanThreshold() + "/" + s.aggregateThreshold() + "/" + s.sortThreshold() + "/" + s.joinThreshold()
                + ", morsel-rows " + s.morselRows();
        return new Target() {
            @Override
            public Client newClient() {
                return new Client() {
                    @Override
                    public List<Object[]> run(String sql) {
                        return muru.query(sql).rows();
                    }

                    @Override
                    public void close() {
                    }
                };
            }

            @Override
            public String describe() {
                return describe;
            }

            @Override
            public void close() {
                muru.close();
            }
        };
    }

    private static Target jdbc(TpchEngine.JdbcEngine engine, boolean smallKey, String h2Url) throws SQLException {
        Connection base = BenchSupport.connectionOf(engine);
        try {
            BenchSupport.createSmall(base, smallKey);
        } catch (SQLException | RuntimeException e) {
            engine.close();
            throw e;
        }
        String describe = engine.describe() + (h2Url == null ? "" : smallKey ? "; small.id primary key" : "; small without key")
                + "; one connection per client";
        return new Target() {
            @Override
            public Client newClient() throws SQLException {
                Connection c = BenchSupport.newConnection(base, h2Url);
                Statement st = c.createStatement();
                return new Client() {
                    @Override
                    public List<Object[]> run(String sql) throws SQLException {
                        try (ResultSet rs = st.executeQuery(sql)) {
                            int cols = rs.getMetaData().getColumnCount();
                            List<Object[]> rows = new ArrayList<>();
                            while (rs.next()) {
                                Object[] row = new Object[cols];
                                for (int i = 1; i <= cols; i++) {
                                    row[i - 1] = rs.getObject(i);
                                }
                                rows.add(row);
                            }
                            return rows;
                        }
                    }

                    @Override
                    public void close() {
                        try {
                            st.close();
                            c.close();
                        } catch (SQLException ignored) {
                            // end of a phase: nothing to do
                        }
                    }
                };
            }

            @Override
            public String describe() {
                return describe;
            }

            @Override
            public void close() {
                engine.close();
            }
        };
    }

    private static void checkAnswer(Client c, String sql, Path answer, int expectedRows) throws Exception {
        List<Object[]> rows = c.run(sql);
        if (rows.size() != expectedRows) {
            throw new IllegalStateException("expected " + expectedRows + " rows, got " + rows.size() + " for " + answer.getFileName());
        }
        if (Files.exists(answer)) {
            String diff = AnswerCheck.compare(rows, answer);
            if (diff != null) {
                throw new IllegalStateException(answer.getFileName() + ": " + diff);
            }
            System.out.println(answer.getFileName() + " matches " + answer.getParent());
        } else {
            System.out.println("no reference answer " + answer + "; checking row counts only");
        }
    }

    /**
     * Runs {@code clients} threads for {@code seconds}; each with its own client and random
     * generator. The first failure stops every client and is rethrown.
     */
    private static Phase runPhase(Target target, Workload w, int clients, double seconds, long seed) throws Exception {
        Phase phase = new Phase(clients);
        List<Client> cs = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                cs.add(target.newClient());
            }
            CyclicBarrier start = new CyclicBarrier(clients + 1);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            long[] startNanos = new long[1];
            long[] finishNanos = new long[clients];
            long[][] counts = new long[clients][Kind.values().length];
            long[][] nanos = new long[clients][Kind.values().length];
            Thread[] threads = new Thread[clients];
            for (int i = 0; i < clients; i++) {
                int id = i;
                Client client = cs.get(i);
                threads[i] = new Thread(() -> {
                    SplittableRandom rnd = new SplittableRandom(seed * 31 + id);
                    Kind[] round = roundTemplate();
                    try {
                        start.await();
                        long deadline = startNanos[0] + (long) (seconds * 1e9);
                        outer:
                        while (true) {
                            shuffle(round, rnd);
                            for (Kind k : round) {
                                long t = System.nanoTime();
                                if (t >= deadline || failure.get() != null) {
                                    break outer;
                                }
                                runOne(client, w, k, rnd);
                                counts[id][k.ordinal()]++;
                                nanos[id][k.ordinal()] += System.nanoTime() - t;
                            }
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        finishNanos[id] = System.nanoTime();
                    }
                }, "client-" + i);
                threads[i].start();
            }
            startNanos[0] = System.nanoTime() + 1_000_000; // written before the barrier releases the clients
            start.await();
            for (Thread t : threads) {
                t.join();
            }
            if (failure.get() != null) {
                Throwable f = failure.get();
                throw f instanceof Exception ? (Exception) f : new RuntimeException(f);
            }
            long last = Arrays.stream(finishNanos).max().orElseThrow();
            phase.elapsedS = (last - startNanos[0]) / 1e9;
            for (int i = 0; i < clients; i++) {
                for (Kind k : Kind.values()) {
                    phase.count[k.ordinal()] += counts[i][k.ordinal()];
                    phase.nanos[k.ordinal()] += nanos[i][k.ordinal()];
                    phase.queries += counts[i][k.ordinal()];
                }
            }
            return phase;
        } finally {
            for (Client c : cs) {
                c.close();
            }
        }
    }

    private static Kind[] roundTemplate() {
        List<Kind> l = new ArrayList<>();
        MIX.forEach((k, n) -> {
            for (int i = 0; i < n; i++) {
                l.add(k);
            }
        });
        return l.toArray(new Kind[0]);
    }

    private static void shuffle(Kind[] a, SplittableRandom rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            Kind t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Runs one query of the mix and checks its answer minimally. */
    private static void runOne(Client c, Workload w, Kind k, SplittableRandom rnd) throws Exception {
        switch (k) {
            case Q1: {
                int n = c.run(w.q1).size();
                if (n != 4) {
                    throw new IllegalStateException("Q1: expected 4 rows, got " + n);
                }
                break;
            }
            case Q6: {
                int n = c.run(w.q6).size();
                if (n != 1) {
                    throw new IllegalStateException("Q6: expected 1 row, got " + n);
                }
                break;
            }
            case SMALL_POINT: {
                int id = 1 + rnd.nextInt(BenchSupport.SMALL_ROWS);
                List<Object[]> rows = c.run("SELECT * FROM small WHERE id = " + id);
                if (rows.size() != 1 || ((Number) rows.get(0)[0]).intValue() != id) {
                    throw new IllegalStateException("small point query for id " + id + ": got " + rows.size() + " rows");
                }
                break;
            }
            default: {
                long key = w.orderKeys[rnd.nextInt(w.orderKeys.length)];
                List<Object[]> rows = c.run("SELECT count(*) FROM orders WHERE o_orderkey = " + key);
                if (rows.size() != 1 || ((Number) rows.get(0)[0]).longValue() != 1) {
                    throw new IllegalStateException("orders point count for key " + key + ": got "
                            + (rows.isEmpty() ? "no row" : String.valueOf(rows.get(0)[0])));
                }
            }
        }
    }

    private static String meanMs(Phase p) {
        StringBuilder b = new StringBuilder();
        for (Kind k : Kind.values()) {
            long n = p.count[k.ordinal()];
            b.append(b.length() == 0 ? "" : " / ").append(n == 0 ? "-" : TpchBenchmark.fmt(p.nanos[k.ordinal()] / 1e6 / n));
        }
        return b.toString();
    }

    /** qps at {@code clients} / qps at 1 client, or NaN when either was not measured. */
    private static double ratio(EngineResult r, int clients) {
        Phase one = null;
        Phase n = null;
        for (Phase p : r.phases) {
            if (p.clients == 1) {
                one = p;
            }
            if (p.clients == clients) {
                n = p;
            }
        }
        return one == null || n == null ? Double.NaN : n.qps() / one.qps();
    }

    private static String ratioText(EngineResult r, int clients) {
        double x = ratio(r, clients);
        return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%.2fx", x);
    }

    private static String fmt(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName();
        }
        m = m.replaceAll("\\s+", " ").trim();
        return m.length() > 300 ? m.substring(0, 300) + "..." : m;
    }

    private static String json(List<String> engines, double sf, double seconds, double warmup, double firstWarmup, int[] clients,
                               boolean h2Indexes, Map<String, EngineResult> results) {
        StringBuilder b = new StringBuilder("{\n").append(BenchSupport.jsonHeader("ConcurrentThroughputBenchmark"));
        b.append(",\n  \"sf\": ").append(fmt(sf))
                .append(",\n  \"seconds\": ").append(fmt(seconds))
                .append(",\n  \"warmupSeconds\": ").append(fmt(warmup))
                .append(",\n  \"firstWarmupSeconds\": ").append(fmt(firstWarmup))
                .append(",\n  \"clients\": ").append(Arrays.toString(clients))
                .append(",\n  \"h2Indexes\": ").append(h2Indexes)
                .append(",\n  \"mix\": {");
        boolean first = true;
        for (Map.Entry<Kind, Integer> e : MIX.entrySet()) {
            b.append(first ? "" : ", ").append(BenchSupport.str(e.getKey().name())).append(": ").append(e.getValue());
            first = false;
        }
        b.append("},\n  \"note\": ").append(BenchSupport.str("Q1/Q6 derived from TPC-H; not comparable with published TPC-H results"))
                .append(",\n  \"engines\": {");
        first = true;
        for (Map.Entry<String, EngineResult> e : results.entrySet()) {
            EngineResult r = e.getValue();
            b.append(first ? "\n" : ",\n").append("    ").append(BenchSupport.str(e.getKey())).append(": {")
                    .append("\n      \"status\": ").append(BenchSupport.str(r.status))
                    .append(",\n      \"settings\": ").append(BenchSupport.str(r.describe))
                    .append(",\n      \"loadMs\": ").append(BenchSupport.num(r.loadMs))
                    .append(",\n      \"ratio2to1\": ").append(BenchSupport.num(ratio(r, 2)))
                    .append(",\n      \"ratio8to1\": ").append(BenchSupport.num(ratio(r, 8)))
                    .append(",\n      \"phases\": [");
            for (int i = 0; i < r.phases.size(); i++) {
                Phase p = r.phases.get(i);
                b.append(i == 0 ? "\n" : ",\n").append("        {\"clients\": ").append(p.clients)
                        .append(", \"queries\": ").append(p.queries)
                        .append(", \"elapsedS\": ").append(BenchSupport.num(p.elapsedS))
                        .append(", \"qps\": ").append(BenchSupport.num(p.qps()))
                        .append(", \"perKind\": {");
                for (Kind k : Kind.values()) {
                    long n = p.count[k.ordinal()];
                    b.append(k.ordinal() == 0 ? "" : ", ").append(BenchSupport.str(k.name())).append(": {\"count\": ").append(n)
                            .append(", \"meanMs\": ").append(n == 0 ? "null" : BenchSupport.num(p.nanos[k.ordinal()] / 1e6 / n))
                            .append('}');
                }
                b.append("}}");
            }
            b.append(r.phases.isEmpty() ? "]" : "\n      ]").append("\n    }");
            first = false;
        }
        return b.append("\n  }\n}\n").toString();
    }
}
