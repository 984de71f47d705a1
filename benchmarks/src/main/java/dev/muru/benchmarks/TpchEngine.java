package dev.muru.benchmarks;

import dev.muru.Muru;
import dev.muru.MuruSettings;
import dev.muru.QueryResult;
import dev.muru.server.demo.TpchDemoData;
import io.trino.tpch.TpchEntity;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/** One engine of {@link TpchBenchmark}, holding the eight TPC-H tables. */
interface TpchEngine extends AutoCloseable {

    /**
     * Runs a query and returns every row with every value read. Throws {@link TimeoutException}
     * when it does not finish within {@code timeoutMs} (the query has then been cancelled where
     * the engine can cancel), any other exception when the query fails.
     */
    List<Object[]> run(String sql, long timeoutMs) throws Exception;

    /** A line describing the engine's settings, for the report. */
    String describe();

    @Override
    void close();

    /** Muru: loaded with {@link TpchDemoData#load}, queried with {@link Muru#queryAsync}. */
    final class MuruEngine implements TpchEngine {
        private final Muru muru;
        private final long drainMs;

        MuruEngine(MuruSettings settings, double sf, long drainMs) {
            this.muru = Muru.start(settings);
            this.drainMs = drainMs;
            try {
                TpchDemoData.load(muru, sf);
            } catch (RuntimeException e) {
                muru.close();
                throw e;
            }
        }

        static MuruSettings settings(int dop, long timeoutMs) {
            MuruSettings s = MuruSettings.load();
            if (dop > 0) {
                s = s.withParallelism(dop).withThreshold(dop == 1 ? MuruSettings.NEVER : 0);
            }
            // The engine-side ask timeout must not fire before ours (and the drain after it).
            Duration atLeast = Duration.ofMillis(3 * timeoutMs + 60_000);
            if (s.statementTimeout().compareTo(atLeast) < 0) {
                s = s.withStatementTimeout(atLeast);
            }
            return s;
        }

        @Override
        public List<Object[]> run(String sql, long timeoutMs) throws Exception {
            CompletableFuture<QueryResult> f = muru.queryAsync(sql).toCompletableFuture();
            QueryResult r;
            try {
                r = f.get(timeoutMs, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // Muru has no statement cancel: let the abandoned query finish (bounded) so it
                // does not compete with the next query for the cores.
                try {
                    f.get(drainMs, TimeUnit.MILLISECONDS);
                } catch (TimeoutException still) {
                    System.err.printf("warning: a timed-out Muru query is still running after another %d ms%n", drainMs);
                } catch (ExecutionException | RuntimeException ignored) {
                    // it failed after all: nothing to wait for
                }
                throw e;
            } catch (ExecutionException e) {
                throw unwrap(e);
            }
            return r.rows();
        }

        @Override
        public String describe() {
            MuruSettings s = muru.settings();
            return "muru: parallelism " + s.parallelism() + ", thresholds scan/agg/sort "
                    + th(s.scanThreshold()) + "/" + th(s.aggregateThreshold()) + "/" + th(s.sortThreshold())
                    + ", morsel-rows " + s.morselRows();
        }

        private static String th(long t) {
            return t == MuruSettings.NEVER ? "never" : Long.toString(t);
        }

        @Override
        public void close() {
            muru.close();
        }
    }

    /** DuckDB (Appender) or H2 (batched inserts), in memory, through JDBC. */
    final class JdbcEngine implements TpchEngine {
        /** Rows one generator task produces: parts are contiguous key ranges, appended in order. */
        private static final long ROWS_PER_PART = 250_000;
        private static final int H2_BATCH = 5_000;

