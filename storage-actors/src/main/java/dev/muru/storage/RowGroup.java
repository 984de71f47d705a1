package dev.muru.storage;

import dev.muru.core.Morsel;
import dev.muru.core.vector.BooleanVector;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.DoubleVector;
import dev.muru.core.vector.IntVector;
import dev.muru.core.vector.LongVector;
import dev.muru.core.vector.StringVector;

/**
 * An immutable slice of a table: one vector per column over {@code rowCount} rows, plus a zone
 * map per column. Every vector's {@code length()} equals {@code rowCount}, although its backing
 * array may be longer (the tail shares arrays that later appends keep filling beyond rowCount).
 * Readers must treat the vectors as read-only.
 */
public final class RowGroup {
    private final ColumnVector[] columns;
    private final int rowCount;
    private final ZoneMap[] zoneMaps;
    /** Per column, its distinct-value sketch once a planner asked for it. */
    private final java.util.concurrent.atomic.AtomicReferenceArray<DistinctSketch> sketches;

    public RowGroup(ColumnVector[] columns, int rowCount, ZoneMap[] zoneMaps) {
        if (columns.length != zoneMaps.length) {
            throw new IllegalArgumentException(columns.length + " columns but " + zoneMaps.length + " zone maps");
        }
        for (ColumnVector v : columns) {
            if (v.length() != rowCount) {
                throw new IllegalArgumentException("vector length " + v.length() + " != row count " + rowCount);
            }
        }
        this.columns = columns.clone();
        this.rowCount = rowCount;
        this.zoneMaps = zoneMaps.clone();
        this.sketches = new java.util.concurrent.atomic.AtomicReferenceArray<>(columns.length);
    }

    /** The distinct values of a column, sketched on first use (the group is immutable). */
    public DistinctSketch sketch(int column) {
        DistinctSketch s = sketches.get(column);
        if (s == null) {
            s = DistinctSketch.of(columns[column], rowCount);
            sketches.set(column, s);
        }
        return s;
    }

    /** A row group over dense vectors of exactly {@code rowCount} positions, computing zone maps. */
    public static RowGroup of(ColumnVector[] columns, int rowCount) {
        ZoneMap[] maps = new ZoneMap[columns.length];
        for (int c = 0; c < columns.length; c++) {
            ZoneMapBuilder b = new ZoneMapBuilder(columns[c].type().physical());
            b.accept(valuesOf(columns[c]), columns[c].nullMask(), 0, rowCount);
            maps[c] = b.build();
        }
        return new RowGroup(columns, rowCount, maps);
    }

    public int rowCount() {
        return rowCount;
    }

    public int columnCount() {
        return columns.length;
    }

    public ColumnVector column(int i) {
        return columns[i];
    }

    public ZoneMap zoneMap(int column) {
        return zoneMaps[column];
    }

    /** The rows as a morsel without copying values; the column array is fresh so callers may swap entries. */
    public Morsel toMorsel() {
        return new Morsel(columns.clone(), rowCount);
    }

    /** The primitive array behind a vector, for bulk copies and zone map scans. */
    static Object valuesOf(ColumnVector v) {
        if (v instanceof LongVector l) return l.values();
        if (v instanceof IntVector i) return i.values();
        if (v instanceof DoubleVector d) return d.values();
        if (v instanceof BooleanVector b) return b.values();
        return ((StringVector) v).values();
    }
}
