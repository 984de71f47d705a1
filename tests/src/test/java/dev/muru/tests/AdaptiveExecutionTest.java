package dev.muru.tests;

import com.typesafe.config.ConfigFactory;
import dev.muru.Muru;
import dev.muru.MuruSettings;
import dev.muru.engine.RuntimeStats;
import dev.muru.plan.physical.OperationKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * EXPLAIN ANALYZE's per-pipeline and per-operator figures, elastic fan-out of a pipeline that
 * was decided sequential but turns out heavy, and thresholds that move with measured fits.
 */
class AdaptiveExecutionTest {
    static final int MORSEL_ROWS = 2048;
    static final int BIG = 500_000;
    /** Several LIKEs per row: tens of nanoseconds a row, so 500k rows are far more than one 2 ms slice. */
    static final String HEAVY = "SELECT COUNT(*) FROM big WHERE s LIKE '%12%' AND s NOT LIKE '%99%' AND s LIKE 'k%z' AND s NOT LIKE '%k0%'";

    static Muru sequential;
    static Muru parallel;
    /** Adaptive, but with thresholds so high that every pipeline is decided sequential. */
    static Muru elastic;

    @BeforeAll
    static void start() {
        MuruSettings base = MuruSettings.load().withParallelism(2).withMorselRows(MORSEL_ROWS);
        sequential = Muru.start(base.withThreshold(MuruSettings.NEVER));
        parallel = Muru.start(base.withThreshold(0));
        MuruSettings high = MuruSettings.fromConfig(ConfigFactory.parseString(
                        "muru.execution.parallel-threshold { scan = 100000000, aggregate = 100000000, sort = 100000000, join = 100000000 }")
                .withFallback(MuruSettings.defaultConfig()), null).withMorselRows(MORSEL_ROWS).withParallelism(2);
        assertTrue(high.adaptive(), "thresholds from the configuration keep the adaptive mode");
        assertEquals(100_000_000L, high.scanThreshold());
        elastic = Muru.start(high);
        for (Muru m : List.of(sequential, parallel, elastic)) {
            loadBase(m);
            loadBig(m, "big", BIG);
        }
    }

    @AfterAll
    static void stop() {
        sequential.close();
        parallel.close();
        elastic.close();
    }

    /** t: ids 0..999. */
    static void loadBase(Muru m) {
        m.execute("CREATE TABLE t (id INTEGER)");
        StringBuilder sb = new StringBuilder("INSERT INTO t VALUES ");
        for (int i = 0; i < 1000; i++) {
            sb.append(i == 0 ? "" : ", ").append('(').append(i).append(')');
        }
        m.execute(sb.toString());
    }

    /** x = a * 1000 + b and s = 'k' || (a * 7 + b * 13) || 'z' for a < rows / 1000, b < 1000. */
    static void loadBig(Muru m, String name, int rows) {
        m.execute("CREATE TABLE " + name + " (x INTEGER, s VARCHAR)");
        m.execute("INSERT INTO " + name + " SELECT a.id * 1000 + b.id, 'k' || CAST(a.id * 7 + b.id * 13 AS VARCHAR) || 'z' "
                + "FROM t a, t b WHERE a.id < " + rows / 1000);
        assertEquals((long) rows, count(m, "SELECT COUNT(*) FROM " + name));
    }

    /** HEAVY's answer computed here, independently of the engine. */
    static long heavyExpected() {
        long n = 0;
        for (int a = 0; a < BIG / 1000; a++) {
            for (int b = 0; b < 1000; b++) {
                String s = "k" + (a * 7 + b * 13) + "z";
                if (s.contains("12") && !s.contains("99") && !s.contains("k0")) {
                    n++;
                }
            }
        }
        return n;
    }

    static long count(Muru m, String sql) {
        return ((Number) m.query(sql).rows().get(0)[0]).longValue();
    }

    // ------------------------------------------------------------------ parsing EXPLAIN ANALYZE

