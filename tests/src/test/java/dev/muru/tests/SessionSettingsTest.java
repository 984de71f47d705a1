package dev.muru.tests;

import dev.muru.Muru;
import dev.muru.MuruSettings;
import dev.muru.QueryResult;
import dev.muru.Session;
import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Session settings through SQL (SET / SHOW / RESET, on the engine's default session and on
 * independent sessions), their effect on the statements that follow, and {@code ?} parameters.
 */
class SessionSettingsTest {
    /** A three-way cross join of 2,000 rows whose residual filter never matches: runs "forever". */
    private static final String ENDLESS = "SELECT COUNT(*) FROM big a, big b, big c WHERE a.x + b.x + c.x = -1";
    /** Estimated at 1,000,000 rows (a cross join of two 1,000-row tables): above every default threshold. */
    private static final String BIG = "SELECT a.id % 10, COUNT(*) FROM t a, t b GROUP BY 1";

    static Muru muru;
    static MuruSettings base;

    @BeforeAll
    static void start() {
        base = MuruSettings.load().withParallelism(2);
        assertTrue(base.adaptive(), "the default settings are adaptive");
        muru = Muru.start(base);
        MemoryLimitTest.load(muru);
        muru.execute("CREATE TABLE big (x INTEGER)");
        StringBuilder sb = new StringBuilder("INSERT INTO big VALUES ");
        for (int i = 0; i < 2000; i++) {
            sb.append(i == 0 ? "" : ", ").append('(').append(i).append(')');
        }
        muru.execute(sb.toString());
        muru.execute("CREATE TABLE p (id INTEGER, name VARCHAR, amount DECIMAL(10,2), d DATE, flag BOOLEAN)");
        muru.execute("INSERT INTO p VALUES (1, 'one', 1.50, DATE '2024-01-01', true), (2, 'two', 2.25, DATE '2024-02-01', false),"
                + " (3, 'three', NULL, DATE '2024-03-01', NULL), (4, NULL, 4.00, NULL, true)");
    }

    @AfterAll
    static void stop() {
        muru.close();
    }

    /** The default session is shared by the tests: every test leaves it as it found it. */
    @AfterEach
    void resetDefaultSession() {
        muru.execute("RESET ALL");
    }

    private static String show(String name) {
        return show(muru.defaultSession(), name);
    }

    private static String show(Session s, String name) {
        QueryResult r = s.query("SHOW " + name);
        assertEquals(1, r.rowCount(), "SHOW " + name + " gives one row");
        assertEquals(1, r.schema().columns().size(), "SHOW " + name + " gives one column");
        assertEquals(name.toLowerCase(), r.schema().name(0), "the column is named after the setting");
        String viaApi = s.show(name);
        assertEquals(viaApi, r.rows().get(0)[0], "Session.show and SHOW agree");
        return (String) r.rows().get(0)[0];
    }

    private static String plan(Session s, String sql) {
        return String.join("\n", DualEngine.text(s.query("EXPLAIN " + sql)));
    }

    private static MuruException error(ErrorCode code, Executable e) {
        MuruException ex = assertThrows(MuruException.class, e);
        assertEquals(code, ex.code(), ex.getMessage());
        return ex;
    }

    private static long count(QueryResult r) {
        return ((Number) r.rows().get(0)[0]).longValue();
    }

    // ------------------------------------------------------------------ SET / SHOW / RESET

    @Test
    void setShowsTheNewValueAndResetTheDefault() {
        String threads = show("threads");
        assertEquals("2", threads);
        muru.execute("SET threads = 1");
        assertEquals("1", show("threads"));
        assertEquals(1, muru.defaultSession().settings().parallelism());
        muru.execute("SET threads TO 3");
        assertEquals("3", show("threads"));
        muru.execute("SET SESSION threads = 4");
        assertEquals("4", show("threads"));
        muru.execute("RESET threads");
        assertEquals("2", show("threads"));
        muru.execute("SET threads = 3");
        muru.execute("SET threads = DEFAULT");
        assertEquals("2", show("threads"));
        muru.execute("SET threads TO 3");
        muru.execute("SET threads TO DEFAULT");
        assertEquals("2", show("threads"));
        // Names are case-insensitive.
        muru.execute("SET THREADS = 3");
        assertEquals("3", show("Threads"));
    }

