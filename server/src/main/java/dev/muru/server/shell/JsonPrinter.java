package dev.muru.server.shell;

import dev.muru.QueryResult;
import dev.muru.core.Morsel;
import dev.muru.core.Schema;
import dev.muru.core.Values;

import java.io.PrintStream;
import java.math.BigDecimal;

/**
 * One JSON array of objects per result, one object per line, keys in column order. Numbers
 * stay numbers (DECIMAL keeps its exact digits), dates are ISO strings, NULL is {@code null};
 * DOUBLE NaN and infinities, which JSON cannot spell, become strings.
 */
public final class JsonPrinter implements ResultPrinter {

    @Override
    public void printRows(QueryResult result, PrintStream out) {
        Schema schema = result.schema();
        String[] keys = new String[schema.size()];
        for (int c = 0; c < keys.length; c++) {
            StringBuilder key = new StringBuilder();
            appendString(key, schema.name(c));
            keys[c] = key.append(':').toString();
        }
        StringBuilder line = new StringBuilder();
        boolean first = true;
        for (Morsel m : result.morsels()) {
            for (int i = 0; i < m.size(); i++) {
                int p = m.position(i);
                line.setLength(0);
                line.append(first ? "[{" : ",\n{");
                first = false;
                for (int c = 0; c < keys.length; c++) {
                    if (c > 0) {
                        line.append(',');
                    }
                    line.append(keys[c]);
                    appendValue(line, m.column(c).getObject(p));
                }
                out.print(line.append('}'));
            }
        }
        out.print(first ? "[]\n" : "]\n");
    }

    static void appendValue(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof BigDecimal) {
            out.append(((BigDecimal) value).toPlainString());
        } else if (value instanceof Double) {
            double d = (Double) value;
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                appendString(out, Values.formatDouble(d));
            } else {
                out.append(Values.formatDouble(d));
            }
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            appendString(out, value.toString());
        }
    }

    static void appendString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                case '\b': out.append("\\b"); break;
                case '\f': out.append("\\f"); break;
                default:
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
            }
        }
        out.append('"');
    }
}
