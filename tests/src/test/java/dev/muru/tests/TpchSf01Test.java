package dev.muru.tests;

import dev.muru.Muru;
import dev.muru.MuruSettings;
import dev.muru.server.demo.TpchDemoData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * All 22 TPC-H queries at SF 0.1 against ../shared/tpch/answers-trino/sf0.1: forced sequential,
 * forced parallel (DOP 2), and with the default adaptive settings.
 */
class TpchSf01Test {
    static Muru sequential;
    static Muru parallel;
    static Muru adaptive;

    @BeforeAll
    static void load() {
        sequential = Muru.start(MuruSettings.load().withThreshold(MuruSettings.NEVER));
        parallel = Muru.start(MuruSettings.load().withParallelism(2).withThreshold(0));
        adaptive = Muru.start(MuruSettings.load().withParallelism(2));
        TpchDemoData.load(sequential, 0.1);
        TpchDemoData.load(parallel, 0.1);
        TpchDemoData.load(adaptive, 0.1);
    }

    @AfterAll
    static void close() {
        sequential.close();
        parallel.close();
        adaptive.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"q01", "q02", "q03", "q04", "q05", "q06", "q07", "q08", "q09", "q10", "q11", "q12", "q13",
            "q14", "q15", "q16", "q17", "q18", "q19", "q20", "q21", "q22"})
    void matchesReferenceAnswer(String query) throws IOException {
        TpchAnswers.check(sequential, query, "0.1", "sequential");
        TpchAnswers.check(parallel, query, "0.1", "parallel");
        TpchAnswers.check(adaptive, query, "0.1", "adaptive");
    }

    /** 600k lineitem rows are above the default thresholds: the adaptive coordinator goes parallel. */
    @Test
    void adaptiveRunsLargeScansInParallel() throws IOException {
        for (String q : new String[]{"q01", "q06"}) {
            String plan = String.join("\n", DualEngine.text(adaptive.query("EXPLAIN " + TpchAnswers.sql(q))));
            assertTrue(plan.contains("Pipeline 0 [parallel, DOP 2"), plan);
        }
    }
}
