package dev.muru.jdbc;

import dev.muru.Muru;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plain JDBC against one engine: statements and their counts, parameters, every type's getters
 * and metadata, errors as SQLException subclasses, max rows, timeouts, cancel and close.
 */
class JdbcStatementTest {
    private static final String NAME = "statement-test";
    private static final String URL = MuruDriver.URL_PREFIX + NAME;
    /** 1,500 × 1,500 = 2.25 million rows: long enough to be running when cancelled or closed. */
    private static final String CROSS = "SELECT a.n, b.n FROM big a, big b";

    @BeforeAll
    static void load() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE big (n INTEGER)");
            StringBuilder sb = new StringBuilder("INSERT INTO big VALUES ");
            for (int i = 0; i < 1500; i++) {
                sb.append(i == 0 ? "" : ", ").append('(').append(i).append(')');
            }
            assertEquals(1500, s.executeUpdate(sb.toString()));
        }
    }

    @AfterAll
    static void stop() {
        assertTrue(MuruDriver.closeEngine(NAME));
    }

    private static Muru engine() {
        return MuruDriver.engine(NAME);
    }

    /** Waits (bounded) until the engine runs no statement; the cancel is asynchronous. */
    private static void assertNothingRuns() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!engine().running().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(List.of(), engine().running());
    }

    /** After an error, a timeout or a cancel, the same statement runs the next query. */
    private static void assertTheStatementGoesOn(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM big")) {
            assertTrue(rs.next());
            assertEquals(1500, rs.getInt(1));
        }
    }

    @Test
    void updateCountsOfEveryKindOfStatement() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            assertEquals(0, s.executeUpdate("CREATE TABLE counts (id INTEGER, v VARCHAR)"));
            assertEquals(3, s.executeUpdate("INSERT INTO counts VALUES (1, 'a'), (2, 'b'), (3, 'c')"));
            assertEquals(2, s.executeUpdate("UPDATE counts SET v = 'z' WHERE id >= 2"));
            assertFalse(s.execute("DELETE FROM counts WHERE id = 3"));
            assertEquals(1, s.getUpdateCount());
            assertEquals(1L, s.getLargeUpdateCount());
            assertNull(s.getResultSet());
            assertFalse(s.getMoreResults());
            assertEquals(-1, s.getUpdateCount());
            assertThrows(SQLFeatureNotSupportedException.class, () -> s.getMoreResults(Statement.KEEP_CURRENT_RESULT));
            assertTrue(s.execute("SELECT COUNT(*) FROM counts"));
            assertEquals(-1, s.getUpdateCount());
            try (ResultSet rs = s.getResultSet()) {
                assertTrue(rs.next());
                assertEquals(2, rs.getLong(1));
            }
            assertEquals(0, s.executeUpdate("SET threads = 1"));
            assertEquals(0, s.executeUpdate("DROP TABLE counts"));
        }
    }

    @Test
    void executeQueryAndExecuteUpdateRefuseTheOtherKind() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE kinds (id INTEGER)");
            SQLException noRows = assertThrows(SQLException.class, () -> s.executeQuery("INSERT INTO kinds VALUES (1)"));
            assertEquals("02000", noRows.getSQLState());
            SQLException rows = assertThrows(SQLException.class, () -> s.executeUpdate("SELECT * FROM kinds"));
            assertTrue(rows.getMessage().contains("executeQuery"), rows.getMessage());
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM kinds")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1), "the INSERT ran before executeQuery refused it");
            }
            s.executeUpdate("DROP TABLE kinds");
        }
    }

    @Test
    void everyTypeReadsAsItsJavaClassAndConverts() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE typed (b BOOLEAN, i INTEGER, l BIGINT, d DOUBLE, m DECIMAL(10,2),"
                    + " v VARCHAR(20), ch CHAR(3), t TEXT, dt DATE)");
            s.executeUpdate("INSERT INTO typed VALUES (true, 42, 9000000000, 2.5, 12345.67, 'hello', 'abc', 'text',"
                    + " DATE '2024-02-29'), (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
            try (ResultSet rs = s.executeQuery("SELECT * FROM typed ORDER BY i")) {
                ResultSetMetaData md = rs.getMetaData();
                assertEquals(9, md.getColumnCount());
                int[] types = {Types.BOOLEAN, Types.INTEGER, Types.BIGINT, Types.DOUBLE, Types.DECIMAL, Types.VARCHAR,
                        Types.CHAR, Types.VARCHAR, Types.DATE};
                String[] classes = {"java.lang.Boolean", "java.lang.Integer", "java.lang.Long", "java.lang.Double",
                        "java.math.BigDecimal", "java.lang.String", "java.lang.String", "java.lang.String", "java.sql.Date"};
                for (int i = 1; i <= 9; i++) {
                    assertEquals(types[i - 1], md.getColumnType(i), md.getColumnName(i));
                    assertEquals(classes[i - 1], md.getColumnClassName(i), md.getColumnName(i));
                }
                assertEquals("m", md.getColumnLabel(5));
                assertEquals(10, md.getPrecision(5));
                assertEquals(2, md.getScale(5));
                assertEquals(20, md.getPrecision(6));
                assertEquals("DECIMAL", md.getColumnTypeName(5));
                assertEquals(ResultSetMetaData.columnNullableUnknown, md.isNullable(1));

                assertTrue(rs.next());
                assertEquals(Boolean.TRUE, rs.getObject(1));
                assertTrue(rs.getBoolean("b"));
                assertEquals(42, rs.getObject(2));
                assertEquals(42, rs.getInt(2));
                assertEquals(42L, rs.getLong("i"));
                assertEquals(42.0, rs.getDouble(2));
                assertEquals("42", rs.getString(2));
                assertEquals(9_000_000_000L, rs.getObject(3));
                assertEquals(9_000_000_000L, rs.getLong(3));
                SQLException tooBig = assertThrows(SQLDataException.class, () -> rs.getInt(3));
                assertEquals("22003", tooBig.getSQLState());
                assertEquals(2.5, rs.getObject(4));
                assertEquals(2.5f, rs.getFloat(4));
                assertEquals(2, rs.getInt(4), "a fraction is truncated");
                assertEquals(new BigDecimal("12345.67"), rs.getObject(5));
                assertEquals(new BigDecimal("12345.67"), rs.getBigDecimal("m"));
                assertEquals(12345.67, rs.getDouble(5));
                assertEquals("12345.67", rs.getString(5));
                assertEquals("hello", rs.getObject(6));
                assertEquals("abc", rs.getString(7));
                assertEquals("text", rs.getString("T"), "labels are case-insensitive");
                assertEquals(java.sql.Date.valueOf("2024-02-29"), rs.getObject(9));
                assertEquals(java.sql.Date.valueOf("2024-02-29"), rs.getDate(9));
                assertEquals(LocalDate.of(2024, 2, 29), rs.getObject(9, LocalDate.class));
                assertEquals(LocalDate.of(2024, 2, 29), rs.getObject("dt", LocalDate.class));
                assertEquals(java.sql.Timestamp.valueOf("2024-02-29 00:00:00"), rs.getTimestamp(9));
                assertEquals("2024-02-29", rs.getString(9));
                assertEquals(42L, rs.getObject(2, Long.class));
                assertEquals(new BigDecimal("42"), rs.getObject(2, BigDecimal.class));
                assertFalse(rs.wasNull());
                SQLException notNumber = assertThrows(SQLDataException.class, () -> rs.getInt(6));
                assertEquals("22018", notNumber.getSQLState());
                assertThrows(SQLFeatureNotSupportedException.class, () -> rs.getTime(9));
                assertThrows(SQLException.class, () -> rs.getInt(10));
                assertThrows(SQLException.class, () -> rs.getInt("nope"));

                assertTrue(rs.next());
                for (int i = 1; i <= 9; i++) {
                    assertNull(rs.getObject(i));
                    assertTrue(rs.wasNull());
                }
                assertEquals(0, rs.getInt(2));
                assertTrue(rs.wasNull());
                assertFalse(rs.getBoolean(1));
                assertNull(rs.getBigDecimal(5));
                assertNull(rs.getString(6));
                assertNull(rs.getDate(9));
                assertNull(rs.getObject(9, LocalDate.class));
                assertFalse(rs.next());
                SQLException noRow = assertThrows(SQLException.class, () -> rs.getInt(2));
                assertEquals("24000", noRow.getSQLState());
            }
            s.executeUpdate("DROP TABLE typed");
        }
    }

    @Test
    void preparedStatementsBindParametersOfEveryType() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL)) {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("CREATE TABLE params (i INTEGER, l BIGINT, d DOUBLE, m DECIMAL(8,3), v VARCHAR, b BOOLEAN, dt DATE)");
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO params VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (int k = 0; k < 3; k++) {
                    p.setInt(1, k);
                    p.setLong(2, 10_000_000_000L + k);
                    p.setDouble(3, k + 0.5);
                    p.setBigDecimal(4, new BigDecimal("1.125").add(BigDecimal.valueOf(k)));
                    p.setString(5, "it's " + k);
                    p.setBoolean(6, k % 2 == 0);
                    p.setDate(7, java.sql.Date.valueOf(LocalDate.of(2020, 1, 1).plusDays(k)));
                    assertEquals(1, p.executeUpdate());
                }
                p.setShort(1, (short) 7);
                p.setNull(2, Types.BIGINT);
                p.setFloat(3, 0.1f);
                p.setObject(4, "2.5", Types.DECIMAL);
                p.setObject(5, null);
                p.setObject(6, "true", Types.BOOLEAN);
                p.setObject(7, LocalDate.of(1999, 12, 31));
                assertEquals(1, p.executeUpdate());
                p.clearParameters();
                SQLException unset = assertThrows(SQLException.class, p::executeUpdate);
                assertEquals("07001", unset.getSQLState());
                assertThrows(SQLException.class, () -> p.setInt(8, 1));
                assertThrows(SQLFeatureNotSupportedException.class, () -> p.setTimestamp(1, new java.sql.Timestamp(0)));
            }
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT i, l, d, m, v, b, dt FROM params WHERE dt >= ? AND v LIKE ? ORDER BY i")) {
                q.setObject(1, LocalDate.of(2020, 1, 2));
                q.setString(2, "it%");
                try (ResultSet rs = q.executeQuery()) {
                    List<String> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(rs.getInt(1) + "|" + rs.getLong(2) + "|" + rs.getDouble(3) + "|" + rs.getBigDecimal(4)
                                + "|" + rs.getString(5) + "|" + rs.getBoolean(6) + "|" + rs.getObject(7, LocalDate.class));
                    }
                    assertEquals(List.of("1|10000000001|1.5|2.125|it's 1|false|2020-01-02",
                            "2|10000000002|2.5|3.125|it's 2|true|2020-01-03"), rows);
                }
                assertEquals(2, q.getMetaData().getColumnCount() - 5);
                assertThrows(SQLException.class, () -> q.executeQuery("SELECT 1"));
            }
            try (PreparedStatement q = c.prepareStatement("SELECT l, d, m, v, b FROM params WHERE i = ?")) {
                q.setInt(1, 7);
                try (ResultSet rs = q.executeQuery()) {
                    assertTrue(rs.next());
                    assertNull(rs.getObject(1));
                    assertEquals(0.1, rs.getDouble(2), "a float binds by its decimal text");
                    assertEquals(new BigDecimal("2.500"), rs.getBigDecimal(3));
                    assertNull(rs.getString(4));
                    assertTrue(rs.getBoolean(5));
                    assertFalse(rs.next());
                }
            }
            SQLSyntaxErrorException bad = assertThrows(SQLSyntaxErrorException.class, () -> c.prepareStatement("SELEC ?"));
            assertEquals("42601", bad.getSQLState());
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DROP TABLE params");
            }
        }
    }

    @Test
    void batchesRunInOrderAndStopAtTheFirstFailure() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.addBatch("CREATE TABLE batch (id INTEGER PRIMARY KEY)");
            s.addBatch("INSERT INTO batch VALUES (1), (2)");
            s.addBatch("INSERT INTO batch VALUES (3)");
            assertArrayEquals(new int[]{0, 2, 1}, s.executeBatch());
            try (PreparedStatement p = c.prepareStatement("INSERT INTO batch VALUES (?)")) {
                for (int id : new int[]{10, 11, 1, 12}) {
                    p.setInt(1, id);
                    p.addBatch();
                }
                BatchUpdateException e = assertThrows(BatchUpdateException.class, p::executeBatch);
                assertArrayEquals(new long[]{1, 1}, e.getLargeUpdateCounts());
                assertEquals("23505", e.getSQLState());
                assertInstanceOf(SQLIntegrityConstraintViolationException.class, e.getCause());
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(id) FROM batch")) {
                assertTrue(rs.next());
                assertEquals(5, rs.getInt(1));
                assertEquals(27, rs.getInt(2));
            }
            s.executeUpdate("DROP TABLE batch");
        }
    }

    @Test
    void errorsAreTheSqlExceptionsOfTheirSqlState() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            SQLSyntaxErrorException syntax = assertThrows(SQLSyntaxErrorException.class, () -> s.executeQuery("SELECT * FRM big"));
            assertEquals("42601", syntax.getSQLState());
            assertTrue(syntax.getMessage().startsWith("SYNTAX_ERROR (42601) at line 1"), syntax.getMessage());
            SQLSyntaxErrorException missing = assertThrows(SQLSyntaxErrorException.class, () -> s.executeQuery("SELECT * FROM nowhere"));
            assertEquals("42P01", missing.getSQLState());
            SQLDataException division = assertThrows(SQLDataException.class, () -> s.executeQuery("SELECT 1 / (n - n) FROM big"));
            assertEquals("22012", division.getSQLState());
            s.executeUpdate("CREATE TABLE uniq (id INTEGER UNIQUE)");
            s.executeUpdate("INSERT INTO uniq VALUES (1)");
            SQLIntegrityConstraintViolationException dup = assertThrows(SQLIntegrityConstraintViolationException.class,
                    () -> s.executeUpdate("INSERT INTO uniq VALUES (1)"));
            assertEquals("23505", dup.getSQLState());
            assertEquals(dev.muru.core.ErrorCode.UNIQUE_VIOLATION, ((dev.muru.core.MuruException) dup.getCause()).code());
            s.executeUpdate("DROP TABLE uniq");
            s.executeUpdate("SET memory_limit = '1MB'");
            java.sql.SQLTransientException memory = assertThrows(java.sql.SQLTransientException.class,
                    () -> s.executeQuery("SELECT a.n * 1500 + b.n AS k, COUNT(*) FROM big a, big b GROUP BY 1").next());
            assertEquals("53200", memory.getSQLState());
            s.executeUpdate("RESET memory_limit");
            // The connection goes on after errors.
            assertTheStatementGoesOn(s);
        }
    }

    @Test
    void maxRowsStopsTheStatementAfterThatManyRows() throws Exception {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.setMaxRows(2500);
            try (ResultSet rs = s.executeQuery(CROSS)) {
                int n = 0;
                while (rs.next()) {
                    n++;
                }
                assertEquals(2500, n);
                assertEquals(0, rs.getRow());
            }
            assertNothingRuns();
            s.setMaxRows(0);
            try (ResultSet rs = s.executeQuery("SELECT n FROM big WHERE n < 10")) {
                int n = 0;
                while (rs.next()) {
                    n++;
                }
                assertEquals(10, n);
            }
        }
    }

    @Test
    void aQueryTimeoutFailsWithSqlTimeoutException() throws Exception {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            assertEquals(1, s.getQueryTimeout());
            // Three-way cross product: billions of rows, far longer than a second.
            SQLTimeoutException e = assertThrows(SQLTimeoutException.class, () -> {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM big a, big b, big c")) {
                    rs.next();
                }
            });
            assertEquals("57014", e.getSQLState());
            assertNothingRuns();
            assertTheStatementGoesOn(s);
        }
    }

    @Test
    void cancelFromAnotherThreadStopsARunningStatement() throws Exception {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
            Thread canceller = new Thread(() -> {
                try {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                    while (engine().running().isEmpty() && System.nanoTime() < deadline) {
                        Thread.sleep(5);
                    }
                    // Again until it lands: the engine may list the statement a moment before
                    // the executing thread has recorded it as running.
                    while (!done.get()) {
                        s.cancel();
                        Thread.sleep(50);
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            canceller.start();
            SQLException e;
            try {
                e = assertThrows(SQLException.class, () -> {
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM big a, big b, big c")) {
                        rs.next();
                    }
                });
            } finally {
                done.set(true);
            }
            canceller.join();
            assertEquals("57014", e.getSQLState(), e.getMessage());
            assertNothingRuns();
            assertTheStatementGoesOn(s);
        }
    }

    @Test
    void cancelWhileRowsAreReadFailsTheNextRead() throws Exception {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery(CROSS);
            assertTrue(rs.next());
            s.cancel();
            SQLException e = assertThrows(SQLException.class, () -> {
                while (rs.next()) {
                    // the rows already made may come first
                }
            });
            assertEquals("57014", e.getSQLState());
            assertNothingRuns();
            assertTheStatementGoesOn(s);
        }
    }

    @Test
    void closingTheConnectionClosesStatementsAndCancelsTheirQueries() throws Exception {
        Connection c = DriverManager.getConnection(URL);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(CROSS);
        assertTrue(rs.next());
        PreparedStatement p = c.prepareStatement("SELECT ? + 1");
        c.close();
        assertTrue(c.isClosed());
        assertTrue(s.isClosed());
        assertTrue(rs.isClosed());
        assertTrue(p.isClosed());
        assertThrows(SQLException.class, rs::next);
        assertThrows(SQLException.class, () -> s.executeQuery("SELECT 1"));
        assertEquals("08003", assertThrows(SQLException.class, c::createStatement).getSQLState());
        assertFalse(c.isValid(1));
        assertNothingRuns();
    }

    @Test
    void closingAResultSetEarlyCancelsAndTheStatementIsReusable() throws Exception {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            ResultSet first = s.executeQuery(CROSS);
            assertTrue(first.next());
            assertTrue(first.isFirst());
            // Executing again closes the previous result set.
            try (ResultSet second = s.executeQuery("SELECT COUNT(*) FROM big")) {
                assertTrue(first.isClosed());
                assertTrue(second.next());
                assertTrue(second.isLast());
                assertEquals(1500, second.getInt(1));
                assertFalse(second.next());
                assertTrue(second.isAfterLast());
            }
            assertNothingRuns();
            s.closeOnCompletion();
            s.executeQuery("SELECT 1").close();
            assertTrue(s.isClosed(), "closeOnCompletion closes the statement with its result set");
        }
    }

    @Test
    void positionQueriesReadAheadAcrossMorsels() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            // 30,000 rows: more than one morsel of the default 16,384 rows.
            try (ResultSet rs = s.executeQuery("SELECT a.n, b.n FROM big a, big b WHERE a.n < 20")) {
                assertTrue(rs.isBeforeFirst());
                assertEquals(0, rs.getRow());
                long rows = 0;
                long sum = 0;
                int lastSeen = 0;
                while (rs.next()) {
                    rows++;
                    assertEquals(rows, rs.getRow());
                    sum += rs.getInt(1) * 1500L + rs.getInt(2);
                    if (rs.isLast()) {
                        lastSeen++;
                        assertEquals(30_000, rows);
                    }
                }
                assertEquals(30_000, rows);
                assertEquals(1, lastSeen);
                long expected = 0;
                for (int a = 0; a < 20; a++) {
                    for (int b = 0; b < 1500; b++) {
                        expected += a * 1500L + b;
                    }
                }
                assertEquals(expected, sum, "every row once, none lost to the read-ahead");
                assertTrue(rs.isAfterLast());
            }
            try (ResultSet rs = s.executeQuery("SELECT n FROM big WHERE n < 0")) {
                assertFalse(rs.isBeforeFirst(), "an empty result has no first row");
                assertFalse(rs.next());
                assertFalse(rs.isAfterLast());
                assertThrows(SQLFeatureNotSupportedException.class, rs::previous);
                assertThrows(SQLFeatureNotSupportedException.class, () -> rs.updateInt(1, 1));
            }
        }
    }

    @Test
    void autoCommitIsAlwaysOnAndSaysSo() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL)) {
            assertTrue(c.getAutoCommit());
            c.setAutoCommit(true);
            assertThrows(SQLFeatureNotSupportedException.class, () -> c.setAutoCommit(false));
            assertEquals("25P01", assertThrows(SQLException.class, c::commit).getSQLState());
            assertEquals("25P01", assertThrows(SQLException.class, c::rollback).getSQLState());
            assertThrows(SQLFeatureNotSupportedException.class, c::setSavepoint);
            assertEquals(Connection.TRANSACTION_READ_COMMITTED, c.getTransactionIsolation());
            assertThrows(SQLFeatureNotSupportedException.class, () -> c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE));
            assertThrows(SQLFeatureNotSupportedException.class, () -> c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE,
                    ResultSet.CONCUR_READ_ONLY));
            assertThrows(SQLFeatureNotSupportedException.class, () -> c.prepareCall("CALL x()"));
            assertNull(c.getWarnings());
            assertTrue(c.isValid(5));
            assertTrue(c.isWrapperFor(Muru.class));
            assertEquals(engine(), c.unwrap(Muru.class));
        }
    }

    @Test
    void settingsBelongToTheirConnection() throws SQLException {
        try (Connection a = DriverManager.getConnection(URL + "?threads=1&statement_timeout=7s");
             Connection b = DriverManager.getConnection(URL)) {
            assertEquals("1", show(a, "threads"));
            assertEquals("7s", show(a, "statement_timeout"));
            try (Statement s = b.createStatement()) {
                s.executeUpdate("SET threads = 3");
            }
            assertEquals("3", show(b, "threads"));
            assertEquals("1", show(a, "threads"));
        }
        SQLException unknown = assertThrows(SQLException.class, () -> DriverManager.getConnection(URL + "?no_such_setting=1"));
        assertEquals("42704", unknown.getSQLState());
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + setting)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }
}