    @Test
    void memoryLimitAndStatementTimeoutAreShownReadably() {
        String defaultLimit = show("memory_limit");
        muru.execute("SET memory_limit = '64MB'");
        assertEquals("64.0 MB", show("memory_limit"));
        assertEquals(64_000_000L, muru.defaultSession().settings().queryMemoryLimit());
        muru.execute("SET memory_limit = '1GiB'");
        assertEquals(1L << 30, muru.defaultSession().settings().queryMemoryLimit());
        assertEquals("1.07 GB", show("memory_limit"));
        muru.execute("SET memory_limit TO '512KB'");
        assertEquals("512.0 KB", show("memory_limit"));
        muru.execute("RESET memory_limit");
        assertEquals(defaultLimit, show("memory_limit"));

        String defaultTimeout = show("statement_timeout");
        muru.execute("SET statement_timeout = '5s'");
        assertEquals("5s", show("statement_timeout"));
        assertEquals(Duration.ofSeconds(5), muru.defaultSession().settings().statementTimeout());
        muru.execute("SET statement_timeout = 1500");
        assertEquals("1500ms", show("statement_timeout"), "a bare number is milliseconds");
        assertEquals(Duration.ofMillis(1500), muru.defaultSession().settings().statementTimeout());
        muru.execute("SET statement_timeout = '250ms'");
        assertEquals("250ms", show("statement_timeout"));
        muru.execute("SET statement_timeout = '2min'");
        assertEquals("2min", show("statement_timeout"));
        muru.execute("SET statement_timeout = 0");
        assertEquals("0", show("statement_timeout"), "0 means no timeout");
        assertTrue(muru.defaultSession().settings().statementTimeout().isZero());
        // No timeout: statements still run.
        assertEquals(1000L, count(muru.query("SELECT COUNT(*) FROM t")));
        muru.execute("SET statement_timeout = DEFAULT");
        assertEquals(defaultTimeout, show("statement_timeout"));
        assertEquals(base.statementTimeout(), muru.defaultSession().settings().statementTimeout());
    }

    @Test
    void parallelThresholdAndAggregatePartitions() {
        assertEquals("auto", show("parallel_threshold"), "the default settings are adaptive");
        muru.execute("SET parallel_threshold = 0");
        assertEquals("0", show("parallel_threshold"));
        assertFalse(muru.defaultSession().settings().adaptive(), "a number forces the thresholds");
        muru.execute("SET parallel_threshold = max");
        assertEquals("max", show("parallel_threshold"));
        assertEquals(MuruSettings.NEVER, muru.defaultSession().settings().aggregateThreshold());
        muru.execute("SET parallel_threshold = 5000");
        assertEquals("5000", show("parallel_threshold"));
        assertEquals(5000, muru.defaultSession().settings().joinThreshold());
        muru.execute("SET parallel_threshold = 'max'");
        assertEquals("max", show("parallel_threshold"));
        muru.execute("SET parallel_threshold = auto");
        assertEquals("auto", show("parallel_threshold"));
        assertTrue(muru.defaultSession().settings().adaptive());
        assertEquals(base.scanThreshold(), muru.defaultSession().settings().scanThreshold());
        muru.execute("SET parallel_threshold = 7");
        muru.execute("RESET parallel_threshold");
        assertEquals("auto", show("parallel_threshold"));

        assertEquals("0", show("aggregate_partitions"));
        muru.execute("SET aggregate_partitions = 3");
        assertEquals("3", show("aggregate_partitions"));
        assertEquals(3, muru.defaultSession().settings().effectiveAggregatePartitions());
        muru.execute("SET parallel_threshold = 0");
        String p = plan(muru.defaultSession(), BIG);
        assertTrue(p.contains("partials combine in 3 aggregate actor(s)"), p);
        muru.execute("RESET aggregate_partitions");
        assertEquals("0", show("aggregate_partitions"));
        p = plan(muru.defaultSession(), BIG);
        assertTrue(p.contains("partials combine in 2 aggregate actor(s)"), p);
    }

