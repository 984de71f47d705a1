package dev.muru.tests;

import dev.muru.Muru;
import dev.muru.MuruSettings;
import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Small SELECTs run on the calling thread with adaptive settings (InlineRun): the same answers
 * and errors as the actor path, a fallback to the actors when a join explodes past the row
 * budget, and consistent snapshots while a writer appends.
 *
 * <p>A query that ran inline records no pipeline in the engine's runtime statistics; one that
 * ran on the actors does. That is how the tests tell the two paths apart.
 */
class InlineRunTest {
    static Muru inline;
    static Muru actors;
    static final int EMP = 300;
    static final int DEPTS = 8;

    @BeforeAll
    static void start() {
        MuruSettings base = MuruSettings.load().withParallelism(2);
        assertTrue(base.adaptive());
        assertEquals(16384, base.config().getLong("muru.execution.inline-rows"));
        inline = Muru.start(base);
        actors = Muru.start(base.withThreshold(MuruSettings.NEVER));
        for (Muru m : List.of(inline, actors)) {
            m.execute("CREATE TABLE dept (id INTEGER, name VARCHAR, budget DECIMAL(12,2))");
            StringBuilder sb = new StringBuilder("INSERT INTO dept VALUES ");
            for (int d = 0; d < DEPTS; d++) {
                // Department 7 has no employees; department 8 (below) does not exist.
                sb.append(d == 0 ? "" : ", ").append('(').append(d).append(", 'dept").append(d).append("', ")
                        .append(d == 3 ? "NULL" : (d + 1) * 1000 + ".50").append(')');
            }
            m.execute(sb.toString());
            m.execute("CREATE TABLE emp (id INTEGER, name VARCHAR, dept INTEGER, salary DECIMAL(10,2), "
                    + "hired DATE, manager INTEGER, zero INTEGER)");
            sb = new StringBuilder("INSERT INTO emp VALUES ");
            for (int i = 1; i <= EMP; i++) {
                String dept = i % 25 == 0 ? "NULL" : i % 50 == 1 ? "8" : Integer.toString(i % 7);
                String name = i % 11 == 0 ? "NULL" : "'e" + (i % 40) + "'";
                String manager = i <= 10 ? "NULL" : Integer.toString(i % 10 + 1);
                sb.append(i == 1 ? "" : ", ").append('(').append(i).append(", ").append(name).append(", ").append(dept)
                        .append(", ").append(1000 + (i * 37) % 500).append('.').append(String.format("%02d", i % 100))
                        .append(", DATE '2020-01-01' + ").append(i * 3).append(", ").append(manager).append(", 0)");
            }
            m.execute(sb.toString());
            m.execute("CREATE TABLE thousand (id INTEGER, k INTEGER)");
            sb = new StringBuilder("INSERT INTO thousand VALUES ");
            for (int i = 0; i < 1000; i++) {
                sb.append(i == 0 ? "" : ", ").append('(').append(i).append(", ").append(i % 2).append(')');
            }
            m.execute(sb.toString());
        }
        // Over the row budget by its own size: never inline.
        inline.execute("CREATE TABLE large (id INTEGER)");
        for (int chunk = 0; chunk < 5; chunk++) {
            StringBuilder sb = new StringBuilder("INSERT INTO large VALUES ");
            for (int i = 0; i < 4000; i++) {
                sb.append(i == 0 ? "" : ", ").append('(').append(chunk * 4000 + i).append(')');
            }
            inline.execute(sb.toString());
        }
    }

    @AfterAll
    static void stop() {
        inline.close();
        actors.close();
    }

    /** The rows of a query that must run inline on one engine and on the actors on the other. */
    private static List<String> same(String sql) {
        long before = inline.runtimeStats().pipelines();
        List<String> in = DualEngine.text(inline.query(sql));
        assertEquals(before, inline.runtimeStats().pipelines(), "ran inline (no pipeline on the actors): " + sql);
        List<String> out = DualEngine.text(actors.query(sql));
        assertEquals(out, in, "inline and actor results differ for: " + sql);
        return in;
    }

