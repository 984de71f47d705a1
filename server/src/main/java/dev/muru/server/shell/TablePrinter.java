package dev.muru.server.shell;

import dev.muru.QueryResult;
import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.Schema;

import java.io.PrintStream;

/**
 * psql-style aligned output: a header, a separator, one line per row with numbers
 * right-aligned and NULL spelled {@code NULL}, then {@code (N rows)}.
 */
public final class TablePrinter implements ResultPrinter {
    static final String NULL_TEXT = "NULL";

    @Override
    public void printRows(QueryResult result, PrintStream out) {
        Schema schema = result.schema();
        int columns = schema.size();
        boolean[] right = new boolean[columns];
        int[] widths = new int[columns];
        for (int c = 0; c < columns; c++) {
            right[c] = schema.type(c).isNumeric();
            widths[c] = width(schema.name(c));
        }
        // Two passes over the morsels instead of one list of formatted rows: a large result
        // costs its cells' text twice in CPU, but never all at once in memory.
        for (Morsel m : result.morsels()) {
            for (int i = 0; i < m.size(); i++) {
                int p = m.position(i);
                for (int c = 0; c < columns; c++) {
                    widths[c] = Math.max(widths[c], width(cell(schema.type(c), m.column(c).getObject(p))));
                }
            }
        }
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            appendCell(line, schema.name(c), widths[c], right[c], c);
        }
        emit(out, line);
        for (int c = 0; c < columns; c++) {
            line.append(c == 0 ? "" : "+").append("-".repeat(widths[c] + 2));
        }
        emit(out, line);
        for (Morsel m : result.morsels()) {
            for (int i = 0; i < m.size(); i++) {
                int p = m.position(i);
                for (int c = 0; c < columns; c++) {
                    appendCell(line, cell(schema.type(c), m.column(c).getObject(p)), widths[c], right[c], c);
                }
                emit(out, line);
            }
        }
        long rows = result.rowCount();
        out.println("(" + rows + (rows == 1 ? " row)" : " rows)"));
    }

    @Override
    public void printStatus(String status, PrintStream out) {
        out.println(status);
    }

    /** A cell's display text: NULL for null, control characters escaped so rows stay one line. */
    static String cell(DataType type, Object value) {
        String text = ResultPrinter.text(type, value);
        if (text == null) {
            return NULL_TEXT;
        }
        if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0 && text.indexOf('\t') < 0) {
            return text;
        }
        return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }

    private static void appendCell(StringBuilder line, String text, int width, boolean right, int column) {
        line.append(column == 0 ? " " : " | ");
        String pad = " ".repeat(width - width(text));
        if (right) {
            line.append(pad).append(text);
        } else {
            line.append(text).append(pad);
        }
    }

    /** Prints a line without the padding at its end, then clears the builder for the next. */
    private static void emit(PrintStream out, StringBuilder line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        line.setLength(end);
        out.println(line);
        line.setLength(0);
    }

    /** Display width in code points, so non-BMP characters count once. */
    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }
}