    @Test
    void resetAllRestoresEverySetting() {
        List<String> before = DualEngine.text(muru.query("SHOW ALL"));
        muru.execute("SET threads = 1");
        muru.execute("SET parallel_threshold = 0");
        muru.execute("SET memory_limit = '64MB'");
        muru.execute("SET statement_timeout = '5s'");
        muru.execute("SET aggregate_partitions = 5");
        List<String> changed = DualEngine.text(muru.query("SHOW ALL"));
        assertFalse(before.equals(changed), "SHOW ALL shows the changes");
        muru.execute("RESET ALL");
        assertEquals(before, DualEngine.text(muru.query("SHOW ALL")));
        assertEquals("2", show("threads"));
        assertEquals("auto", show("parallel_threshold"));
    }

    @Test
    void showAllListsEverySettingWithItsValueAndDescription() {
        muru.execute("SET memory_limit = '64MB'");
        muru.execute("SET statement_timeout = '5s'");
        QueryResult r = muru.query("SHOW ALL");
        assertEquals(List.of("name", "setting", "description"), r.schema().names());
        List<String> names = new ArrayList<>();
        for (Object[] row : r.rows()) {
            String name = (String) row[0];
            names.add(name);
            assertEquals(show(name), row[1], "SHOW ALL and SHOW " + name + " agree");
            assertNotNull(row[2]);
            assertFalse(((String) row[2]).isBlank(), name + " has a description");
        }
        assertTrue(names.containsAll(List.of("threads", "parallel_threshold", "memory_limit", "statement_timeout",
                "aggregate_partitions", "global_memory_limit", "morsel_rows")), names.toString());
        assertEquals(names.size(), names.stream().distinct().count(), "each setting once: " + names);
        assertTrue(DualEngine.text(r).contains("memory_limit|64.0 MB|" + r.rows().get(names.indexOf("memory_limit"))[2]));
        assertTrue(DualEngine.text(r).contains("statement_timeout|5s|" + r.rows().get(names.indexOf("statement_timeout"))[2]));
    }

    @Test
    void readOnlySettingsAreShownButNotChanged() {
        assertEquals(Integer.toString(base.morselRows()), show("morsel_rows"));
        assertEquals(dev.muru.ByteSize.format(base.globalMemoryLimit()), show("global_memory_limit"));
        MuruException e = error(ErrorCode.INVALID_SETTING, () -> muru.execute("SET morsel_rows = 1024"));
        assertTrue(e.getMessage().contains("morsel_rows"), e.getMessage());
        error(ErrorCode.INVALID_SETTING, () -> muru.execute("SET global_memory_limit = '1GB'"));
        assertEquals(Integer.toString(base.morselRows()), show("morsel_rows"));
        assertEquals(dev.muru.ByteSize.format(base.globalMemoryLimit()), show("global_memory_limit"));
    }

