package dev.muru.storage;

import dev.muru.core.DataType;
import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;
import dev.muru.core.Values;
import dev.muru.core.vector.BooleanVector;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.DoubleVector;
import dev.muru.core.vector.IntVector;
import dev.muru.core.vector.LongVector;
import dev.muru.core.vector.NullMask;
import dev.muru.core.vector.StringVector;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

/**
 * Parses the text fields of one CSV column into a typed vector, one morsel at a time. Parse
 * failures throw a {@link MuruException} whose detail names the problem but not the location;
 * {@link CsvReader} adds file, line and column.
 */
final class CsvColumn {
    private final DataType type;
    private final int maxRows;
    private int capacity;
    private long[] longs;
    private int[] ints;
    private double[] doubles;
    private boolean[] booleans;
    private String[] strings;
    private long[] nulls;
    /** Whether a string longer than the declared length is an error (else it is stored whole). */
    private final boolean checkLengths;

    CsvColumn(DataType type, int maxRows, boolean checkLengths) {
        this.type = type;
        this.checkLengths = checkLengths;
        this.maxRows = maxRows;
        allocate(Math.min(maxRows, TableData.INITIAL_TAIL_ROWS));
    }

    void setNull(int row) {
        ensure(row);
        if (nulls == null) {
            nulls = new long[NullMask.words(capacity)];
        }
        NullMask.set(nulls, row);
    }

    void parse(String text, int row) {
        ensure(row);
        switch (type.kind()) {
            case INTEGER: ints[row] = (int) parseInteger(text, Integer.MIN_VALUE, Integer.MAX_VALUE); break;
            case BIGINT: longs[row] = parseInteger(text, Long.MIN_VALUE, Long.MAX_VALUE); break;
            case DECIMAL: longs[row] = parseDecimal(text); break;
            case DOUBLE: doubles[row] = parseDouble(text); break;
            case DATE: ints[row] = parseDate(text); break;
            case BOOLEAN: booleans[row] = parseBoolean(text); break;
            case VARCHAR: case CHAR: strings[row] = checkLength(text); break;
            default: throw new MuruException(ErrorCode.FEATURE_NOT_SUPPORTED, "cannot load values of type " + type);
        }
    }

    /** The parsed rows as a vector of {@code rows} positions; the column starts over empty. */
    ColumnVector finish(int rows) {
        ColumnVector v;
        switch (type.physical()) {
            case LONG: v = new LongVector(type, longs, rows, nulls); break;
            case INT: v = new IntVector(type, ints, rows, nulls); break;
            case DOUBLE: v = new DoubleVector(type, doubles, rows, nulls); break;
            case BOOLEAN: v = new BooleanVector(type, booleans, rows, nulls); break;
            case STRING: v = new StringVector(type, strings, rows, nulls); break;
            default: throw new IllegalStateException(type.toString());
        }
        // The next morsel is likely as large as this one, so start it at this size.
        allocate(Math.max(rows, Math.min(maxRows, TableData.INITIAL_TAIL_ROWS)));
        return v;
    }

    private void ensure(int row) {
        if (row < capacity) {
            return;
        }
        int grown = Math.min(maxRows, Math.max(row + 1, capacity * 2));
        longs = longs == null ? null : Arrays.copyOf(longs, grown);
        ints = ints == null ? null : Arrays.copyOf(ints, grown);
        doubles = doubles == null ? null : Arrays.copyOf(doubles, grown);
        booleans = booleans == null ? null : Arrays.copyOf(booleans, grown);
        strings = strings == null ? null : Arrays.copyOf(strings, grown);
        nulls = nulls == null ? null : Arrays.copyOf(nulls, NullMask.words(grown));
        capacity = grown;
    }

    private void allocate(int rows) {
        capacity = rows;
        nulls = null;
        longs = null;
        ints = null;
        doubles = null;
        booleans = null;
        strings = null;
        switch (type.physical()) {
            case LONG: longs = new long[rows]; break;
            case INT: ints = new int[rows]; break;
            case DOUBLE: doubles = new double[rows]; break;
            case BOOLEAN: booleans = new boolean[rows]; break;
            case STRING: strings = new String[rows]; break;
            default: throw new IllegalStateException(type.toString());
        }
    }

