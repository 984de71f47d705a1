package dev.muru.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The driver: its URL, its registration, engines shared by name, and DatabaseMetaData. */
class JdbcDriverTest {
    private static final String URL = MuruDriver.URL_PREFIX + "driver-test";

    @AfterAll
    static void stop() {
        MuruDriver.closeEngine("driver-test");
        MuruDriver.closeEngine("driver-test-other");
    }

    @Test
    void theServiceLoaderFindsTheDriver() throws SQLException {
        List<Class<?>> found = new ArrayList<>();
        for (Driver d : ServiceLoader.load(Driver.class)) {
            found.add(d.getClass());
        }
        assertTrue(found.contains(MuruDriver.class), found.toString());
        Driver d = DriverManager.getDriver(URL);
        assertInstanceOf(MuruDriver.class, d);
        assertTrue(d.acceptsURL("jdbc:muru:mem:x"));
        assertFalse(d.acceptsURL("jdbc:h2:mem:x"));
        assertNull(d.connect("jdbc:h2:mem:x", new java.util.Properties()), "another driver's URL gives null");
        assertEquals("08001", assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:muru:mem:")).getSQLState());
        assertEquals("08001", assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:muru:mem:a b")).getSQLState());
    }

    @Test
    void connectionsOfOneNameShareAnEngineAndOtherNamesDoNot() throws SQLException {
        try (Connection a = DriverManager.getConnection(URL, "someone", "secret");
             Connection b = DriverManager.getConnection(URL);
             Connection other = DriverManager.getConnection(URL + "-other")) {
            try (Statement s = a.createStatement()) {
                s.executeUpdate("CREATE TABLE shared (id INTEGER)");
                s.executeUpdate("INSERT INTO shared VALUES (1), (2)");
            }
            try (Statement s = b.createStatement(); ResultSet rs = s.executeQuery("SELECT SUM(id) FROM shared")) {
                assertTrue(rs.next());
                assertEquals(3, rs.getInt(1));
            }
            try (Statement s = other.createStatement()) {
                SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM shared"));
                assertEquals("42P01", e.getSQLState());
            }
            assertEquals("someone", a.getMetaData().getUserName());
            assertTrue(a.unwrap(dev.muru.Muru.class) == b.unwrap(dev.muru.Muru.class));
            try (Statement s = a.createStatement()) {
                s.executeUpdate("DROP TABLE shared");
            }
        }
        // The engine outlives its connections until it is closed by name.
        assertNotNull(MuruDriver.engine("driver-test"));
    }

    @Test
    void closingAnEngineEndsItsConnectionsAndANewOneStartsEmpty() throws SQLException {
        String url = URL + "-closing";
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE gone (id INTEGER)");
            assertTrue(MuruDriver.closeEngine("driver-test-closing"));
            assertFalse(MuruDriver.closeEngine("driver-test-closing"));
            assertFalse(c.isValid(1));
            assertEquals("08003", assertThrows(SQLException.class, () -> s.executeQuery("SELECT 1")).getSQLState());
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            assertEquals("42P01", assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM gone")).getSQLState());
        } finally {
            MuruDriver.closeEngine("driver-test-closing");
        }
    }

    @Test
    void databaseMetaDataDescribesProductTablesAndColumns() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE md_orders (id BIGINT PRIMARY KEY, amount DECIMAL(12,2) NOT NULL,"
                    + " note VARCHAR(40), placed DATE, flag BOOLEAN, qty INTEGER, ratio DOUBLE, code CHAR(2))");
            s.executeUpdate("CREATE TABLE md_items (x INTEGER)");
            s.executeUpdate("CREATE TABLE other_t (x INTEGER)");
            DatabaseMetaData md = c.getMetaData();
            assertEquals("Muru", md.getDatabaseProductName());
            assertEquals(MuruDriver.VERSION, md.getDatabaseProductVersion());
            assertTrue(MuruDriver.VERSION.matches("\\d+\\.\\d+\\.\\d+.*"), MuruDriver.VERSION);
            assertEquals(Integer.parseInt(MuruDriver.VERSION.split("\\.")[1]), md.getDatabaseMinorVersion());
            assertEquals(URL, md.getURL());
            assertEquals(4, md.getJDBCMajorVersion());
            assertTrue(md.storesLowerCaseIdentifiers());
            assertEquals("\"", md.getIdentifierQuoteString());
            assertTrue(md.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY));
            assertFalse(md.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE));
            assertSame(c, md.getConnection());