    @Test
    void unknownSettingsAndBadValuesHaveTheirCodes() {
        MuruException e = error(ErrorCode.UNDEFINED_SETTING, () -> muru.execute("SET no_such_setting = 1"));
        assertTrue(e.getMessage().contains("no_such_setting"), e.getMessage());
        error(ErrorCode.UNDEFINED_SETTING, () -> muru.query("SHOW no_such_setting"));
        error(ErrorCode.UNDEFINED_SETTING, () -> muru.execute("RESET no_such_setting"));
        error(ErrorCode.UNDEFINED_SETTING, () -> muru.execute("SET no_such_setting = DEFAULT"));
        error(ErrorCode.UNDEFINED_SETTING, () -> muru.session().query("SHOW work_mem"));

        error(ErrorCode.INVALID_SETTING, () -> muru.execute("SET threads = 0"));
        error(ErrorCode.INVALID_SETTING, () -> muru.execute("SET threads = -2"));
        error(ErrorCode.INVALID_SETTING, () -> muru.execute("SET threads = 'many'"));
        error(ErrorCode.INVALID_SETTING, () -> muru.execute("SET threads = 1.5"));
        error(ErrorCode.INVALID_SETTING, () -> muru.execute("SET parallel_threshold = -1"));
        error(ErrorCode.INVALID_SETTING, () -> muru.execute("SET parallel_threshold = 'sometimes'"));
        error(ErrorCode.INVALID_SETTING, () -> muru.execute("SET memory_limit = 'lots'"));
        error(ErrorCode.INVALID_SETTING, () -> muru.execute("SET memory_limit = '64XB'"));
        error(ErrorCode.INVALID_SETTING, () -> muru.execute("SET memory_limit = 0"));
        error(ErrorCode.INVALID_SETTING, () -> muru.execute("SET statement_timeout = 'soon'"));
        error(ErrorCode.INVALID_SETTING, () -> muru.execute("SET statement_timeout = '5 parsecs'"));
        error(ErrorCode.INVALID_SETTING, () -> muru.execute("SET statement_timeout = -5"));
        error(ErrorCode.INVALID_SETTING, () -> muru.execute("SET aggregate_partitions = -1"));
        // A failed SET changes nothing.
        assertEquals("2", show("threads"));
        assertEquals("auto", show("parallel_threshold"));
        assertEquals("0", show("aggregate_partitions"));
        assertEquals(base.queryMemoryLimit(), muru.defaultSession().settings().queryMemoryLimit());
        assertEquals(base.statementTimeout(), muru.defaultSession().settings().statementTimeout());
        // The engine goes on.
        assertEquals(1000L, count(muru.query("SELECT COUNT(*) FROM t")));
    }

    // ------------------------------------------------------------------ effects

    @Test
    void threadsOneMakesEveryPipelineSequential() {
        String parallel = plan(muru.defaultSession(), BIG);
        assertTrue(parallel.contains("parallel, DOP 2"), parallel);
        muru.execute("SET threads = 1");
        String p = plan(muru.defaultSession(), BIG);
        assertTrue(p.contains("parallelism setting is 1"), p);
        assertFalse(p.contains("parallel, DOP"), p);
        String analyzed = String.join("\n", DualEngine.text(muru.query("EXPLAIN ANALYZE " + BIG)));
        assertFalse(analyzed.contains("elastic: fanned out"), "one thread never fans out:\n" + analyzed);
        assertFalse(analyzed.contains("2 worker(s)"), analyzed);
        // Same answer either way.
        List<String> one = DualEngine.text(muru.query(BIG + " ORDER BY 1"));
        muru.execute("RESET threads");
        assertEquals(DualEngine.text(muru.query(BIG + " ORDER BY 1")), one);
        assertEquals(10, one.size());
        assertEquals("0|100000", one.get(0));
    }

    @Test
    void parallelThresholdForcesTheDecision() {
        String small = "SELECT COUNT(*) FROM t";
        String adaptive = plan(muru.defaultSession(), small);
        assertTrue(adaptive.contains("[sequential"), adaptive);
        muru.execute("SET parallel_threshold = 0");
        String p = plan(muru.defaultSession(), small);
        assertTrue(p.contains("parallel, DOP 2") && p.contains("threshold is 0 (always parallel)"), p);
        muru.execute("SET parallel_threshold = max");
        p = plan(muru.defaultSession(), BIG);
        assertTrue(p.contains("threshold is max (parallelism off)"), p);
        assertFalse(p.contains("parallel, DOP"), p);
        muru.execute("SET parallel_threshold = 500000");
        p = plan(muru.defaultSession(), BIG);
        assertTrue(p.contains("1000000 estimated input rows >= aggregate threshold 500000"), p);
        muru.execute("SET parallel_threshold = 2000000");
        p = plan(muru.defaultSession(), BIG);
        assertTrue(p.contains("1000000 estimated input rows < aggregate threshold 2000000"), p);
        // Forced thresholds: no runtime statistics in the reason.
        assertFalse(p.contains("adaptive"), p);
    }

