package dev.muru.operators.join;

import dev.muru.core.DataType;
import dev.muru.core.PhysicalType;
import dev.muru.core.vector.ColumnVector;

import java.util.List;

/**
 * One built partition of a join's build side: its share of the {@link JoinLayout} every
 * partition of the join is stored in (a range of the global rows and of the bucket directory).
 * The probes read the layout directly; this is the handle a partition's builder hands back.
 */
public final class JoinHashTable {
    final JoinLayout layout;
    final int partition;

    JoinHashTable(JoinLayout layout, int partition) {
        this.layout = layout;
        this.partition = partition;
    }

    /** Builds partition {@code partition} from the rows every sink routed to it. */
    static JoinHashTable build(List<JoinBuildSink> sinks, int partition) {
        return JoinLayout.shared(sinks, partition).build(partition);
    }

    /** Rows in this partition, NULL-keyed ones included. */
    public int rows() {
        return layout.keyed[partition] + (partition == 0 ? layout.nullRows : 0);
    }

    /** Whether a row of this partition has a NULL in a key column. */
    public boolean hasNullKey() {
        return partition == 0 && layout.nullRows > 0;
    }

    /** The stored column {@code c}: a dense vector of {@link #rows()} positions (a copy). */
    public ColumnVector column(int c) {
        int[] rows = new int[rows()];
        int k = 0;
        for (int r = layout.rowBase[partition], e = layout.rowBase[partition + 1]; r < e; r++) {
            rows[k++] = r;
        }
        if (partition == 0) {
            for (int r = layout.rowBase[layout.partitions]; r < layout.rows; r++) {
                rows[k++] = r;
            }
        }
        return layout.columns[c].gather(rows, k);
    }

    public List<DataType> columnTypes() {
        return layout.types;
    }

    /**
     * This partition's share of the layout all partitions are stored in: its slice of the bucket
     * directory plus the fraction of the row storage its rows are. The shares of a table's
     * partitions add up to its {@link JoinTable#estimatedBytes()} less small fixed parts, so
     * reserve per partition or per table, not both. O(columns).
     */
    public long estimatedBytes() {
        long share = 4L * layout.buckets;
        if (layout.rows > 0) {
            share += (long) (rowStorageBytes(layout) * ((double) rows() / layout.rows));
        }
        return share;
    }

    /** The whole layout, shared by every partition: counted once. */
    static long layoutBytes(JoinLayout l) {
        int p = l.partitions;
        // The layout object, rowBase, keyed and its three per-partition flag arrays.
        long fixed = ColumnVector.OBJECT_BYTES + 2 * ColumnVector.arrayBytes(p + 1, 4) + 3 * ColumnVector.arrayBytes(p, 1);
        return fixed + ColumnVector.arrayBytes(l.start) + rowStorageBytes(l);
    }

    /**
     * The arrays of one slot per build row: columns, normalised key copies, hashes, matched
     * flags. Until every partition is built the columns are counted by their value arrays alone:
     * the String objects are then still held by the sinks' morsels, and the null masks are small.
     */
    private static long rowStorageBytes(JoinLayout l) {
        int rows = l.rows;
        ColumnVector[] columns = l.ready() ? l.columns : null;
        long bytes = 0;
        for (int c = 0; c < l.types.size(); c++) {
            bytes += columns != null ? columns[c].estimatedBytes()
                    : ColumnVector.OBJECT_BYTES + ColumnVector.arrayBytes(rows, elementBytes(l.types.get(c).physical()));
        }
        // The extra long[] arrays JoinLayout allocates: a copy per DOUBLE or BOOLEAN key, and the
        // hashes for several key columns or a string one.
        int keyCount = l.keyColumns.length;
        for (int k = 0; k < keyCount; k++) {
            PhysicalType t = l.types.get(l.keyColumns[k]).physical();
            if (!l.stringKey[k] && t != PhysicalType.INT && t != PhysicalType.LONG) {
                bytes += ColumnVector.arrayBytes(rows, 8);
            }
        }
        if (keyCount > 1 || (keyCount == 1 && l.stringKey[0])) {
            bytes += ColumnVector.arrayBytes(rows, 8);
        }
        return bytes + ColumnVector.arrayBytes(l.matchedIfAny());
    }

    private static int elementBytes(PhysicalType t) {
        switch (t) {
            case LONG:
            case DOUBLE:
                return 8;
            case INT:
                return 4;
            case BOOLEAN:
                return 1;
            default:
                return ColumnVector.REFERENCE_BYTES;
        }
    }
}
