package dev.muru.storage;

import dev.muru.core.Morsel;
import dev.muru.core.Schema;

import java.util.ArrayList;
import java.util.List;

/**
 * One committed version of a table: its row groups (sealed ones plus the tail as it stood).
 * Immutable, so a query takes one at its start and reads it without locks while writes go on.
 */
public final class TableSnapshot {
    private final long version;
    private final Schema schema;
    private final List<RowGroup> rowGroups;
    private final long rowCount;
    private final java.util.concurrent.atomic.AtomicLongArray distinct;

    public TableSnapshot(long version, Schema schema, List<RowGroup> rowGroups) {
        this.version = version;
        this.schema = schema;
        this.rowGroups = List.copyOf(rowGroups);
        long rows = 0;
        for (RowGroup g : this.rowGroups) {
            rows += g.rowCount();
        }
        this.rowCount = rows;
        this.distinct = new java.util.concurrent.atomic.AtomicLongArray(schema.size());
    }

    /** Estimated distinct non-NULL values of a column, computed on first use from the row groups' sketches. */
    public long distinct(int column) {
        long d = distinct.get(column);
        if (d == 0 && rowCount > 0) {
            DistinctSketch all = DistinctSketch.empty();
            for (RowGroup g : rowGroups) {
                if (g.rowCount() > 0) {
                    all = all.merge(g.sketch(column));
                }
            }
            d = Math.max(1, Math.min(rowCount, all.estimate()));
            distinct.set(column, d);
        }
        return d;
    }

    /** Version 0 of a table: no rows. */
    public static TableSnapshot empty(Schema schema) {
        return new TableSnapshot(0, schema, List.of());
    }

    /** Grows by one with every successful write. */
    public long version() {
        return version;
    }

    public Schema schema() {
        return schema;
    }

    public List<RowGroup> rowGroups() {
        return rowGroups;
    }

    public long rowCount() {
        return rowCount;
    }

    /** One zero-copy morsel per row group. */
    public List<Morsel> morsels() {
        List<Morsel> out = new ArrayList<>(rowGroups.size());
        for (RowGroup g : rowGroups) {
            out.add(g.toMorsel());
        }
        return out;
    }

    @Override
    public String toString() {
        return "TableSnapshot[version=" + version + ", rows=" + rowCount + ", rowGroups=" + rowGroups.size() + "]";
    }
}
