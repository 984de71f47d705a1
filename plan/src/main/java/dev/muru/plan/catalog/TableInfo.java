package dev.muru.plan.catalog;

import dev.muru.core.Schema;

/** A table as the planner sees it: name, schema and the row count of the snapshot in use. */
public record TableInfo(String name, Schema schema, long rowCount) {
}
