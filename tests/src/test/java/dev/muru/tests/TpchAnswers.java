package dev.muru.tests;

import dev.muru.Muru;
import dev.muru.QueryResult;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Runs a query of ../shared/tpch/queries and compares it with answers-trino, row by row in order. */
final class TpchAnswers {
    static final Path SHARED = Path.of("../../shared/tpch");

    private TpchAnswers() {
    }

    static String sql(String query) throws IOException {
        return Files.readString(SHARED.resolve("queries/" + query + ".sql"));
    }

    static void check(Muru engine, String query, String sf, String label) throws IOException {
        List<String> expected = Files.readAllLines(SHARED.resolve("answers-trino/sf" + sf + "/" + query + ".csv"));
        QueryResult r = engine.query(sql(query));
        List<Object[]> rows = r.rows();
        String where = query + " at SF " + sf + " (" + label + ")";
        assertEquals(expected.size() - 1, rows.size(), where + ": row count");
        for (int i = 0; i < rows.size(); i++) {
            String[] want = expected.get(i + 1).split("\\|", -1);
            Object[] got = rows.get(i);
            assertEquals(want.length, got.length, where + ": columns");
            for (int c = 0; c < want.length; c++) {
                assertValue(want[c], got[c], where + " row " + (i + 1) + " column " + r.schema().name(c));
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
