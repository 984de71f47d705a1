package dev.muru.benchmarks;

import dev.muru.Muru;
import dev.muru.MuruSettings;
import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.IntVector;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The join tables {@code t1(id INTEGER, a INTEGER)} and {@code t2(id INTEGER, b INTEGER)} of n
 * rows each: each table's ids are 0..n-1 in its own seeded shuffle (so every row of t1 matches
 * exactly one row of t2, and neither side is in key order), {@code a} and {@code b} seeded
 * draws in [0, 100). Identical for every engine; the expected answer is computed in Java.
 */
public final class JoinData {
    public static final String CREATE_T1 = "CREATE TABLE t1 (id INTEGER, a INTEGER)";
    public static final String CREATE_T2 = "CREATE TABLE t2 (id INTEGER, b INTEGER)";
    public static final String JOIN = "SELECT COUNT(*), SUM(t1.a + t2.b) FROM t1 JOIN t2 ON t1.id = t2.id";
    static final int VALUE_BOUND = 100;
    private static final long T1_SEED = 11L;
    private static final long T2_SEED = 22L;

    /** One table: ids[i] and values[i] are row i. */
    record Table(int[] ids, int[] values) {
    }

    private JoinData() {
    }

    static Table t1(int rows) {
        return table(rows, T1_SEED);
    }

    static Table t2(int rows) {
        return table(rows, T2_SEED);
    }

    /** ids 0..n-1 Fisher-Yates shuffled with a fixed seed; values drawn from the same stream. */
    private static Table table(int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] ids = new int[rows];
        for (int i = 0; i < rows; i++) {
            ids[i] = i;
        }
        for (int i = rows - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = ids[i];
            ids[i] = ids[j];
            ids[j] = t;
        }
        int[] values = new int[rows];
        for (int i = 0; i < rows; i++) {
            values[i] = r.nextInt(VALUE_BOUND);
        }
        return new Table(ids, values);
    }

    /** {COUNT(*), SUM(a + b)}: every id joins exactly once, so the sum is sum(a) + sum(b). */
    static long[] expected(Table t1, Table t2) {
        long sum = 0;
        for (int v : t1.values()) {
            sum += v;
        }
        for (int v : t2.values()) {
            sum += v;
        }
        return new long[] {t1.ids().length, sum};
    }

    static BenchEngine muru(MuruSettings settings, Table t1, Table t2) {
        Muru muru = Muru.start(settings);
        try {
            muru.execute(CREATE_T1);
            muru.execute(CREATE_T2);
            int morselRows = muru.settings().morselRows();
            appendMuru(muru, "t1", t1, morselRows);
            appendMuru(muru, "t2", t2, morselRows);
            return MuruBenchEngine.wrap(muru);
        } catch (RuntimeException e) {
            muru.close();
            throw e;
        }
    }

    private static void appendMuru(Muru muru, String name, Table t, int morselRows) {
        int n = t.ids().length;
        List<Morsel> morsels = new ArrayList<>();
        for (int from = 0; from < n; from += morselRows) {
            int len = Math.min(morselRows, n - from);
            int[] ids = new int[len];
            int[] vals = new int[len];
            System.arraycopy(t.ids(), from, ids, 0, len);
            System.arraycopy(t.values(), from, vals, 0, len);
            morsels.add(new Morsel(new ColumnVector[] {
                    new IntVector(DataType.INTEGER, ids, null),
                    new IntVector(DataType.INTEGER, vals, null)}, len));
        }
        muru.append(name, morsels);
    }

    /** In-memory DuckDB with {@code threads} threads, loaded with its Appender. */
    static BenchEngine duckdb(int threads, Table t1, Table t2) {
        try {
            Connection c = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement s = c.createStatement()) {
                s.execute("SET threads = " + threads);
                s.execute(CREATE_T1);
                s.execute(CREATE_T2);
            }
            appendDuckdb(c, "t1", t1);
            appendDuckdb(c, "t2", t2);
            return JdbcBenchEngine.wrap("duckdb", c);
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB setup failed", e);
        }
    }

    private static void appendDuckdb(Connection c, String name, Table t) throws SQLException {
        try (DuckDBAppender a = ((DuckDBConnection) c).createAppender(DuckDBConnection.DEFAULT_SCHEMA, name)) {
            int[] ids = t.ids();
            int[] vals = t.values();
            for (int i = 0; i < ids.length; i++) {
                a.beginRow();
                a.append(ids[i]);
                a.append(vals[i]);
                a.endRow();
            }
        }
    }

    /**
     * In-memory H2, loaded with batched prepared inserts. H2 has no hash join: without an index
     * it joins by a nested loop over t2 for every row of t1 (quadratic), so when
     * {@code indexT2} is set t2.id gets an index and H2 runs an index nested-loop join.
     */
    static BenchEngine h2(Table t1, Table t2, boolean indexT2) {
        try {
            Connection c = DriverManager.getConnection("jdbc:h2:mem:join;DB_CLOSE_DELAY=-1;OPTIMIZE_REUSE_RESULTS=FALSE");
            try (Statement s = c.createStatement()) {
                s.execute("DROP ALL OBJECTS");
                s.execute(CREATE_T1);
                s.execute(CREATE_T2);
            }
            c.setAutoCommit(false);
            insertH2(c, "t1", t1);
            insertH2(c, "t2", t2);
            c.commit();
            c.setAutoCommit(true);
            if (indexT2) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE INDEX t2_id ON t2 (id)");
                }
            }
            return JdbcBenchEngine.wrap("h2", c);
        } catch (SQLException e) {
            throw new IllegalStateException("H2 setup failed", e);
        }
    }

    private static void insertH2(Connection c, String name, Table t) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO " + name + " VALUES (?, ?)")) {
            int[] ids = t.ids();
            int[] vals = t.values();
            for (int i = 0; i < ids.length; i++) {
                p.setInt(1, ids[i]);
                p.setInt(2, vals[i]);
                p.addBatch();
                if ((i + 1) % 10_000 == 0) {
                    p.executeBatch();
                }
            }
            p.executeBatch();
        }
    }

    /** Checks COUNT(*) and SUM against the Java answer; throws on any difference. */
    static void validate(String engine, BenchEngine e, long[] want) {
        List<Object[]> got = e.rows(JOIN);
        if (got.size() != 1) {
            throw new IllegalStateException(engine + " join: expected 1 row, got " + got.size());
        }
        long count = Validate.asLong(got.get(0)[0]);
        long sum = Validate.asLong(got.get(0)[1]);
        if (count != want[0] || sum != want[1]) {
            throw new IllegalStateException(engine + " join at " + want[0] + " rows: got (" + count + ", " + sum
                    + "), expected (" + want[0] + ", " + want[1] + ")");
        }
    }
}