    private static List<String> sameUnordered(String sql) {
        List<String> rows = new ArrayList<>(same(sql));
        rows.sort(null);
        return rows;
    }

    private static void sameError(ErrorCode code, String sql) {
        MuruException a = assertThrows(MuruException.class, () -> inline.query(sql), sql);
        MuruException b = assertThrows(MuruException.class, () -> actors.query(sql), sql);
        assertEquals(code, a.code(), "inline: " + sql + " -> " + a.getMessage());
        assertEquals(code, b.code(), "actors: " + sql + " -> " + b.getMessage());
        assertEquals(b.getMessage(), a.getMessage(), sql);
    }

    // ------------------------------------------------------------------ same answers

    @Test
    void filtersAndProjections() {
        int expectedCount = 0;
        long expectedSum = 0;
        for (int i = 1; i <= EMP; i++) {
            if (i % 3 == 0 && i > 100) {
                expectedCount++;
                expectedSum += i;
            }
        }
        assertEquals(List.of(expectedCount + "|" + expectedSum), same("SELECT COUNT(*), SUM(id) FROM emp WHERE id % 3 = 0 AND id > 100"));
        assertEquals(List.of("12|e12|1444.12|2020-02-06"), same(
                "SELECT id, name, salary, hired FROM emp WHERE id = 12"));
        same("SELECT id, UPPER(name), salary * 2, salary / 3, hired + 1, CASE WHEN dept IS NULL THEN 'none' ELSE 'd' || dept END "
                + "FROM emp WHERE name LIKE 'e1%' ORDER BY id");
        same("SELECT id FROM emp WHERE dept IN (1, 2) AND salary BETWEEN 1100 AND 1300 AND hired < DATE '2020-06-01' ORDER BY id");
        assertEquals(List.of("0"), same("SELECT COUNT(*) FROM emp WHERE 1 = 0"));
        assertEquals(List.of(), same("SELECT id FROM emp WHERE id < 0"));
        assertEquals(List.of("42|hello|NULL"), same("SELECT 40 + 2, 'hello', NULL"));
    }

    @Test
    void joins() {
        same("SELECT e.id, e.name, d.name FROM emp e JOIN dept d ON e.dept = d.id WHERE e.id < 60 ORDER BY e.id");
        List<String> left = same("SELECT e.id, d.name FROM emp e LEFT JOIN dept d ON e.dept = d.id ORDER BY e.id");
        assertEquals(EMP, left.size());
        assertTrue(left.contains("25|NULL"), "an employee without a department keeps NULL: " + left);
        assertTrue(left.contains("51|NULL"), "department 8 does not exist: " + left);
        List<String> right = same("SELECT d.id, COUNT(e.id) FROM emp e RIGHT JOIN dept d ON e.dept = d.id GROUP BY d.id ORDER BY d.id");
        assertEquals(DEPTS, right.size());
        assertEquals("7|0", right.get(7), "department 7 has no employees");
        sameUnordered("SELECT d.id, e.id FROM dept d FULL JOIN emp e ON e.dept = d.id AND e.id < 20");
        same("SELECT e.id, m.id, m.name FROM emp e JOIN emp m ON e.manager = m.id WHERE e.id BETWEEN 90 AND 120 ORDER BY e.id");
        same("SELECT COUNT(*) FROM emp a JOIN emp b ON a.dept = b.dept AND a.id < b.id");
        same("SELECT d.name, COUNT(*) FROM dept d, emp e WHERE e.dept = d.id AND d.budget > 2000 GROUP BY d.name ORDER BY d.name");
    }

