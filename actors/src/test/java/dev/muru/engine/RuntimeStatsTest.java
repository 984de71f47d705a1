package dev.muru.engine;

import dev.muru.MuruSettings;
import dev.muru.core.Schema;
import dev.muru.plan.physical.OperationKind;
import dev.muru.plan.physical.Pipeline;
import dev.muru.plan.physical.PipelineSink;
import dev.muru.plan.physical.PipelineSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runtime statistics' line fits, the break-even they give, and how ParallelConfig uses them. */
class RuntimeStatsTest {
    private static final Schema EMPTY = new Schema(List.of());
    private static final Pipeline SCAN = new Pipeline(0, new PipelineSource.TableScan("t", new int[0], EMPTY), List.of(),
            new PipelineSink.Collect(-1, 0, EMPTY), 0, false);
    private static final Pipeline AGGREGATE = new Pipeline(0, new PipelineSource.TableScan("t", new int[0], EMPTY), List.of(),
            new PipelineSink.Aggregate(0, List.of(), EMPTY), 0, false);
    private static final Pipeline JOIN_BUILD = new Pipeline(0, new PipelineSource.TableScan("t", new int[0], EMPTY), List.of(),
            new PipelineSink.JoinBuild(new int[0], EMPTY), 0, false);
    private static final Pipeline ORDERED = new Pipeline(1, new PipelineSource.PipelineOutput(0, EMPTY), List.of(),
            new PipelineSink.Collect(-1, 0, EMPTY), 0, true);

    private static final long[] SIZES = {10_000, 50_000, 100_000, 200_000, 400_000, 25_000, 300_000};

    /** Observations of time = fixed + perRow × rows at the sizes above, the first {@code count} of them. */
    private static void observe(RuntimeStats stats, OperationKind kind, int dop, double perRowNanos, double fixedNanos, int count) {
        for (int i = 0; i < count; i++) {
            long rows = SIZES[i % SIZES.length];
            long nanos = Math.round(fixedNanos + perRowNanos * rows);
            stats.record(new RuntimeStats.Observation(kind, dop, rows, nanos, nanos * Math.max(1, dop)));
        }
    }

    private static void assertClose(double want, double got, double relative, String what) {
        assertTrue(Math.abs(want - got) <= relative * Math.abs(want), what + ": want " + want + ", got " + got);
    }

    @Test
    void theFitRecoversFixedAndPerRowCosts() {
        RuntimeStats stats = new RuntimeStats();
        assertNull(stats.sequential(OperationKind.SCAN));
        assertNull(stats.parallel(OperationKind.SCAN, 2));
        observe(stats, OperationKind.SCAN, 1, 1000, 50_000, 6);
        observe(stats, OperationKind.SCAN, 2, 550, 400_000, 6);
        RuntimeStats.Fit seq = stats.sequential(OperationKind.SCAN);
        RuntimeStats.Fit par = stats.parallel(OperationKind.SCAN, 2);
        assertClose(1000, seq.nanosPerRow(), 1e-6, "sequential ns/row");
        assertClose(50_000, seq.fixedNanos(), 1e-4, "sequential fixed");
        assertClose(550, par.nanosPerRow(), 1e-6, "parallel ns/row");
        assertClose(400_000, par.fixedNanos(), 1e-4, "parallel fixed");
        assertEquals(6, seq.samples());
        assertEquals(6, par.samples());
        assertEquals(12, stats.pipelines());
        assertTrue(seq.toString().contains("ns/row") && seq.toString().contains("6 runs"), seq.toString());
        // Other kinds and DOPs have their own fits.
        assertNull(stats.sequential(OperationKind.AGGREGATE));
        assertNull(stats.parallel(OperationKind.SCAN, 3));
    }