    static final Pattern HEADER = Pattern.compile("^  Pipeline (\\d+) \\[(.*)] ([0-9.]+) ms \\(workers busy ([0-9.]+) ms\\), "
            + "(\\d+) worker\\(s\\)(?: \\+ (\\d+) (aggregate|build) actor\\(s\\))?, peak memory (\\d+(?:\\.\\d+)? (?:bytes|KB|MB|GB))$");
    static final Pattern SOURCE = Pattern.compile("^    source: .*  \\| (\\d+) rows in (\\d+) morsels.*$");
    static final Pattern STEP = Pattern.compile("^    step:   (.*)  \\| (\\d+) -> (\\d+) rows, ([0-9.]+) ms$");
    static final Pattern SINK = Pattern.compile("^    sink:   (.*)  \\| (\\d+) -> (\\d+) rows, ([0-9.]+) ms, reserved (.+), output (.+)$");

    record Step(String text, long in, long out, double ms) {
    }

    static final class PipelineFigures {
        int id;
        String decision;
        double wallMs;
        double busyMs;
        int workers;
        int extraActors;
        String extraKind;
        String statistics;
        String elastic;
        long sourceRows;
        int morsels;
        final List<Step> steps = new ArrayList<>();
        Step sink;

        Step step(String prefix) {
            for (Step s : steps) {
                if (s.text().startsWith(prefix)) {
                    return s;
                }
            }
            throw new AssertionError("no step " + prefix + " in pipeline " + id + ": " + steps);
        }
    }

    static List<PipelineFigures> analyze(Muru m, String sql) {
        List<String> lines = DualEngine.text(m.query("EXPLAIN ANALYZE " + sql));
        String all = String.join("\n", lines);
        List<PipelineFigures> out = new ArrayList<>();
        PipelineFigures cur = null;
        for (String line : lines) {
            if (line.startsWith("  Pipeline ")) {
                Matcher h = HEADER.matcher(line);
                assertTrue(h.matches(), "pipeline header: " + line + "\n" + all);
                cur = new PipelineFigures();
                cur.id = Integer.parseInt(h.group(1));
                cur.decision = h.group(2);
                cur.wallMs = Double.parseDouble(h.group(3));
                cur.busyMs = Double.parseDouble(h.group(4));
                cur.workers = Integer.parseInt(h.group(5));
                cur.extraActors = h.group(6) == null ? 0 : Integer.parseInt(h.group(6));
                cur.extraKind = h.group(7);
                out.add(cur);
            } else if (cur != null && line.startsWith("    statistics: ")) {
                cur.statistics = line.substring("    statistics: ".length());
            } else if (cur != null && line.startsWith("    elastic: ")) {
                cur.elastic = line.substring("    elastic: ".length());
            } else if (cur != null && line.startsWith("    source: ")) {
                Matcher s = SOURCE.matcher(line);
                assertTrue(s.matches(), "source line: " + line + "\n" + all);
                cur.sourceRows = Long.parseLong(s.group(1));
                cur.morsels = Integer.parseInt(s.group(2));
            } else if (cur != null && line.startsWith("    step: ")) {
                Matcher s = STEP.matcher(line);
                assertTrue(s.matches(), "step line: " + line + "\n" + all);
                cur.steps.add(new Step(s.group(1).trim(), Long.parseLong(s.group(2)), Long.parseLong(s.group(3)),
                        Double.parseDouble(s.group(4))));
            } else if (cur != null && line.startsWith("    sink: ")) {
                Matcher s = SINK.matcher(line);
                assertTrue(s.matches(), "sink line: " + line + "\n" + all);
                cur.sink = new Step(s.group(1).trim(), Long.parseLong(s.group(2)), Long.parseLong(s.group(3)),
                        Double.parseDouble(s.group(4)));
            }
        }
        assertFalse(out.isEmpty(), all);
        for (PipelineFigures p : out) {
            assertNotNull(p.sink, "pipeline " + p.id + " has a sink line\n" + all);
            consistent(p, all);
        }
        return out;
    }

