package dev.muru.server.http;

import dev.muru.core.Morsel;
import dev.muru.core.MuruException;
import dev.muru.core.Schema;

/**
 * Writes one statement's result in one format, piece by piece as its morsels arrive: a head,
 * the rows of each morsel, and a tail (the summary, or the error that cut the rows off).
 * One instance per response; used by one thread at a time.
 */
interface ResultEncoder {

    /** What the statement was and how it ended, for the tail. */
    record Summary(long rows, long updateCount, double elapsedMillis) {
    }

    /** Before the first row: the query's id, its kind (SELECT, INSERT, ...) and its columns. */
    void head(ResponseBuffer out, String queryId, String statementKind, Schema schema);

    void rows(ResponseBuffer out, Morsel morsel);

    void tail(ResponseBuffer out, Summary summary);

    /**
     * After rows were sent, the statement failed: writes what tells the client, or returns
     * false when the format has no way to say it (the response is then cut off instead).
     */
    boolean failure(ResponseBuffer out, MuruException error);
}
