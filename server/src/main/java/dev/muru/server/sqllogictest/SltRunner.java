package dev.muru.server.sqllogictest;

import dev.muru.Muru;
import dev.muru.MuruSettings;
import dev.muru.QueryResult;
import dev.muru.core.MuruException;
import dev.muru.plan.binder.Dialect;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Runs sqllogictest scripts against Muru as the engine named "postgresql": each file in a
 * fresh engine, every record checked, failures reported with file, line, SQL, expected and
 * actual values, and the run goes on. The engines run with {@code compatibility = 'sqlite'}:
 * the corpus records SQLite's results, and that setting gives SQLite's value rules where
 * PostgreSQL's compute another value from the same SQL (docs/sqllogictest.md).
 */
public final class SltRunner {
    public static final String ENGINE = "postgresql";

    /** One failed record. */
    public record Failure(Path file, int line, String sql, String expected, String actual) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + sql.replace('\n', ' ') + "\n    expected: " + expected + "\n    actual:   " + actual;
        }
    }

    /** The outcome of one file. */
    public record FileResult(Path file, int run, int passed, int skipped, List<Failure> failures) {
        public int failed() {
            return failures.size();
        }
    }

    private final MuruSettings settings;

    /** A runner whose engines take {@code settings} with SQLite's value rules. */
    public SltRunner(MuruSettings settings) {
        this.settings = settings.withCompatibility(Dialect.SQLITE);
    }

    public FileResult run(Path file) throws java.io.IOException {
        List<SltScript.Record> records = SltScript.parse(file, ENGINE);
        int run = 0;
        int passed = 0;
        int skipped = 0;
        List<Failure> failures = new ArrayList<>();
        int threshold = 8;
        try (Muru muru = Muru.start(settings)) {
            for (SltScript.Record r : records) {
                if (r instanceof SltScript.Skipped) {
                    skipped++;
                    continue;
                }
                if (r instanceof SltScript.Halt) {
                    break;
                }
                if (r instanceof SltScript.HashThreshold) {
                    threshold = ((SltScript.HashThreshold) r).threshold();
                    continue;
                }
                run++;
                Failure f = r instanceof SltScript.Statement
                        ? statement(muru, file, (SltScript.Statement) r)
                        : query(muru, file, (SltScript.Query) r, threshold);
                if (f == null) {
                    passed++;
                } else {
                    failures.add(f);
                }
            }
        }
        return new FileResult(file, run, passed, skipped, failures);
    }

    private static Failure statement(Muru muru, Path file, SltScript.Statement s) {
        try {
            muru.execute(s.sql());
            return s.expectError() ? new Failure(file, s.line(), s.sql(), "an error", "success") : null;
        } catch (MuruException e) {
            return s.expectError() ? null : new Failure(file, s.line(), s.sql(), "success", e.getMessage());
        } catch (RuntimeException e) {
            return new Failure(file, s.line(), s.sql(), s.expectError() ? "an error" : "success", "crash: " + e);
        }
    }

    private static Failure query(Muru muru, Path file, SltScript.Query q, int threshold) {
        QueryResult result;
        try {
            result = muru.query(q.sql());
        } catch (MuruException e) {
            return new Failure(file, q.line(), q.sql(), expectedText(q), "error: " + e.getMessage());
        } catch (RuntimeException e) {
            return new Failure(file, q.line(), q.sql(), expectedText(q), "crash: " + e);
        }
        if (result.schema().size() != q.types().length()) {
            return new Failure(file, q.line(), q.sql(), q.types().length() + " columns", result.schema().size() + " columns");
        }
        List<String[]> rows = new ArrayList<>();
        for (Object[] row : result.rows()) {
            String[] r = new String[row.length];
            for (int c = 0; c < row.length; c++) {
                r[c] = render(row[c], q.types().charAt(c));
            }
            rows.add(r);
        }
        List<String> values = new ArrayList<>();
        if (q.sortMode().equals("rowsort")) {
            rows.sort(SltRunner::compareRows);
        }
        for (String[] r : rows) {
            values.addAll(Arrays.asList(r));
        }
        if (q.sortMode().equals("valuesort")) {
            values.sort(Comparator.naturalOrder());
        }
        if (q.expected() == null) {
            String hash = md5(values);
            if (values.size() != q.hashedCount() || !hash.equals(q.hash())) {
                return new Failure(file, q.line(), q.sql(), expectedText(q), values.size() + " values hashing to " + hash
                        + (values.size() <= 16 ? " " + values : ""));
            }
            return null;
        }
        List<String> expected = q.expected();
        // A result over the threshold would have been written hashed; listed values compare directly.
        if (!values.equals(expected) && !(values.size() > threshold && md5(values).equals(md5(expected)))) {
            return new Failure(file, q.line(), q.sql(), expectedText(q), values.toString());
        }
        return null;
    }

    private static String expectedText(SltScript.Query q) {
        return q.expected() == null ? q.hashedCount() + " values hashing to " + q.hash() : q.expected().toString();
    }

    /** Byte-wise comparison of rendered rows, column by column (C strcmp on ASCII). */
    private static int compareRows(String[] a, String[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int c = a[i].compareTo(b[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    /** A value as the reference runner prints it for its column type. */
    static String render(Object v, char type) {
        if (v == null) {
            return "NULL";
        }
        switch (type) {
            case 'I':
                return Integer.toString((int) integer(v));
            case 'R':
                return String.format(Locale.ROOT, "%.3f", real(v));
            default:
                String s = v instanceof BigDecimal ? ((BigDecimal) v).toPlainString()
                        : v instanceof Boolean ? ((Boolean) v ? "1" : "0") : v.toString();
                if (s.isEmpty()) {
                    return "(empty)";
                }
                StringBuilder b = new StringBuilder(s.length());
                for (int i = 0; i < s.length(); i++) {
                    char ch = s.charAt(i);
                    b.append(ch < 0x20 || ch > 0x7e ? '@' : ch);
                }
                return b.toString();
        }
    }

    private static long integer(Object v) {
        if (v instanceof Boolean) {
            return (Boolean) v ? 1 : 0;
        }
        if (v instanceof BigDecimal) {
            return ((BigDecimal) v).longValue();
        }
        if (v instanceof Double || v instanceof Float) {
            return (long) ((Number) v).doubleValue();
        }
        if (v instanceof Number) {
            return ((Number) v).longValue();
        }
        // SQLite reads text as its numeric prefix, or 0.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*[-+]?\\d+").matcher(v.toString());
        return m.find() ? Long.parseLong(m.group().trim().replace("+", "")) : 0;
    }

    private static double real(Object v) {
        if (v instanceof Number) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof Boolean) {
            return (Boolean) v ? 1 : 0;
        }
        try {
            return Double.parseDouble(v.toString().trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String md5(List<String> values) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            for (String v : values) {
                md.update(v.getBytes(StandardCharsets.ISO_8859_1));
                md.update((byte) '\n');
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
