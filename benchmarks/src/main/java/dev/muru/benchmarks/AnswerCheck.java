package dev.muru.benchmarks;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Compares a query result with a reference answer file of /work/shared/tpch (pipe-separated,
 * header line, NULL as an empty field, rows in ORDER BY order). Integers and decimals must be
 * equal; floating-point values (and decimals with more digits than the answer printed, e.g. an
 * AVG that one engine computes as DECIMAL) agree to 1e-6 relative; text is compared without
 * trailing blanks (CHAR padding).
 */
final class AnswerCheck {
    private AnswerCheck() {
    }

    /** Null when equal, else a short description of the first difference. */
    static String compare(List<Object[]> got, Path answer) throws IOException {
        List<String> lines = Files.readAllLines(answer, StandardCharsets.UTF_8);
        List<String> rows = lines.subList(1, lines.size());
        if (rows.size() != got.size()) {
            return "expected " + rows.size() + " rows, got " + got.size();
        }
        for (int r = 0; r < rows.size(); r++) {
            String[] want = rows.get(r).split("\\|", -1);
            Object[] row = got.get(r);
            if (want.length != row.length) {
                return "row " + (r + 1) + ": expected " + want.length + " columns, got " + row.length;
            }
            for (int c = 0; c < want.length; c++) {
                if (!same(row[c], want[c])) {
                    return "row " + (r + 1) + " column " + (c + 1) + ": expected \"" + want[c] + "\", got \"" + row[c] + "\"";
                }
            }
        }
        return null;
    }

    private static boolean same(Object got, String want) {
        if (got == null || want.isEmpty()) {
            return got == null ? want.isEmpty() : got.toString().isEmpty();
        }
        if (got instanceof Number) {
            BigDecimal w;
            try {
                w = new BigDecimal(want);
            } catch (NumberFormatException e) {
                return false;
            }
            if (got instanceof Double || got instanceof Float) {
                return close(((Number) got).doubleValue(), w.doubleValue());
            }
            BigDecimal g = got instanceof BigDecimal ? (BigDecimal) got
                    : got instanceof BigInteger ? new BigDecimal((BigInteger) got) : BigDecimal.valueOf(((Number) got).longValue());
            if (g.compareTo(w) == 0) {
                return true;
            }
            // a double printed by the reference engine, or a decimal with more digits than printed
            boolean inexact = w.scale() > 6 || g.scale() > w.scale();
            return inexact && close(g.doubleValue(), w.doubleValue());
        }
        return got.toString().stripTrailing().equals(want.stripTrailing());
    }

    private static boolean close(double g, double w) {
        return Math.abs(g - w) <= 1e-6 * Math.max(1, Math.abs(w));
    }
}
