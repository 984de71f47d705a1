package dev.muru.operators.join;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.vector.ColumnVector;
import dev.muru.operators.pipeline.SinkState;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-worker sink of a join's build pipeline: keeps morsels and, per morsel, the rows of each
 * hash partition. Morsels are kept as they are (selection vectors included, nothing copied); for
 * each one the sink records, grouped by partition, the physical positions of its rows whose keys
 * have no NULL together with their key hashes, and apart from them the positions of rows with a
 * NULL key (they never match; partition 0 stores them for RIGHT/FULL and NOT IN). Not
 * thread-safe: one per worker.
 */
public final class JoinBuildSink implements SinkState {
    private static final int[] NO_ROWS = new int[0];

    private final int[] keyColumns;
    private final List<DataType> columnTypes;
    private final int partitions;
    private final boolean[] stringKey;

    private final List<Chunk> chunks = new ArrayList<>();
    /** Guards {@link #sharedLayout}: the layout concurrent partition builders of these sinks share. */
    final Object layoutLock = new Object();
    JoinLayout sharedLayout;
    private long rows;
    private boolean hasNullKey;
    /** Estimated bytes of the chunks, summed as they are added. */
    private long chunkBytes;

    private long[] hashScratch = new long[0];
    private boolean[] nullScratch = new boolean[0];
    private long[] longScratch = new long[0];
    private String[] stringScratch = new String[0];
    private int[] partScratch = new int[0];

    /** One kept morsel and where its rows go. */
    static final class Chunk {
        final Morsel morsel;
        /**
         * Partition p's keyed rows are {@code positions[offsets[p] .. offsets[p+1])} (the arrays
         * may be longer).
         */
        final int[] offsets;
        final int[] positions;
        final long[] hashes;
        /** Positions of rows with a NULL key component. */
        final int[] nullPositions;

        Chunk(Morsel morsel, int[] offsets, int[] positions, long[] hashes, int[] nullPositions) {
            this.morsel = morsel;
            this.offsets = offsets;
            this.positions = positions;
            this.hashes = hashes;
            this.nullPositions = nullPositions;
        }
    }

