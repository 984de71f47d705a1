package dev.muru.tests;

import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Joins, subqueries, set operations and WITH on small tables with NULLs, sequential and parallel. */
class JoinSubqueryTest {
    static DualEngine db;

    @BeforeAll
    static void setUp() {
        db = new DualEngine(2);
        db.execute("CREATE TABLE a (id INTEGER, x INTEGER, s VARCHAR)");
        db.execute("INSERT INTO a VALUES (1, 10, 'p'), (2, 20, 'q'), (2, 21, 'q2'), (3, NULL, 'r'), (NULL, 40, 's'), (5, 50, NULL)");
        db.execute("CREATE TABLE b (id INTEGER, y INTEGER, s VARCHAR)");
        db.execute("INSERT INTO b VALUES (1, 100, 'p'), (2, 200, 'q'), (4, 400, 't'), (NULL, 500, 's'), (5, NULL, 'u'), (5, 550, 'v')");
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void innerJoins() {
        db.check("SELECT a.id, a.x, b.y FROM a JOIN b ON a.id = b.id ORDER BY 1, 2, 3",
                "1|10|100", "2|20|200", "2|21|200", "5|50|550", "5|50|NULL");
        db.check("SELECT a.id, a.x, b.y FROM a, b WHERE b.id = a.id ORDER BY 1, 2, 3",
                "1|10|100", "2|20|200", "2|21|200", "5|50|550", "5|50|NULL");
        db.check("SELECT id, a.x, b.y FROM a JOIN b USING (id) ORDER BY 1, 2, 3",
                "1|10|100", "2|20|200", "2|21|200", "5|50|550", "5|50|NULL");
        db.check("SELECT a1.x, a2.x FROM a a1 JOIN a AS a2 ON a1.id = a2.id AND a1.x < a2.x", "20|21");
        db.check("SELECT a.x, b.y FROM a JOIN b ON a.id = b.id AND b.y > a.x * 10", "50|550");
        db.check("SELECT COUNT(*) FROM a JOIN b ON a.id = b.id AND a.s = b.s", "2");
        db.check("SELECT COUNT(*) FROM a CROSS JOIN b", "36");
        db.check("SELECT COUNT(*) FROM a, b WHERE a.x < b.y", "25");
        db.check("SELECT COUNT(*) FROM a JOIN b ON a.x * 10 = b.y", "4");
        db.check("SELECT t.id, t.c FROM (SELECT id, COUNT(*) AS c FROM a GROUP BY id) AS t WHERE t.c > 1", "2|2");
        db.check("SELECT a.id, COUNT(DISTINCT b.y), SUM(CASE WHEN b.y > 300 THEN 1 ELSE 0 END) FROM a JOIN b ON a.id = b.id "
                + "GROUP BY a.id ORDER BY 1", "1|1|0", "2|1|0", "5|1|1");
    }

    @Test
    void outerJoins() {
        db.check("SELECT a.id, a.x, b.y FROM a LEFT JOIN b ON a.id = b.id ORDER BY 2, 3",
                "1|10|100", "2|20|200", "2|21|200", "NULL|40|NULL", "5|50|550", "5|50|NULL", "3|NULL|NULL");
        db.check("SELECT a.x, b.id, b.y FROM a RIGHT JOIN b ON a.id = b.id ORDER BY 3, 1",
                "10|1|100", "20|2|200", "21|2|200", "NULL|4|400", "NULL|NULL|500", "50|5|550", "50|5|NULL");
        db.check("SELECT a.x, b.y FROM a FULL OUTER JOIN b ON a.id = b.id ORDER BY 1, 2",
                "10|100", "20|200", "21|200", "40|NULL", "50|550", "50|NULL", "NULL|400", "NULL|500", "NULL|NULL");
        db.check("SELECT a.x, b.y FROM a LEFT JOIN b ON a.id = b.id AND b.y > a.x * 10 ORDER BY 1",
                "10|NULL", "20|NULL", "21|NULL", "40|NULL", "50|550", "NULL|NULL");
        // A condition on the inner side filters it before the join; on the outer side it only decides matches.
        db.check("SELECT a.x, b.y FROM a LEFT JOIN b ON a.id = b.id AND b.y < 150 ORDER BY 1",
                "10|100", "20|NULL", "21|NULL", "40|NULL", "50|NULL", "NULL|NULL");
        db.check("SELECT a.x, b.y FROM a LEFT JOIN b ON a.id = b.id AND a.x < 15 ORDER BY 1",
                "10|100", "20|NULL", "21|NULL", "40|NULL", "50|NULL", "NULL|NULL");
        db.check("SELECT COUNT(*), COUNT(b.id) FROM a LEFT JOIN b ON a.id = b.id WHERE b.id IS NULL", "2|0");
    }

    @Test
    void existsAndIn() {
        db.check("SELECT a.x FROM a WHERE EXISTS (SELECT 1 FROM b WHERE b.id = a.id) ORDER BY 1", "10", "20", "21", "50");
        db.check("SELECT a.x FROM a WHERE NOT EXISTS (SELECT * FROM b WHERE b.id = a.id) ORDER BY 1", "40", "NULL");
        db.check("SELECT a.x FROM a WHERE EXISTS (SELECT 1 FROM b WHERE b.id = a.id AND b.y > a.x * 10) ORDER BY 1", "50");
        db.check("SELECT COUNT(*) FROM a WHERE EXISTS (SELECT 1 FROM b WHERE b.y > 500)", "6");
        db.check("SELECT COUNT(*) FROM a WHERE EXISTS (SELECT 1 FROM b WHERE b.y > 5000)", "0");
        db.check("SELECT a.x FROM a WHERE a.id IN (SELECT id FROM b) ORDER BY 1", "10", "20", "21", "50");
        // NOT IN follows SQL's NULL rules: a NULL in the subquery makes every row unknown.
        db.check("SELECT COUNT(*) FROM a WHERE a.id NOT IN (SELECT id FROM b)", "0");
        db.check("SELECT a.x FROM a WHERE a.id NOT IN (SELECT id FROM b WHERE id IS NOT NULL) ORDER BY 1", "NULL");
        db.check("SELECT COUNT(*) FROM a WHERE a.id NOT IN (SELECT id FROM b WHERE id > 100)", "6");
        db.check("SELECT a.id, a.id IN (SELECT id FROM b WHERE id IS NOT NULL) FROM a ORDER BY a.x",
                "1|true", "2|true", "2|true", "NULL|NULL", "5|true", "3|false");
        db.check("SELECT a.id, a.id IN (SELECT id FROM b) FROM a ORDER BY a.x",
                "1|true", "2|true", "2|true", "NULL|NULL", "5|true", "3|NULL");
        db.check("SELECT a.x FROM a WHERE a.x > 30 OR EXISTS (SELECT 1 FROM b WHERE b.id = a.id AND b.y = 100) ORDER BY 1",
                "10", "40", "50");
        db.check("SELECT COUNT(*) FROM a WHERE a.x IN (SELECT y / 10 FROM b)", "4");
    }

    @Test
    void scalarSubqueries() {
        db.check("SELECT x FROM a WHERE x > (SELECT AVG(x) FROM a) ORDER BY 1", "40", "50");
        db.check("SELECT b.id, (SELECT COUNT(*) FROM a WHERE a.id = b.id) FROM b ORDER BY b.y",
                "1|1", "2|2", "4|0", "NULL|0", "5|1", "5|1");
        db.check("SELECT b.id FROM b WHERE b.y > (SELECT SUM(a.x) FROM a WHERE a.id = b.id) * 5 ORDER BY 1", "1", "5");
        db.check("SELECT (SELECT y FROM b WHERE id = 99)", "NULL");
        db.check("SELECT (SELECT y FROM b WHERE id = 1) + 1", "101");
        db.check("SELECT id, COUNT(*) FROM a GROUP BY id HAVING COUNT(*) > (SELECT COUNT(*) FROM b WHERE id = 1)", "2|2");
        db.check("SELECT MAX(x) - (SELECT MIN(y) FROM b) FROM a", "-50");
        // Correlation other than inner = outer: decorrelated over the distinct outer values.
        db.check("SELECT a.x, (SELECT COUNT(*) FROM b WHERE b.y < a.x * 10) FROM a ORDER BY 1",
                "10|0", "20|1", "21|2", "40|2", "50|3", "NULL|0");
        db.check("SELECT x FROM a WHERE (SELECT SUM(y) FROM b WHERE b.id <> a.id) > 1100 ORDER BY 1", "10", "NULL");
        db.check("SELECT x FROM a WHERE x * 10 > (SELECT AVG(y) FROM b WHERE b.id = a.id AND b.y > a.x) ORDER BY 1", "21");
    }

    @Test
    void setOperationsAndWith() {
        db.check("SELECT id FROM a UNION SELECT id FROM b ORDER BY 1", "1", "2", "3", "4", "5", "NULL");
        db.check("SELECT COUNT(*) FROM (SELECT id FROM a UNION ALL SELECT id FROM b) AS u", "12");
        db.check("SELECT id FROM a INTERSECT SELECT id FROM b ORDER BY 1", "1", "2", "5", "NULL");
        db.check("SELECT id FROM a EXCEPT SELECT id FROM b", "3");
        db.check("SELECT x FROM a WHERE x < 15 UNION ALL SELECT y FROM b WHERE y > 500 UNION ALL SELECT 7 ORDER BY 1",
                "7", "10", "550");
        db.check("WITH t AS (SELECT id, x FROM a WHERE x IS NOT NULL) SELECT COUNT(*) FROM t t1 JOIN t t2 ON t1.id = t2.id", "6");
        db.check("WITH t (k) AS (SELECT id FROM b WHERE y > 300), u AS (SELECT k FROM t WHERE k IS NOT NULL) "
                + "SELECT COUNT(*), MIN(k) FROM u", "2|4");
    }

    @Test
    void views() {
        db.execute("CREATE TABLE vt (k INTEGER, v INTEGER)");
        db.execute("INSERT INTO vt VALUES (1, 10), (2, 20), (3, 30)");
        db.execute("CREATE VIEW big (key, val) AS SELECT k, v FROM vt WHERE v > 15");
        db.check("SELECT key, val FROM big ORDER BY key", "2|20", "3|30");
        db.check("SELECT COUNT(*) FROM big b1 JOIN big b2 ON b1.key = b2.key", "2");
        db.execute("INSERT INTO vt VALUES (4, 40)");
        db.check("SELECT COUNT(*) FROM big", "3"); // a view reads the current data
        for (var engine : new dev.muru.Muru[]{db.sequential, db.parallel}) {
            MuruException e = assertThrows(MuruException.class, () -> engine.execute("CREATE VIEW big AS SELECT 1"));
            assertEquals(ErrorCode.DUPLICATE_TABLE, e.code());
            e = assertThrows(MuruException.class, () -> engine.execute("CREATE VIEW vt AS SELECT 1"));
            assertEquals(ErrorCode.DUPLICATE_TABLE, e.code());
            e = assertThrows(MuruException.class, () -> engine.execute("CREATE VIEW broken AS SELECT nope FROM vt"));
            assertEquals(ErrorCode.UNDEFINED_COLUMN, e.code());
            e = assertThrows(MuruException.class, () -> engine.query("SELECT * FROM broken"));
            assertEquals(ErrorCode.UNDEFINED_TABLE, e.code()); // the failed CREATE left nothing behind
        }
        db.execute("CREATE OR REPLACE VIEW big AS SELECT k FROM vt WHERE v > 35");
        db.check("SELECT * FROM big", "4");
        db.execute("DROP VIEW big");
        db.execute("DROP VIEW IF EXISTS big");
        for (var engine : new dev.muru.Muru[]{db.sequential, db.parallel}) {
            MuruException e = assertThrows(MuruException.class, () -> engine.query("SELECT * FROM big"));
            assertEquals(ErrorCode.UNDEFINED_TABLE, e.code());
        }
    }

    @Test
    void badInputGetsClearErrors() {
        assertError("SELECT id FROM a, b", ErrorCode.AMBIGUOUS_COLUMN, 1, 8);
        assertError("SELECT a.zz FROM a JOIN b ON a.id = b.id", ErrorCode.UNDEFINED_COLUMN, 1, 8);
        assertError("SELECT c.id FROM a", ErrorCode.UNDEFINED_TABLE, 1, 8);
        assertError("SELECT * FROM a, a", ErrorCode.DUPLICATE_ALIAS, 1, 18);
        assertError("SELECT * FROM a JOIN b ON a.id = b.nope", ErrorCode.UNDEFINED_COLUMN, 1, 34);
        assertError("SELECT * FROM a WHERE id IN (SELECT id, y FROM b)", ErrorCode.SUBQUERY_COLUMN_COUNT, 1, 23);
        assertError("SELECT id FROM a UNION SELECT id, y FROM b", ErrorCode.SET_OPERATION_MISMATCH, 1, 1);
        assertError("SELECT (SELECT b.y FROM b WHERE b.id = a.id) FROM a", ErrorCode.FEATURE_NOT_SUPPORTED, 1, 8);
        MuruException e = assertThrows(MuruException.class, () -> db.sequential.query("SELECT (SELECT id FROM b)"));
        assertEquals(ErrorCode.SUBQUERY_MULTIPLE_ROWS, e.code());
        e = assertThrows(MuruException.class, () -> db.parallel.query("SELECT x FROM a WHERE x = (SELECT y FROM b)"));
        assertEquals(ErrorCode.SUBQUERY_MULTIPLE_ROWS, e.code());
        db.check("SELECT COUNT(*) FROM a JOIN b ON a.id = b.id", "5"); // still serving
    }

    private static void assertError(String sql, ErrorCode code, int line, int column) {
        for (var engine : new dev.muru.Muru[]{db.sequential, db.parallel}) {
            MuruException e = assertThrows(MuruException.class, () -> engine.query(sql), sql);
            assertEquals(code, e.code(), sql + ": " + e.getMessage());
            assertEquals(line, e.line(), sql + ": " + e.getMessage());
            assertEquals(column, e.column(), sql + ": " + e.getMessage());
        }
    }
}
