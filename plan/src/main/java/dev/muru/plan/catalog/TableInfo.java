package dev.muru.plan.catalog;

import dev.muru.core.Schema;

/**
 * A table as the planner sees it: name, schema and the row count of the snapshot in use, and
 * its estimated distinct values per table column (null, or an answer below 1: unknown), computed
 * when asked.
 */
public record TableInfo(String name, Schema schema, long rowCount, java.util.function.IntToLongFunction distinct) {
    public TableInfo(String name, Schema schema, long rowCount) {
        this(name, schema, rowCount, null);
    }
}