    private long parseInteger(String text, long min, long max) {
        String t = text.trim();
        long v;
        try {
            v = Long.parseLong(t);
        } catch (NumberFormatException e) {
            if (t.matches("[+-]?[0-9]+")) {
                throw outOfRange(text);
            }
            throw invalid(text);
        }
        if (v < min || v > max) {
            throw outOfRange(text);
        }
        return v;
    }

    /** Plain decimals are scaled without BigDecimal; exponents and rounding take the exact path. */
    private long parseDecimal(String text) {
        String t = text.trim();
        int scale = type.scale();
        int i = 0;
        int n = t.length();
        boolean negative = false;
        if (i < n && (t.charAt(i) == '-' || t.charAt(i) == '+')) {
            negative = t.charAt(i) == '-';
            i++;
        }
        long unscaled = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean point = false;
        boolean plain = i < n;
        for (; i < n && plain; i++) {
            char ch = t.charAt(i);
            if (ch >= '0' && ch <= '9') {
                if (point && ++fractionDigits > scale) {
                    plain = false;
                } else if (++digits > 18) {
                    plain = false;
                } else {
                    unscaled = unscaled * 10 + (ch - '0');
                }
            } else if (ch == '.' && !point) {
                point = true;
            } else {
                plain = false;
            }
        }
        if (plain && digits > 0) {
            for (int k = fractionDigits; k < scale; k++) {
                if (unscaled > Long.MAX_VALUE / 10) {
                    plain = false;
                    break;
                }
                unscaled *= 10;
            }
            if (plain) {
                if (unscaled > Values.pow10(type.precision()) - 1) {
                    throw new MuruException(ErrorCode.NUMERIC_OVERFLOW,
                            "value " + t + " does not fit " + type);
                }
                return negative ? -unscaled : unscaled;
            }
        }
        try {
            return Values.parseDecimal(t, type.precision(), scale);
        } catch (MuruException e) {
            if (e.code() == ErrorCode.NUMERIC_OVERFLOW) {
                throw e;
            }
            throw invalid(text);
        }
    }

    private double parseDouble(String text) {
        String t = text.trim();
        switch (t.toLowerCase(Locale.ROOT)) {
            case "nan": case "+nan": case "-nan": return Double.NaN;
            case "inf": case "+inf": case "infinity": case "+infinity": return Double.POSITIVE_INFINITY;
            case "-inf": case "-infinity": return Double.NEGATIVE_INFINITY;
            default: break;
        }
        // Java would also take hex floats and 'd'/'f' suffixes; SQL text allows only digits.
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (!((ch >= '0' && ch <= '9') || ch == '.' || ch == 'e' || ch == 'E' || ch == '+' || ch == '-')) {
                throw invalid(text);
            }
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw invalid(text);
        }
    }

    /** ISO {@code yyyy-mm-dd} without the formatter machinery, which dominated COPY time. */
    private int parseDate(String text) {
        String t = text.length() == 10 ? text : text.trim();
        if (t.length() == 10 && t.charAt(4) == '-' && t.charAt(7) == '-') {
            int y = digits(t, 0, 4);
            int m = digits(t, 5, 7);
            int d = digits(t, 8, 10);
            if (y >= 0 && m >= 0 && d >= 0) {
                try {
                    return (int) LocalDate.of(y, m, d).toEpochDay();
                } catch (DateTimeException e) {
                    throw invalid(text);
                }
            }
        }
        try {
            return Values.parseDate(text);
        } catch (MuruException e) {
            throw invalid(text);
        }
    }

    /** The decimal number in {@code t[from, to)}, or -1 when a character is not a digit. */
    private static int digits(String t, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char ch = t.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    private boolean parseBoolean(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true": case "t": case "1": case "yes": case "y": case "on": return true;
            case "false": case "f": case "0": case "no": case "n": case "off": return false;
            default: throw invalid(text);
        }
    }

    private String checkLength(String text) {
        if (checkLengths && type.length() != DataType.UNBOUNDED && MorselValidator.tooLong(text, type.length())) {
            throw MorselValidator.tooLong(type);
        }
        return text;
    }

    private MuruException invalid(String text) {
        return new MuruException(ErrorCode.INVALID_TEXT_REPRESENTATION,
                "invalid input for " + type + ": \"" + text + "\"");
    }

    private MuruException outOfRange(String text) {
        return new MuruException(ErrorCode.NUMERIC_OVERFLOW,
                "value \"" + text + "\" is out of range for " + type);
    }
}