    /** What holds for every pipeline: rows flow from step to step, workers match the decision, time adds up. */
    static void consistent(PipelineFigures p, String all) {
        String where = "pipeline " + p.id + "\n" + all;
        long rows = p.sourceRows;
        double stepMs = 0;
        for (Step s : p.steps) {
            assertEquals(rows, s.in(), "a step reads what the one before emitted: " + where);
            if (s.text().startsWith("filter") || s.text().startsWith("project")) {
                assertTrue(s.out() <= s.in(), "filters and projections do not add rows: " + where);
            }
            rows = s.out();
            stepMs += s.ms();
        }
        assertEquals(rows, p.sink.in(), "the sink takes what the last step emitted: " + where);
        stepMs += p.sink.ms();
        assertTrue(p.morsels >= (p.sourceRows + MORSEL_ROWS - 1) / MORSEL_ROWS, "morsels hold at most " + MORSEL_ROWS + " rows: " + where);
        assertTrue(stepMs <= p.busyMs + 0.01 * (p.steps.size() + 2), "step and sink time lie within the workers' busy time: " + where);
        assertTrue(p.wallMs > 0 && p.busyMs > 0, where);
        if (p.decision.startsWith("parallel, DOP ")) {
            int dop = Integer.parseInt(p.decision.substring("parallel, DOP ".length()).split(":")[0].trim());
            assertEquals(dop, p.workers, "a parallel pipeline has DOP workers: " + where);
        } else {
            assertTrue(p.decision.startsWith("sequential"), where);
            assertEquals(p.elastic == null ? 1 : 2, p.workers, "sequential: one worker unless it fanned out: " + where);
        }
    }

    // ------------------------------------------------------------------ figures

    @Test
    void filterAndAggregateFiguresMatchTheData() {
        long matching = count(sequential, "SELECT COUNT(*) FROM big WHERE s LIKE '%12%'");
        assertEquals(matching, count(parallel, "SELECT COUNT(*) FROM big WHERE s LIKE '%12%'"));
        assertTrue(matching > 0 && matching < BIG, "a selective filter: " + matching);
        for (Muru m : List.of(sequential, parallel, elastic)) {
            List<PipelineFigures> ps = analyze(m, "SELECT COUNT(*) FROM big WHERE s LIKE '%12%'");
            assertEquals(1, ps.size());
            PipelineFigures p = ps.get(0);
            assertEquals(BIG, p.sourceRows, "the scan reads the whole table");
            Step filter = p.step("filter");
            assertEquals(BIG, filter.in());
            assertEquals(matching, filter.out(), "the filter emits the matching rows");
            assertEquals(filter.out(), p.sink.in(), "the sink takes the filter's rows");
            assertEquals(1, p.sink.out(), "count(*) gives one row");
            if (m == parallel) {
                assertTrue(p.decision.startsWith("parallel, DOP 2"), p.decision);
                assertEquals(2, p.workers);
                assertEquals(1, p.extraActors, "one combiner without group keys");
                assertEquals("aggregate", p.extraKind);
                assertTrue(p.busyMs > 0);
            } else if (m == sequential) {
                assertTrue(p.decision.startsWith("sequential"), p.decision);
                assertEquals(1, p.workers);
                assertEquals(0, p.extraActors);
                assertEquals(null, p.elastic, "forced sequential never fans out");
            } else {
                assertNotNull(p.statistics, "adaptive decisions print the statistics they used: [" + p.decision + "]");
            }
        }
        // Group keys: as many groups out as the data has; in parallel, one combiner per partition.
        List<String> groups = DualEngine.text(sequential.query("SELECT x % 10, COUNT(*) FROM big WHERE x % 3 = 0 GROUP BY 1 ORDER BY 1"));
        long kept = 0;
        for (String g : groups) {
            kept += Long.parseLong(g.split("\\|")[1]);
        }
        assertEquals(10, groups.size());
        for (Muru m : List.of(sequential, parallel)) {
            PipelineFigures p = analyze(m, "SELECT x % 10, COUNT(*) FROM big WHERE x % 3 = 0 GROUP BY 1").get(0);
            assertEquals(BIG, p.sourceRows);
            assertEquals(kept, p.step("filter").out());
            assertEquals(kept, p.sink.in());
            assertEquals(10, p.sink.out(), "ten groups");
            if (m == parallel) {
                assertEquals(2, p.extraActors, "aggregate_partitions 0 = threads = 2 combiners");
                assertEquals("aggregate", p.extraKind);
            }
        }
    }