    @Test
    void aggregates() {
        List<String> byDept = same("SELECT dept, COUNT(*), COUNT(name), SUM(salary), MIN(salary), MAX(hired), AVG(id) "
                + "FROM emp GROUP BY dept ORDER BY dept NULLS FIRST");
        assertEquals(9, byDept.size(), "departments 0..6, 8 and NULL: " + byDept);
        assertTrue(byDept.get(0).startsWith("NULL|" + (EMP / 25) + "|"), byDept.toString());
        same("SELECT COUNT(DISTINCT dept), COUNT(DISTINCT name), SUM(DISTINCT dept) FROM emp");
        same("SELECT dept, COUNT(*) FROM emp GROUP BY dept HAVING COUNT(*) > 40 ORDER BY 2 DESC, 1");
        sameUnordered("SELECT DISTINCT manager FROM emp");
        same("SELECT SUM(salary), AVG(salary), MIN(name), MAX(name) FROM emp WHERE id < 0");
        assertEquals(List.of("300|" + (EMP * (EMP + 1) / 2)), same("SELECT COUNT(*), SUM(id) FROM emp"));
    }

    @Test
    void orderByLimitOffset() {
        List<String> top = same("SELECT id, salary FROM emp ORDER BY salary DESC, id LIMIT 5");
        assertEquals(5, top.size());
        same("SELECT id FROM emp ORDER BY id LIMIT 10 OFFSET 290");
        assertEquals(List.of("291", "292"), same("SELECT id FROM emp ORDER BY id LIMIT 2 OFFSET 290"));
        same("SELECT name, id FROM emp ORDER BY name NULLS FIRST, id DESC LIMIT 30");
        assertEquals(7, same("SELECT id FROM emp LIMIT 7").size());
        same("SELECT id FROM emp ORDER BY id LIMIT 0");
    }

    @Test
    void subqueries() {
        same("SELECT id FROM emp WHERE salary > (SELECT AVG(salary) FROM emp) ORDER BY id");
        same("SELECT id FROM emp WHERE dept IN (SELECT id FROM dept WHERE budget > 3000) ORDER BY id");
        same("SELECT id FROM emp WHERE dept NOT IN (SELECT id FROM dept WHERE id < 3) ORDER BY id");
        same("SELECT id FROM emp e WHERE EXISTS (SELECT 1 FROM emp m WHERE m.id = e.manager AND m.dept = e.dept) ORDER BY id");
        same("SELECT d.id FROM dept d WHERE NOT EXISTS (SELECT 1 FROM emp e WHERE e.dept = d.id) ORDER BY d.id");
        same("SELECT e.id, (SELECT MAX(d.name) FROM dept d WHERE d.id = e.dept) FROM emp e WHERE e.id < 30 ORDER BY e.id");
        same("SELECT g.dept, g.c FROM (SELECT dept, COUNT(*) AS c FROM emp GROUP BY dept) AS g WHERE g.c > 40 ORDER BY g.dept");
        same("WITH rich AS (SELECT * FROM emp WHERE salary > 1400) SELECT COUNT(*), MIN(id) FROM rich");
        same("SELECT id FROM emp WHERE id < 5 UNION ALL SELECT id FROM dept ORDER BY 1");
    }

    @Test
    void nullsFollowThreeValuedLogic() {
        same("SELECT id FROM emp WHERE name IS NULL ORDER BY id");
        same("SELECT COUNT(*) FROM emp WHERE dept <> 1");
        same("SELECT COUNT(*) FROM emp WHERE NOT (dept = 1)");
        same("SELECT id, COALESCE(name, 'nobody'), NULLIF(dept, 1) FROM emp WHERE id < 30 ORDER BY id");
        same("SELECT id FROM emp WHERE dept NOT IN (1, NULL)");
        same("SELECT d.budget, d.budget + 1, d.budget IS NULL FROM dept d ORDER BY d.id");
    }

    @Test
    void errorsHaveTheSameCodes() {
        sameError(ErrorCode.DIVISION_BY_ZERO, "SELECT id / zero FROM emp");
        sameError(ErrorCode.DIVISION_BY_ZERO, "SELECT SUM(id % zero) FROM emp");
        sameError(ErrorCode.DIVISION_BY_ZERO, "SELECT COUNT(*) FROM emp WHERE id / (id - 150) > 0");
        sameError(ErrorCode.SUBQUERY_MULTIPLE_ROWS, "SELECT (SELECT id FROM emp WHERE dept = 1) FROM dept");
        sameError(ErrorCode.INVALID_TEXT_REPRESENTATION, "SELECT CAST(name AS INTEGER) FROM emp WHERE id = 1");
        sameError(ErrorCode.NUMERIC_OVERFLOW, "SELECT 2147483647 + id FROM emp");
        sameError(ErrorCode.UNDEFINED_COLUMN, "SELECT nope FROM emp");
        sameError(ErrorCode.UNDEFINED_TABLE, "SELECT * FROM nope");
        sameError(ErrorCode.SYNTAX_ERROR, "SELECT * FORM emp");
        // Each engine still answers.
        assertEquals(List.of(Integer.toString(EMP)), same("SELECT COUNT(*) FROM emp"));
    }

