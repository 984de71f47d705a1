package dev.muru.benchmarks;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** DuckDB or H2, in memory, through JDBC. */
final class JdbcBenchEngine implements BenchEngine {
    private final String name;
    private final Connection conn;

    private JdbcBenchEngine(String name, Connection conn) {
        this.name = name;
        this.conn = conn;
    }

    /** Wraps a loaded connection; name "h2" makes close() shut the database down. */
    static JdbcBenchEngine wrap(String name, Connection conn) {
        return new JdbcBenchEngine(name, conn);
    }

    /** In-memory DuckDB, loaded with its Appender from the same Java generator. */
    static JdbcBenchEngine duckdb(long rows, int groups) {
        try {
            Connection c = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement s = c.createStatement()) {
                s.execute(Queries.CREATE);
            }
            try (DuckDBAppender a = ((DuckDBConnection) c).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "test")) {
                for (long id = 0; id < rows; id++) {
                    a.beginRow();
                    a.append(id);
                    a.append(BenchData.value(id));
                    a.append(BenchData.category(id, groups));
                    a.endRow();
                }
            }
            return new JdbcBenchEngine("duckdb", c);
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB setup failed", e);
        }
    }

    /**
     * In-memory H2 (VALUE is a keyword in H2 2.x, hence NON_KEYWORDS), loaded with one
     * INSERT ... SELECT over SYSTEM_RANGE calling the Java generator through CREATE ALIAS.
     */
    static JdbcBenchEngine h2(long rows, int groups) {
        try {
            Connection c = DriverManager.getConnection("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE;OPTIMIZE_REUSE_RESULTS=FALSE");
            try (Statement s = c.createStatement()) {
                s.execute("DROP ALL OBJECTS");
                s.execute(Queries.CREATE);
                s.execute("CREATE ALIAS BENCH_VALUE DETERMINISTIC FOR 'dev.muru.benchmarks.BenchData.value'");
                s.execute("CREATE ALIAS BENCH_CATEGORY DETERMINISTIC FOR 'dev.muru.benchmarks.BenchData.category'");
                s.execute("INSERT INTO test SELECT X, BENCH_VALUE(X), BENCH_CATEGORY(X, " + groups
                        + ") FROM SYSTEM_RANGE(0, " + (rows - 1) + ")");
            }
            return new JdbcBenchEngine("h2", c);
        } catch (SQLException e) {
            throw new IllegalStateException("H2 setup failed", e);
        }
    }

    @Override
    public long run(String sql) {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int cols = rs.getMetaData().getColumnCount();
            int[] types = new int[cols + 1];
            for (int c = 1; c <= cols; c++) {
                types[c] = rs.getMetaData().getColumnType(c);
            }
            long h = 0;
            while (rs.next()) {
                for (int c = 1; c <= cols; c++) {
                    switch (types[c]) {
                        case java.sql.Types.INTEGER:
                        case java.sql.Types.BIGINT:
                        case java.sql.Types.SMALLINT:
                        case java.sql.Types.TINYINT:
                            h = h * 31 + rs.getLong(c);
                            break;
                        case java.sql.Types.DOUBLE:
                        case java.sql.Types.FLOAT:
                        case java.sql.Types.REAL:
                            h = h * 31 + Double.doubleToLongBits(rs.getDouble(c));
                            break;
                        default:
                            Object o = rs.getObject(c);
                            h = h * 31 + (o == null ? 0 : o.hashCode());
                    }
                }
            }
            return h;
        } catch (SQLException e) {
            throw new IllegalStateException(name + ": " + sql, e);
        }
    }

    @Override
    public List<Object[]> rows(String sql) {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int cols = rs.getMetaData().getColumnCount();
            List<Object[]> out = new ArrayList<>();
            while (rs.next()) {
                Object[] row = new Object[cols];
                for (int c = 1; c <= cols; c++) {
                    row[c - 1] = rs.getObject(c);
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(name + ": " + sql, e);
        }
    }

    @Override
    public void close() {
        try {
            if ("h2".equals(name)) {
                try (Statement s = conn.createStatement()) {
                    s.execute("SHUTDOWN");
                }
            }
            conn.close();
        } catch (SQLException e) {
            // closing after the benchmark: nothing to do
        }
    }
}