    @Test
    void joinFiguresMatchTheData() {
        String sql = "SELECT COUNT(*) FROM big JOIN t ON big.x = t.id WHERE t.id > 10";
        long joined = count(sequential, sql);
        // x = a * 1000 + b < 1000 only for a = 0, b in 0..999: ids 11..999 match.
        assertEquals(989, joined);
        for (Muru m : List.of(sequential, parallel)) {
            List<PipelineFigures> ps = analyze(m, sql);
            assertEquals(2, ps.size());
            PipelineFigures build = ps.get(0);
            PipelineFigures probe = ps.get(1);
            assertEquals(1000, build.sourceRows, "the build side reads t");
            assertEquals(989, build.step("filter").out());
            assertEquals(989, build.sink.in());
            assertEquals(989, build.sink.out(), "the hash table holds the filtered rows");
            assertTrue(build.sink.text().startsWith("hash join build"), build.sink.text());
            assertEquals("build", build.extraKind, "a join build is finished by build actors");
            assertTrue(build.extraActors >= 1);
            assertEquals(BIG, probe.sourceRows, "the probe side reads big");
            Step p = probe.step("probe");
            assertEquals(BIG, p.in());
            assertEquals(joined, p.out(), "the probe emits the joined rows");
            assertEquals(joined, probe.sink.in());
            assertEquals(1, probe.sink.out());
            if (m == parallel) {
                assertEquals(2, build.extraActors, "two partitions, two build actors");
                assertEquals(2, probe.workers);
            }
        }
    }

    // ------------------------------------------------------------------ elastic fan-out

    @Test
    void aHeavySequentialPipelineFansOut() {
        long expected = heavyExpected();
        assertTrue(expected > 0, "the filter keeps some rows");
        List<PipelineFigures> ps = analyze(elastic, HEAVY);
        PipelineFigures p = ps.get(0);
        String text = String.join("\n", DualEngine.text(elastic.query("EXPLAIN " + HEAVY)));
        assertTrue(text.contains("[sequential"), "decided sequential by the high threshold: " + text);
        assertTrue(p.decision.startsWith("sequential") && p.decision.contains("aggregate threshold"), p.decision);
        assertNotNull(p.elastic, "a heavy sequential pipeline fans out: decision " + p.decision + ", "
                + p.workers + " worker(s), " + p.busyMs + " ms busy, " + p.morsels + " morsels");
        assertTrue(p.elastic.startsWith("fanned out to DOP 2"), p.elastic);
        assertEquals(2, p.workers, "the header counts the added worker");
        assertEquals(expected, p.step("filter").out(), "a fanned-out pipeline loses no rows");
        assertEquals(expected, p.sink.in());
        // The query itself gives the right answer, also when it fans out.
        assertEquals(expected, count(elastic, HEAVY));
        assertEquals(expected, count(sequential, HEAVY));
        assertEquals(expected, count(parallel, HEAVY));
        // Forced sequential never fans out.
        PipelineFigures forced = analyze(sequential, HEAVY).get(0);
        assertEquals(null, forced.elastic);
        assertEquals(1, forced.workers);
        assertEquals(expected, forced.sink.in());
    }

    // ------------------------------------------------------------------ measured fits

