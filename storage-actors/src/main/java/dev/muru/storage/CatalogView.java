package dev.muru.storage;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An immutable picture of the catalog: the tables by exact name. Each DDL statement publishes
 * a new view, so a query binds against one consistent set of tables.
 */
public final class CatalogView {
    public static final CatalogView EMPTY = new CatalogView(0, Map.of());

    /** A stored view: the text of its query and the names of its columns. */
    public record ViewDefinition(String name, String sql, java.util.List<String> columns) {
        public ViewDefinition {
            columns = java.util.List.copyOf(columns);
        }
    }

    private final long version;
    private final Map<String, TableHandle> tables;
    private final Map<String, ViewDefinition> views;

    public CatalogView(long version, Map<String, TableHandle> tables) {
        this(version, tables, Map.of());
    }

    public CatalogView(long version, Map<String, TableHandle> tables, Map<String, ViewDefinition> views) {
        this.version = version;
        this.tables = Collections.unmodifiableMap(new TreeMap<>(tables));
        this.views = Collections.unmodifiableMap(new TreeMap<>(views));
    }

    /** The view with exactly this name, or null. */
    public ViewDefinition view(String name) {
        return views.get(name);
    }

    public Map<String, ViewDefinition> views() {
        return views;
    }

    CatalogView withView(ViewDefinition v) {
        Map<String, ViewDefinition> next = new TreeMap<>(views);
        next.put(v.name(), v);
        return new CatalogView(version + 1, tables, next);
    }

    CatalogView withoutView(String name) {
        Map<String, ViewDefinition> next = new TreeMap<>(views);
        next.remove(name);
        return new CatalogView(version + 1, tables, next);
    }

    /** Grows by one with every DDL change. */
    public long version() {
        return version;
    }

    /** The tables sorted by name. */
    public Map<String, TableHandle> tables() {
        return tables;
    }

    /** The table with exactly this name, or null. */
    public TableHandle table(String name) {
        return tables.get(name);
    }

    public boolean contains(String name) {
        return tables.containsKey(name);
    }

    /** Table names, sorted. */
    public Set<String> names() {
        return tables.keySet();
    }

    CatalogView with(TableHandle handle) {
        Map<String, TableHandle> next = new TreeMap<>(tables);
        next.put(handle.name(), handle);
        return new CatalogView(version + 1, next, views);
    }

    CatalogView without(String name) {
        Map<String, TableHandle> next = new TreeMap<>(tables);
        next.remove(name);
        return new CatalogView(version + 1, next, views);
    }

    @Override
    public String toString() {
        return "CatalogView[version=" + version + ", tables=" + tables.keySet() + "]";
    }
}