        private final String name;
        private final Connection conn;
        private final String describe;
        private final ExecutorService runner = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "tpch-query");
            t.setDaemon(true);
            return t;
        });

        private JdbcEngine(String name, Connection conn, String describe) {
            this.name = name;
            this.conn = conn;
            this.describe = describe;
        }

        static JdbcEngine duckdb(double sf, int threads) throws Exception {
            Connection c = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement s = c.createStatement()) {
                s.execute("SET threads = " + threads);
            }
            load(c, sf, false);
            String version;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version()")) {
                rs.next();
                version = rs.getString(1);
            }
            return new JdbcEngine("duckdb", c, "duckdb " + version + ": threads " + threads + ", in memory");
        }

        static JdbcEngine h2(double sf, boolean indexes) throws Exception {
            Connection c = DriverManager.getConnection("jdbc:h2:mem:tpch;DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE;OPTIMIZE_REUSE_RESULTS=FALSE");
            try (Statement s = c.createStatement()) {
                s.execute("DROP ALL OBJECTS");
            }
            load(c, sf, true);
            if (indexes) {
                try (Statement s = c.createStatement()) {
                    for (String ddl : TpchSchema.H2_INDEXES) {
                        s.execute(ddl);
                    }
                    s.execute("ANALYZE");
                }
            }
            return new JdbcEngine("h2", c, "h2 " + c.getMetaData().getDatabaseProductVersion()
                    + ": in memory, CHAR as VARCHAR, " + (indexes ? "primary keys + foreign-key indexes" : "no indexes"));
        }

        private static void load(Connection c, double sf, boolean h2) throws Exception {
            int threads = Runtime.getRuntime().availableProcessors();
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "tpch-generator");
                t.setDaemon(true);
                return t;
            });
            try {
                for (TpchSchema.Table<?> t : TpchSchema.TABLES) {
                    try (Statement s = c.createStatement()) {
                        s.execute(t.createStatement(h2));
                    }
                    loadTable(c, t, sf, pool, threads, h2);
                }
            } finally {
                pool.shutdownNow();
            }
        }

        /**
         * Generates the table in parts on the pool, at most {@code threads + 1} parts ahead, and
         * writes them in part order, so the rows land in the order one generator produces them.
         */
        private static <E extends TpchEntity> void loadTable(Connection c, TpchSchema.Table<E> t, double sf,
                                                            ExecutorService pool, int threads, boolean h2)
                throws Exception {
            int parts = (int) Math.max(1, Math.min(10_000, t.estimatedRows(sf) / ROWS_PER_PART));
            Deque<Future<List<E>>> pending = new ArrayDeque<>();
            int next = 1;
            if (h2) {
                c.setAutoCommit(false);
                StringBuilder sql = new StringBuilder("INSERT INTO " + t.name() + " VALUES (");
                for (int i = 0; i < t.cols().size(); i++) {
                    sql.append(i == 0 ? "?" : ", ?");
                }
                try (PreparedStatement p = c.prepareStatement(sql.append(")").toString())) {
                    int inBatch = 0;
                    while (next <= parts || !pending.isEmpty()) {
                        while (next <= parts && pending.size() <= threads) {
                            pending.add(submit(pool, t, sf, next++, parts));
                        }
                        for (E row : pending.poll().get()) {
                            bind(p, t.cols(), row);
                            p.addBatch();
                            if (++inBatch == H2_BATCH) {
                                p.executeBatch();
                                inBatch = 0;
                            }
                        }
                    }
                    p.executeBatch();
                }
                c.commit();
                c.setAutoCommit(true);
            } else {
                try (DuckDBAppender a = ((DuckDBConnection) c).createAppender(DuckDBConnection.DEFAULT_SCHEMA, t.name())) {
                    while (next <= parts || !pending.isEmpty()) {
                        while (next <= parts && pending.size() <= threads) {
                            pending.add(submit(pool, t, sf, next++, parts));
                        }
                        for (E row : pending.poll().get()) {
                            a.beginRow();
                            for (TpchSchema.Col<E> col : t.cols()) {
                                append(a, col, row);
                            }
                            a.endRow();
                        }
                    }
                }
            }
        }

        private static <E extends TpchEntity> Future<List<E>> submit(ExecutorService pool, TpchSchema.Table<E> t,
                                                                    double sf, int part, int parts) {
            return pool.submit(() -> {
                List<E> rows = new ArrayList<>();
                for (E e : t.source().createGenerator(sf, part, parts)) {
                    rows.add(e);
                }
                return rows;
            });
        }

        private static <E> void append(DuckDBAppender a, TpchSchema.Col<E> col, E row) throws SQLException {
            switch (col.kind()) {
                case INTEGER:
                    a.append(Math.toIntExact(col.num().applyAsLong(row)));
                    break;
                case BIGINT:
                    a.append(col.num().applyAsLong(row));
                    break;
                case DECIMAL:
                    // the unscaled value of DECIMAL(15,2), i.e. hundredths
                    a.appendDecimal(col.num().applyAsLong(row));
                    break;
                case DATE:
                    a.appendEpochDays(Math.toIntExact(col.num().applyAsLong(row)));
                    break;
                default:
                    a.append(col.str().apply(row));
            }
        }

        private static <E> void bind(PreparedStatement p, List<TpchSchema.Col<E>> cols, E row) throws SQLException {
            for (int i = 0; i < cols.size(); i++) {
                TpchSchema.Col<E> col = cols.get(i);
                int idx = i + 1;
                switch (col.kind()) {
                    case INTEGER:
                        p.setInt(idx, Math.toIntExact(col.num().applyAsLong(row)));
                        break;
                    case BIGINT:
                        p.setLong(idx, col.num().applyAsLong(row));
                        break;
                    case DECIMAL:
                        p.setBigDecimal(idx, BigDecimal.valueOf(col.num().applyAsLong(row), 2));
                        break;
                    case DATE:
                        p.setObject(idx, LocalDate.ofEpochDay(col.num().applyAsLong(row)));
                        break;
                    default:
                        p.setString(idx, col.str().apply(row));
                }
            }
        }

        /**
         * Runs the query on a worker thread; on timeout cancels it with {@link Statement#cancel()}
         * and waits (up to 30 s) for the worker to give the connection back.
         */
        @Override
        public List<Object[]> run(String sql, long timeoutMs) throws Exception {
            AtomicReference<Statement> stmt = new AtomicReference<>();
            Future<List<Object[]>> f = runner.submit(() -> {
                try (Statement s = conn.createStatement()) {
                    stmt.set(s);
                    try (ResultSet rs = s.executeQuery(sql)) {
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
                    }
                }
            });
            try {
                return f.get(timeoutMs, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                Statement s = stmt.get();
                if (s != null) {
                    try {
                        s.cancel();
                    } catch (SQLException ignored) {
                        // already finished or not cancellable: the wait below decides
                    }
                }
                try {
                    f.get(30, TimeUnit.SECONDS);
                } catch (TimeoutException still) {
                    System.err.println("warning: a cancelled " + name + " query is still running after 30 s");
                } catch (ExecutionException | RuntimeException ignored) {
                    // the cancellation error, expected
                }
                throw e;
            } catch (ExecutionException e) {
                throw unwrap(e);
            }
        }

        @Override
        public String describe() {
            return describe;
        }

        @Override
        public void close() {
            runner.shutdownNow();
            try {
                if ("h2".equals(name)) {
                    try (Statement s = conn.createStatement()) {
                        s.execute("SHUTDOWN");
                    }
                }
                conn.close();
            } catch (SQLException e) {
                // closing at the end of the run: nothing to do
            }
        }
    }

    private static Exception unwrap(ExecutionException e) {
        Throwable c = e.getCause();
        while ((c instanceof ExecutionException || c instanceof java.util.concurrent.CompletionException)
                && c.getCause() != null) {
            c = c.getCause();
        }
        return c instanceof Exception ? (Exception) c : new RuntimeException(c);
    }
}