    @Test
    void breakEvenIsExtraFixedCostOverPerRowGain() {
        RuntimeStats stats = new RuntimeStats();
        observe(stats, OperationKind.SCAN, 1, 1000, 50_000, 5);
        observe(stats, OperationKind.SCAN, 2, 550, 400_000, 5);
        long expected = (400_000 - 50_000) / 450; // 777 rows
        long got = stats.breakEvenRows(OperationKind.SCAN, 2);
        assertTrue(Math.abs(expected - got) <= 2, "break-even " + got + ", want about " + expected);
        assertEquals(-1, stats.breakEvenRows(OperationKind.SCAN, 3), "no parallel runs at DOP 3");
        assertEquals(-1, stats.breakEvenRows(OperationKind.AGGREGATE, 2), "no runs of this kind");
    }

    @Test
    void tooFewSamplesGiveMinusOne() {
        RuntimeStats stats = new RuntimeStats();
        observe(stats, OperationKind.JOIN, 1, 1000, 50_000, 2);
        observe(stats, OperationKind.JOIN, 2, 550, 400_000, 2);
        assertEquals(-1, stats.breakEvenRows(OperationKind.JOIN, 2));
        observe(stats, OperationKind.JOIN, 1, 1000, 50_000, 1);
        assertEquals(3, stats.sequential(OperationKind.JOIN).samples());
        assertEquals(-1, stats.breakEvenRows(OperationKind.JOIN, 2), "the parallel fit has 2 samples");
        stats.record(new RuntimeStats.Observation(OperationKind.JOIN, 2, 70_000, 400_000 + 550 * 70_000, 1));
        assertTrue(stats.breakEvenRows(OperationKind.JOIN, 2) > 0, "3 samples each are enough");
    }

    @Test
    void runsAllOfOneSizeDoNotMoveTheThreshold() {
        RuntimeStats stats = new RuntimeStats();
        for (int i = 0; i < 5; i++) {
            stats.record(new RuntimeStats.Observation(OperationKind.SCAN, 1, 100_000, 100_050_000, 1));
            stats.record(new RuntimeStats.Observation(OperationKind.SCAN, 2, 100_000, 55_400_000, 1));
        }
        assertEquals(-1, stats.breakEvenRows(OperationKind.SCAN, 2), "fixed and per-row costs cannot be told apart");
        observe(stats, OperationKind.SCAN, 1, 1000, 50_000, 5);
        observe(stats, OperationKind.SCAN, 2, 550, 400_000, 5);
        assertTrue(stats.sequential(OperationKind.SCAN).varied() && stats.parallel(OperationKind.SCAN, 2).varied());
        assertTrue(stats.breakEvenRows(OperationKind.SCAN, 2) >= 0, "varied sizes: a break-even");
    }

    @Test
    void noPerRowGainMeansParallelNeverPays() {
        RuntimeStats stats = new RuntimeStats();
        observe(stats, OperationKind.SORT, 1, 500, 10_000, 4);
        observe(stats, OperationKind.SORT, 2, 500, 300_000, 4);
        assertEquals(Long.MAX_VALUE, stats.breakEvenRows(OperationKind.SORT, 2), "equal per-row cost");
        RuntimeStats worse = new RuntimeStats();
        observe(worse, OperationKind.SORT, 1, 500, 10_000, 4);
        observe(worse, OperationKind.SORT, 2, 700, 10_000, 4);
        assertEquals(Long.MAX_VALUE, worse.breakEvenRows(OperationKind.SORT, 2), "parallel slower per row");
        // Cheaper per row and no extra fixed cost: parallel pays from the first row.
        RuntimeStats better = new RuntimeStats();
        observe(better, OperationKind.SORT, 1, 500, 300_000, 4);
        observe(better, OperationKind.SORT, 2, 300, 100_000, 4);
        assertEquals(0, better.breakEvenRows(OperationKind.SORT, 2));
    }

    @Test
    void recentObservationsWeighMost() {
        RuntimeStats stats = new RuntimeStats();
        observe(stats, OperationKind.SCAN, 1, 1000, 50_000, 20);
        observe(stats, OperationKind.SCAN, 1, 2000, 50_000, 20);
        RuntimeStats.Fit fit = stats.sequential(OperationKind.SCAN);
        assertTrue(fit.nanosPerRow() > 1950 && fit.nanosPerRow() < 2050, "follows the new cost: " + fit);
        assertEquals(40, fit.samples());
    }

