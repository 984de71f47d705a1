package dev.muru.tests;

import dev.muru.core.MuruException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random single-table queries over random data with NULLs, each run by a forced-sequential and a
 * forced-parallel engine (small morsels, DOP 3): both must return the same rows, or fail with the
 * same error code. This exercises partitioning, combining, run merging and top-N across workers.
 */
class RandomizedParallelismTest {
    static DualEngine db;
    static final long SEED = 20261125L;

    @BeforeAll
    static void load() {
        db = new DualEngine(300);
        db.execute("CREATE TABLE r (a INTEGER, b BIGINT, c DECIMAL(10,2), d DOUBLE, s VARCHAR(8), dt DATE)");
        Random rnd = new Random(SEED);
        for (int batch = 0; batch < 6; batch++) {
            StringBuilder sb = new StringBuilder("INSERT INTO r VALUES ");
            for (int i = 0; i < 1000; i++) {
                sb.append(i == 0 ? "" : ", ").append('(')
                        .append(maybeNull(rnd, Integer.toString(rnd.nextInt(40) - 5))).append(", ")
                        .append(maybeNull(rnd, Long.toString(rnd.nextInt(1_000_000) - 1000))).append(", ")
                        .append(maybeNull(rnd, (rnd.nextInt(20000) - 5000) / 100.0 + "")).append(", ")
                        .append(maybeNull(rnd, Integer.toString(rnd.nextInt(1000)) + ".25")).append(", ")
                        .append(maybeNull(rnd, "'" + (char) ('a' + rnd.nextInt(6)) + rnd.nextInt(30) + "'")).append(", ")
                        .append(maybeNull(rnd, "DATE '1995-01-01' + " + rnd.nextInt(800))).append(')');
            }
            db.execute(sb.toString());
        }
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static String maybeNull(Random rnd, String value) {
        return rnd.nextInt(10) == 0 ? "NULL" : value;
    }

    private static final String[] KEYS = {"a", "s", "dt", "a % 4", "s || 'x'"};
    private static final String[] AGGS = {"COUNT(*)", "COUNT(c)", "SUM(b)", "SUM(c)", "MIN(s)", "MAX(dt)", "AVG(b)",
            "COUNT(DISTINCT s)", "SUM(DISTINCT a)", "MIN(c)", "MAX(d)", "SUM(c * 2)", "AVG(c)"};
    private static final String[] PREDICATES = {"a > 10", "b < 0", "c BETWEEN -10 AND 40", "s LIKE 'b%'", "dt >= DATE '1996-01-01'",
            "a IN (1, 2, 3, 7)", "s IS NULL", "d > 500", "NOT (a < 5)", "b % 3 = 0", "c IS NOT NULL AND a IS NULL"};

    private static String predicate(Random rnd) {
        String p = PREDICATES[rnd.nextInt(PREDICATES.length)];
        switch (rnd.nextInt(4)) {
            case 0: return p + " AND " + PREDICATES[rnd.nextInt(PREDICATES.length)];
            case 1: return p + " OR " + PREDICATES[rnd.nextInt(PREDICATES.length)];
            default: return p;
        }
    }

    private static String query(Random rnd) {
        String where = rnd.nextInt(3) == 0 ? "" : " WHERE " + predicate(rnd);
        switch (rnd.nextInt(4)) {
            case 0: { // grouped aggregate, ordered by all keys
                int keys = 1 + rnd.nextInt(2);
                List<String> k = new ArrayList<>();
                for (int i = 0; i < keys; i++) {
                    String key = KEYS[rnd.nextInt(KEYS.length)];
                    if (!k.contains(key)) {
                        k.add(key);
                    }
                }
                String aggs = AGGS[rnd.nextInt(AGGS.length)] + ", " + AGGS[rnd.nextInt(AGGS.length)];
                List<String> order = new ArrayList<>();
                for (int i = 1; i <= k.size(); i++) {
                    order.add(i + (rnd.nextBoolean() ? " ASC" : " DESC NULLS LAST"));
                }
                String limit = rnd.nextBoolean() ? " LIMIT " + rnd.nextInt(20) : "";
                return "SELECT " + String.join(", ", k) + ", " + aggs + " FROM r" + where + " GROUP BY "
                        + String.join(", ", k) + " ORDER BY " + String.join(", ", order) + limit;
            }
            case 1: // global aggregate
                return "SELECT " + AGGS[rnd.nextInt(AGGS.length)] + ", " + AGGS[rnd.nextInt(AGGS.length)] + " FROM r" + where;
            case 2: { // ordered rows with a unique tiebreaker on every column
                String limit = rnd.nextBoolean() ? " LIMIT " + rnd.nextInt(50) + (rnd.nextBoolean() ? " OFFSET " + rnd.nextInt(30) : "") : "";
                return "SELECT a, b, c, s, dt, b + 1, c * 3 FROM r" + where
                        + " ORDER BY " + (rnd.nextBoolean() ? "s DESC, " : "dt, ") + "a NULLS FIRST, b, c, d, s, dt" + limit;
            }
            default: // distinct rows
                return "SELECT DISTINCT " + KEYS[rnd.nextInt(KEYS.length)] + ", " + KEYS[rnd.nextInt(KEYS.length)]
                        + " FROM r" + where + " ORDER BY 1 NULLS FIRST, 2 NULLS FIRST";
        }
    }

    @Test
    void sequentialAndParallelAgreeOnRandomQueries() {
        Random rnd = new Random(SEED + 1);
        int answered = 0;
        long rows = 0;
        for (int i = 0; i < 150; i++) {
            String sql = query(rnd);
            List<String> seq;
            try {
                seq = DualEngine.text(db.sequential.query(sql));
            } catch (MuruException e) {
                MuruException p = org.junit.jupiter.api.Assertions.assertThrows(MuruException.class, () -> db.parallel.query(sql), sql);
                assertEquals(e.code(), p.code(), sql);
                continue;
            }
            assertEquals(seq, DualEngine.text(db.parallel.query(sql)), sql);
            answered++;
            rows += seq.size();
        }
        assertTrue(answered > 140, "too many random queries failed: " + answered + " of 150 answered");
        assertTrue(rows > 2000, "the random queries returned almost nothing: " + rows + " rows");
    }
}