    @Test
    void thresholdsMoveWithMeasuredFits() {
        // Default thresholds (aggregate 150,000): 300k/500k rows run parallel, 18k/36k rows
        // sequential (below even a quarter of 150,000); both over the inline budget of 16,384.
        MuruSettings s = MuruSettings.load().withParallelism(2).withMorselRows(MORSEL_ROWS);
        try (Muru m = Muru.start(s)) {
            long configured = s.aggregateThreshold();
            assertTrue(configured / 4 > 36_000 && configured < 300_000, "configured " + configured);
            loadBase(m);
            loadBig(m, "s18", 18_000);
            loadBig(m, "s36", 36_000);
            loadBig(m, "b300", 300_000);
            loadBig(m, "b500", 500_000);
            String first = String.join("\n", DualEngine.text(m.query("EXPLAIN SELECT SUM(x) FROM b300")));
            assertTrue(first.contains("statistics: aggregate pipelines measured")
                    || first.contains("statistics: no runtime statistics for aggregate pipelines yet"), first);
            assertFalse(first.contains("adaptive aggregate threshold"), "no fits yet: " + first);

            // Parallel runs first: without sequential fits the configured threshold decides.
            List<String> decisions = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                assertEquals(sum(300_000), count(m, "SELECT SUM(x) FROM b300"));
                assertEquals(sum(500_000), count(m, "SELECT SUM(x) FROM b500"));
                decisions.add("b500: " + analyze(m, "SELECT SUM(x) FROM b500").get(0).decision);
            }
            for (int i = 0; i < 5; i++) {
                assertEquals(sum(18_000), count(m, "SELECT SUM(x) FROM s18"));
                assertEquals(sum(36_000), count(m, "SELECT SUM(x) FROM s36"));
                decisions.add("s36: " + analyze(m, "SELECT SUM(x) FROM s36").get(0).decision);
            }
            RuntimeStats stats = m.runtimeStats();
            RuntimeStats.Fit seq = stats.sequential(OperationKind.AGGREGATE);
            RuntimeStats.Fit par = stats.parallel(OperationKind.AGGREGATE, 2);
            assertNotNull(seq, "sequential runs were measured");
            assertNotNull(par, "parallel runs at DOP 2 were measured");
            assertTrue(seq.samples() >= 3 && par.samples() >= 3, seq + " / " + par + "; decisions:\n" + String.join("\n", decisions));
            assertTrue(seq.varied() && par.varied(), "two sizes each: " + seq + " / " + par);
            // Timings are noisy (a cold JIT makes early runs slow): only a physical line is certain.
            assertTrue(seq.nanosPerRow() >= 0 && par.nanosPerRow() >= 0 && seq.fixedNanos() >= 0 && par.fixedNanos() >= 0,
                    seq + " / " + par);
            long breakEven = stats.breakEvenRows(OperationKind.AGGREGATE, 2);
            assertTrue(breakEven >= 0, "both fits have enough evidence: " + breakEven);

            String plan = String.join("\n", DualEngine.text(m.query("EXPLAIN SELECT SUM(x) FROM b300")));
            String statistics = null;
            for (String line : plan.split("\n")) {
                if (line.startsWith("    statistics: ")) {
                    statistics = line;
                }
            }
            assertNotNull(statistics, plan);
            assertTrue(statistics.contains("aggregate pipelines measured: sequential " + seq), plan);
            assertTrue(statistics.contains("parallel DOP 2 " + par), plan);
            assertTrue(statistics.contains(breakEven == Long.MAX_VALUE ? "parallel never paid" : "break-even " + breakEven + " rows"), plan);
            long expected = Math.max(configured / 4, Math.min(configured * 4, breakEven));
            assertTrue(plan.contains("adaptive aggregate threshold " + expected + " (configured " + configured + ")"), plan);
            // EXPLAIN ANALYZE prints the same kind of line, from the statistics at the time it ran.
            PipelineFigures analyzed = analyze(m, "SELECT SUM(x) FROM b500").get(0);
            assertNotNull(analyzed.statistics);
            assertTrue(analyzed.statistics.startsWith("aggregate pipelines measured: sequential "), analyzed.statistics);
            assertTrue(analyzed.decision.contains("adaptive aggregate threshold"), analyzed.decision);
            assertEquals(500_000, analyzed.sourceRows);
        }
    }

    /**
     * One statement at a time: whatever ran before, a big pipeline gets all the workers. The
     * statements that answer at once (SHOW, SET, RESET, EXPLAIN without ANALYZE) must not
     * count as still running.
     */
    @Test
    void aLoneStatementGetsEveryWorkerWhateverRanBefore() {
        try (Muru m = Muru.start(MuruSettings.load().withParallelism(2).withMorselRows(MORSEL_ROWS))) {
            loadBase(m);
            loadBig(m, "b300", 300_000);
            String sql = "SELECT SUM(x) FROM b300";
            for (String before : List.of("SELECT COUNT(*) FROM b300", "SHOW threads", "SHOW ALL", "SET threads = 2",
                    "RESET threads", "EXPLAIN " + sql, "EXPLAIN ANALYZE " + sql, "INSERT INTO t VALUES (1000)")) {
                m.query(before);
                PipelineFigures p = analyze(m, sql).get(0);
                assertTrue(p.decision.startsWith("parallel, DOP 2"), "after \"" + before + "\", one statement running: ["
                        + p.decision + "]");
                assertEquals(2, p.workers);
            }
            assertEquals(sum(300_000), count(m, sql));
        }
    }

    /** SUM(x) over the first {@code rows} rows of a table made by loadBig: x runs over 0..rows-1. */
    static long sum(long rows) {
        return rows * (rows - 1) / 2;
    }
}