    // ------------------------------------------------------------------ the row budget

    @Test
    void aJoinThatExplodesPastTheBudgetStillAnswersOnTheActors() {
        long before = inline.runtimeStats().pipelines();
        assertEquals(1_000_000L, ((Number) inline.query("SELECT COUNT(*) FROM thousand a, thousand b").rows().get(0)[0]).longValue());
        assertTrue(inline.runtimeStats().pipelines() > before, "past the budget the query went to the actors");
        // Equal keys with two values: 2 × 500 × 500 pairs.
        before = inline.runtimeStats().pipelines();
        List<String> pairs = DualEngine.text(inline.query(
                "SELECT a.k, COUNT(*), SUM(b.id) FROM thousand a JOIN thousand b ON a.k = b.k GROUP BY a.k ORDER BY a.k"));
        assertTrue(inline.runtimeStats().pipelines() > before, "past the budget the query went to the actors");
        // Σ of even ids 0..998 = 249,500, of odd ids 1..999 = 250,000; each counted 500 times.
        assertEquals(List.of("0|250000|" + 500L * 249_500, "1|250000|" + 500L * 250_000), pairs);
        assertEquals(DualEngine.text(actors.query(
                "SELECT a.k, COUNT(*), SUM(b.id) FROM thousand a JOIN thousand b ON a.k = b.k GROUP BY a.k ORDER BY a.k")), pairs);
        // A join that stays small still runs inline.
        assertEquals(List.of("1000"), same("SELECT COUNT(*) FROM thousand a JOIN thousand b ON a.id = b.id"));
    }

    /**
     * The same explosion, but a residual filter drops every pair: a million rows are touched
     * though none reaches the sink, so the budget is passed all the same.
     */
    @Test
    void aJoinThatExplodesButFiltersEverythingOutStillGoesToTheActors() {
        String sql = "SELECT COUNT(*) FROM thousand a, thousand b WHERE a.id + b.id = -1";
        long before = inline.runtimeStats().pipelines();
        assertEquals(0L, ((Number) inline.query(sql).rows().get(0)[0]).longValue());
        assertTrue(inline.runtimeStats().pipelines() > before,
                "1,000,000 joined rows are past the inline budget (4 x 16,384): the query should have gone to the actors");
    }

    @Test
    void tablesOverTheBudgetGoToTheActors() {
        long before = inline.runtimeStats().pipelines();
        Object[] row = inline.query("SELECT COUNT(*), SUM(id) FROM large").rows().get(0);
        assertEquals(20_000L, ((Number) row[0]).longValue());
        assertEquals(20_000L * 19_999 / 2, ((Number) row[1]).longValue());
        assertTrue(inline.runtimeStats().pipelines() > before, "20,000 rows > 16,384: the actors ran it");
        // Two tables under the budget each, over it together.
        before = inline.runtimeStats().pipelines();
        assertEquals(EMP, ((Number) inline.query("SELECT COUNT(*) FROM emp e LEFT JOIN large l ON e.id = l.id + 100000")
                .rows().get(0)[0]).longValue());
        assertTrue(inline.runtimeStats().pipelines() > before);
        // Forced modes always use actors, however small.
        before = actors.runtimeStats().pipelines();
        actors.query("SELECT 1");
        actors.query("SELECT COUNT(*) FROM dept");
        assertTrue(actors.runtimeStats().pipelines() >= before + 2, "forced: every query on the actors");
    }

