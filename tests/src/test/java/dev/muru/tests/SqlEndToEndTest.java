package dev.muru.tests;

import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SQL through the whole actor runtime, each query forced sequential and forced parallel. */
class SqlEndToEndTest {
    static DualEngine db;
    static final int N = 10_000;

    @BeforeAll
    static void setUp() {
        db = new DualEngine(512);
        db.execute("CREATE TABLE nums (id BIGINT NOT NULL, grp INTEGER, val DECIMAL(10,2), name VARCHAR(20), d DATE)");
        // id 1..N; grp = id % 7 (NULL when id % 10 = 0); val = id / 4 with cents; name every 3rd NULL.
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= N; i++) {
            if (sb.length() == 0) {
                sb.append("INSERT INTO nums VALUES ");
            } else {
                sb.append(", ");
            }
            String grp = i % 10 == 0 ? "NULL" : Integer.toString(i % 7);
            String name = i % 3 == 0 ? "NULL" : "'n" + (i % 50) + "'";
            sb.append('(').append(i).append(", ").append(grp).append(", ").append(i / 4).append('.')
                    .append(String.format("%02d", (i * 7) % 100)).append(", ").append(name)
                    .append(", DATE '1995-01-01' + ").append(i % 365).append(')');
            if (i % 1000 == 0) {
                db.execute(sb.toString());
                sb.setLength(0);
            }
        }
        db.execute("CREATE TABLE small (k INTEGER, s VARCHAR, b BOOLEAN)");
        db.execute("INSERT INTO small VALUES (1, 'a', true), (2, 'b', false), (NULL, NULL, NULL), (3, 'it''s', true)");
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void countsAndSums() {
        db.check("SELECT COUNT(*), COUNT(grp), COUNT(name), SUM(id), MIN(id), MAX(id) FROM nums",
                N + "|" + (N - N / 10) + "|" + (N - N / 3) + "|" + ((long) N * (N + 1) / 2) + "|1|" + N);
        db.check("SELECT COUNT(*), SUM(id) FROM nums WHERE id % 2 = 0", (N / 2) + "|" + (2L * (N / 2) * (N / 2 + 1) / 2));
        db.check("SELECT COUNT(*) FROM nums WHERE 1 = 1", Integer.toString(N));
        db.check("SELECT COUNT(*), SUM(id) FROM nums WHERE NULL", "0|NULL");
        db.check("SELECT COUNT(*) FROM nums WHERE id % 3 = 0 AND id % 5 = 0 AND grp IS NOT NULL", "333");
    }

    @Test
    void groupByWithNullKeyAndOrdering() {
        List<String> expected = new ArrayList<>();
        for (int g = 0; g < 7; g++) {
            long count = 0;
            long sum = 0;
            for (int i = 1; i <= N; i++) {
                if (i % 10 != 0 && i % 7 == g) {
                    count++;
                    sum += i;
                }
            }
            expected.add(g + "|" + count + "|" + sum);
        }
        long nullCount = N / 10;
        long nullSum = 0;
        for (int i = 10; i <= N; i += 10) {
            nullSum += i;
        }
        expected.add("NULL|" + nullCount + "|" + nullSum);
        db.check("SELECT grp, COUNT(*), SUM(id) FROM nums GROUP BY grp ORDER BY grp", expected.toArray(new String[0]));
        db.check("SELECT grp AS g, COUNT(*) AS c FROM nums GROUP BY g ORDER BY c DESC, g LIMIT 2",
                "0|1286", "1|1286");
        db.check("SELECT grp, COUNT(*) FROM nums GROUP BY 1 HAVING COUNT(*) <= 1000 ORDER BY 1 NULLS FIRST", "NULL|1000");
    }

    @Test
    void distinctAggregatesAndDistinctRows() {
        db.check("SELECT COUNT(DISTINCT grp), COUNT(DISTINCT name), SUM(DISTINCT grp), AVG(DISTINCT grp) FROM nums",
                "7|50|21|3.0");
        db.checkUnordered("SELECT DISTINCT grp FROM nums WHERE grp < 3", "0", "1", "2");
        db.check("SELECT DISTINCT grp FROM nums ORDER BY grp DESC", "NULL", "6", "5", "4", "3", "2", "1", "0");
    }

    @Test
    void avgAndDecimalArithmetic() {
        db.check("SELECT SUM(val), AVG(id), MAX(val * 2), MIN(val + 1) FROM nums WHERE id <= 4",
                "1.70|2.5|2.56|1.07");
        db.check("SELECT id, val, val * val, val / 2 FROM nums WHERE id = 9", "9|2.63|6.9169|1.315");
    }

