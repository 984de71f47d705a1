package dev.muru.benchmarks;

import dev.muru.Muru;
import dev.muru.MuruSettings;
import dev.muru.QueryResult;
import dev.muru.core.Morsel;
import dev.muru.core.vector.DoubleVector;
import dev.muru.core.vector.IntVector;
import dev.muru.core.vector.StringVector;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Latency of a point query on a small table: {@code SELECT * FROM small WHERE id = ?}.
 *
 * <pre>
 * mvn -B -o -q -pl benchmarks -am package -DskipTests
 * java -Xms2g -Xmx2g -cp benchmarks/target/benchmarks.jar dev.muru.benchmarks.SmallQueryLatencyBenchmark \
 *     [--engine muru|h2|duckdb|all] [--warmup 10000] [--runs 10000] [--seed 42] \
 *     [--out benchmarks/results/DATE-small-query-latency.json]
 * </pre>
 *
 * Run from the repository root (the default output path is relative to it).
 *
 * <p>Table {@code small(id INTEGER, name VARCHAR, v DOUBLE)}, ids 1..1000 inserted in a seeded
 * shuffled order by one multi-row INSERT ({@link BenchSupport#smallInsert}), the same in every
 * engine. Per variant: {@code --warmup} untimed lookups, then {@code --runs} lookups each timed
 * with {@link System#nanoTime()}; ids are drawn from one seeded sequence, identical for every
 * variant. A timed lookup includes executing the query and reading the row's three values with
 * typed getters (JDBC {@code getInt/getString/getDouble}; Muru typed vector reads), and every
 * row is checked (exactly one row, with the asked id and its name and value). Reported:
 * p50/p90/p99/max (nearest rank) and mean in microseconds.
 *
 * <p>Variants (one table row each), all in memory and in this JVM, run one after the other:
 * <ul>
 *   <li>{@code muru adaptive}: {@code MuruSettings.load()} (reference.conf thresholds);</li>
 *   <li>{@code muru sequential}: {@code MuruSettings.load().withThreshold(MuruSettings.NEVER)};</li>
 *   <li>{@code h2 no key} / {@code h2 primary key}: {@code OPTIMIZE_REUSE_RESULTS=FALSE} in the
 *       URL (else H2 may return a cached result), a PreparedStatement;</li>
 *   <li>{@code duckdb}: default threads, a PreparedStatement.</li>
 * </ul>
 * Muru has no prepared statements yet: it runs {@code muru.query("SELECT * FROM small WHERE id = " + id)},
 * i.e. parses and plans every lookup. The line marked {@code PREPARED} in {@link #muru} is the
 * one to change when it gets a prepared API.
 */
public final class SmallQueryLatencyBenchmark {
    static final String SQL = "SELECT * FROM small WHERE id = ?";

    private static final String USAGE = "usage: SmallQueryLatencyBenchmark [--engine muru|h2|duckdb|all]"
            + " [--warmup 10000] [--runs 10000] [--seed 42] [--out FILE.json]";

    private SmallQueryLatencyBenchmark() {
    }

    /** Runs one lookup of {@code id}, reads the row's values and checks them. */
    interface Lookup extends AutoCloseable {
        void lookup(int id) throws Exception;

        @Override
        void close();
    }

    static final class Result {
        final String variant;
        String status = "ok";
        String settings = "";
        double[] micros = new double[0];

        Result(String variant) {
            this.variant = variant;
        }
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = BenchSupport.parseArgs(argv, USAGE, Set.of("engine", "warmup", "runs", "seed", "out"));
        String engine = a.getOrDefault("engine", "all");
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "10000"));
        int runs = Integer.parseInt(a.getOrDefault("runs", "10000"));
        long seed = Long.parseLong(a.getOrDefault("seed", "42"));
        Path out = a.containsKey("out") ? Paths.get(a.get("out")) : BenchSupport.defaultOut("small-query-latency");
        if (!List.of("all", "muru", "h2", "duckdb").contains(engine)) {
            throw new IllegalArgumentException("--engine must be muru, h2, duckdb or all, got \"" + engine + "\"");
        }
        if (runs < 1 || warmup < 0) {
            throw new IllegalArgumentException("--runs must be positive and --warmup not negative");
        }

        int[] ids = new int[warmup + runs];
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < ids.length; i++) {
            ids[i] = 1 + rnd.nextInt(BenchSupport.SMALL_ROWS);
        }

        System.out.printf("Small-query latency: %s on %,d rows, %,d warm-up + %,d timed lookups per variant%n",
                SQL, BenchSupport.SMALL_ROWS, warmup, runs);
        System.out.println(BenchSupport.jvmLine());

        List<Result> results = new ArrayList<>();
        Map<String, Opener> variants = new LinkedHashMap<>();
        if (engine.equals("all") || engine.equals("muru")) {
            variants.put("muru adaptive", () -> muru(MuruSettings.load()));
            variants.put("muru sequential", () -> muru(MuruSettings.load().withThreshold(MuruSettings.NEVER)));
        }
        if (engine.equals("all") || engine.equals("h2")) {
            variants.put("h2 no key", () -> h2(false));
            variants.put("h2 primary key", () -> h2(true));
        }
        if (engine.equals("all") || engine.equals("duckdb")) {
            variants.put("duckdb", SmallQueryLatencyBenchmark::duckdb);
        }

        System.out.printf("%n%-16s %9s %9s %9s %9s %9s%n", "variant", "p50 us", "p90 us", "p99 us", "max us", "mean us");
        for (Map.Entry<String, Opener> v : variants.entrySet()) {
            Result r = new Result(v.getKey());
            results.add(r);
            try (Described d = v.getValue().open()) {
                r.settings = d.settings;
                for (int i = 0; i < warmup; i++) {
                    d.lookup.lookup(ids[i]);
                }
                double[] us = new double[runs];
                for (int i = 0; i < runs; i++) {
                    int id = ids[warmup + i];
                    long t = System.nanoTime();
                    d.lookup.lookup(id);
                    us[i] = (System.nanoTime() - t) / 1e3;
                }
                r.micros = us;
                double[] s = us.clone();
                java.util.Arrays.sort(s);
                System.out.printf("%-16s %9.1f %9.1f %9.1f %9.1f %9.1f%n", r.variant, BenchSupport.percentile(s, 50),
                        BenchSupport.percentile(s, 90), BenchSupport.percentile(s, 99), s[s.length - 1], mean(s));
            } catch (Throwable e) {
                r.status = "error: " + e;
                System.out.printf("%-16s %s%n", r.variant, r.status);
                e.printStackTrace(System.out);
            }
            System.gc();
        }
        for (Result r : results) {
            System.out.printf("  %-16s %s%n", r.variant, r.settings);
        }
        BenchSupport.writeJson(out, json(warmup, runs, seed, results));
        System.exit(0);
    }

    @FunctionalInterface
    interface Opener {
        Described open() throws Exception;
    }

    /** A lookup with its engine's settings line; closing it closes the engine. */
    static final class Described implements AutoCloseable {
        final Lookup lookup;
        final String settings;

        Described(Lookup lookup, String settings) {
            this.lookup = lookup;
            this.settings = settings;
        }

        @Override
        public void close() {
            lookup.close();
        }
    }

    static Described muru(MuruSettings settings) {
        Muru muru = Muru.start(settings);
        try {
            BenchSupport.createSmall(muru);
        } catch (RuntimeException e) {
            muru.close();
            throw e;
        }
        // The SQL text with a ? parameter per lookup (parsed each time; no plan cache).
        IntFunction<QueryResult> query = id -> muru.query(SQL, id);
        Lookup lookup = new Lookup() {
            @Override
            public void lookup(int id) {
                QueryResult r = query.apply(id);
                int found = 0;
                for (Morsel m : r.morsels()) {
                    for (int i = 0; i < m.size(); i++) {
                        int p = m.position(i);
                        BenchSupport.checkSmallRow(id, ((StringVector) m.column(1)).get(p),
                                ((DoubleVector) m.column(2)).get(p), ((IntVector) m.column(0)).get(p));
                        found++;
                    }
                }
                if (found != 1) {
                    throw new IllegalStateException("muru: " + found + " rows for id " + id);
                }
            }

            @Override
            public void close() {
                muru.close();
            }
        };
        String th = settings.scanThreshold() == MuruSettings.NEVER ? "never"
                : settings.scanThreshold() + "/" + settings.aggregateThreshold() + "/" + settings.sortThreshold()
                + "/" + settings.joinThreshold();
        return new Described(lookup, "muru: parallelism " + settings.parallelism() + ", thresholds (scan/agg/sort/join) "
                + th + ", morsel-rows " + settings.morselRows() + "; SQL text with a ? parameter per lookup");
    }

    static Described h2(boolean primaryKey) throws SQLException {
        String db = primaryKey ? "small_pk" : "small_nokey";
        Connection c = DriverManager.getConnection("jdbc:h2:mem:" + db + ";DB_CLOSE_DELAY=-1;OPTIMIZE_REUSE_RESULTS=FALSE");
        try {
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("DROP ALL OBJECTS");
            }
            BenchSupport.createSmall(c, primaryKey);
            return new Described(jdbc(c, true), "h2 " + c.getMetaData().getDatabaseProductVersion()
                    + ": in memory, OPTIMIZE_REUSE_RESULTS=FALSE, " + (primaryKey ? "PRIMARY KEY on id" : "no key")
                    + ", PreparedStatement");
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    static Described duckdb() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        try {
            BenchSupport.createSmall(c, false);
            String version;
            try (java.sql.Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version(), current_setting('threads')")) {
                rs.next();
                version = rs.getString(1) + ": threads " + rs.getString(2);
            }
            return new Described(jdbc(c, false), "duckdb " + version + ", in memory, PreparedStatement");
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private static Lookup jdbc(Connection c, boolean h2) throws SQLException {
        PreparedStatement ps = c.prepareStatement(SQL);
        return new Lookup() {
            @Override
            public void lookup(int id) throws SQLException {
                ps.setInt(1, id);
                int found = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        BenchSupport.checkSmallRow(id, rs.getString(2), rs.getDouble(3), rs.getInt(1));
                        found++;
                    }
                }
                if (found != 1) {
                    throw new IllegalStateException(found + " rows for id " + id);
                }
            }

            @Override
            public void close() {
                try {
                    ps.close();
                    if (h2) {
                        try (java.sql.Statement s = c.createStatement()) {
                            s.execute("SHUTDOWN");
                        }
                    }
                    c.close();
                } catch (SQLException ignored) {
                    // end of the variant: nothing to do
                }
            }
        };
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? Double.NaN : s / v.length;
    }

    private static String json(int warmup, int runs, long seed, List<Result> results) {
        StringBuilder b = new StringBuilder("{\n").append(BenchSupport.jsonHeader("SmallQueryLatencyBenchmark"));
        b.append(",\n  \"sql\": ").append(BenchSupport.str(SQL))
                .append(",\n  \"rows\": ").append(BenchSupport.SMALL_ROWS)
                .append(",\n  \"warmup\": ").append(warmup)
                .append(",\n  \"runs\": ").append(runs)
                .append(",\n  \"seed\": ").append(seed)
                .append(",\n  \"unit\": \"microseconds\"")
                .append(",\n  \"variants\": [");
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            double[] s = r.micros.clone();
            java.util.Arrays.sort(s);
            b.append(i == 0 ? "\n" : ",\n").append("    {\"variant\": ").append(BenchSupport.str(r.variant))
                    .append(", \"status\": ").append(BenchSupport.str(r.status))
                    .append(", \"settings\": ").append(BenchSupport.str(r.settings))
                    .append(", \"p50\": ").append(BenchSupport.num(BenchSupport.percentile(s, 50)))
                    .append(", \"p90\": ").append(BenchSupport.num(BenchSupport.percentile(s, 90)))
                    .append(", \"p99\": ").append(BenchSupport.num(BenchSupport.percentile(s, 99)))
                    .append(", \"max\": ").append(BenchSupport.num(s.length == 0 ? Double.NaN : s[s.length - 1]))
                    .append(", \"mean\": ").append(BenchSupport.num(mean(s)))
                    .append(String.format(Locale.ROOT, ", \"timed\": %d}", s.length));
        }
        return b.append("\n  ]\n}\n").toString();
    }
}
