package dev.muru.operators.join;

import dev.muru.core.DataType;
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
}
