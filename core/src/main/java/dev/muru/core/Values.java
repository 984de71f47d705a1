package dev.muru.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Conversions between Muru's primitive encodings and Java/text values, used at the edges
 * (literals, results, CSV) and never in hot loops.
 */
public final class Values {
    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private Values() {
    }

    /** 10^n for n in [0, 18]. */
    public static long pow10(int n) {
        return POW10[n];
    }

    public static Object box(DataType type, long v) {
        if (type.kind() == TypeKind.DECIMAL) {
            return BigDecimal.valueOf(v, type.scale());
        }
        return v;
    }

    public static Object box(DataType type, int v) {
        if (type.kind() == TypeKind.DATE) {
            return LocalDate.ofEpochDay(v);
        }
        return v;
    }

    public static Object box(DataType type, double v) {
        return v;
    }

    /** Days since 1970-01-01 of an ISO date {@code yyyy-mm-dd}. */
    public static int parseDate(String text) {
        try {
            return (int) LocalDate.parse(text.trim()).toEpochDay();
        } catch (DateTimeParseException e) {
            throw new MuruException(ErrorCode.INVALID_DATETIME_FORMAT,
                    "invalid DATE '" + text + "': expected yyyy-mm-dd");
        }
    }

    public static String formatDate(int days) {
        return LocalDate.ofEpochDay(days).toString();
    }

    /** The scaled long of a decimal text at {@code scale}, rounding half away from zero. */
    public static long parseDecimal(String text, int precision, int scale) {
        BigDecimal d;
        try {
            d = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new MuruException(ErrorCode.INVALID_TEXT_REPRESENTATION,
                    "invalid input for DECIMAL(" + precision + "," + scale + "): '" + text + "'");
        }
        return decimalToScaled(d, precision, scale);
    }

    public static long decimalToScaled(BigDecimal d, int precision, int scale) {
        BigInteger unscaled = d.setScale(scale, java.math.RoundingMode.HALF_UP).unscaledValue();
        if (unscaled.abs().compareTo(BigInteger.valueOf(pow10(Math.min(precision, 18))).subtract(BigInteger.ONE)) > 0
                && precision <= 18) {
            throw new MuruException(ErrorCode.NUMERIC_OVERFLOW,
                    "value " + d.toPlainString() + " does not fit DECIMAL(" + precision + "," + scale + ")");
        }
        return unscaled.longValue();
    }

    public static String formatDecimal(long unscaled, int scale) {
        return BigDecimal.valueOf(unscaled, scale).toPlainString();
    }

    /** Shortest text that reads back as the same double, like PostgreSQL and DuckDB print. */
    public static String formatDouble(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v) + ".0";
        }
        return Double.toString(v);
    }

    /**
     * SQL string order: by code point. String.compareTo orders UTF-16 units, which puts
     * U+E000..U+FFFF after the surrogates of supplementary characters; ranking both ranges at
     * the first difference fixes that without decoding.
     */
    public static int compareStrings(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (x >= 0xD800 && y >= 0xD800) {
                    return codePointRank(x) - codePointRank(y);
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    /** Surrogates (D800..DFFF) move above E000..FFFF, which move down to make room. */
    private static int codePointRank(char c) {
        return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }

    /** A value's text as results print it; NULL is the Java null. */
    public static String toText(DataType type, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).toPlainString();
        }
        if (value instanceof Double) {
            return formatDouble((Double) value);
        }
        return value.toString();
    }
}
