package dev.muru.server.http;

import dev.muru.core.Morsel;
import dev.muru.core.MuruException;
import dev.muru.core.Schema;
import dev.muru.core.vector.ColumnVector;

/**
 * RFC 4180 CSV with a header line and {@code \n} after each record. NULL is an empty field and
 * the empty string {@code ""}, as in PostgreSQL's CSV. CSV has no place for an error, so a
 * statement that fails after its first rows cuts the response off (the chunked body never ends).
 */
final class CsvResultEncoder implements ResultEncoder {

    @Override
    public void head(ResponseBuffer out, String queryId, String statementKind, Schema schema) {
        if (schema.size() == 0) {
            return;
        }
        for (int c = 0; c < schema.size(); c++) {
            if (c > 0) {
                out.put(',');
            }
            out.csvField(schema.name(c));
        }
        out.put('\n');
    }

    @Override
    public void rows(ResponseBuffer out, Morsel morsel) {
        ColumnVector[] columns = morsel.columns();
        for (int i = 0; i < morsel.size(); i++) {
            int p = morsel.position(i);
            for (int c = 0; c < columns.length; c++) {
                if (c > 0) {
                    out.put(',');
                }
                out.csvValue(columns[c], p);
            }
            out.put('\n');
        }
    }

    @Override
    public void tail(ResponseBuffer out, Summary summary) {
        // The rows are all there is; Muru-Query-Id and the status line say the rest.
    }

    @Override
    public boolean failure(ResponseBuffer out, MuruException error) {
        return false;
    }
}
