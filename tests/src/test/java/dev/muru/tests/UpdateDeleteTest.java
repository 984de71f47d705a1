package dev.muru.tests;

import dev.muru.Muru;
import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** UPDATE and DELETE: affected-row counts, SQL's NULL rules, and atomic failures. */
class UpdateDeleteTest {
    DualEngine db;

    @BeforeEach
    void setUp() {
        db = new DualEngine(64);
        db.execute("CREATE TABLE t (id INTEGER NOT NULL, v INTEGER, s VARCHAR(3))");
        StringBuilder sb = new StringBuilder("INSERT INTO t VALUES ");
        for (int i = 1; i <= 1000; i++) {
            sb.append(i == 1 ? "" : ", ").append('(').append(i).append(", ").append(i % 7 == 0 ? "NULL" : i % 100)
                    .append(", 'x')");
        }
        db.execute(sb.toString());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private void affects(String sql, long rows) {
        for (Muru engine : new Muru[]{db.sequential, db.parallel}) {
            assertEquals(rows, engine.execute(sql), sql);
        }
    }

    private void fails(String sql, ErrorCode code) {
        for (Muru engine : new Muru[]{db.sequential, db.parallel}) {
            MuruException e = assertThrows(MuruException.class, () -> engine.execute(sql), sql);
            assertEquals(code, e.code(), sql + ": " + e.getMessage());
        }
    }

    @Test
    void deleteCountsAndKeepsTheRest() {
        affects("DELETE FROM t WHERE id % 10 = 0", 100);
        db.check("SELECT COUNT(*), SUM(id) FROM t", "900|450000");
        // v > 50 is unknown where v is NULL: those rows stay.
        affects("DELETE FROM t WHERE v > 50", 900 - countNullOrSmall());
        db.check("SELECT COUNT(*) FROM t WHERE v > 50", "0");
        affects("DELETE FROM t WHERE v IS NULL", 128);
        affects("DELETE FROM t", db.rows("SELECT COUNT(*) FROM t").stream().mapToLong(Long::parseLong).sum());
        db.check("SELECT COUNT(*) FROM t", "0");
    }

    /** Rows left after the first delete whose v is NULL or at most 50. */
    private long countNullOrSmall() {
        return Long.parseLong(db.rows("SELECT COUNT(*) FROM t WHERE v IS NULL OR v <= 50").get(0));
    }

    @Test
    void updateChangesOnlyTheMatchingRows() {
        affects("UPDATE t SET v = v + 1000, s = 'y' WHERE id <= 5", 5);
        db.check("SELECT id, v, s FROM t WHERE id <= 6 ORDER BY id",
                "1|1001|y", "2|1002|y", "3|1003|y", "4|1004|y", "5|1005|y", "6|6|x");
        affects("UPDATE t SET v = 0", 1000);
        db.check("SELECT COUNT(*), SUM(v) FROM t", "1000|0");
        affects("UPDATE t SET v = 1 / 0 WHERE id < 0", 0); // the value is not computed for no row
    }

    @Test
    void aFailedStatementChangesNothing() {
        fails("UPDATE t SET s = 'toolong' WHERE id = 3", ErrorCode.STRING_TOO_LONG);
        fails("UPDATE t SET id = NULL WHERE id = 3", ErrorCode.NOT_NULL_VIOLATION);
        fails("UPDATE t SET v = 1 / (id - 500)", ErrorCode.DIVISION_BY_ZERO);
        fails("DELETE FROM t WHERE 1 / (id - 7) > 0", ErrorCode.DIVISION_BY_ZERO);
        fails("UPDATE t SET nope = 1", ErrorCode.UNDEFINED_COLUMN);
        fails("UPDATE t SET v = 1, v = 2", ErrorCode.DUPLICATE_COLUMN);
        fails("DELETE FROM missing", ErrorCode.UNDEFINED_TABLE);
        db.check("SELECT COUNT(*), SUM(id), COUNT(v), MIN(s), MAX(s) FROM t", "1000|500500|858|x|x");
    }
}
