package dev.muru.server.http;

import dev.muru.core.Morsel;
import dev.muru.core.MuruException;
import dev.muru.core.Schema;

/**
 * Newline-delimited JSON: a head line {@code {"queryId","statement","columns":[...]}}, then one
 * JSON array per row, then a summary line {@code {"rowCount",...}} or, when the statement
 * failed after its first rows, {@code {"error":{...}}}. Rows are the lines that are arrays.
 */
final class NdjsonResultEncoder implements ResultEncoder {

    @Override
    public void head(ResponseBuffer out, String queryId, String statementKind, Schema schema) {
        out.ascii("{\"queryId\":").jsonString(queryId).ascii(",\"statement\":").jsonString(statementKind);
        out.ascii(",\"columns\":");
        JsonResultEncoder.writeColumns(out, schema);
        out.ascii("}\n");
    }

    @Override
    public void rows(ResponseBuffer out, Morsel morsel) {
        for (int i = 0; i < morsel.size(); i++) {
            JsonResultEncoder.writeRow(out, morsel, morsel.position(i));
            out.put('\n');
        }
    }

    @Override
    public void tail(ResponseBuffer out, Summary summary) {
        out.put('{');
        JsonResultEncoder.writeSummary(out, summary);
        out.ascii("}\n");
    }

    @Override
    public boolean failure(ResponseBuffer out, MuruException error) {
        out.ascii("{\"error\":");
        HttpErrors.write(out, error);
        out.ascii("}\n");
        return true;
    }
}
