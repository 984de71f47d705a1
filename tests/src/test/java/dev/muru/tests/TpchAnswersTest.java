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
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * TPC-H queries at SF 0.01 over the io.trino.tpch demo data, checked against
 * ../shared/tpch/answers-trino/sf0.01, each run forced sequential and forced parallel.
 */
class TpchAnswersTest {
    static final Path SHARED = Path.of("../../shared/tpch");
    static Muru sequential;
    static Muru parallel;

    @BeforeAll
    static void load() {
        assertTrue(Files.isDirectory(SHARED), "TPC-H data not found at " + SHARED.toAbsolutePath());
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
    @CsvSource({"q01", "q02", "q03", "q04", "q05", "q06", "q07", "q08", "q09", "q10", "q11", "q12", "q13", "q14",
            "q15", "q16", "q17", "q18", "q19", "q20", "q21", "q22"})
    void matchesReferenceAnswer(String query) throws IOException {
        String sql = Files.readString(SHARED.resolve("queries/" + query + ".sql"));
        List<String> expected = Files.readAllLines(SHARED.resolve("answers-trino/sf0.01/" + query + ".csv"));
        for (Muru engine : List.of(sequential, parallel)) {
            QueryResult r = engine.query(sql);
            List<Object[]> rows = r.rows();
            assertEquals(expected.size() - 1, rows.size(), query + " row count");
            for (int i = 0; i < rows.size(); i++) {
                String[] want = expected.get(i + 1).split("\\|", -1);
                Object[] got = rows.get(i);
                assertEquals(want.length, got.length, query + " columns");
                for (int c = 0; c < want.length; c++) {
                    assertValue(want[c], got[c], query + " row " + (i + 1) + " column " + r.schema().name(c));
                }
            }
        }
    }

    /** Decimals compare exactly after rescaling, doubles with a relative tolerance, the rest as text. */
    static void assertValue(String want, Object got, String where) {
        if (want.isEmpty()) {
            assertEquals(null, got, where);
        } else if (got instanceof BigDecimal) {
            assertEquals(0, new BigDecimal(want).compareTo((BigDecimal) got), where + ": " + want + " vs " + got);
        } else if (got instanceof Double) {
            double w = Double.parseDouble(want);
            double g = (Double) got;
            if (Math.abs(w - g) > 1e-9 * Math.max(1, Math.abs(w))) {
                fail(where + ": " + want + " vs " + got);
            }
        } else if (got instanceof Long || got instanceof Integer) {
            assertEquals(Long.parseLong(want), ((Number) got).longValue(), where);
        } else {
            assertEquals(want, String.valueOf(got), where);
        }
    }
}
