package dev.muru.tests;

import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The SQLite forms and value rules the sqllogictest corpus relies on (docs/sqllogictest.md), each
 * forced sequential and forced parallel: IN with a constant value or an empty list, REPLACE,
 * triggers, repeated UPDATE assignments, errors only from values the result needs, NULLIF's
 * type, division of conditionals that mix integers and fractions, integer constants in 64 bits.
 */
class SqliteCompatibilityTest {
    static DualEngine db;

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

    @Test
    void inSubqueryWithAConstantValue() {
        db.check("SELECT 1 IN (SELECT x FROM t), 3 IN (SELECT x FROM t), 3 NOT IN (SELECT x FROM t)", "true|NULL|NULL");
        db.check("SELECT 1 IN (SELECT x FROM e), 1 NOT IN (SELECT x FROM e), NULL IN (SELECT x FROM e)", "false|true|false");
        db.check("SELECT 2 IN (SELECT x FROM n), 3 IN (SELECT x FROM n), NULL NOT IN (SELECT x FROM n)", "true|NULL|NULL");
        db.check("SELECT '2' IN (SELECT x FROM n), 'hello' IN (SELECT x FROM e), 'hello' NOT IN (SELECT x FROM e)",
                "true|false|true");
        db.checkUnordered("SELECT y FROM t WHERE 5 IN (SELECT x FROM t) AND y > 4", "5", "7");
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
    void repeatedUpdateAssignmentTakesTheRightmost() {
        db.execute("CREATE TABLE ua (x INTEGER)");
        db.execute("INSERT INTO ua VALUES (1), (2)");
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
    void divisionFollowsTheValueAConditionalPicks() {
        db.check("SELECT COALESCE(59, AVG(y)) / -51, COALESCE(NULL, AVG(y)) / 2 FROM t", "-1.0|1.25");
        db.check("SELECT CASE WHEN x > 3 THEN x ELSE x + 0.5 END / 2 FROM t WHERE x IN (2, 6)", "1.25", "3.0");
        db.check("SELECT -CASE WHEN x = 2 THEN COUNT(*) ELSE AVG(x) END * 3 / 2 FROM t WHERE x = 2 GROUP BY x", "-1.0");
        // a written CAST keeps its type
        db.check("SELECT COALESCE(CAST(59 AS DOUBLE), AVG(y)) / 2 FROM t", "29.5");
    }

    @Test
    void integerConstantsFoldInSixtyFourBits() {
        db.check("SELECT 74 * 77 * 71 * 93 * 82, 74 * 77 * 71 * 93 * 82 / 21, -2147483647 - 1",
                "3085159308|146912348|-2147483648");
        assertCode(ErrorCode.NUMERIC_OVERFLOW, "SELECT x * 2147483647 FROM t WHERE x = 2");
    }

    private static void assertCode(ErrorCode code, String sql) {
        for (var engine : List.of(db.sequential, db.parallel)) {
            MuruException e = assertThrows(MuruException.class, () -> engine.execute(sql), sql);
            assertEquals(code, e.code(), sql + " -> " + e.getMessage());
        }
    }
}
