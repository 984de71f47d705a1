package dev.muru.operators.join;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
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
    private final int[] keyColumns;
    private final List<DataType> columnTypes;
    private final int partitions;
    private final boolean[] stringKey;

    private final List<Chunk> chunks = new ArrayList<>();
    private long rows;
    private boolean hasNullKey;

    private long[] hashScratch = new long[0];
    private boolean[] nullScratch = new boolean[0];
    private long[] longScratch = new long[0];
    private String[] stringScratch = new String[0];
    private int[] partScratch = new int[0];

    /** One kept morsel and where its rows go. */
    static final class Chunk {
        final Morsel morsel;
        /** Partition p's keyed rows are {@code positions[offsets[p] .. offsets[p+1])}. */
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
        int[] part = partScratch;
        int nulls = 0;
        if (keyColumns.length == 0) {
            java.util.Arrays.fill(hash, 0, n, 0L);
            java.util.Arrays.fill(part, 0, n, 0);
            offsets[1] = n;
        } else {
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
        }
        for (int p = 0; p < partitions; p++) {
            offsets[p + 1] += offsets[p];
        }
        int keyed = n - nulls;
        int[] positions = new int[keyed];
        long[] hashes = new long[keyed];
        int[] nullPositions = new int[nulls];
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
        chunks.add(new Chunk(m, offsets, positions, hashes, nullPositions));
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
