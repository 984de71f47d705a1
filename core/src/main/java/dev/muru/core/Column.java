package dev.muru.core;

/** A named, typed column of a table or of a query result. */
public record Column(String name, DataType type, boolean nullable) {
    public Column(String name, DataType type) {
        this(name, type, true);
    }
}
