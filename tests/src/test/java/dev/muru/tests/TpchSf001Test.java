package dev.muru.tests;

import dev.muru.Muru;
import dev.muru.MuruSettings;
import dev.muru.server.demo.TpchDemoData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * All 22 TPC-H queries at SF 0.01 over the io.trino.tpch demo data against
 * ../shared/tpch/answers-trino/sf0.01, each forced sequential and forced parallel (DOP 3,
 * small morsels, so every pipeline really splits).
 */
class TpchSf001Test {
    static Muru sequential;
    static Muru parallel;

    @BeforeAll
    static void load() {
        assertTrue(Files.isDirectory(TpchAnswers.SHARED), "TPC-H data not found at " + TpchAnswers.SHARED.toAbsolutePath());
        MuruSettings base = MuruSettings.load().withMorselRows(4096);
        sequential = Muru.start(base.withThreshold(MuruSettings.NEVER));
        parallel = Muru.start(base.withParallelism(3).withThreshold(0));
        TpchDemoData.load(sequential, 0.01);
        TpchDemoData.load(parallel, 0.01);
    }

    @AfterAll
    static void close() {
        sequential.close();
        parallel.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"q01", "q02", "q03", "q04", "q05", "q06", "q07", "q08", "q09", "q10", "q11", "q12", "q13",
            "q14", "q15", "q16", "q17", "q18", "q19", "q20", "q21", "q22"})
    void matchesReferenceAnswer(String query) throws IOException {
        TpchAnswers.check(sequential, query, "0.01", "sequential");
        TpchAnswers.check(parallel, query, "0.01", "parallel");
    }
}
