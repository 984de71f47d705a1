package dev.muru.plan.catalog;

import java.util.Set;

/** What the binder needs to know of the catalog: tables by exact name. */
public interface CatalogReader {
    /** The table, or null when there is none of that name. */
    TableInfo table(String name);

    Set<String> tableNames();
}
