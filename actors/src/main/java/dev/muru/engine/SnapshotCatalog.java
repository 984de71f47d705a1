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
        return new TableInfo(name, h.schema(), s.rowCount(), distinctBounds(s));
    }

    /**
     * Per column, an upper bound of its distinct values from the zone maps: an integral column
     * spanning [min, max] has at most max - min + 1 values. This tells a join on a nation key
     * (25 values) from one on a customer key before any statistics exist.
     */
    private static long[] distinctBounds(TableSnapshot s) {
        int columns = s.schema().size();
        long[] out = new long[columns];
        for (int c = 0; c < columns; c++) {
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            boolean integral = true;
            for (dev.muru.storage.RowGroup rg : s.rowGroups()) {
                dev.muru.storage.ZoneMap z = rg.zoneMap(c);
                if (z == null || z.physical() != dev.muru.core.PhysicalType.INT && z.physical() != dev.muru.core.PhysicalType.LONG) {
                    integral = false;
                    break;
                }
                if (z.hasValues()) {
                    min = Math.min(min, z.minLong());
                    max = Math.max(max, z.maxLong());
                }
            }
            long rows = Math.max(1, s.rowCount());
            if (!integral || min > max) {
                out[c] = rows;
            } else {
                long span = max - min;
                out[c] = span < 0 || span >= rows ? rows : span + 1;
            }
        }
        return out;
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
