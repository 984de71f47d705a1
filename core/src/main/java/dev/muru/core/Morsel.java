package dev.muru.core;

import dev.muru.core.vector.ColumnVector;

import java.util.ArrayList;
import java.util.List;

/**
 * A batch of rows: one vector per column, the number of physical positions, and an optional
 * selection vector of live positions, so a filter narrows a morsel without copying it.
 * Morsels are immutable once handed to another operator or actor.
 */
public final class Morsel {
    private final ColumnVector[] columns;
    private final int positions;
    private final int[] selection;
    private final int size;

    public Morsel(ColumnVector[] columns, int positions) {
        this(columns, positions, null, positions);
    }

    public Morsel(ColumnVector[] columns, int positions, int[] selection, int size) {
        this.columns = columns;
        this.positions = positions;
        this.selection = selection;
        this.size = size;
    }

    public static Morsel empty(List<DataType> types) {
        ColumnVector[] cols = new ColumnVector[types.size()];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = ColumnVector.allocate(types.get(i), 0);
        }
        return new Morsel(cols, 0);
    }

    public int columnCount() {
        return columns.length;
    }

    public ColumnVector column(int i) {
        return columns[i];
    }

    public ColumnVector[] columns() {
        return columns;
    }

    /** Number of physical positions in each vector. */
    public int positions() {
        return positions;
    }

    /** Live positions, or null when all {@link #positions()} are live. */
    public int[] selection() {
        return selection;
    }

    /** Number of live rows. */
    public int size() {
        return size;
    }

    /** Physical position of the i-th live row. */
    public int position(int i) {
        return selection == null ? i : selection[i];
    }

    /**
     * Heap bytes this morsel references: its vectors (each counted in full, shared or not; see
     * {@link ColumnVector#estimatedBytes()}), the selection and a fixed object charge. O(columns).
     */
    public long estimatedBytes() {
        long bytes = ColumnVector.OBJECT_BYTES + ColumnVector.arrayBytes(columns) + ColumnVector.arrayBytes(selection);
        for (ColumnVector c : columns) {
            bytes += c.estimatedBytes();
        }
        return bytes;
    }

    public Morsel withSelection(int[] selection, int size) {
        return new Morsel(columns, positions, selection, size);
    }

    public Morsel withColumns(ColumnVector[] columns) {
        return new Morsel(columns, positions, selection, size);
    }

    /** This morsel with dense vectors and no selection; returns itself when already dense. */
    public Morsel compact() {
        if (selection == null && size == positions) {
            return this;
        }
        ColumnVector[] out = new ColumnVector[columns.length];
        for (int c = 0; c < columns.length; c++) {
            out[c] = selection == null ? columns[c].copyRange(0, size) : columns[c].gather(selection, size);
        }
        return new Morsel(out, size);
    }

    /** The live rows as boxed values; for results and tests, never in hot loops. */
    public List<Object[]> rows() {
        List<Object[]> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int p = position(i);
            Object[] row = new Object[columns.length];
            for (int c = 0; c < columns.length; c++) {
                row[c] = columns[c].getObject(p);
            }
            out.add(row);
        }
        return out;
    }
}