    @Test
    void orderByLimitOffsetTopN() {
        db.check("SELECT id FROM nums ORDER BY id DESC LIMIT 3", "10000", "9999", "9998");
        db.check("SELECT id FROM nums ORDER BY id LIMIT 2 OFFSET 5", "6", "7");
        db.check("SELECT id, name FROM nums WHERE id < 8 ORDER BY name NULLS FIRST, id DESC",
                "6|NULL", "3|NULL", "1|n1", "2|n2", "4|n4", "5|n5", "7|n7");
        db.check("SELECT id FROM nums WHERE id > 9990 ORDER BY id % 3, id",
                "9993", "9996", "9999", "9991", "9994", "9997", "10000", "9992", "9995", "9998");
        assertEquals(N, db.rows("SELECT id FROM nums ORDER BY d, id").size());
        db.check("SELECT COUNT(*) FROM nums LIMIT 0");
    }

    @Test
    void zoneMapsSkipRowGroupsWithoutLosingRows() {
        db.check("SELECT COUNT(*), MIN(id), MAX(id) FROM nums WHERE id <= 600", "600|1|600");
        db.check("SELECT COUNT(*) FROM nums WHERE id > 9000 AND id < 9100 AND grp >= 0", "90");
        db.check("SELECT COUNT(*) FROM nums WHERE 9990 < id", "10");
        db.check("SELECT COUNT(*) FROM nums WHERE id = 20000", "0");
        for (var engine : List.of(db.sequential, db.parallel)) {
            String plan = String.join("\n", DualEngine.text(engine.query("EXPLAIN ANALYZE SELECT COUNT(*) FROM nums WHERE id <= 600")));
            assertTrue(plan.contains("row groups skipped by zone maps"), plan);
        }
    }

    @Test
    void explainShowsPipelinesAndDecisions() {
        String plan = String.join("\n", DualEngine.text(db.sequential.query(
                "EXPLAIN SELECT grp, COUNT(*) FROM nums WHERE id > 5 GROUP BY grp ORDER BY 2 DESC LIMIT 3")));
        assertTrue(plan.contains("Pipeline 0 [sequential"), plan);
        assertTrue(plan.contains("hash aggregate"), plan);
        assertTrue(plan.contains("top-3"), plan);
        String parallelPlan = String.join("\n", DualEngine.text(db.parallel.query("EXPLAIN SELECT COUNT(*) FROM nums")));
        assertTrue(parallelPlan.contains("parallel, DOP 3"), parallelPlan);
    }

    @Test
    void unaryPlusIsTheIdentityOnAnyTypeAndMinusNeedsANumber() {
        db.check("SELECT + s, + + k, - - k FROM small WHERE k = 1", db.rows("SELECT s, k, k FROM small WHERE k = 1")
                .toArray(new String[0]));
        dev.muru.core.MuruException e = org.junit.jupiter.api.Assertions.assertThrows(dev.muru.core.MuruException.class,
                () -> db.sequential.query("SELECT - s FROM small"));
        assertEquals(dev.muru.core.ErrorCode.DATATYPE_MISMATCH, e.code());
    }

    @Test
    void limitWithoutOrderReturnsExactlyThatMany() {
        assertEquals(7, db.rows("SELECT id FROM nums LIMIT 7").size());
        assertEquals(5, db.rows("SELECT id FROM nums WHERE id > 9995 LIMIT 100").size());
    }

    @Test
    void expressionsAndFunctions() {
        db.check("SELECT 7 / 2, -7 / 2, 7 % 3, 2 + 3 * 4, (2 + 3) * 4, 1.5 + 1, 10 / 4.0", "3|-3|1|14|20|2.5|2.5");
        db.check("SELECT k, s || '!', UPPER(s), LENGTH(s), COALESCE(s, 'none'), NULLIF(k, 2) FROM small ORDER BY k",
                "1|a!|A|1|a|1", "2|b!|B|1|b|NULL", "3|it's!|IT'S|4|it's|3", "NULL|NULL|NULL|NULL|none|NULL");
        db.check("SELECT CASE WHEN k = 1 THEN 'one' WHEN k > 1 THEN 'many' ELSE 'none' END, "
                + "CASE k WHEN 2 THEN 'two' END FROM small ORDER BY k", "one|NULL", "many|two", "many|NULL", "none|NULL");
        db.check("SELECT SUBSTRING('hello' FROM 2 FOR 3), substring('hello', 1, 2), TRIM('  x  '), LOWER('AbC'), ABS(-4), ROUND(2.567, 2)",
                "ell|he|x|abc|4|2.57");
        db.check("SELECT CAST('1995-03-15' AS DATE), DATE '1995-01-31' + INTERVAL '1' MONTH, DATE '1996-01-01' - INTERVAL '1' DAY, "
                + "EXTRACT(YEAR FROM DATE '1995-07-04'), EXTRACT(MONTH FROM DATE '1995-07-04'), EXTRACT(DAY FROM DATE '1995-07-04')",
                "1995-03-15|1995-02-28|1995-12-31|1995|7|4");
        db.check("SELECT CAST(12.7 AS INTEGER), CAST('42' AS BIGINT), CAST(3 AS DECIMAL(5,2)), CAST(1.25 AS DOUBLE)",
                "13|42|3.00|1.25");
    }