            assertEquals(List.of("md_items", "md_orders"), tableNames(md.getTables(null, null, "md\\_%", null)));
            assertEquals(List.of("md_items", "md_orders"), tableNames(md.getTables(null, null, "md_%", new String[]{"TABLE"})));
            assertEquals(List.of(), tableNames(md.getTables(null, null, "md_%", new String[]{"VIEW"})));
            assertEquals(List.of(), tableNames(md.getTables(null, "public", "%", null)), "Muru has no schemas");
            assertTrue(tableNames(md.getTables(null, null, null, null)).contains("other_t"));
            try (ResultSet rs = md.getTables(null, null, "md_orders", null)) {
                assertTrue(rs.next());
                assertNull(rs.getString("TABLE_CAT"));
                assertNull(rs.getString("TABLE_SCHEM"));
                assertEquals("TABLE", rs.getString("TABLE_TYPE"));
                assertFalse(rs.next());
            }

            List<String> cols = new ArrayList<>();
            try (ResultSet rs = md.getColumns(null, null, "md_orders", null)) {
                while (rs.next()) {
                    cols.add(rs.getString("COLUMN_NAME") + " " + rs.getInt("DATA_TYPE") + " " + rs.getString("TYPE_NAME")
                            + " " + rs.getInt("COLUMN_SIZE") + " " + rs.getObject("DECIMAL_DIGITS") + " "
                            + rs.getInt("NULLABLE") + " " + rs.getString("IS_NULLABLE") + " " + rs.getInt("ORDINAL_POSITION"));
                }
            }
            assertEquals(List.of(
                    "id " + Types.BIGINT + " BIGINT 19 0 0 NO 1",
                    "amount " + Types.DECIMAL + " DECIMAL 12 2 0 NO 2",
                    "note " + Types.VARCHAR + " VARCHAR 40 null 1 YES 3",
                    "placed " + Types.DATE + " DATE 10 null 1 YES 4",
                    "flag " + Types.BOOLEAN + " BOOLEAN 1 null 1 YES 5",
                    "qty " + Types.INTEGER + " INTEGER 10 0 1 YES 6",
                    "ratio " + Types.DOUBLE + " DOUBLE 17 null 1 YES 7",
                    "code " + Types.CHAR + " CHAR 2 null 1 YES 8"), cols);
            try (ResultSet rs = md.getColumns(null, null, "md%", "%t")) {
                List<String> names = new ArrayList<>();
                while (rs.next()) {
                    names.add(rs.getString("TABLE_NAME") + "." + rs.getString("COLUMN_NAME"));
                }
                assertEquals(List.of("md_orders.amount"), names);
            }
            try (ResultSet rs = md.getTypeInfo()) {
                List<String> types = new ArrayList<>();
                while (rs.next()) {
                    types.add(rs.getString("TYPE_NAME"));
                }
                assertEquals(8, types.size(), types.toString());
                assertTrue(types.containsAll(List.of("INTEGER", "BIGINT", "DECIMAL", "VARCHAR", "DATE")), types.toString());
            }
            try (ResultSet rs = md.getImportedKeys(null, null, "md_orders")) {
                assertFalse(rs.next(), "Muru has no foreign keys");
                assertEquals("FKCOLUMN_NAME", rs.getMetaData().getColumnName(8));
            }
            assertThrows(SQLFeatureNotSupportedException.class, () -> md.getPrimaryKeys(null, null, "md_orders"));
            s.executeUpdate("DROP TABLE md_orders");
            s.executeUpdate("DROP TABLE md_items");
            s.executeUpdate("DROP TABLE other_t");
            assertEquals(List.of(), tableNames(md.getTables(null, null, "md%", null)));
        }
    }

    private static void assertSame(Object expected, Object actual) {
        assertTrue(expected == actual, expected + " is not " + actual);
    }

    private static List<String> tableNames(ResultSet rs) throws SQLException {
        List<String> out = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                out.add(rs.getString("TABLE_NAME"));
            }
        }
        return out;
    }
}