    @Test
    void aPointFilterOnABigTableReadsOneRowGroupInline() {
        // 20,000 rows are over the budget, but the zone maps leave one row group to read.
        long before = inline.runtimeStats().pipelines();
        assertEquals(1L, ((Number) inline.query("SELECT COUNT(*) FROM large WHERE id = 19999").rows().get(0)[0]).longValue());
        assertEquals(List.of(7), inline.query("SELECT id FROM large WHERE id = 7").rows().stream()
                .map(r -> ((Number) r[0]).intValue()).toList());
        assertEquals(before, inline.runtimeStats().pipelines(), "one row group after the zone maps: ran inline");
        // A filter the zone maps cannot use still reads every row group: the actors run it.
        assertEquals(10_000L, ((Number) inline.query("SELECT COUNT(*) FROM large WHERE id % 2 = 0").rows().get(0)[0])
                .longValue());
        assertTrue(inline.runtimeStats().pipelines() > before, "20,000 rows to read: the actors ran it");
    }

    // ------------------------------------------------------------------ concurrency

    @Test
    void concurrentInlineReadersSeeCommittedSnapshots() throws Exception {
        Muru muru = inline;
        muru.execute("CREATE TABLE growing (batch INTEGER, v INTEGER)");
        int batchRows = 10;
        int batches = 100;
        Set<Long> committed = ConcurrentHashMap.newKeySet();
        committed.add(0L);
        int readers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(readers + 1);
        AtomicBoolean writing = new AtomicBoolean(true);
        CyclicBarrier go = new CyclicBarrier(readers + 1);
        try {
            Future<?> writer = pool.submit(() -> {
                go.await();
                try {
                    for (int b = 1; b <= batches; b++) {
                        StringBuilder sb = new StringBuilder("INSERT INTO growing VALUES ");
                        for (int i = 0; i < batchRows; i++) {
                            sb.append(i == 0 ? "" : ", ").append('(').append(b).append(", ").append(i).append(')');
                        }
                        // Counted as committed before the statement, so that a reader never sees an unknown count.
                        committed.add((long) b * batchRows);
                        assertEquals(batchRows, muru.execute(sb.toString()));
                    }
                } finally {
                    writing.set(false);
                }
                return null;
            });
            List<Future<Integer>> reads = new ArrayList<>();
            for (int r = 0; r < readers; r++) {
                reads.add(pool.submit(() -> {
                    go.await();
                    long last = 0;
                    int checks = 0;
                    while (writing.get() || checks < 5) {
                        Object[] row = muru.query("SELECT COUNT(*), SUM(v), MAX(batch), COUNT(DISTINCT batch) FROM growing")
                                .rows().get(0);
                        long count = ((Number) row[0]).longValue();
                        assertTrue(committed.contains(count), "count " + count + " was never committed");
                        assertTrue(count >= last, "counts only grow: " + last + " then " + count);
                        last = count;
                        if (count > 0) {
                            long whole = count / batchRows;
                            assertEquals(whole * (batchRows * (batchRows - 1) / 2), ((Number) row[1]).longValue(),
                                    "sum of whole batches for count " + count);
                            assertEquals(whole, ((Number) row[2]).longValue(), "max batch for count " + count);
                            assertEquals(whole, ((Number) row[3]).longValue(), "distinct batches for count " + count);
                        }
                        checks++;
                    }
                    return checks;
                }));
            }
            writer.get(60, TimeUnit.SECONDS);
            int total = 0;
            for (Future<Integer> f : reads) {
                total += f.get(60, TimeUnit.SECONDS);
            }
            assertTrue(total >= readers * 5, "every reader checked: " + total);
            long before = muru.runtimeStats().pipelines();
            assertEquals(List.of((long) batches * batchRows + "|" + batches),
                    DualEngine.text(muru.query("SELECT COUNT(*), COUNT(DISTINCT batch) FROM growing")));
            assertEquals(before, muru.runtimeStats().pipelines(), "the readers' query runs inline");
        } finally {
            pool.shutdownNow();
            muru.execute("DROP TABLE growing");
        }
    }
}
