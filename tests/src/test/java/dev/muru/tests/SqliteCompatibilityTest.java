package dev.muru.tests;

import com.typesafe.config.ConfigFactory;
import dev.muru.Muru;
import dev.muru.MuruSettings;
import dev.muru.Session;
import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;
import dev.muru.plan.binder.Dialect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SQLite forms and value rules the sqllogictest corpus relies on (docs/sqllogictest.md), each
 * forced sequential and forced parallel. The forms (IN with a constant value or an empty list,
 * REPLACE, triggers, errors only from values the result needs, NULLIF's type) hold in either
 * setting; the value rules the session setting {@code compatibility} gates are each asserted
 * under {@code 'sqlite'} (SQLite's value) and under the default {@code 'postgresql'}
 * (PostgreSQL's value or error): integer constants in 64 bits, division of conditionals that mix
 * integers and fractions, a non-numeric string IN a numeric subquery, repeated UPDATE
 * assignments, CAST of a fraction to an integer, declared string lengths.
 */
class SqliteCompatibilityTest {
    static DualEngine db;

    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() {
        db = new DualEngine(4);
        db.execute("CREATE TABLE t (x INTEGER, y INTEGER)");
        db.execute("INSERT INTO t VALUES (1, 0), (2, 5), (NULL, 7), (4, 0), (5, 1), (6, 2)");
        db.execute("CREATE TABLE e (x INTEGER)");
        db.execute("CREATE TABLE n (x INTEGER)");
        db.execute("INSERT INTO n VALUES (2), (NULL)");
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    /** Each test starts, and leaves the engines, with the default PostgreSQL rules. */
    @AfterEach
    void resetCompatibility() {
        db.execute("RESET compatibility");
    }

    private static void sqlite() {
        db.execute("SET compatibility = 'sqlite'");
    }

    private static void postgresql() {
        db.execute("SET compatibility = 'postgresql'");
    }

    @Test
    void settingIsShownChangedAndReset() {
        db.check("SHOW compatibility", "postgresql");
        db.execute("SET compatibility = 'sqlite'");
        db.check("SHOW compatibility", "sqlite");
        db.execute("SET compatibility TO 'PostgreSQL'");
        db.check("SHOW compatibility", "postgresql");
        db.execute("SET compatibility = 'sqlite'");
        db.execute("RESET compatibility");
        db.check("SHOW compatibility", "postgresql");
        db.execute("SET compatibility = 'sqlite'");
        db.execute("SET compatibility = DEFAULT");
        db.check("SHOW compatibility", "postgresql");
        db.execute("SET compatibility = 'sqlite'");
        db.execute("RESET ALL");
        db.check("SHOW compatibility", "postgresql");
        for (Muru engine : List.of(db.sequential, db.parallel)) {
            MuruException e = assertThrows(MuruException.class, () -> engine.execute("SET compatibility = 'mysql'"));
            assertEquals(ErrorCode.INVALID_SETTING, e.code());
            assertEquals("compatibility must be 'postgresql' or 'sqlite', got \"mysql\"", e.detail());
        }
        for (Muru engine : List.of(db.sequential, db.parallel)) {
            engine.execute("SET compatibility = 'sqlite'");
            List<String> all = DualEngine.text(engine.query("SHOW ALL"));
            assertTrue(all.stream().anyMatch(r -> r.startsWith("compatibility|sqlite|whose value rules")), all.toString());
        }
    }

    @Test
    void eachSessionHasItsOwnRules() {
        for (Muru engine : List.of(db.sequential, db.parallel)) {
            Session a = engine.session();
            Session b = engine.session();
            a.execute("SET compatibility = 'sqlite'");
            assertEquals("sqlite", a.show("compatibility"));
            assertEquals("postgresql", b.show("compatibility"));
            assertEquals(List.of("2"), DualEngine.text(a.query("SELECT CAST(2.7 AS INTEGER)")));
            assertEquals(List.of("3"), DualEngine.text(b.query("SELECT CAST(2.7 AS INTEGER)")));
            assertEquals(List.of("3"), DualEngine.text(engine.query("SELECT CAST(2.7 AS INTEGER)")));
        }
    }

    @Test
    void engineDefaultComesFromTheConfiguration() {
        assertEquals(Dialect.POSTGRESQL, MuruSettings.load().compatibility());
        MuruSettings s = MuruSettings.fromConfig(ConfigFactory.parseString("muru.sql.compatibility = sqlite")
                .withFallback(MuruSettings.defaultConfig()), null);
        assertEquals(Dialect.SQLITE, s.compatibility());
        // adaptive as configured (unless MURU_PARALLEL_THRESHOLD is set): these small queries run
        // inline, on the calling thread, which binds with the session's rules too
        try (Muru engine = Muru.start(s)) {
            engine.execute("CREATE TABLE d (x DOUBLE)");
            engine.execute("INSERT INTO d VALUES (2.7), (-2.7)");
            assertEquals(List.of("-2", "2"), DualEngine.text(engine.query("SELECT CAST(x AS INTEGER) FROM d ORDER BY x")));
            engine.execute("SET compatibility = 'postgresql'");
            assertEquals(List.of("-3", "3"), DualEngine.text(engine.query("SELECT CAST(x AS INTEGER) FROM d ORDER BY x")));
            engine.execute("RESET compatibility");
            assertEquals("sqlite", engine.defaultSession().show("compatibility"));
        }
        MuruException e = assertThrows(MuruException.class, () -> MuruSettings.fromConfig(ConfigFactory
                .parseString("muru.sql.compatibility = oracle").withFallback(MuruSettings.defaultConfig()), null));
        assertEquals(ErrorCode.INVALID_SETTING, e.code());
    }

    @Test
    void inSubqueryWithAConstantValue() {
        db.check("SELECT 1 IN (SELECT x FROM t), 3 IN (SELECT x FROM t), 3 NOT IN (SELECT x FROM t)", "true|NULL|NULL");
        db.check("SELECT 1 IN (SELECT x FROM e), 1 NOT IN (SELECT x FROM e), NULL IN (SELECT x FROM e)", "false|true|false");
        db.check("SELECT 2 IN (SELECT x FROM n), 3 IN (SELECT x FROM n), NULL NOT IN (SELECT x FROM n)", "true|NULL|NULL");
        db.check("SELECT '2' IN (SELECT x FROM n), '3' NOT IN (SELECT x FROM e)", "true|true");
        db.checkUnordered("SELECT y FROM t WHERE 5 IN (SELECT x FROM t) AND y > 4", "5", "7");
    }

    @Test
    void nonNumericStringInANumericSubquery() {
        String sql = "SELECT 'hello' IN (SELECT x FROM t WHERE x > 0), 'hello' NOT IN (SELECT x FROM e), "
                + "'2' IN (SELECT x FROM t), 'hello' IN (SELECT x FROM t)";
        // PostgreSQL reads the literal as the column's type
        assertError(ErrorCode.INVALID_TEXT_REPRESENTATION, sql, 8, "invalid input syntax for type integer: \"hello\"");
        assertError(ErrorCode.INVALID_TEXT_REPRESENTATION, "SELECT x FROM t WHERE 'x1' NOT IN (SELECT y FROM t)", 23,
                "invalid input syntax for type integer: \"x1\"");
        // SQLite: a string that is no number equals no number
        sqlite();
        // (with a NULL in the subquery, no match is NULL, as for any IN)
        db.check(sql, "false|true|true|NULL");
        db.checkUnordered("SELECT x FROM t WHERE 'x1' NOT IN (SELECT y FROM t) AND x < 3", "1", "2");
    }

    @Test
    void emptyInListAndHexStrings() {
        db.check("SELECT 1 IN (), 1 NOT IN (), NULL IN (), NULL NOT IN ()", "false|true|false|true");
        db.check("SELECT COUNT(*) FROM t WHERE x NOT IN ()", "6");
        db.check("SELECT x'303132', X'41' || 'b'", "012|Ab");
        assertCode(ErrorCode.SYNTAX_ERROR, "SELECT x'303'");
    }

    @Test
    void replaceIntoReplacesConflictingRows() {
        db.execute("CREATE TABLE r (k INTEGER PRIMARY KEY, u INTEGER UNIQUE, v VARCHAR)");
        db.execute("INSERT INTO r VALUES (1, 10, 'a'), (2, 20, 'b'), (3, 30, 'c')");
        assertCode(ErrorCode.UNIQUE_VIOLATION, "INSERT INTO r VALUES (1, 11, 'x')");
        db.execute("REPLACE INTO r VALUES (1, 11, 'x')");
        // conflicts with row 2 on k and with row 3 on u: both go
        db.execute("INSERT OR REPLACE INTO r VALUES (2, 30, 'y')");
        // within one statement the later row wins
        db.execute("REPLACE INTO r VALUES (4, 40, 'p'), (4, 41, 'q')");
        db.check("SELECT k, u, v FROM r ORDER BY k", "1|11|x", "2|30|y", "4|41|q");
        db.execute("CREATE TABLE plain (k INTEGER)");
        db.execute("REPLACE INTO plain VALUES (1), (1)");
        db.check("SELECT COUNT(*) FROM plain", "2");
    }

    @Test
    void triggersAreKeptByName() {
        db.execute("CREATE TABLE tt (x INTEGER)");
        db.execute("CREATE TRIGGER tr1 AFTER UPDATE ON tt BEGIN SELECT 1; END");
        assertCode(ErrorCode.DUPLICATE_TRIGGER, "CREATE TRIGGER tr1 DELETE ON tt BEGIN SELECT 1; END");
        db.execute("CREATE TRIGGER IF NOT EXISTS tr1 DELETE ON tt BEGIN SELECT 1; END");
        assertCode(ErrorCode.UNDEFINED_TABLE, "CREATE TRIGGER tr2 INSERT ON nosuch BEGIN SELECT 1; END");
        assertCode(ErrorCode.FEATURE_NOT_SUPPORTED, "CREATE TRIGGER tr3 INSERT ON tt BEGIN DELETE FROM tt; END");
        db.execute("DROP TRIGGER tr1");
        assertCode(ErrorCode.UNDEFINED_TRIGGER, "DROP TRIGGER tr1");
        db.execute("DROP TRIGGER IF EXISTS tr1");
        db.execute("CREATE TRIGGER tr4 BEFORE INSERT ON tt FOR EACH ROW BEGIN SELECT 1; SELECT 2; END");
        db.execute("DROP TABLE tt");
        assertCode(ErrorCode.UNDEFINED_TRIGGER, "DROP TRIGGER tr4");
    }

    @Test
    void repeatedUpdateAssignment() {
        db.execute("CREATE TABLE ua (x INTEGER)");
        db.execute("INSERT INTO ua VALUES (1), (2)");
        assertError(ErrorCode.DUPLICATE_COLUMN, "UPDATE ua SET x = 3, x = 4, x = 5", 22,
                "multiple assignments to same column \"x\"");
        db.checkUnordered("SELECT x FROM ua", "1", "2");
        sqlite();
        db.execute("UPDATE ua SET x = 3, x = 4, x = 5");
        db.check("SELECT COUNT(*) FROM ua WHERE x = 5", "2");
    }

    @Test
    void errorsOnlyFromValuesTheResultNeeds() {
        // y is 0 on some rows: the division is never needed there
        db.checkUnordered("SELECT x FROM t WHERE x NOT IN (x, 10 / y)");
        db.checkUnordered("SELECT x FROM t WHERE y > 1 AND x IN (x + 100, 10 / y)", "2");
        db.check("SELECT NULLIF(NULL, 1 / 0), NULL IN (1 / 0, 2)", "NULL|NULL");
        db.check("SELECT COUNT(*) FROM t WHERE 10 / y > 0 HAVING NULL IS NOT NULL");
        db.check("SELECT x FROM t WHERE x / y > 0 AND x < NULL");
        db.check("SELECT CASE 1 WHEN 2 THEN AVG(10 / (y - y)) ELSE 7 END FROM t", "7.0");
        db.checkUnordered("SELECT x, CASE 1 WHEN 2 THEN SUM(10 / (y - y)) ELSE x END FROM t WHERE x > 4 GROUP BY x",
                "5|5", "6|6");
        assertCode(ErrorCode.DIVISION_BY_ZERO, "SELECT x FROM t WHERE x IN (x + 100, 10 / y)");
        assertCode(ErrorCode.DIVISION_BY_ZERO, "SELECT CASE 1 WHEN 1 THEN AVG(10 / (y - y)) ELSE 7 END FROM t");
    }

    @Test
    void nullifKeepsItsFirstArgumentsType() {
        db.check("SELECT NULLIF(53, 2.5) / 2, NULLIF(5, 5.0), NULLIF(2.5, 1) * 2", "26|NULL|5.0");
    }

    @Test
    void divisionOfAConditionalMixingIntegersAndFractions() {
        // PostgreSQL: the conditional has its common type, and so has the division
        db.check("SELECT COALESCE(59, AVG(y)) / -51, COALESCE(NULL, AVG(y)) / 2 FROM t", "-1.1568627450980393|1.25");
        db.check("SELECT -CASE WHEN x = 2 THEN COUNT(*) ELSE AVG(x) END * 3 / 2 FROM t WHERE x = 2 GROUP BY x", "-1.5");
        // SQLite: the division follows the value the conditional picks
        sqlite();
        db.check("SELECT COALESCE(59, AVG(y)) / -51, COALESCE(NULL, AVG(y)) / 2 FROM t", "-1.0|1.25");
        db.check("SELECT CASE WHEN x > 3 THEN x ELSE x + 0.5 END / 2 FROM t WHERE x IN (2, 6)", "1.25", "3.0");
        db.check("SELECT -CASE WHEN x = 2 THEN COUNT(*) ELSE AVG(x) END * 3 / 2 FROM t WHERE x = 2 GROUP BY x", "-1.0");
        // a written CAST keeps its type
        db.check("SELECT COALESCE(CAST(59 AS DOUBLE), AVG(y)) / 2 FROM t", "29.5");
    }

    @Test
    void integerConstantArithmetic() {
        // PostgreSQL: INTEGER constants overflow as INTEGER columns do
        assertCode(ErrorCode.NUMERIC_OVERFLOW, "SELECT 74 * 77 * 71 * 93 * 82");
        assertCode(ErrorCode.NUMERIC_OVERFLOW, "SELECT 2147483647 + 1");
        assertCode(ErrorCode.NUMERIC_OVERFLOW, "SELECT -(-2147483647 - 1)");
        db.check("SELECT -2147483647 - 1, 3000000000 * 2, 74 * 77 * 71 * CAST(93 AS BIGINT) * 82", 
                "-2147483648|6000000000|3085159308");
        // SQLite: integers are 64 bits
        sqlite();
        db.check("SELECT 74 * 77 * 71 * 93 * 82, 74 * 77 * 71 * 93 * 82 / 21, -2147483647 - 1, 2147483647 + 1",
                "3085159308|146912348|-2147483648|2147483648");
        // columns keep their type in either setting
        assertCode(ErrorCode.NUMERIC_OVERFLOW, "SELECT x * 2147483647 FROM t WHERE x = 2");
    }

    @Test
    void castOfAFractionToAnInteger() {
        String sql = "SELECT CAST(151.98 AS INTEGER), CAST(-2.5 AS INTEGER), CAST(2.7 AS SMALLINT), "
                + "CAST(CAST(-7.7 AS DOUBLE) AS BIGINT), CAST(x + 0.5 AS INTEGER), CAST(x AS INTEGER) FROM t WHERE x = 2";
        // PostgreSQL rounds half away from zero
        db.check(sql, "152|-3|3|-8|3|2");
        // SQLite truncates toward zero
        sqlite();
        db.check(sql, "151|-2|2|-7|2|2");
        // trunc() is PostgreSQL's, the same in either setting
        for (String setting : List.of("sqlite", "postgresql")) {
            db.execute("SET compatibility = '" + setting + "'");
            db.check("SELECT trunc(-2.7), trunc(2.789, 2), trunc(CAST(-2.789 AS DOUBLE), 1), trunc(7), round(2.5)",
                    "-2|2.78|-2.7|7|3");
        }
    }

    @Test
    void declaredStringLengths() throws Exception {
        db.execute("CREATE TABLE lv (k INTEGER PRIMARY KEY, v VARCHAR(3), c CHAR(2))");
        db.execute("INSERT INTO lv VALUES (1, 'abc', 'ab')");
        Path csv = dir.resolve("long.csv");
        Files.writeString(csv, "7,abcdefg,x\n");
        // PostgreSQL: a longer value is an error, nothing is stored
        assertCode(ErrorCode.STRING_TOO_LONG, "INSERT INTO lv VALUES (2, 'abcd', 'a')");
        assertCode(ErrorCode.STRING_TOO_LONG, "INSERT INTO lv VALUES (2, 'a', 'abc')");
        assertCode(ErrorCode.STRING_TOO_LONG, "UPDATE lv SET v = v || 'x'");
        assertCode(ErrorCode.STRING_TOO_LONG, "REPLACE INTO lv VALUES (1, 'abcd', 'a')");
        for (Muru engine : List.of(db.sequential, db.parallel)) {
            MuruException e = assertThrows(MuruException.class, () -> engine.execute("COPY lv FROM '" + csv + "'"));
            // COPY names the line and field of the bad value
            assertEquals(ErrorCode.CSV_FORMAT_ERROR, e.code());
            assertTrue(e.detail().endsWith("line 1, column 2 (v): value too long for type VARCHAR(3)"), e.detail());
        }
        db.check("SELECT k, v, c FROM lv", "1|abc|ab");
        // SQLite: declared lengths are not enforced, values are stored whole
        sqlite();
        db.execute("INSERT INTO lv VALUES (2, 'abcd', 'abc')");
        db.execute("UPDATE lv SET v = v || 'x' WHERE k = 1");
        db.execute("REPLACE INTO lv VALUES (3, 'abcdef', 'a'), (2, 'abcde', 'abcd')");
        db.execute("COPY lv FROM '" + csv + "'");
        db.check("SELECT k, v, c, LENGTH(v) FROM lv ORDER BY k", "1|abcx|ab|4", "2|abcde|abcd|5", "3|abcdef|a|6",
                "7|abcdefg|x|7");
        // Back under PostgreSQL's rules the stored values are read whole and do not fail statements
        // that leave them as they are; new values are checked again
        postgresql();
        db.execute("DELETE FROM lv WHERE k = 3");
        db.execute("UPDATE lv SET k = k + 10 WHERE k = 7");
        assertCode(ErrorCode.STRING_TOO_LONG, "INSERT INTO lv VALUES (4, 'abcd', 'a')");
        db.check("SELECT k, v, c FROM lv ORDER BY k", "1|abcx|ab", "2|abcde|abcd", "17|abcdefg|x");
    }

    private static void assertCode(ErrorCode code, String sql) {
        for (var engine : List.of(db.sequential, db.parallel)) {
            MuruException e = assertThrows(MuruException.class, () -> engine.execute(sql), sql);
            assertEquals(code, e.code(), sql + " -> " + e.getMessage());
        }
    }

    /** An error found while binding: its code, message and position (line 1, 1-based column). */
    private static void assertError(ErrorCode code, String sql, int column, String message) {
        for (var engine : List.of(db.sequential, db.parallel)) {
            MuruException e = assertThrows(MuruException.class, () -> engine.execute(sql), sql);
            assertEquals(code, e.code(), sql + " -> " + e.getMessage());
            assertEquals(message, e.detail(), sql);
            assertTrue(e.hasPosition(), sql);
            assertEquals(1, e.line(), sql);
            assertEquals(column, e.column(), sql + " -> " + e.getMessage());
        }
    }
}
