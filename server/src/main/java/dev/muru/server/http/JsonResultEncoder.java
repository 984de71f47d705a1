package dev.muru.server.http;

import dev.muru.core.Morsel;
import dev.muru.core.MuruException;
import dev.muru.core.Schema;
import dev.muru.core.vector.ColumnVector;

/**
 * One JSON object: {@code {"queryId","statement","columns":[{"name","type"}],"rows":[[...],...],
 * "rowCount","elapsedMillis"}} (and {@code updateCount} for INSERT, UPDATE, DELETE, COPY).
 * A failure after the first rows ends the object with {@code "error":{...}} instead.
 */
final class JsonResultEncoder implements ResultEncoder {
    private boolean firstRow = true;

    @Override
    public void head(ResponseBuffer out, String queryId, String statementKind, Schema schema) {
        out.ascii("{\"queryId\":").jsonString(queryId).ascii(",\"statement\":").jsonString(statementKind);
        out.ascii(",\"columns\":");
        writeColumns(out, schema);
        out.ascii(",\"rows\":[");
    }

    /** {@code [{"name":..,"type":..},...]}, shared with the NDJSON head line. */
    static void writeColumns(ResponseBuffer out, Schema schema) {
        out.put('[');
        for (int c = 0; c < schema.size(); c++) {
            out.ascii(c == 0 ? "{\"name\":" : ",{\"name\":").jsonString(schema.name(c))
                    .ascii(",\"type\":").jsonString(schema.type(c).toString()).put('}');
        }
        out.put(']');
    }

    @Override
    public void rows(ResponseBuffer out, Morsel morsel) {
        for (int i = 0; i < morsel.size(); i++) {
            if (!firstRow) {
                out.put(',');
            }
            firstRow = false;
            writeRow(out, morsel, morsel.position(i));
        }
    }

    /** One row as a JSON array, shared with NDJSON. */
    static void writeRow(ResponseBuffer out, Morsel morsel, int position) {
        ColumnVector[] columns = morsel.columns();
        out.put('[');
        for (int c = 0; c < columns.length; c++) {
            if (c > 0) {
                out.put(',');
            }
            out.jsonValue(columns[c], position);
        }
        out.put(']');
    }

    @Override
    public void tail(ResponseBuffer out, Summary summary) {
        out.ascii("],");
        writeSummary(out, summary);
        out.put('}');
    }

    /** {@code "rowCount":..[,"updateCount":..],"elapsedMillis":..}, shared with NDJSON. */
    static void writeSummary(ResponseBuffer out, Summary summary) {
        out.ascii("\"rowCount\":").number(summary.rows());
        if (summary.updateCount() >= 0) {
            out.ascii(",\"updateCount\":").number(summary.updateCount());
        }
        out.ascii(",\"elapsedMillis\":").ascii(String.format(java.util.Locale.ROOT, "%.3f", summary.elapsedMillis()));
    }

    @Override
    public boolean failure(ResponseBuffer out, MuruException error) {
        out.ascii("],\"error\":");
        HttpErrors.write(out, error);
        out.put('}');
        return true;
    }
}
