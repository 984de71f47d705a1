package dev.muru.operators.join;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.vector.ColumnVector;

import java.util.ArrayList;
import java.util.List;

/**
 * The finished build side of a hash join: P partitions (a key's partition is the high bits of its
 * hash), the build key columns and column types, whether any build key was NULL, and the total
 * rows. Probed concurrently by many {@link HashJoinProbe}s; only the partitions' matched flags
 * change after it is built.
 */
public final class JoinTable {
    private final JoinHashTable[] partitions;
    private final int[] keyColumns;
    private final List<DataType> columnTypes;
    private final long rows;
    private final boolean hasNullKey;

    /**
     * Builds partition {@code partition} from every worker's sink. Called concurrently for
     * distinct partitions (the sinks are only read; each call allocates its own arrays).
     */
    public static JoinHashTable buildPartition(List<JoinBuildSink> sinks, int partition) {
        return JoinHashTable.build(sinks, partition);
    }

    /** Builds every partition on the calling thread: for tests and sequential plans. */
    public static JoinTable build(List<JoinBuildSink> sinks) {
        JoinBuildSink first = sinks.get(0);
        JoinHashTable[] parts = new JoinHashTable[first.partitions()];
        for (int p = 0; p < parts.length; p++) {
            parts[p] = buildPartition(sinks, p);
        }
        return new JoinTable(parts, first.keyColumns(), first.columnTypes());
    }

    public JoinTable(JoinHashTable[] partitions, int[] keyColumns, List<DataType> columnTypes) {
        if (partitions.length == 0) {
            throw new IllegalArgumentException("a join table needs at least one partition");
        }
        this.partitions = partitions.clone();
        this.keyColumns = keyColumns.clone();
        this.columnTypes = List.copyOf(columnTypes);
        long r = 0;
        boolean nulls = false;
        for (JoinHashTable t : partitions) {
            r += t.rows();
            nulls |= t.hasNullKey();
        }
        this.rows = r;
        this.hasNullKey = nulls;
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

    JoinHashTable[] partitions() {
        return partitions;
    }

    int keyColumn(int k) {
        return keyColumns[k];
    }

    int keyCount() {
        return keyColumns.length;
    }

    /**
     * For RIGHT/FULL after all probing finished: the build rows never matched, as morsels of at
     * most {@code maxRows} rows: the probe columns NULL (types {@code probeTypes}) then the build
     * columns.
     */
    public List<Morsel> unmatchedRows(List<DataType> probeTypes, int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1: " + maxRows);
        }
        List<Morsel> out = new ArrayList<>();
        int np = probeTypes.size();
        int nb = columnTypes.size();
        int[] src = new int[maxRows];
        int[] pos = new int[maxRows];
        ColumnVector[][] sources = new ColumnVector[nb][partitions.length];
        for (int c = 0; c < nb; c++) {
            for (int p = 0; p < partitions.length; p++) {
                sources[c][p] = partitions[p].column(c);
            }
        }
        int k = 0;
        for (int p = 0; p < partitions.length; p++) {
            boolean[] matched = partitions[p].matched;
            for (int r = 0, n = partitions[p].rows(); r < n; r++) {
                if (!matched[r]) {
                    src[k] = p;
                    pos[k++] = r;
                    if (k == maxRows) {
                        out.add(unmatchedMorsel(probeTypes, sources, src, pos, k, np, nb));
                        k = 0;
                    }
                }
            }
        }
        if (k > 0) {
            out.add(unmatchedMorsel(probeTypes, sources, src, pos, k, np, nb));
        }
        return out;
    }

    private Morsel unmatchedMorsel(List<DataType> probeTypes, ColumnVector[][] sources, int[] src, int[] pos,
                                   int k, int np, int nb) {
        ColumnVector[] cols = new ColumnVector[np + nb];
        for (int c = 0; c < np; c++) {
            cols[c] = ColumnVector.allNull(probeTypes.get(c), k);
        }
        for (int c = 0; c < nb; c++) {
            cols[np + c] = JoinGather.gather(columnTypes.get(c), sources[c], src, pos, k, false);
        }
        return new Morsel(cols, k);
    }
}
