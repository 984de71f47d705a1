package dev.muru.server.shell;

import dev.muru.QueryResult;
import dev.muru.core.Morsel;
import dev.muru.core.Schema;

import java.io.PrintStream;

/**
 * RFC 4180 CSV: a header line, {@code ,} between fields, {@code \n} after each record. A field
 * is quoted when it holds a comma, quote, CR or LF; NULL is an empty field and the empty string
 * is {@code ""}, so the two stay apart (as PostgreSQL's CSV does).
 */
public final class CsvPrinter implements ResultPrinter {

    @Override
    public void printRows(QueryResult result, PrintStream out) {
        Schema schema = result.schema();
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < schema.size(); c++) {
            if (c > 0) {
                line.append(',');
            }
            appendField(line, schema.name(c));
        }
        out.print(line.append('\n'));
        for (Morsel m : result.morsels()) {
            for (int i = 0; i < m.size(); i++) {
                int p = m.position(i);
                line.setLength(0);
                for (int c = 0; c < schema.size(); c++) {
                    if (c > 0) {
                        line.append(',');
                    }
                    String text = ResultPrinter.text(schema.type(c), m.column(c).getObject(p));
                    if (text != null) {
                        appendField(line, text);
                    }
                }
                out.print(line.append('\n'));
            }
        }
    }

    static void appendField(StringBuilder line, String text) {
        boolean quote = text.isEmpty();
        for (int i = 0; i < text.length() && !quote; i++) {
            char ch = text.charAt(i);
            quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
        }
        if (!quote) {
            line.append(text);
            return;
        }
        line.append('"');
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                line.append('"');
            }
            line.append(ch);
        }
        line.append('"');
    }
}
