package dev.muru.storage;

import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Splits CSV text into records of fields (RFC 4180 style). A field that starts with a double
 * quote is quoted: it may hold the delimiter, line breaks and {@code ""} for one quote, and
 * must be followed by a delimiter or a line end. A quote inside an unquoted field is an
 * ordinary character. Lines end with {@code \n} or {@code \r\n}; a lone {@code \r} is data.
 * Blank lines are skipped, so a final newline (or several) does not make an extra record.
 */
final class CsvTokenizer {
    private static final int NONE = -2;

    private final Reader reader;
    private final char delimiter;
    private final String fileLabel;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int limit;
    private int pushedBack = NONE;
    /** Whether the last {@link #read()} came from {@code buf[pos - 1]}, so it can be stepped back over. */
    private boolean fromBuffer;
    private boolean started;

    private final StringBuilder sb = new StringBuilder();
    private String[] fields = new String[16];
    private boolean[] quoted = new boolean[16];
    private int count;
    private int line = 1;
    private int recordLine;

    CsvTokenizer(Reader reader, char delimiter, String fileLabel) {
        this.reader = reader;
        this.delimiter = delimiter;
        this.fileLabel = fileLabel;
    }

    /** Reads the next non-blank record; false at the end of the input. */
    boolean next() throws IOException {
        while (true) {
            int c = read();
            if (c == -1) {
                return false;
            }
            unread(c);
            count = 0;
            recordLine = line;
            while (!readField()) {
                // fields until the record ends
            }
            if (count == 1 && !quoted[0] && fields[0].isEmpty()) {
                continue;
            }
            return true;
        }
    }

    int fieldCount() {
        return count;
    }

    String field(int i) {
        return fields[i];
    }

    /** True when the field was written in quotes (so "" is an empty string, not NULL). */
    boolean quoted(int i) {
        return quoted[i];
    }

    /** 1-based line on which the current record starts. */
    int recordLine() {
        return recordLine;
    }

    /** 1-based line the reader is on now, for errors raised while decoding. */
    int currentLine() {
        return line;
    }

    /** Reads one field and its terminator; true when the terminator ended the record. */
    private boolean readField() throws IOException {
        sb.setLength(0);
        int c = read();
        if (c == '"') {
            int startLine = line;
            while (true) {
                c = read();
                if (c == -1) {
                    throw error(startLine, "unterminated quoted field");
                }
                if (c == '"') {
                    c = read();
                    if (c != '"') {
                        break;
                    }
                } else if (c == '\n') {
                    line++;
                }
                sb.append((char) c);
            }
            add(true);
            if (c == delimiter) {
                return false;
            }
            if (c == -1 || c == '\n' || (c == '\r' && read() == '\n')) {
                if (c != -1) {
                    line++;
                }
                return true;
            }
            throw error(line, "unexpected character after closing quote of field " + count);
        }
        if (fromBuffer && c != -1 && c != delimiter && c != '\n' && c != '\r') {
            // Fast path: an unquoted field that ends inside the buffer becomes one String.
            int start = pos - 1;
            int end = pos;
            while (end < limit) {
                char ch = buf[end];
                if (ch == delimiter || ch == '\n' || ch == '\r') {
                    break;
                }
                end++;
            }
            if (end < limit && buf[end] != '\r') {
                addField(new String(buf, start, end - start), false);
                pos = end + 1;
                if (buf[end] == '\n') {
                    line++;
                    return true;
                }
                return false;
            }
            if (end + 1 < limit && buf[end] == '\r' && buf[end + 1] == '\n') {
                addField(new String(buf, start, end - start), false);
                pos = end + 2;
                line++;
                return true;
            }
        }
        while (true) {
            if (c == delimiter) {
                add(false);
                return false;
            }
            if (c == -1) {
                add(false);
                return true;
            }
            if (c == '\n') {
                line++;
                add(false);
                return true;
            }
            if (c == '\r') {
                int n = read();
                if (n == '\n') {
                    line++;
                    add(false);
                    return true;
                }
                unread(n);
            }
            sb.append((char) c);
            c = read();
        }
    }

    private void add(boolean isQuoted) {
        addField(sb.toString(), isQuoted);
    }

    private void addField(String value, boolean isQuoted) {
        if (count == fields.length) {
            fields = Arrays.copyOf(fields, count * 2);
            quoted = Arrays.copyOf(quoted, count * 2);
        }
        fields[count] = value;
        quoted[count] = isQuoted;
        count++;
    }

    private int read() throws IOException {
        if (pushedBack != NONE) {
            int c = pushedBack;
            pushedBack = NONE;
            fromBuffer = false;
            return c;
        }
        if (pos == limit) {
            int n = reader.read(buf, 0, buf.length);
            if (n <= 0) {
                pos = 0;
                limit = 0;
                fromBuffer = false;
                return -1;
            }
            pos = 0;
            limit = n;
            if (!started) {
                started = true;
                if (buf[0] == '\uFEFF') {
                    pos = 1;
                    return read();
                }
            }
        }
        fromBuffer = true;
        return buf[pos++];
    }

    /** Gives back the character just read, so the next {@link #read()} returns it again. */
    private void unread(int c) {
        if (fromBuffer) {
            pos--;
        } else {
            pushedBack = c;
        }
    }

    private MuruException error(int atLine, String problem) {
        return new MuruException(ErrorCode.CSV_FORMAT_ERROR, fileLabel + " line " + atLine + ": " + problem);
    }
}
