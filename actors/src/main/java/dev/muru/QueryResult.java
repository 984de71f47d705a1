package dev.muru;

import dev.muru.core.Morsel;
import dev.muru.core.Schema;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of one statement. A query has a schema and result morsels; DML reports the
 * rows it changed in {@code updateCount}; DDL has an empty schema. {@code explain} holds the
 * EXPLAIN text for EXPLAIN statements (also returned as a one-column result).
 */
public record QueryResult(String statementKind, Schema schema, List<Morsel> morsels, long updateCount,
                          long elapsedNanos) {
    public QueryResult {
        morsels = List.copyOf(morsels);
    }

    /** Number of result rows. */
    public long rowCount() {
        long n = 0;
        for (Morsel m : morsels) {
            n += m.size();
        }
        return n;
    }

    /** Result rows as boxed values: Integer, Long, Double, BigDecimal, String, Boolean, LocalDate or null. */
    public List<Object[]> rows() {
        List<Object[]> out = new ArrayList<>();
        for (Morsel m : morsels) {
            out.addAll(m.rows());
        }
        return out;
    }

    public boolean hasResultSet() {
        return !schema.columns().isEmpty();
    }
}
