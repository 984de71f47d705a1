package dev.muru.plan.catalog;

import dev.muru.core.Schema;

/**
 * A table as the planner sees it: name, schema and the row count of the snapshot in use, and
 * per column an upper bound of its distinct values (null or an entry below 1: unknown).
 */
public record TableInfo(String name, Schema schema, long rowCount, long[] distinct) {
    public TableInfo(String name, Schema schema, long rowCount) {
        this(name, schema, rowCount, null);
    }
}
