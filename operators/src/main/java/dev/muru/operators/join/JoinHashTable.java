package dev.muru.operators.join;

import dev.muru.core.DataType;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.LongVector;
import dev.muru.core.vector.StringVector;

import java.util.ArrayList;
import java.util.List;

/**
 * One built partition of a join's build side: its rows stored contiguously (columnar) and a hash
 * table over the keys. Immutable after build except the matched flags.
 *
 * <p>The table is bucket-ordered (a chained table with its chains laid out contiguously): rows
 * are stored sorted by bucket ({@code hash & mask}, the low bits of the key hash; the partition
 * took the high bits), so bucket {@code b}'s chain is rows {@code [start[b], start[b+1])}.
 * Looking a key up touches {@code start} and the key array only, with no {@code next} array to
 * chase. Rows whose key has a NULL never match; they follow the keyed rows (only partition 0
 * has them). With no key columns every row is in the single bucket 0.
 */
public final class JoinHashTable {
    private final List<DataType> columnTypes;
    private final ColumnVector[] columns;
    private final int rows;
    private final int keyedRows;
    private final int[] start;
    private final int mask;
    /** Per key column: the normalised values (fixed-width keys) or null. */
    final long[][] longKeys;
    /** Per key column: the string values (string keys) or null. */
    final String[][] stringKeys;
    /** Key hash per keyed row; null when the key is one fixed-width column (the key itself decides). */
    final long[] hashes;
    final boolean[] matched;

    private JoinHashTable(List<DataType> columnTypes, ColumnVector[] columns, int rows, int keyedRows,
                          int[] start, int mask, long[][] longKeys, String[][] stringKeys, long[] hashes) {
        this.columnTypes = columnTypes;
        this.columns = columns;
        this.rows = rows;
        this.keyedRows = keyedRows;
        this.start = start;
        this.mask = mask;
        this.longKeys = longKeys;
        this.stringKeys = stringKeys;
        this.hashes = hashes;
        this.matched = new boolean[rows];
    }

    /** Builds partition {@code partition} from the rows every sink routed to it. */
    static JoinHashTable build(List<JoinBuildSink> sinks, int partition) {
        if (sinks.isEmpty()) {
            throw new IllegalArgumentException("a join build needs at least one sink");
        }
        JoinBuildSink first = sinks.get(0);
        int[] keyColumns = first.keyColumns();
        List<DataType> types = first.columnTypes();
        boolean[] stringKey = first.stringKey();
        int keyCount = keyColumns.length;

        List<JoinBuildSink.Chunk> chunks = new ArrayList<>();
        for (JoinBuildSink s : sinks) {
            if (s.partitions() != first.partitions() || s.columnTypes().size() != types.size()) {
                throw new IllegalArgumentException("join build sinks disagree on their layout");
            }
            chunks.addAll(s.chunks());
        }
        long keyedL = 0;
        long nullL = 0;
        for (JoinBuildSink.Chunk c : chunks) {
            keyedL += c.offsets[partition + 1] - c.offsets[partition];
            if (partition == 0) {
                nullL += c.nullPositions.length;
            }
        }
        if (keyedL + nullL > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("join build partition too large: " + (keyedL + nullL) + " rows");
        }
        int keyed = (int) keyedL;
        int rows = (int) (keyedL + nullL);

        int buckets = keyCount == 0 ? 1 : bucketsFor(keyed);
        int mask = buckets - 1;
        int[] start = new int[buckets + 1];
        for (JoinBuildSink.Chunk c : chunks) {
            long[] h = c.hashes;
            for (int d = c.offsets[partition], e = c.offsets[partition + 1]; d < e; d++) {
                start[(int) h[d] & mask]++;
            }
        }
        for (int b = 1; b <= buckets; b++) {
            start[b] += start[b - 1];
        }
        // start[b] is now the end of bucket b; placing rows backwards leaves it at its beginning.
        int[] src = new int[rows];
        int[] pos = new int[rows];
        long[] hashes = new long[keyed];
        for (int ci = chunks.size() - 1; ci >= 0; ci--) {
            JoinBuildSink.Chunk c = chunks.get(ci);
            long[] h = c.hashes;
            int[] p = c.positions;
            for (int d = c.offsets[partition + 1] - 1, e = c.offsets[partition]; d >= e; d--) {
                int r = --start[(int) h[d] & mask];
                src[r] = ci;
                pos[r] = p[d];
                hashes[r] = h[d];
            }
        }
        int r = keyed;
        if (partition == 0) {
            for (int ci = 0; ci < chunks.size(); ci++) {
                for (int np : chunks.get(ci).nullPositions) {
                    src[r] = ci;
                    pos[r++] = np;
                }
            }
        }

        ColumnVector[] columns = new ColumnVector[types.size()];
        ColumnVector[] sources = new ColumnVector[chunks.size()];
        for (int col = 0; col < columns.length; col++) {
            if (chunks.isEmpty()) {
                columns[col] = ColumnVector.allocate(types.get(col), 0);
                continue;
            }
            for (int ci = 0; ci < sources.length; ci++) {
                sources[ci] = chunks.get(ci).morsel.column(col);
            }
            columns[col] = JoinGather.gather(types.get(col), sources, src, pos, rows, false);
        }

        long[][] longKeys = new long[keyCount][];
        String[][] stringKeys = new String[keyCount][];
        for (int k = 0; k < keyCount; k++) {
            ColumnVector v = columns[keyColumns[k]];
            if (stringKey[k]) {
                stringKeys[k] = ((StringVector) v).values();
            } else if (v instanceof LongVector) {
                longKeys[k] = ((LongVector) v).values();
            } else {
                long[] out = new long[rows];
                JoinKeys.normalize(v, null, rows, out);
                longKeys[k] = out;
            }
        }
        boolean singleFixed = keyCount == 1 && !stringKey[0];
        return new JoinHashTable(types, columns, rows, keyed, start, mask, longKeys, stringKeys,
                singleFixed ? null : hashes);
    }

    /** A power of two at least twice the keyed rows. */
    static int bucketsFor(int keyed) {
        long want = Math.max(2L, 2L * keyed);
        int b = 2;
        while (b < want && b < (1 << 30)) {
            b <<= 1;
        }
        return b;
    }

    /** Rows in this partition, NULL-keyed ones included. */
    public int rows() {
        return rows;
    }

    /** Whether a row of this partition has a NULL in a key column. */
    public boolean hasNullKey() {
        return keyedRows < rows;
    }

    /** The stored column {@code c}: a dense vector of {@link #rows()} positions. */
    public ColumnVector column(int c) {
        return columns[c];
    }

    public List<DataType> columnTypes() {
        return columnTypes;
    }

    ColumnVector[] columns() {
        return columns;
    }

    int keyedRows() {
        return keyedRows;
    }

    int[] start() {
        return start;
    }

    int mask() {
        return mask;
    }
}