    @Test
    void noisyObservationsStayPhysical() {
        RuntimeStats stats = new RuntimeStats();
        // All of one size: no slope to fit; the cost is per row.
        for (int i = 0; i < 5; i++) {
            stats.record(new RuntimeStats.Observation(OperationKind.SCAN, 1, 100_000, 100_000_000 + i * 1000, 1));
        }
        RuntimeStats.Fit same = stats.sequential(OperationKind.SCAN);
        assertEquals(0, same.fixedNanos());
        assertClose(1000, same.nanosPerRow(), 0.001, "per row");
        assertFalse(same.varied());
        assertTrue(same.toString().contains("all of one size"), same.toString());
        // Time that shrinks with size would give a negative slope: clamped to a non-negative cost.
        RuntimeStats odd = new RuntimeStats();
        odd.record(new RuntimeStats.Observation(OperationKind.SCAN, 1, 1000, 9_000_000, 1));
        odd.record(new RuntimeStats.Observation(OperationKind.SCAN, 1, 100_000, 5_000_000, 1));
        odd.record(new RuntimeStats.Observation(OperationKind.SCAN, 1, 200_000, 1_000_000, 1));
        RuntimeStats.Fit f = odd.sequential(OperationKind.SCAN);
        assertTrue(f.nanosPerRow() >= 0 && f.fixedNanos() >= 0, f.toString());
        // Empty or unmeasured runs are ignored.
        RuntimeStats none = new RuntimeStats();
        none.record(new RuntimeStats.Observation(OperationKind.SCAN, 1, 0, 1000, 1));
        none.record(new RuntimeStats.Observation(OperationKind.SCAN, 1, 1000, 0, 1));
        assertEquals(0, none.pipelines());
        assertNull(none.sequential(OperationKind.SCAN));
    }

    @Test
    void operatorCostsAreMovingAverages() {
        RuntimeStats stats = new RuntimeStats();
        assertTrue(Double.isNaN(stats.operatorNanosPerRow(RuntimeStats.OperatorKind.FILTER, false)));
        stats.recordOperator(RuntimeStats.OperatorKind.FILTER, false, 1000, 10_000);
        assertEquals(10.0, stats.operatorNanosPerRow(RuntimeStats.OperatorKind.FILTER, false), 1e-9);
        stats.recordOperator(RuntimeStats.OperatorKind.FILTER, false, 1000, 20_000);
        assertEquals(10.0 * (1 - RuntimeStats.ALPHA) + 20.0 * RuntimeStats.ALPHA,
                stats.operatorNanosPerRow(RuntimeStats.OperatorKind.FILTER, false), 1e-9);
        assertTrue(Double.isNaN(stats.operatorNanosPerRow(RuntimeStats.OperatorKind.FILTER, true)), "parallel kept apart");
        assertTrue(Double.isNaN(stats.operatorNanosPerRow(RuntimeStats.OperatorKind.SORT, false)));
        stats.recordOperator(RuntimeStats.OperatorKind.SORT, false, 0, 10_000);
        assertTrue(Double.isNaN(stats.operatorNanosPerRow(RuntimeStats.OperatorKind.SORT, false)), "no rows, no sample");
    }

    // ------------------------------------------------------------------ ParallelConfig

    private static MuruSettings adaptive() {
        MuruSettings s = MuruSettings.load().withParallelism(2).withAdaptiveThresholds();
        assertTrue(s.adaptive());
        assertTrue(s.scanThreshold() >= 16 && s.scanThreshold() < Long.MAX_VALUE / 8, "configured " + s.scanThreshold());
        return s;
    }