    @Test
    void threeValuedLogicAndPredicates() {
        db.checkUnordered("SELECT k FROM small WHERE b OR k IS NULL", "1", "3", "NULL");
        db.checkUnordered("SELECT k FROM small WHERE NOT b", "2");
        db.checkUnordered("SELECT k FROM small WHERE k IN (1, 3)", "1", "3");
        db.checkUnordered("SELECT k FROM small WHERE k NOT IN (1, NULL)");
        db.checkUnordered("SELECT k FROM small WHERE k NOT BETWEEN 2 AND 3", "1");
        db.checkUnordered("SELECT s FROM small WHERE s LIKE 'i%'", "it's");
        db.checkUnordered("SELECT s FROM small WHERE s NOT LIKE '_'", "it's");
        db.check("SELECT COUNT(*) FROM nums WHERE name LIKE 'n1%' AND d BETWEEN DATE '1995-01-01' AND '1995-06-30'", "739");
    }

    @Test
    void selectStarAliasesAndQuotedIdentifiers() {
        db.check("SELECT * FROM small WHERE k = 1", "1|a|true");
        db.check("SELECT t.*, t.k AS \"Key\" FROM small AS t WHERE t.k = 2", "2|b|false|2");
        db.check("select K from SMALL where K = 3 -- comment\n /* block */", "3");
    }

    @Test
    void insertSelectAndDerivedTable() {
        db.execute("CREATE TABLE IF NOT EXISTS copyof (id BIGINT, grp INTEGER)");
        db.execute("INSERT INTO copyof SELECT id, grp FROM nums WHERE id <= 100");
        db.check("SELECT COUNT(*), SUM(id) FROM copyof", "100|5050");
        db.check("SELECT COUNT(*) FROM (SELECT grp FROM copyof GROUP BY grp) AS g", "8");
        db.execute("DROP TABLE copyof");
    }

    @Test
    void errorsHaveCodesAndChangeNothing() {
        assertCode(ErrorCode.SYNTAX_ERROR, "SELECT * FORM nums");
        assertCode(ErrorCode.UNDEFINED_TABLE, "SELECT * FROM nope");
        assertCode(ErrorCode.UNDEFINED_COLUMN, "SELECT nope FROM nums");
        assertCode(ErrorCode.DATATYPE_MISMATCH, "SELECT id + name FROM nums");
        assertCode(ErrorCode.AGGREGATE_IN_WHERE, "SELECT id FROM nums WHERE COUNT(*) > 1");
        assertCode(ErrorCode.GROUPING_ERROR, "SELECT id, COUNT(*) FROM nums GROUP BY grp");
        assertCode(ErrorCode.DIVISION_BY_ZERO, "SELECT id / 0 FROM nums");
        assertCode(ErrorCode.NUMERIC_OVERFLOW, "SELECT 2147483647 + id::INTEGER FROM nums");
        assertCode(ErrorCode.NUMERIC_OVERFLOW, "SELECT 9223372036854775807 + 1");
        assertCode(ErrorCode.DUPLICATE_TABLE, "CREATE TABLE nums (x INTEGER)");
        assertCode(ErrorCode.NOT_NULL_VIOLATION, "INSERT INTO nums (grp) VALUES (1)");
        // A failing statement appends nothing: the last row's cast fails, so no row lands.
        assertCode(ErrorCode.INVALID_TEXT_REPRESENTATION, "INSERT INTO small VALUES (9, 'x', true), (CAST('z' AS INTEGER), 'y', false)");
        db.check("SELECT COUNT(*) FROM small", "4");
        db.check("SELECT COUNT(*) FROM nums", Integer.toString(N));
    }

    @Test
    void absurdlyDeepNestingIsAnErrorNotACrash() {
        String deep = "SELECT " + "(".repeat(50_000) + "1" + ")".repeat(50_000);
        MuruException e = assertThrows(MuruException.class, () -> db.sequential.query(deep));
        assertEquals(ErrorCode.FEATURE_NOT_SUPPORTED, e.code(), e.getMessage());
        db.check("SELECT 40 + 2", "42");
    }

    private static void assertCode(ErrorCode code, String sql) {
        for (var engine : List.of(db.sequential, db.parallel)) {
            MuruException e = assertThrows(MuruException.class, () -> engine.query(sql), sql);
            assertEquals(code, e.code(), sql + " -> " + e.getMessage());
            assertTrue(e.getMessage().contains(code.name()), e.getMessage());
        }
    }
}
