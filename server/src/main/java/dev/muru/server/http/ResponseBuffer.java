package dev.muru.server.http;

import dev.muru.core.DataType;
import dev.muru.core.Values;
import dev.muru.core.vector.BooleanVector;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.DoubleVector;
import dev.muru.core.vector.IntVector;
import dev.muru.core.vector.LongVector;
import dev.muru.core.vector.StringVector;
import dev.muru.operators.expr.CivilDate;
import org.apache.pekko.util.ByteString;

import java.nio.charset.StandardCharsets;

/**
 * A growable UTF-8 byte buffer that response bodies are written into: JSON strings and
 * numbers, CSV fields, and values read straight from a column vector's primitive array, so
 * that encoding a morsel allocates nothing per value but the text of doubles.
 */
final class ResponseBuffer {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    /** Digits of Long.MIN_VALUE, which has no positive counterpart to print. */
    private static final byte[] MIN_LONG = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes;
    private int size;

    ResponseBuffer(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    int size() {
        return size;
    }

    /** The bytes written so far as a ByteString (a copy), and an empty buffer for the next chunk. */
    ByteString take() {
        ByteString out = ByteString.fromArray(bytes, 0, size);
        size = 0;
        return out;
    }

    @Override
    public String toString() {
        return new String(bytes, 0, size, StandardCharsets.UTF_8);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    ResponseBuffer put(char ascii) {
        ensure(1);
        bytes[size++] = (byte) ascii;
        return this;
    }

    /** Text known to be ASCII (keys, punctuation, numbers made here). */
    ResponseBuffer ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[size++] = (byte) s.charAt(i);
        }
        return this;
    }

    private ResponseBuffer raw(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
        return this;
    }

