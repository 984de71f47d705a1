package dev.muru.operators.join;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.vector.ColumnVector;

import java.util.ArrayList;
import java.util.List;

/**
 * The finished build side of a hash join: P partitions (a key's partition is the high bits of its
 * hash) stored in one {@link JoinLayout}, the build key columns and column types, whether any build
 * key was NULL, and the total rows. Probed concurrently by many {@link HashJoinProbe}s; only the
 * matched flags change after it is built.
 *
 * <p>Building: either {@link #build} on one thread, or P concurrent calls
 * {@code buildPartition(sinks, p)} (they share the layout the first of them makes) then
 * {@code new JoinTable(partitions, keyColumns, types)}; or, explicitly, {@code l = layout(sinks)},
 * P concurrent {@code buildPartition(l, p)}, then the constructor.
 */
public final class JoinTable {
    private final JoinHashTable[] partitions;
    private final JoinLayout layout;
    private final int[] keyColumns;
    private final List<DataType> columnTypes;
    private final long rows;
    private final boolean hasNullKey;

    /**
     * Builds partition {@code partition} from every worker's sink. Called concurrently for
     * distinct partitions once every sink is finished (the sinks are only read); the calls for
     * one build share the layout the first of them allocates, each filling its own part of it.
     */
    public static JoinHashTable buildPartition(List<JoinBuildSink> sinks, int partition) {
        return JoinHashTable.build(sinks, partition);
    }

    /**
     * The storage of one build over the finished sinks, for {@link #buildPartition(JoinLayout, int)}:
     * the explicit form of what concurrent {@link #buildPartition(List, int)} calls share.
     */
    public static JoinLayout layout(List<JoinBuildSink> sinks) {
        return JoinLayout.of(sinks);
    }

    /** Builds partition {@code partition} into {@code layout}; concurrently for distinct partitions. */
    public static JoinHashTable buildPartition(JoinLayout layout, int partition) {
        return layout.build(partition);
    }

    /** Builds every partition on the calling thread: for tests and sequential plans. */
    public static JoinTable build(List<JoinBuildSink> sinks) {
        JoinLayout l = JoinLayout.of(sinks);
        JoinHashTable[] parts = new JoinHashTable[l.partitions];
        for (int p = 0; p < parts.length; p++) {
            parts[p] = l.build(p);
        }
        return new JoinTable(parts, l.keyColumns, l.types);
    }

    /** @param partitions every partition of one layout, in partition order, all built */
    public JoinTable(JoinHashTable[] partitions, int[] keyColumns, List<DataType> columnTypes) {
        if (partitions.length == 0) {
            throw new IllegalArgumentException("a join table needs at least one partition");
        }
        JoinLayout l = partitions[0].layout;
        if (partitions.length != l.partitions) {
            throw new IllegalArgumentException("a join table needs all " + l.partitions + " partitions, got "
                    + partitions.length);
        }
        for (int p = 0; p < partitions.length; p++) {
            if (partitions[p].layout != l || partitions[p].partition != p) {
                throw new IllegalArgumentException("join partitions are not the partitions of one build, in order");
            }
        }
        if (!l.ready()) {
            throw new IllegalStateException("join partitions are not all built");
        }
        if (!java.util.Arrays.equals(keyColumns, l.keyColumns) || columnTypes.size() != l.types.size()) {
            throw new IllegalArgumentException("join table key columns or types differ from its build's");
        }
        this.partitions = partitions.clone();
        this.layout = l;
        this.keyColumns = keyColumns.clone();
        this.columnTypes = List.copyOf(columnTypes);
        this.rows = l.rows;
        this.hasNullKey = l.nullRows > 0;
    }

    /**
     * The layout every partition is stored in, counted once, plus the partition handles; the
     * build sinks and their morsels are not included (they may be dropped once this is built).
     * O(columns).
     */
    public long estimatedBytes() {
        return ColumnVector.OBJECT_BYTES + ColumnVector.arrayBytes(partitions)
                + (long) partitions.length * ColumnVector.OBJECT_BYTES + JoinHashTable.layoutBytes(layout);
    }

    /** Build rows, NULL-keyed ones included. */
    public long rows() {
        return rows;
    }

    /** Whether some build row has a NULL in a key column. */
    public boolean hasNullKey() {
        return hasNullKey;
    }

    public List<DataType> columnTypes() {
        return columnTypes;
    }

    public int[] keyColumns() {
        return keyColumns.clone();
    }

    public int partitionCount() {
        return partitions.length;
    }

    public JoinHashTable partition(int p) {
        return partitions[p];
    }

    JoinLayout layout() {
        return layout;
    }

    int keyColumn(int k) {
        return keyColumns[k];
    }

    int keyCount() {
        return keyColumns.length;
    }

    /**
     * For RIGHT/FULL after all probing finished: the build rows never matched, as morsels of at
     * most {@code maxRows} rows: the probe columns NULL (types {@code probeTypes}, none for a
     * kind whose output is the build side only) then the build columns.
     */
    public List<Morsel> unmatchedRows(List<DataType> probeTypes, int maxRows) {
        return buildRows(false, probeTypes, maxRows);
    }

    /**
     * For a kind whose output is the build rows some probe row matched (RIGHT_SEMI), after all
     * probing finished: those rows (each once), as morsels of at most {@code maxRows} rows of the
     * build columns.
     */
    public List<Morsel> matchedRows(int maxRows) {
        return buildRows(true, List.of(), maxRows);
    }

    private List<Morsel> buildRows(boolean wanted, List<DataType> probeTypes, int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1: " + maxRows);
        }
        List<Morsel> out = new ArrayList<>();
        boolean[] matched = layout.matchedIfAny();
        if (wanted && matched == null) {
            return out;
        }
        int[] pos = new int[Math.min(maxRows, Math.max(1, layout.rows))];
        int k = 0;
        for (int r = 0, n = layout.rows; r < n; r++) {
            if ((matched != null && matched[r]) == wanted) {
                pos[k++] = r;
                if (k == pos.length) {
                    out.add(rowsMorsel(probeTypes, pos, k));
                    k = 0;
                }
            }
        }
        if (k > 0) {
            out.add(rowsMorsel(probeTypes, pos, k));
        }
        return out;
    }

    private Morsel rowsMorsel(List<DataType> probeTypes, int[] pos, int k) {
        int np = probeTypes.size();
        int nb = columnTypes.size();
        ColumnVector[] cols = new ColumnVector[np + nb];
        for (int c = 0; c < np; c++) {
            cols[c] = ColumnVector.allNull(probeTypes.get(c), k);
        }
        for (int c = 0; c < nb; c++) {
            cols[np + c] = layout.columns[c].gather(pos, k);
        }
        return new Morsel(cols, k);
    }
}
