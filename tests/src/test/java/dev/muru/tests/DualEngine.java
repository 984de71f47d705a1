package dev.muru.tests;

import dev.muru.Muru;
import dev.muru.MuruSettings;
import dev.muru.QueryResult;
import dev.muru.core.Values;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two engines over the same data: one forced sequential (threshold max), one forced parallel
 * (threshold 0, DOP 3, small morsels so every table spans many morsels). Every check runs on
 * both and both must give the expected answer.
 */
final class DualEngine implements AutoCloseable {
    final Muru sequential;
    final Muru parallel;

    DualEngine(int morselRows) {
        MuruSettings base = MuruSettings.load().withMorselRows(morselRows);
        sequential = Muru.start(base.withThreshold(MuruSettings.NEVER));
        parallel = Muru.start(base.withParallelism(3).withThreshold(0));
    }

    void execute(String sql) {
        sequential.execute(sql);
        parallel.execute(sql);
    }

    /** Runs the query on both engines and returns the (equal) rows as text. */
    List<String> rows(String sql) {
        List<String> s = text(sequential.query(sql));
        List<String> p = text(parallel.query(sql));
        assertEquals(s, p, "sequential and parallel differ for: " + sql);
        return s;
    }

    /** As {@link #rows} for queries without ORDER BY: both engines' rows, sorted. */
    List<String> sortedRows(String sql) {
        List<String> s = new ArrayList<>(text(sequential.query(sql)));
        List<String> p = new ArrayList<>(text(parallel.query(sql)));
        s.sort(null);
        p.sort(null);
        assertEquals(s, p, "sequential and parallel differ for: " + sql);
        return s;
    }

    /** The rows must equal {@code expected}, in order when the query has an ORDER BY. */
    void check(String sql, String... expected) {
        if (!sql.toUpperCase(java.util.Locale.ROOT).contains("ORDER BY")) {
            checkUnordered(sql, expected); // without ORDER BY, parallel workers may emit rows in any order
            return;
        }
        assertEquals(List.of(expected), rows(sql), sql);
    }

    /** Like {@link #check} but ignoring row order (for queries without ORDER BY). */
    void checkUnordered(String sql, String... expected) {
        List<String> got = sortedRows(sql);
        List<String> want = new ArrayList<>(List.of(expected));
        want.sort(null);
        assertEquals(want, got, sql);
    }

    static List<String> text(QueryResult r) {
        List<String> out = new ArrayList<>();
        for (Object[] row : r.rows()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    sb.append('|');
                }
                Object v = row[i];
                sb.append(v == null ? "NULL" : v instanceof BigDecimal ? ((BigDecimal) v).toPlainString()
                        : v instanceof Double ? Values.formatDouble((Double) v) : v.toString());
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Override
    public void close() {
        sequential.close();
        parallel.close();
    }
}
