package dev.muru.benchmarks;

import dev.muru.Muru;
import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Helpers shared by the plain-main benchmarks {@link ConcurrentThroughputBenchmark},
 * {@link SmallQueryLatencyBenchmark} and {@link MemoryPeakBenchmark}: argument parsing, the
 * 1,000-row {@code small} table, JDBC connections per client, percentiles and JSON text.
 */
final class BenchSupport {
    /** Rows of the {@code small(id INTEGER, name VARCHAR, v DOUBLE)} table; ids are 1..SMALL_ROWS. */
    static final int SMALL_ROWS = 1_000;

    private BenchSupport() {
    }

    // ---------------------------------------------------------------- arguments

    /**
     * {@code --name value} pairs; {@code -h}/{@code --help} prints {@code usage} and exits; an
     * unknown name (not in {@code known}) is an error, so a typo does not silently run defaults.
     */
    static Map<String, String> parseArgs(String[] argv, String usage, Set<String> known) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < argv.length; i++) {
            String k = argv[i];
            if (k.equals("-h") || k.equals("--help")) {
                System.out.println(usage);
                System.exit(0);
            }
            if (!k.startsWith("--") || i + 1 >= argv.length) {
                throw new IllegalArgumentException("expected --name value, got " + Arrays.toString(argv) + "\n" + usage);
            }
            String name = k.substring(2);
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "\n" + usage);
            }
            m.put(name, argv[++i]);
        }
        return m;
    }

    /** {@code benchmarks/results/<UTC date>-<name>.json} when run from the repository root. */
    static Path defaultOut(String name) {
        Path dir = Files.isDirectory(Paths.get("benchmarks")) ? Paths.get("benchmarks", "results") : Paths.get("results");
        return dir.resolve(LocalDate.now(ZoneOffset.UTC) + "-" + name + ".json");
    }

    static void writeJson(Path out, String json) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(out, json, StandardCharsets.UTF_8);
        System.out.println("wrote " + out);
    }

    // ---------------------------------------------------------------- the small table

    static String smallName(int id) {
        return "name-" + id;
    }

    /** Exactly representable, so every engine returns the same double. */
    static double smallValue(int id) {
        return id * 0.25;
    }

    /** CREATE TABLE small (id INTEGER, name VARCHAR, v DOUBLE), optionally with a primary key (H2). */
    static String smallCreate(boolean primaryKey) {
        return "CREATE TABLE small (id INTEGER" + (primaryKey ? " PRIMARY KEY" : "") + ", name VARCHAR, v DOUBLE)";
    }

    /** One multi-row INSERT of ids 1..SMALL_ROWS in a shuffled (seeded) order, the same for every engine. */
    static String smallInsert() {
        int[] ids = new int[SMALL_ROWS];
        for (int i = 0; i < SMALL_ROWS; i++) {
            ids[i] = i + 1;
        }
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        for (int i = SMALL_ROWS - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = ids[i];
            ids[i] = ids[j];
            ids[j] = t;
        }
        StringBuilder b = new StringBuilder("INSERT INTO small VALUES ");
        for (int i = 0; i < SMALL_ROWS; i++) {
            int id = ids[i];
            b.append(i == 0 ? "" : ", ").append('(').append(id).append(", '").append(smallName(id)).append("', ")
                    .append(smallValue(id)).append(')');
        }
        return b.toString();
    }

    static void createSmall(Muru muru) {
        muru.execute(smallCreate(false));
        long n = muru.execute(smallInsert());
        if (n != SMALL_ROWS) {
            throw new IllegalStateException("muru: inserted " + n + " rows into small, expected " + SMALL_ROWS);
        }
    }

    static void createSmall(Connection c, boolean primaryKey) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(smallCreate(primaryKey));
            int n = s.executeUpdate(smallInsert());
            if (n != SMALL_ROWS) {
                throw new IllegalStateException("inserted " + n + " rows into small, expected " + SMALL_ROWS);
            }
        }
    }

    /** Throws unless the row is (id, name-id, id * 0.25). */
    static void checkSmallRow(int id, Object name, double v, int gotId) {
        if (gotId != id || !smallName(id).equals(name) || v != smallValue(id)) {
            throw new IllegalStateException("small: wrong row for id " + id + ": (" + gotId + ", " + name + ", " + v + ")");
        }
    }

    // ---------------------------------------------------------------- JDBC connections

    /**
     * The connection a {@link TpchEngine.JdbcEngine} loaded its tables through. TpchEngine keeps
     * it private; it is read here by reflection so that the loader is reused as it is.
     */
    static Connection connectionOf(TpchEngine.JdbcEngine engine) {
        try {
            Field f = TpchEngine.JdbcEngine.class.getDeclaredField("conn");
            f.setAccessible(true);
            return (Connection) f.get(engine);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read TpchEngine.JdbcEngine.conn (was the field renamed?)", e);
        }
    }

    /**
     * A new connection to the same in-memory database: DuckDB's {@code duplicate()} (a second
     * {@code jdbc:duckdb:} would open another, empty database); for H2 the same named in-memory
     * URL ({@code DB_CLOSE_DELAY=-1} keeps the database), with the session settings the loader's
     * URL had.
     */
    static Connection newConnection(Connection base, String h2Url) throws SQLException {
        if (base.isWrapperFor(DuckDBConnection.class)) {
            return base.unwrap(DuckDBConnection.class).duplicate();
        }
        return DriverManager.getConnection(h2Url);
    }

    // ---------------------------------------------------------------- statistics and JSON

    /** The p-th percentile (0..100) of sorted values, nearest rank. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    static String num(double d) {
        return Double.isNaN(d) || Double.isInfinite(d) ? "null" : String.format(Locale.ROOT, "%.3f", d);
    }

    static String str(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"':
                    b.append("\\\"");
                    break;
                case '\\':
                    b.append("\\\\");
                    break;
                default:
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.append('"').toString();
    }

    /** The common JSON header fields (benchmark, jvm, cores, max heap, date), without braces. */
    static String jsonHeader(String benchmark) {
        return "  \"benchmark\": " + str(benchmark)
                + ",\n  \"jvm\": " + str(System.getProperty("java.version"))
                + ",\n  \"cores\": " + Runtime.getRuntime().availableProcessors()
                + ",\n  \"maxHeapMiB\": " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                + ",\n  \"date\": " + str(java.time.Instant.now().toString());
    }

    static String jvmLine() {
        return String.format(Locale.ROOT, "JVM %s, %d cores, max heap %.1f GiB", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024.0 * 1024 * 1024));
    }
}