    public JoinBuildSink(int[] keyColumns, List<DataType> columnTypes, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
        }
        this.keyColumns = keyColumns.clone();
        this.columnTypes = List.copyOf(columnTypes);
        this.partitions = partitions;
        this.stringKey = JoinKeys.stringKeys(this.columnTypes, this.keyColumns);
    }

    @Override
    public void add(Morsel m) {
        int n = m.size();
        if (n == 0) {
            return;
        }
        ensureScratch(n);
        int[] sel = m.selection();
        long[] hash = hashScratch;
        boolean[] nullKey = nullScratch;
        java.util.Arrays.fill(nullKey, 0, n, false);
        boolean anyNull = false;
        for (int k = 0; k < keyColumns.length; k++) {
            var v = m.column(keyColumns[k]);
            anyNull |= JoinKeys.markNulls(v, sel, n, nullKey);
            if (stringKey[k]) {
                JoinKeys.strings(v, sel, n, stringScratch);
                JoinKeys.hash(k, null, stringScratch, n, hash);
            } else {
                JoinKeys.normalize(v, sel, n, longScratch);
                JoinKeys.hash(k, longScratch, null, n, hash);
            }
        }
        int parts = keyColumns.length == 0 ? 1 : partitions;
        int[] offsets = new int[partitions + 1];
        int[] positions;
        long[] hashes;
        int[] nullPositions;
        int nulls = 0;
        if (keyColumns.length == 0) {
            java.util.Arrays.fill(hash, 0, n, 0L);
        }
        if (!anyNull && parts == 1) {
            // Every row keyed, one partition: the rows in order.
            positions = new int[n];
            if (sel == null) {
                for (int i = 0; i < n; i++) {
                    positions[i] = i;
                }
            } else {
                System.arraycopy(sel, 0, positions, 0, n);
            }
            hashes = java.util.Arrays.copyOf(hash, n);
            nullPositions = NO_ROWS;
            java.util.Arrays.fill(offsets, 1, partitions + 1, n);
        } else if (!anyNull && parts <= 8) {
            // A few partitions: cursors kept in registers (a cursor array would chain each row's
            // store to the previous row's of the same partition).
            int[] part = partScratch;
            for (int i = 0; i < n; i++) {
                part[i] = JoinKeys.partition(hash[i], parts);
            }
            // One spare slot: a compacting pass writes one past its partition's last row.
            positions = new int[n + 1];
            hashes = new long[n + 1];
            if (parts == 2) {
                int ones = 0;
                for (int i = 0; i < n; i++) {
                    ones += part[i];
                }
                offsets[1] = n - ones;
                offsets[2] = n;
                // Both cursors in registers; each row goes to the one its partition picks.
                int d0 = 0;
                int d1 = n - ones;
                for (int i = 0; i < n; i++) {
                    int p = part[i];
                    int d = d0 + ((d1 - d0) & -p); // d1 when p is 1, without a branch
                    positions[d] = sel == null ? i : sel[i];
                    hashes[d] = hash[i];
                    d0 += 1 - p;
                    d1 += p;
                }
            } else {
                // A counting pass and a compacting pass per partition.
                for (int p = 0; p < parts; p++) {
                    int c = 0;
                    for (int i = 0; i < n; i++) {
                        c += ((part[i] ^ p) - 1) >>> 31; // 1 when part[i] == p (both >= 0)
                    }
                    offsets[p + 1] = offsets[p] + c;
                }
                for (int p = 0; p < parts; p++) {
                    int d = offsets[p];
                    if (d == offsets[p + 1]) {
                        continue;
                    }
                    for (int i = 0; i < n; i++) {
                        positions[d] = sel == null ? i : sel[i];
                        hashes[d] = hash[i];
                        d += ((part[i] ^ p) - 1) >>> 31;
                    }
                }
            }
            nullPositions = NO_ROWS;
        } else {
            int[] part = partScratch;
            for (int i = 0; i < n; i++) {
                if (anyNull && nullKey[i]) {
                    part[i] = -1;
                    nulls++;
                } else {
                    int p = parts == 1 ? 0 : JoinKeys.partition(hash[i], parts);
                    part[i] = p;
                    offsets[p + 1]++;
                }
            }
            for (int p = 0; p < partitions; p++) {
                offsets[p + 1] += offsets[p];
            }
            int keyed = n - nulls;
            positions = new int[keyed];
            hashes = new long[keyed];
            nullPositions = new int[nulls];
            int[] cursor = offsets.clone();
            int nn = 0;
            for (int i = 0; i < n; i++) {
                int p = part[i];
                int pos = sel == null ? i : sel[i];
                if (p < 0) {
                    nullPositions[nn++] = pos;
                } else {
                    int d = cursor[p]++;
                    positions[d] = pos;
                    hashes[d] = hash[i];
                }
            }
        }
        chunks.add(new Chunk(m, offsets, positions, hashes, nullPositions));
        chunkBytes += m.estimatedBytes() + ColumnVector.OBJECT_BYTES + ColumnVector.REFERENCE_BYTES
                + ColumnVector.arrayBytes(offsets) + ColumnVector.arrayBytes(positions) + ColumnVector.arrayBytes(hashes)
                + (nullPositions == NO_ROWS ? 0 : ColumnVector.arrayBytes(nullPositions));
        rows += n;
        hasNullKey |= nulls > 0;
    }

    private void ensureScratch(int n) {
        if (hashScratch.length < n) {
            hashScratch = new long[n];
            nullScratch = new boolean[n];
            longScratch = new long[n];
            stringScratch = new String[n];
            partScratch = new int[n];
        }
    }

    /**
     * The kept morsels (in full, selections included, as kept) with their partition positions
     * and hashes, plus the scratch arrays. Not the layout a join build makes from this sink:
     * that is the built table's ({@link JoinTable#estimatedBytes()}).
     */
    @Override
    public long estimatedBytes() {
        return chunkBytes + ColumnVector.arrayBytes(hashScratch) + ColumnVector.arrayBytes(nullScratch)
                + ColumnVector.arrayBytes(longScratch) + ColumnVector.arrayBytes(stringScratch)
                + ColumnVector.arrayBytes(partScratch);
    }

    /** Rows added so far. */
    public long rows() {
        return rows;
    }

    /** Whether a row added so far had a NULL in a key column. */
    public boolean hasNullKey() {
        return hasNullKey;
    }

    public int partitions() {
        return partitions;
    }

    int[] keyColumns() {
        return keyColumns;
    }

    List<DataType> columnTypes() {
        return columnTypes;
    }

    boolean[] stringKey() {
        return stringKey;
    }

    List<Chunk> chunks() {
        return chunks;
    }
}
