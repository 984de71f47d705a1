package dev.muru.operators.expr;

import dev.muru.core.DataType;
import dev.muru.core.Values;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Text to value parsing for CAST from VARCHAR, with PostgreSQL's accepted forms and errors. */
final class TextConversions {
    private TextConversions() {
    }

    /** A whole number of {@code type} (INTEGER or BIGINT) within [min, max], surrounding blanks allowed. */
    static long parseIntegral(String text, long min, long max, DataType type) {
        String s = text.trim();
        int len = s.length();
        int i = 0;
        boolean negative = false;
        if (len > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        if (i == len) {
            throw Errors.invalidText(type, text);
        }
        // Accumulate negatively so that Long.MIN_VALUE parses
        long acc = 0;
        boolean overflow = false;
        for (; i < len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw Errors.invalidText(type, text);
            }
            if (!overflow) {
                long next = acc * 10 - (c - '0');
                overflow = acc < Long.MIN_VALUE / 10 || next > acc;
                acc = next;
            }
        }
        if (overflow || (!negative && acc == Long.MIN_VALUE)) {
            throw Errors.textOutOfRange(type, text);
        }
        long value = negative ? acc : -acc;
        if (value < min || value > max) {
            throw Errors.textOutOfRange(type, text);
        }
        return value;
    }

    /** A DOUBLE: decimal or exponent notation, NaN, Infinity/inf with a sign; case-insensitive. */
    static double parseDouble(String text) {
        String s = text.trim();
        switch (s.toLowerCase(Locale.ROOT)) {
            case "nan": return Double.NaN;
            case "infinity": case "+infinity": case "inf": case "+inf": return Double.POSITIVE_INFINITY;
            case "-infinity": case "-inf": return Double.NEGATIVE_INFINITY;
            default: break;
        }
        // Double.parseDouble also takes hex, 'd'/'f' suffixes and "Infinity" spellings: only plain numbers pass
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) {
                throw Errors.invalidText(DataType.DOUBLE, text);
            }
        }
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw Errors.invalidText(DataType.DOUBLE, text);
        }
        if (Double.isInfinite(v)) {
            throw Errors.textOutOfRange(DataType.DOUBLE, text);
        }
        return v;
    }

    /** An unscaled DECIMAL at the type's scale, rounded half away from zero, within its precision. */
    static long parseDecimal(String text, DataType type) {
        BigDecimal d;
        try {
            d = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw Errors.invalidText(type, text);
        }
        // Reject huge magnitudes before setScale builds a huge number
        if (d.signum() != 0 && d.precision() - d.scale() > type.precision() - type.scale()) {
            throw Errors.overflow(type);
        }
        long unscaled = d.setScale(type.scale(), RoundingMode.HALF_UP).unscaledValue().longValueExact();
        if (!DecimalMath.fitsPrecision(unscaled, type.precision())) {
            throw Errors.overflow(type);
        }
        return unscaled;
    }

    /** PostgreSQL's boolean spellings: t/true/y/yes/on/1 and f/false/n/no/off/0, any prefix that is unique. */
    static boolean parseBoolean(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (!s.isEmpty()) {
            if ("true".startsWith(s) || "yes".startsWith(s) || s.equals("on") || s.equals("1")) {
                return true;
            }
            if ("false".startsWith(s) || "no".startsWith(s) || s.equals("off") || s.equals("of") || s.equals("0")) {
                return false;
            }
        }
        throw Errors.invalidText(DataType.BOOLEAN, text);
    }

    static int parseDate(String text) {
        return Values.parseDate(text);
    }

    /** The first {@code length} code points of s (VARCHAR(n)/CHAR(n) targets cut, as PostgreSQL's explicit cast does). */
    static String truncate(String s, int length) {
        if (length < 0 || s.length() <= length || s.codePointCount(0, s.length()) <= length) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, length));
    }
}
