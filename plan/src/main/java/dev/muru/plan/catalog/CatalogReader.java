package dev.muru.plan.catalog;

import java.util.Set;

/** What the binder needs to know of the catalog: tables by exact name. */
public interface CatalogReader {
    /** The table, or null when there is none of that name. */
    TableInfo table(String name);

    Set<String> tableNames();

    /** A view: the text of its query and its column names (empty: the query's own). */
    record ViewInfo(String name, String sql, java.util.List<String> columns) {
    }

    /** The view of that name, or null. */
    default ViewInfo view(String name) {
        return null;
    }
}
