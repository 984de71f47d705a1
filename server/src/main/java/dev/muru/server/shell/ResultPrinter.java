package dev.muru.server.shell;

import dev.muru.QueryResult;
import dev.muru.core.DataType;
import dev.muru.core.Values;

import java.io.PrintStream;

/** Writes statement outcomes in one output format of the shell. */
public interface ResultPrinter {

    /** Prints the rows of a result that has a result set. */
    void printRows(QueryResult result, PrintStream out);

    /**
     * Prints the status of a statement without a result set ({@code INSERT 3},
     * {@code CREATE TABLE}). Machine-readable formats print nothing, so their output stays
     * parseable when a script mixes DDL, DML and queries.
     */
    default void printStatus(String status, PrintStream out) {
    }

    /** The text of one value as every format shows it; null stays null (SQL NULL). */
    static String text(DataType type, Object value) {
        return Values.toText(type, value);
    }
}
