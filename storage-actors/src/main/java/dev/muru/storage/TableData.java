package dev.muru.storage;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.PhysicalType;
import dev.muru.core.Schema;
import dev.muru.core.vector.BooleanVector;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.DoubleVector;
import dev.muru.core.vector.IntVector;
import dev.muru.core.vector.LongVector;
import dev.muru.core.vector.NullMask;
import dev.muru.core.vector.StringVector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of one table: sealed row groups of exactly {@code rowGroupRows} rows plus a tail
 * being filled. Not thread-safe: only its {@link TableStore} actor touches it.
 *
 * <p>Snapshots are zero-copy. A snapshot's tail row group wraps the live tail arrays with
 * length = the row count at that moment, and later appends write only positions at or beyond
 * that count, so old snapshots keep seeing exactly their rows. When the tail outgrows its
 * arrays it moves to bigger copies and old snapshots keep the old arrays. Null bitmaps pack 64
 * rows per word, so a word a snapshot can see is copied before the next write to it
 * (copy-on-write), which keeps readers free of any data race.
 */
public final class TableData {
    /** First tail allocation; the tail doubles up to rowGroupRows so small tables stay small. */
    static final int INITIAL_TAIL_ROWS = 1024;

    private final Schema schema;
    private final int rowGroupRows;
    private final int columnCount;
    private final PhysicalType[] physical;

    private final List<RowGroup> sealed = new ArrayList<>();
    private Object[] tailValues;
    private final long[][] tailNulls;
    /** Set when the published snapshot shares the column's tail null mask. */
    private final boolean[] tailNullsShared;
    private ZoneMapBuilder[] tailZones;
    private int tailCount;
    private int tailCapacity;

    private TableSnapshot snapshot;

    /** An empty table whose next snapshot follows version {@code baseVersion}. */
    public TableData(Schema schema, int rowGroupRows, long baseVersion) {
        this(schema, rowGroupRows);
        this.snapshot = new TableSnapshot(baseVersion, schema, List.of());
    }

    public TableData(Schema schema, int rowGroupRows) {
        if (rowGroupRows < 1) {
            throw new IllegalArgumentException("rowGroupRows must be positive, got " + rowGroupRows);
        }
        this.schema = schema;
        this.rowGroupRows = rowGroupRows;
        this.columnCount = schema.size();
        this.physical = new PhysicalType[columnCount];
        for (int c = 0; c < columnCount; c++) {
            physical[c] = schema.type(c).physical();
        }
        this.tailValues = new Object[columnCount];
        this.tailNulls = new long[columnCount][];
        this.tailNullsShared = new boolean[columnCount];
        this.tailZones = newZones();
        this.snapshot = TableSnapshot.empty(schema);
    }

    public Schema schema() {
        return schema;
    }

    public int rowGroupRows() {
        return rowGroupRows;
    }

    /** The latest published snapshot. */
    public TableSnapshot snapshot() {
        return snapshot;
    }

    /**
     * Appends the live rows of the morsels, all or nothing: every row is validated against the
     * schema (types, NOT NULL, string lengths) before the first one is copied.
     *
     * @return the new snapshot, one version above the previous one
     * @throws dev.muru.core.MuruException when a row is rejected; the table is then unchanged
     */
    public TableSnapshot append(List<Morsel> morsels) {
        return append(morsels, null);
    }

    /**
     * As {@link #append(List)}, checking declared string lengths only in the columns
     * {@code lengthChecked} marks (null: all); a longer string elsewhere is stored whole.
     */
    public TableSnapshot append(List<Morsel> morsels, boolean[] lengthChecked) {
        long remaining = MorselValidator.validate(schema, morsels, lengthChecked);
        for (Morsel m : morsels) {
            remaining = copy(m, remaining);
        }
        snapshot = publish(snapshot.version() + 1);
        return snapshot;
    }

    /** Copies one morsel's live rows into the tail, sealing full row groups; returns rows still to come. */
    private long copy(Morsel m, long remaining) {
        int size = m.size();
        int[] sel = m.selection();
        int done = 0;
        while (done < size) {
            int n = Math.min(size - done, rowGroupRows - tailCount);
            ensureCapacity((int) Math.min(rowGroupRows, tailCount + remaining));
            for (int c = 0; c < columnCount; c++) {
                copyColumn(c, m.column(c), sel, done, n);
                tailZones[c].accept(tailValues[c], tailNulls[c], tailCount, tailCount + n);
            }
            tailCount += n;
            done += n;
            remaining -= n;
            if (tailCount == rowGroupRows) {
                seal();
            }
        }
        return remaining;
    }

    private void copyColumn(int c, ColumnVector src, int[] sel, int from, int n) {
        Object dst = tailValues[c];
        Object values = RowGroup.valuesOf(src);
        if (sel == null) {
            System.arraycopy(values, from, dst, tailCount, n);
        } else {
            gather(physical[c], values, sel, from, dst, tailCount, n);
        }
        String[] strings = values instanceof String[] s ? s : null;
        if (!src.hasNulls() && strings == null) {
            return;
        }
        // A null String reference counts as NULL too, so a sloppy producer cannot smuggle one in.
        for (int k = 0; k < n; k++) {
            int p = sel == null ? from + k : sel[from + k];
            if (src.isNull(p) || (strings != null && strings[p] == null)) {
                setTailNull(c, tailCount + k);
            }
        }
    }