    @Test
    void memoryLimitFailsABigAggregationAndTheSessionGoesOn() {
        muru.execute("SET memory_limit = '1MB'");
        MuruException e = error(ErrorCode.MEMORY_LIMIT, () -> muru.query(MemoryLimitTest.MANY_GROUPS));
        assertTrue(e.getMessage().contains("1.0 MB"), e.getMessage());
        assertEquals(0, muru.memoryReserved(), "a failed query returns its reservations");
        // A normal query in the same session, still under the limit, works.
        assertEquals(1000L, count(muru.query("SELECT COUNT(*) FROM t")));
        assertEquals(List.of("0|100", "1|100", "2|100"),
                DualEngine.text(muru.query("SELECT id % 10, COUNT(*) FROM t GROUP BY 1 ORDER BY 1 LIMIT 3")));
        // Another session has the engine's limit and runs the same query.
        assertEquals(1_000_000, muru.session().query(MemoryLimitTest.MANY_GROUPS).rowCount());
        assertEquals(0, muru.memoryReserved());
        muru.execute("RESET memory_limit");
        assertEquals(1_000_000, muru.query(MemoryLimitTest.MANY_GROUPS).rowCount());
        assertEquals(0, muru.memoryReserved());
    }

    @Test
    void statementTimeoutStopsAnEndlessQueryOnTheActors() {
        Session s = muru.session();
        s.query("SET parallel_threshold = max");
        s.query("SET statement_timeout = '300ms'");
        assertEquals("300ms", show(s, "statement_timeout"));
        long start = System.nanoTime();
        error(ErrorCode.QUERY_TIMEOUT, () -> s.query(ENDLESS));
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "stopped within 10 s");
        assertEquals(2000L, count(s.query("SELECT COUNT(*) FROM big")));
        assertEquals(0, muru.memoryReserved());
    }

    /**
     * The default session is adaptive, so the endless query (6,000 rows of tables) is first
     * tried on the calling thread; the timeout must stop it there too.
     */
    @Test
    @SuppressWarnings({"deprecation", "removal"})
    void statementTimeoutStopsAnEndlessQueryInTheDefaultSession() throws Exception {
        muru.execute("SET statement_timeout = '300ms'");
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                muru.query(ENDLESS);
                outcome.set(new AssertionError("the endless query returned"));
            } catch (Throwable e) {
                outcome.set(e);
            }
        }, "endless-query");
        t.setDaemon(true);
        long start = System.nanoTime();
        t.start();
        t.join(5_000);
        if (t.isAlive()) {
            // Nothing in the engine stops it; the thread is a daemon (Thread.stop is gone in Java 21).
            StackTraceElement[] where = t.getStackTrace();
            fail("SET statement_timeout = '300ms' did not stop \"" + ENDLESS + "\" within 5 s in the default"
                    + " (adaptive) session (test thread stopped: " + !t.isAlive() + "); it was running in:\n  "
                    + frames(where));
        }
        Throwable e = outcome.get();
        assertTrue(e instanceof MuruException, String.valueOf(e));
        assertEquals(ErrorCode.QUERY_TIMEOUT, ((MuruException) e).code(), e.getMessage());
        assertTrue(System.nanoTime() - start < 10_000_000_000L);
        muru.execute("RESET statement_timeout");
        assertEquals(2000L, count(muru.query("SELECT COUNT(*) FROM big")));
    }

    @Test
    void sessionsAreIndependent() {
        Session a = muru.session();
        Session b = muru.session();
        a.query("SET threads = 1");
        a.query("SET memory_limit = '64MB'");
        b.query("SET parallel_threshold = 0");
        assertEquals("1", show(a, "threads"));
        assertEquals("2", show(b, "threads"));
        assertEquals("2", show("threads"), "the default session is its own");
        assertEquals("64.0 MB", show(a, "memory_limit"));
        assertEquals(show("memory_limit"), show(b, "memory_limit"));
        assertEquals("auto", show(a, "parallel_threshold"));
        assertEquals("0", show(b, "parallel_threshold"));
        assertEquals("auto", show("parallel_threshold"));

        String pa = plan(a, BIG);
        String pb = plan(b, "SELECT COUNT(*) FROM t");
        String pd = plan(muru.defaultSession(), BIG);
        assertTrue(pa.contains("parallelism setting is 1"), pa);
        assertTrue(pb.contains("threshold is 0 (always parallel)"), pb);
        assertTrue(pd.contains("parallel, DOP 2") && !pd.contains("parallelism setting is 1"), pd);

        // The default session's SET does not reach the others.
        muru.execute("SET threads = 3");
        assertEquals("1", show(a, "threads"));
        assertEquals("2", show(b, "threads"));
        // RESET ALL in one session leaves the others.
        a.query("RESET ALL");
        assertEquals("2", show(a, "threads"));
        assertEquals("0", show(b, "parallel_threshold"));
        assertEquals("3", show("threads"));
        // Every session sees the same data.
        assertEquals(count(b.query("SELECT COUNT(*) FROM t")), count(a.query("SELECT COUNT(*) FROM t")));
    }

    /** The top frames of a stack and those of the engine's entry points below them. */
    private static String frames(StackTraceElement[] stack) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < stack.length; i++) {
            String f = String.valueOf(stack[i]);
            if (i < 4 || f.contains("InlineRun") || f.contains("dev.muru.Muru.") || f.contains("dev.muru.Session.")) {
                out.add(f);
            }
        }
        return String.join("\n  ", out);
    }

    // ------------------------------------------------------------------ parameters

    @Test
    void parametersBindInSelect() {
        assertEquals(List.of("2|two"), DualEngine.text(muru.query("SELECT id, name FROM p WHERE id = ?", 2)));
        assertEquals(List.of("1|one", "4|NULL"),
                DualEngine.text(muru.query("SELECT id, name FROM p WHERE id < ? AND flag = ? ORDER BY id", 10L, true)));
        assertEquals(List.of("3"), DualEngine.text(muru.query("SELECT id FROM p WHERE name = ?", "three")));
        assertEquals(List.of("2", "4"),
                DualEngine.text(muru.query("SELECT id FROM p WHERE amount >= ? ORDER BY id", new BigDecimal("2.25"))));
        assertEquals(List.of("2", "3"), DualEngine.text(muru.query(
                "SELECT id FROM p WHERE d BETWEEN ? AND ? ORDER BY id", LocalDate.of(2024, 1, 15), "2024-03-01")));
        assertEquals(List.of("11|x|NULL"), DualEngine.text(muru.query("SELECT ? + ?, ?, ?", 5, 6, "x", null)));
        assertEquals(List.of("0"), DualEngine.text(muru.query("SELECT COUNT(*) FROM p WHERE name = ?", (Object) null)),
                "a NULL parameter compares like NULL");
        // The same text with other values gives other rows (no result is cached by text).
        String sql = "SELECT COUNT(*) FROM t WHERE id < ?";
        assertEquals(10L, count(muru.query(sql, 10)));
        assertEquals(500L, count(muru.query(sql, 500)));
        // Forced (actor) path and a separate session bind the same way.
        Session s = muru.session();
        s.query("SET parallel_threshold = 0");
        assertEquals(500L, count(s.query(sql, 500)));
        assertEquals(List.of("1|one"), DualEngine.text(s.query("SELECT id, name FROM p WHERE name = ? OR id = ?", "one", 1)));
        // A parameter is a value, never SQL.
        assertEquals(0L, count(muru.query("SELECT COUNT(*) FROM p WHERE name = ?", "one' OR '1' = '1")));
    }

    @Test
    void parametersBindInInsertUpdateAndDelete() {
        Session s = muru.session();
        s.query("CREATE TABLE params (id INTEGER, name VARCHAR, amount DECIMAL(10,2), d DATE)");
        assertEquals(1, s.execute("INSERT INTO params VALUES (?, ?, ?, ?)", 1, "a", new BigDecimal("1.25"), LocalDate.of(2020, 5, 17)));
        assertEquals(2, s.execute("INSERT INTO params VALUES (?, ?, ?, ?), (?, ?, ?, ?)",
                2, "b", new BigDecimal("2.50"), "2021-01-02", 3, null, null, null));
        assertEquals(List.of("1|a|1.25|2020-05-17", "2|b|2.50|2021-01-02", "3|NULL|NULL|NULL"),
                DualEngine.text(s.query("SELECT * FROM params ORDER BY id")));
        assertEquals(1, s.execute("UPDATE params SET name = ?, amount = amount * ? WHERE id = ?", "bee", 2, 2));
        assertEquals(List.of("2|bee|5.00"), DualEngine.text(s.query("SELECT id, name, amount FROM params WHERE id = ?", 2)));
        assertEquals(2, s.execute("UPDATE params SET amount = ? WHERE amount IS NULL OR id = ?", new BigDecimal("9.99"), 1));
        assertEquals(List.of("1|9.99", "2|5.00", "3|9.99"), DualEngine.text(s.query("SELECT id, amount FROM params ORDER BY id")));
        assertEquals(1, s.execute("DELETE FROM params WHERE id = ?", 3));
        assertEquals(0, s.execute("DELETE FROM params WHERE name = ?", "nobody"));
        assertEquals(List.of("1", "2"), DualEngine.text(s.query("SELECT id FROM params ORDER BY id")));
        // Through the engine facade (the default session) too.
        assertEquals(1, muru.query("DELETE FROM params WHERE id = ?", 1).updateCount());
        assertEquals(1L, count(muru.query("SELECT COUNT(*) FROM params WHERE name = ?", "bee")));
        muru.execute("DROP TABLE params");
    }

    @Test
    void missingExtraAndUnsupportedParametersAreInvalid() {
        MuruException e = error(ErrorCode.INVALID_PARAMETER, () -> muru.query("SELECT id FROM p WHERE id = ? AND name = ?", 1));
        assertTrue(e.getMessage().contains("2"), e.getMessage());
        error(ErrorCode.INVALID_PARAMETER, () -> muru.query("SELECT id FROM p WHERE id = ?"));
        e = error(ErrorCode.INVALID_PARAMETER, () -> muru.query("SELECT id FROM p WHERE id = ?", 1, 2));
        assertTrue(e.getMessage().contains("2 parameter values"), e.getMessage());
        error(ErrorCode.INVALID_PARAMETER, () -> muru.query("SELECT id FROM p", 1));
        error(ErrorCode.INVALID_PARAMETER, () -> muru.query("SELECT id FROM p WHERE id = ?", new Object()));
        error(ErrorCode.INVALID_PARAMETER, () -> muru.query("SELECT id FROM p WHERE id = ?", List.of(1)));
        Session s = muru.session();
        s.query("SET parallel_threshold = 0");
        error(ErrorCode.INVALID_PARAMETER, () -> s.query("SELECT id FROM p WHERE id = ?"));
        error(ErrorCode.INVALID_PARAMETER, () -> s.query("SELECT id FROM p WHERE id = ?", 1, 2));
        error(ErrorCode.INVALID_PARAMETER, () -> s.execute("INSERT INTO p VALUES (?, ?, ?, ?, ?)", 9, "x", null, null));
        error(ErrorCode.INVALID_PARAMETER, () -> s.execute("UPDATE p SET name = ? WHERE id = ?", "x"));
        error(ErrorCode.INVALID_PARAMETER, () -> s.execute("DELETE FROM p WHERE id = ?", 1, 2));
        // Nothing changed.
        assertEquals(List.of("1|one", "2|two", "3|three", "4|NULL"),
                DualEngine.text(muru.query("SELECT id, name FROM p ORDER BY id")));
    }
}
