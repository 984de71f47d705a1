package dev.muru.tests;

import dev.muru.Muru;
import dev.muru.MuruSettings;
import dev.muru.QueryResult;
import dev.muru.server.demo.TpchDemoData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TPC-H Q1 and Q6 at SF 0.1 with the default settings: 600k lineitem rows are above the
 * thresholds, so the adaptive coordinator runs them in parallel; answers from
 * ../shared/tpch/answers-trino/sf0.1.
 */
class TpchAdaptiveTest {
    static Muru muru;

    @BeforeAll
    static void load() {
        muru = Muru.start(MuruSettings.load().withParallelism(2));
        TpchDemoData.load(muru, 0.1);
    }

    @AfterAll
    static void close() {
        muru.close();
    }

    @ParameterizedTest
    @CsvSource({"q01", "q06"})
    void matchesReferenceAnswerInParallel(String query) throws IOException {
        String sql = Files.readString(TpchAnswersTest.SHARED.resolve("queries/" + query + ".sql"));
        String plan = String.join("\n", DualEngine.text(muru.query("EXPLAIN " + sql)));
        assertTrue(plan.contains("Pipeline 0 [parallel, DOP 2"), plan);
        List<String> expected = Files.readAllLines(TpchAnswersTest.SHARED.resolve("answers-trino/sf0.1/" + query + ".csv"));
        QueryResult r = muru.query(sql);
        List<Object[]> rows = r.rows();
        assertEquals(expected.size() - 1, rows.size(), query + " row count");
        for (int i = 0; i < rows.size(); i++) {
            String[] want = expected.get(i + 1).split("\\|", -1);
            for (int c = 0; c < want.length; c++) {
                TpchAnswersTest.assertValue(want[c], rows.get(i)[c], query + " row " + (i + 1) + " column " + r.schema().name(c));
            }
        }
    }
}