    private static void gather(PhysicalType type, Object src, int[] sel, int from, Object dst, int at, int n) {
        switch (type) {
            case LONG: {
                long[] s = (long[]) src;
                long[] d = (long[]) dst;
                for (int k = 0; k < n; k++) d[at + k] = s[sel[from + k]];
                break;
            }
            case INT: {
                int[] s = (int[]) src;
                int[] d = (int[]) dst;
                for (int k = 0; k < n; k++) d[at + k] = s[sel[from + k]];
                break;
            }
            case DOUBLE: {
                double[] s = (double[]) src;
                double[] d = (double[]) dst;
                for (int k = 0; k < n; k++) d[at + k] = s[sel[from + k]];
                break;
            }
            case BOOLEAN: {
                boolean[] s = (boolean[]) src;
                boolean[] d = (boolean[]) dst;
                for (int k = 0; k < n; k++) d[at + k] = s[sel[from + k]];
                break;
            }
            case STRING: {
                String[] s = (String[]) src;
                String[] d = (String[]) dst;
                for (int k = 0; k < n; k++) d[at + k] = s[sel[from + k]];
                break;
            }
            default:
                throw new IllegalStateException(type.name());
        }
    }

    private void setTailNull(int c, int position) {
        long[] mask = tailNulls[c];
        if (mask == null) {
            mask = new long[NullMask.words(tailCapacity)];
            tailNulls[c] = mask;
        } else if (tailNullsShared[c]) {
            mask = mask.clone();
            tailNulls[c] = mask;
            tailNullsShared[c] = false;
        }
        NullMask.set(mask, position);
    }

    /** Grows the tail arrays to hold {@code needed} rows; old snapshots keep the old arrays. */
    private void ensureCapacity(int needed) {
        if (needed <= tailCapacity) {
            return;
        }
        int capacity = Math.min(rowGroupRows, Math.max(needed, Math.max(INITIAL_TAIL_ROWS, tailCapacity * 2)));
        for (int c = 0; c < columnCount; c++) {
            Object grown = newArray(physical[c], capacity);
            if (tailCount > 0) {
                System.arraycopy(tailValues[c], 0, grown, 0, tailCount);
            }
            tailValues[c] = grown;
            if (tailNulls[c] != null) {
                tailNulls[c] = Arrays.copyOf(tailNulls[c], NullMask.words(capacity));
                tailNullsShared[c] = false;
            }
        }
        tailCapacity = capacity;
    }

    private void seal() {
        sealed.add(tailGroup());
        tailValues = new Object[columnCount];
        Arrays.fill(tailNulls, null);
        Arrays.fill(tailNullsShared, false);
        tailZones = newZones();
        tailCount = 0;
        tailCapacity = 0;
    }

    private TableSnapshot publish(long version) {
        List<RowGroup> groups = new ArrayList<>(sealed.size() + 1);
        groups.addAll(sealed);
        if (tailCount > 0) {
            groups.add(tailGroup());
            for (int c = 0; c < columnCount; c++) {
                tailNullsShared[c] = tailNulls[c] != null;
            }
        }
        return new TableSnapshot(version, schema, groups);
    }

    /** A row group over the current tail: shared arrays, length = tailCount, frozen zone maps. */
    private RowGroup tailGroup() {
        ColumnVector[] vectors = new ColumnVector[columnCount];
        ZoneMap[] zones = new ZoneMap[columnCount];
        for (int c = 0; c < columnCount; c++) {
            vectors[c] = wrap(schema.type(c), tailValues[c], tailCount, tailNulls[c]);
            zones[c] = tailZones[c].build();
        }
        return new RowGroup(vectors, tailCount, zones);
    }

    private ZoneMapBuilder[] newZones() {
        ZoneMapBuilder[] zones = new ZoneMapBuilder[columnCount];
        for (int c = 0; c < columnCount; c++) {
            zones[c] = new ZoneMapBuilder(physical[c]);
        }
        return zones;
    }

    private static Object newArray(PhysicalType type, int length) {
        switch (type) {
            case LONG: return new long[length];
            case INT: return new int[length];
            case DOUBLE: return new double[length];
            case BOOLEAN: return new boolean[length];
            case STRING: return new String[length];
            default: throw new IllegalStateException(type.name());
        }
    }

    private static ColumnVector wrap(DataType type, Object values, int length, long[] nulls) {
        switch (type.physical()) {
            case LONG: return new LongVector(type, (long[]) values, length, nulls);
            case INT: return new IntVector(type, (int[]) values, length, nulls);
            case DOUBLE: return new DoubleVector(type, (double[]) values, length, nulls);
            case BOOLEAN: return new BooleanVector(type, (boolean[]) values, length, nulls);
            case STRING: return new StringVector(type, (String[]) values, length, nulls);
            default: throw new IllegalStateException(type.toString());
        }
    }
}
