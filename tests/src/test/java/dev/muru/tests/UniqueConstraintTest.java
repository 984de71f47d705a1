package dev.muru.tests;

import dev.muru.Muru;
import dev.muru.MuruSettings;
import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PRIMARY KEY, UNIQUE and unique indexes are enforced by every write; a failed write changes nothing. */
class UniqueConstraintTest {
    private static final List<MuruSettings> MODES = List.of(MuruSettings.load().withThreshold(MuruSettings.NEVER),
            MuruSettings.load().withThreshold(0).withParallelism(3).withMorselRows(2));

    private static long count(Muru muru, String sql) {
        return ((Number) muru.query(sql).rows().get(0)[0]).longValue();
    }

    private static MuruException fails(Muru muru, String sql, ErrorCode code) {
        MuruException e = assertThrows(MuruException.class, () -> muru.execute(sql), sql);
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    @Test
    void primaryKeyAndUniqueColumns() {
        for (MuruSettings s : MODES) {
            try (Muru muru = Muru.start(s)) {
                muru.execute("CREATE TABLE t (pk INTEGER PRIMARY KEY, u VARCHAR(10) UNIQUE, v INTEGER)");
                muru.execute("INSERT INTO t VALUES (1, 'a', 10), (2, NULL, 20), (3, NULL, 30)");
                MuruException e = fails(muru, "INSERT INTO t VALUES (4, 'x', 0), (1, 'b', 40)", ErrorCode.UNIQUE_VIOLATION);
                assertTrue(e.getMessage().contains("\"t_pkey\"") && e.getMessage().contains("(pk)=(1)"), e.getMessage());
                fails(muru, "INSERT INTO t VALUES (5, 'a', 50)", ErrorCode.UNIQUE_VIOLATION);
                fails(muru, "INSERT INTO t VALUES (6, 'q', 1), (7, 'q', 2)", ErrorCode.UNIQUE_VIOLATION);
                fails(muru, "INSERT INTO t VALUES (NULL, 'n', 1)", ErrorCode.NOT_NULL_VIOLATION);
                assertEquals(3, count(muru, "SELECT COUNT(*) FROM t"), "failed inserts change nothing");
                fails(muru, "UPDATE t SET pk = 1 WHERE pk = 2", ErrorCode.UNIQUE_VIOLATION);
                assertEquals(1, count(muru, "SELECT COUNT(*) FROM t WHERE pk = 2"), "a failed update changes nothing");
                muru.execute("UPDATE t SET pk = pk + 10");
                muru.execute("INSERT INTO t VALUES (1, 'b', 11)");
                muru.execute("DELETE FROM t WHERE pk = 11");
                muru.execute("INSERT INTO t VALUES (11, 'c', 12)");
                assertEquals(4, count(muru, "SELECT COUNT(*) FROM t"));
                fails(muru, "CREATE TABLE w (a INTEGER PRIMARY KEY, b INTEGER PRIMARY KEY)", ErrorCode.INVALID_TABLE_DEFINITION);
                fails(muru, "CREATE TABLE w (a INTEGER, UNIQUE (nope))", ErrorCode.UNDEFINED_COLUMN);
                muru.execute("CREATE TABLE w (a INTEGER, b INTEGER, PRIMARY KEY (a, b))");
                muru.execute("INSERT INTO w VALUES (1, 1), (1, 2)");
                fails(muru, "INSERT INTO w VALUES (1, 2)", ErrorCode.UNIQUE_VIOLATION);
            }
        }
    }

    @Test
    void indexesAreCreatedCheckedAndDropped() {
        for (MuruSettings s : MODES) {
            try (Muru muru = Muru.start(s)) {
                muru.execute("CREATE TABLE t (a INTEGER, b INTEGER)");
                muru.execute("INSERT INTO t VALUES (1, 1), (1, 2), (2, 2)");
                muru.execute("CREATE INDEX t_a ON t (a)");
                muru.execute("CREATE INDEX IF NOT EXISTS t_a ON t (b)");
                fails(muru, "CREATE INDEX t_a ON t (b)", ErrorCode.DUPLICATE_INDEX);
                fails(muru, "CREATE UNIQUE INDEX t_au ON t (a)", ErrorCode.UNIQUE_VIOLATION);
                muru.execute("CREATE UNIQUE INDEX t_ab ON t (a DESC, b)");
                fails(muru, "INSERT INTO t VALUES (2, 2)", ErrorCode.UNIQUE_VIOLATION);
                muru.execute("INSERT INTO t VALUES (2, 3)");
                fails(muru, "CREATE INDEX bad ON t (nope)", ErrorCode.UNDEFINED_COLUMN);
                fails(muru, "CREATE INDEX bad ON nope (a)", ErrorCode.UNDEFINED_TABLE);
                muru.execute("REINDEX t_ab");
                fails(muru, "REINDEX nope", ErrorCode.UNDEFINED_INDEX);
                muru.execute("DROP INDEX t_ab");
                muru.execute("INSERT INTO t VALUES (2, 2)");
                fails(muru, "DROP INDEX t_ab", ErrorCode.UNDEFINED_INDEX);
                muru.execute("DROP INDEX IF EXISTS t_ab");
                assertEquals(5, count(muru, "SELECT COUNT(*) FROM t"));
                // The failed unique index left no name behind, and DROP TABLE takes its indexes along.
                muru.execute("DELETE FROM t WHERE a = 2 AND b = 2");
                muru.execute("CREATE UNIQUE INDEX t_au ON t (b, a)");
                muru.execute("DROP TABLE t");
                muru.execute("CREATE TABLE t (a INTEGER)");
                muru.execute("CREATE INDEX t_a ON t (a)");
                muru.execute("CREATE TABLE key (index INTEGER)");
                muru.execute("INSERT INTO key VALUES (1)");
                assertEquals(1, count(muru, "SELECT index FROM key"));
            }
        }
    }
}