    @Test
    void adaptiveThresholdIsTheBreakEvenWithinBounds() {
        MuruSettings settings = adaptive();
        long configured = settings.scanThreshold();
        RuntimeStats stats = new RuntimeStats();
        ParallelConfig pc = new ParallelConfig(settings, stats);
        // Break-even at about 2× the configured value: inside the bounds, so it is the threshold.
        long breakEven = configured * 2;
        double parFixed = 500.0 * breakEven;
        observe(stats, OperationKind.SCAN, 1, 1000, 0, 4);
        observe(stats, OperationKind.SCAN, 2, 500, parFixed, 4);
        long measured = stats.breakEvenRows(OperationKind.SCAN, 2);
        assertTrue(Math.abs(measured - breakEven) <= 2, measured + " vs " + breakEven);
        ParallelConfig.Decision below = pc.decide(SCAN, measured - 10, 100, false);
        ParallelConfig.Decision above = pc.decide(SCAN, measured + 10, 100, false);
        assertFalse(below.parallel(), below.toString());
        assertTrue(above.parallel(), above.toString());
        assertEquals(2, above.dop());
        assertTrue(below.reason().contains("adaptive scan threshold " + measured + " (configured " + configured + ")"), below.reason());
        assertTrue(above.reason().contains("adaptive scan threshold"), above.reason());
        assertTrue(above.statistics().contains("break-even " + measured + " rows"), above.statistics());
        assertTrue(below.elastic(), "adaptive, sequential, measured, 100 morsels: may fan out");
        assertFalse(above.elastic(), "already parallel");
        // Between the configured value and the break-even the measurement decides, not the configuration.
        assertFalse(pc.decide(SCAN, configured + 1, 100, false).parallel());
        assertTrue(new ParallelConfig(settings).decide(SCAN, configured + 1, 100, false).parallel(),
                "without statistics the configured threshold holds");
    }

    @Test
    void adaptiveThresholdIsClampedToAQuarter() {
        MuruSettings settings = adaptive();
        long configured = settings.scanThreshold();
        RuntimeStats stats = new RuntimeStats();
        observe(stats, OperationKind.SCAN, 1, 1000, 50_000, 5);
        observe(stats, OperationKind.SCAN, 2, 550, 400_000, 5);
        assertTrue(stats.breakEvenRows(OperationKind.SCAN, 2) < configured / 4);
        ParallelConfig pc = new ParallelConfig(settings, stats);
        long low = configured / 4;
        ParallelConfig.Decision d = pc.decide(SCAN, low, 100, false);
        assertTrue(d.parallel(), d.toString());
        assertTrue(d.reason().contains("adaptive scan threshold " + low + " (configured " + configured + ")"), d.reason());
        ParallelConfig.Decision under = pc.decide(SCAN, low - 1, 100, false);
        assertFalse(under.parallel(), "the break-even (~777 rows) is below the bound: " + under);
    }

    @Test
    void adaptiveThresholdIsClampedToFourTimes() {
        MuruSettings settings = adaptive();
        long configured = settings.aggregateThreshold();
        RuntimeStats stats = new RuntimeStats();
        // Parallel never pays.
        observe(stats, OperationKind.AGGREGATE, 1, 500, 10_000, 3);
        observe(stats, OperationKind.AGGREGATE, 2, 600, 10_000, 3);
        assertEquals(Long.MAX_VALUE, stats.breakEvenRows(OperationKind.AGGREGATE, 2));
        ParallelConfig pc = new ParallelConfig(settings, stats);
        long high = configured * 4;
        ParallelConfig.Decision under = pc.decide(AGGREGATE, high - 1, 1000, false);
        assertFalse(under.parallel(), under.toString());
        assertTrue(under.reason().contains("adaptive aggregate threshold " + high + " (configured " + configured + ")"),
                under.reason());
        assertTrue(under.statistics().contains("parallel never paid"), under.statistics());
        assertTrue(pc.decide(AGGREGATE, high, 1000, false).parallel(), "at 4× the configured value it goes parallel anyway");
        // The scan pipelines have no statistics: their threshold stays as configured.
        ParallelConfig.Decision scan = pc.decide(SCAN, settings.scanThreshold(), 1000, false);
        assertTrue(scan.parallel(), scan.toString());
        assertFalse(scan.reason().contains("adaptive"), scan.reason());
        assertTrue(scan.statistics().contains("no runtime statistics for scan pipelines"), scan.statistics());
    }

