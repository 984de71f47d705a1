package dev.muru.engine;

import dev.muru.plan.catalog.CatalogReader;
import dev.muru.plan.catalog.TableInfo;
import dev.muru.storage.CatalogView;
import dev.muru.storage.TableHandle;
import dev.muru.storage.TableSnapshot;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The binder's view of the catalog for one statement. The first time a table is named its
 * snapshot is taken and kept, so the whole statement reads one consistent version.
 */
final class SnapshotCatalog implements CatalogReader {
    private final CatalogView view;
    private final Map<String, TableSnapshot> snapshots = new HashMap<>();

    SnapshotCatalog(CatalogView view) {
        this.view = view;
    }

    @Override
    public TableInfo table(String name) {
        TableHandle h = view.table(name);
        if (h == null) {
            return null;
        }
        TableSnapshot s = snapshots.computeIfAbsent(name, n -> h.snapshot());
        return new TableInfo(name, h.schema(), s.rowCount(), s::distinct);
    }

    @Override
    public ViewInfo view(String name) {
        CatalogView.ViewDefinition v = view.view(name);
        return v == null ? null : new ViewInfo(v.name(), v.sql(), v.columns());
    }

    @Override
    public Set<String> tableNames() {
        return view.names();
    }

    TableSnapshot snapshot(String name) {
        return snapshots.get(name);
    }

    TableHandle handle(String name) {
        return view.table(name);
    }
}
