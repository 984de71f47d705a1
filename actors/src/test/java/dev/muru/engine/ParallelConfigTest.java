package dev.muru.engine;

import dev.muru.MuruSettings;
import dev.muru.core.Schema;
import dev.muru.plan.physical.Pipeline;
import dev.muru.plan.physical.PipelineSink;
import dev.muru.plan.physical.PipelineSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParallelConfigTest {
    private static final Schema EMPTY = new Schema(List.of());
    private static final Pipeline SCAN = new Pipeline(0, new PipelineSource.TableScan("t", new int[0], EMPTY), List.of(),
            new PipelineSink.Collect(-1, 0, EMPTY), 0, false);

    @Test
    void thresholdDecidesAndReasonSaysWhy() {
        ParallelConfig pc = new ParallelConfig(MuruSettings.load().withParallelism(4).withThreshold(1000));
        ParallelConfig.Decision small = pc.decide(SCAN, 999, 10, false);
        assertFalse(small.parallel());
        assertTrue(small.reason().contains("< scan threshold 1000"), small.reason());
        ParallelConfig.Decision big = pc.decide(SCAN, 5000, 10, false);
        assertTrue(big.parallel());
        assertEquals(4, big.dop());
        assertEquals(2, pc.decide(SCAN, 5000, 2, false).dop(), "no more workers than morsels");
    }

    @Test
    void zeroForcesParallelAndMaxForcesSequential() {
        assertTrue(new ParallelConfig(MuruSettings.load().withParallelism(2).withThreshold(0)).decide(SCAN, 1, 1, false).parallel());
        assertFalse(new ParallelConfig(MuruSettings.load().withParallelism(2).withThreshold(MuruSettings.NEVER))
                .decide(SCAN, Long.MAX_VALUE - 1, 1000, false).parallel());
    }

    @Test
    void environmentOverrideParsesAndRejectsGarbage() {
        MuruSettings s = MuruSettings.fromConfig(MuruSettings.load().config(), "max");
        assertEquals(MuruSettings.NEVER, s.scanThreshold());
        assertEquals(MuruSettings.NEVER, s.aggregateThreshold());
        assertEquals(0, MuruSettings.fromConfig(MuruSettings.load().config(), "0").sortThreshold());
        assertThrows(dev.muru.core.MuruException.class, () -> MuruSettings.fromConfig(MuruSettings.load().config(), "lots"));
    }
}