    @Test
    void tooFewSamplesKeepTheConfiguredThreshold() {
        MuruSettings settings = adaptive();
        long configured = settings.joinThreshold();
        RuntimeStats stats = new RuntimeStats();
        observe(stats, OperationKind.JOIN, 1, 1000, 50_000, 3);
        observe(stats, OperationKind.JOIN, 2, 550, 400_000, 2);
        ParallelConfig pc = new ParallelConfig(settings, stats);
        ParallelConfig.Decision d = pc.decide(JOIN_BUILD, configured - 1, 100, false);
        assertFalse(d.parallel(), d.toString());
        assertTrue(d.reason().contains("< join threshold " + configured), d.reason());
        assertFalse(d.reason().contains("adaptive"), d.reason());
        assertTrue(d.statistics().contains("(2 runs)") && d.statistics().contains("need " + RuntimeStats.MIN_SAMPLES),
                d.statistics());
        observe(stats, OperationKind.JOIN, 2, 550, 400_000, 1);
        ParallelConfig.Decision now = pc.decide(JOIN_BUILD, configured - 1, 100, false);
        assertTrue(now.parallel(), "with 3 samples each the break-even (~777 rows, clamped to a quarter) decides: " + now);
        assertTrue(now.reason().contains("adaptive join threshold " + configured / 4), now.reason());
    }

    @Test
    void forcedSettingsIgnoreTheStatistics() {
        RuntimeStats stats = new RuntimeStats();
        observe(stats, OperationKind.SCAN, 1, 1000, 50_000, 5);
        observe(stats, OperationKind.SCAN, 2, 550, 400_000, 5);
        observe(stats, OperationKind.AGGREGATE, 1, 500, 10_000, 5);
        observe(stats, OperationKind.AGGREGATE, 2, 600, 10_000, 5);
        MuruSettings forced = MuruSettings.load().withParallelism(2).withThreshold(100_000);
        assertFalse(forced.adaptive());
        ParallelConfig pc = new ParallelConfig(forced, stats);
        ParallelConfig.Decision scanBelow = pc.decide(SCAN, 99_999, 100, false);
        assertFalse(scanBelow.parallel(), "the statistics would say parallel from ~777 rows: " + scanBelow);
        assertTrue(scanBelow.reason().contains("< scan threshold 100000"), scanBelow.reason());
        assertEquals("", scanBelow.statistics());
        assertFalse(scanBelow.elastic(), "forced settings never fan out");
        ParallelConfig.Decision aggAbove = pc.decide(AGGREGATE, 100_000, 100, false);
        assertTrue(aggAbove.parallel(), "the statistics would say never: " + aggAbove);
        assertTrue(aggAbove.reason().contains(">= aggregate threshold 100000"), aggAbove.reason());
        assertEquals("", aggAbove.statistics());

        ParallelConfig always = new ParallelConfig(MuruSettings.load().withParallelism(2).withThreshold(0), stats);
        assertTrue(always.decide(AGGREGATE, 1, 1, false).parallel());
        ParallelConfig never = new ParallelConfig(MuruSettings.load().withParallelism(2).withThreshold(MuruSettings.NEVER), stats);
        assertFalse(never.decide(SCAN, 10_000_000, 1000, false).parallel());
    }

    @Test
    void elasticOnlyForMeasuredSequentialStartsWithMorselsToShare() {
        ParallelConfig pc = new ParallelConfig(adaptive(), new RuntimeStats());
        assertTrue(pc.decide(SCAN, 10, 3, false).elastic());
        assertFalse(pc.decide(SCAN, 10, 2, false).elastic(), "fewer than 3 morsels");
        assertFalse(pc.decide(SCAN, 10, 3, true).elastic(), "an estimate (EXPLAIN) never fans out");
        ParallelConfig.Decision ordered = pc.decide(ORDERED, 10_000_000, 100, false);
        assertFalse(ordered.parallel() || ordered.elastic(), ordered.toString());
        ParallelConfig one = new ParallelConfig(MuruSettings.load().withParallelism(1).withAdaptiveThresholds(), new RuntimeStats());
        ParallelConfig.Decision d = one.decide(SCAN, 10_000_000, 100, false);
        assertFalse(d.parallel(), d.toString());
        assertTrue(d.reason().contains("parallelism setting is 1"), d.reason());
    }
}