    ResponseBuffer number(long v) {
        if (v == Long.MIN_VALUE) {
            return raw(MIN_LONG);
        }
        ensure(20);
        if (v < 0) {
            bytes[size++] = '-';
            v = -v;
        }
        int start = size;
        do {
            bytes[size++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
        reverse(start, size - 1);
        return this;
    }

    private void reverse(int from, int to) {
        while (from < to) {
            byte t = bytes[from];
            bytes[from++] = bytes[to];
            bytes[to--] = t;
        }
    }

    /** A DECIMAL held as a scaled long: its exact digits, e.g. 12345 at scale 2 is 123.45. */
    ResponseBuffer decimal(long unscaled, int scale) {
        if (scale == 0) {
            return number(unscaled);
        }
        if (unscaled == Long.MIN_VALUE) {
            return ascii(Values.formatDecimal(unscaled, scale));
        }
        ensure(22);
        if (unscaled < 0) {
            bytes[size++] = '-';
            unscaled = -unscaled;
        }
        long pow = Values.pow10(scale);
        number(unscaled / pow);
        bytes[size++] = '.';
        long fraction = unscaled % pow;
        for (long d = pow / 10; d > 0; d /= 10) {
            bytes[size++] = (byte) ('0' + fraction / d % 10);
        }
        return this;
    }

    /** A DATE (days since 1970-01-01) as yyyy-mm-dd, without a LocalDate. */
    ResponseBuffer date(int epochDay) {
        long civil = CivilDate.civil(epochDay);
        long year = civil >> 9;
        if (year < 0 || year > 9999) {
            return ascii(Values.formatDate(epochDay));
        }
        ensure(10);
        digits(year, 4);
        bytes[size++] = '-';
        digits(civil >> 5 & 15, 2);
        bytes[size++] = '-';
        digits(civil & 31, 2);
        return this;
    }

    private void digits(long v, int width) {
        for (int i = width - 1; i >= 0; i--) {
            bytes[size + i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        size += width;
    }

    /** A JSON string literal: quotes, escapes for quote, backslash and control characters, UTF-8 otherwise. */
    ResponseBuffer jsonString(String s) {
        int n = s.length();
        ensure(n + 2);
        bytes[size++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                ensure(1);
                bytes[size++] = (byte) c;
            } else if (c < 0x80) {
                escape(c);
            } else {
                i = utf8(s, i);
            }
        }
        ensure(1);
        bytes[size++] = '"';
        return this;
    }

    private void escape(char c) {
        ensure(6);
        bytes[size++] = '\\';
        switch (c) {
            case '"': bytes[size++] = '"'; break;
            case '\\': bytes[size++] = '\\'; break;
            case '\n': bytes[size++] = 'n'; break;
            case '\r': bytes[size++] = 'r'; break;
            case '\t': bytes[size++] = 't'; break;
            case '\b': bytes[size++] = 'b'; break;
            case '\f': bytes[size++] = 'f'; break;
            default:
                bytes[size++] = 'u';
                bytes[size++] = '0';
                bytes[size++] = '0';
                bytes[size++] = HEX[c >> 4];
                bytes[size++] = HEX[c & 0xF];
        }
    }

    /** Writes the non-ASCII char at {@code i} (a pair for a surrogate pair) as UTF-8; returns the last index used. */
    private int utf8(String s, int i) {
        ensure(4);
        char c = s.charAt(i);
        if (c < 0x800) {
            bytes[size++] = (byte) (0xC0 | c >> 6);
            bytes[size++] = (byte) (0x80 | c & 0x3F);
            return i;
        }
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            int cp = Character.toCodePoint(c, s.charAt(i + 1));
            bytes[size++] = (byte) (0xF0 | cp >> 18);
            bytes[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
            bytes[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
            bytes[size++] = (byte) (0x80 | cp & 0x3F);
            return i + 1;
        }
        // A lone surrogate has no UTF-8 form: U+FFFD stands for it, as in String.getBytes.
        int cp = Character.isSurrogate(c) ? 0xFFFD : c;
        bytes[size++] = (byte) (0xE0 | cp >> 12);
        bytes[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
        bytes[size++] = (byte) (0x80 | cp & 0x3F);
        return i;
    }

    /** An RFC 4180 field: quoted (quotes doubled) when it is empty or holds a comma, quote, CR or LF. */
    ResponseBuffer csvField(String s) {
        boolean quote = s.isEmpty();
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (quote) {
            put('"');
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                ensure(2);
                if (c == '"') {
                    bytes[size++] = '"';
                }
                bytes[size++] = (byte) c;
            } else {
                i = utf8(s, i);
            }
        }
        if (quote) {
            put('"');
        }
        return this;
    }

    /**
     * The value at {@code position} as JSON: numbers stay numbers (DECIMAL with its exact
     * digits), dates are ISO strings, NULL is null; NaN and the infinities, which JSON cannot
     * spell, are strings.
     */
    ResponseBuffer jsonValue(ColumnVector v, int position) {
        if (v.isNull(position)) {
            return raw(NULL);
        }
        if (plainValue(v, position)) {
            return this;
        }
        switch (v.type().kind()) {
            case DATE: return put('"').date(((IntVector) v).get(position)).put('"');
            case DOUBLE: {
                double d = ((DoubleVector) v).get(position);
                String text = Values.formatDouble(d);
                return Double.isFinite(d) ? ascii(text) : jsonString(text);
            }
            case VARCHAR: case CHAR: return jsonString(((StringVector) v).get(position));
            default: return raw(NULL);
        }
    }

    /** The value at {@code position} as a CSV field: NULL is an empty field, the empty string {@code ""}. */
    ResponseBuffer csvValue(ColumnVector v, int position) {
        if (v.isNull(position) || plainValue(v, position)) {
            return this;
        }
        switch (v.type().kind()) {
            case DATE: return date(((IntVector) v).get(position));
            case DOUBLE: return ascii(Values.formatDouble(((DoubleVector) v).get(position)));
            case VARCHAR: case CHAR: return csvField(((StringVector) v).get(position));
            default: return this;
        }
    }

    /** Writes a BOOLEAN, INTEGER, BIGINT or DECIMAL value, which JSON and CSV spell alike; false for other types. */
    private boolean plainValue(ColumnVector v, int position) {
        DataType type = v.type();
        switch (type.kind()) {
            case BOOLEAN: raw(((BooleanVector) v).get(position) ? TRUE : FALSE); return true;
            case INTEGER: number(((IntVector) v).get(position)); return true;
            case BIGINT: number(((LongVector) v).get(position)); return true;
            case DECIMAL: decimal(((LongVector) v).get(position), type.scale()); return true;
            default: return false;
        }
    }
}
