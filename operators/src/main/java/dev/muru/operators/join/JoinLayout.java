package dev.muru.operators.join;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.PhysicalType;
import dev.muru.core.vector.BooleanVector;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.DoubleVector;
import dev.muru.core.vector.IntVector;
import dev.muru.core.vector.LongVector;
import dev.muru.core.vector.NullMask;
import dev.muru.core.vector.StringVector;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The storage of a join's whole build side, shared by its P partitions: one row space, one
 * array per column, one key array per key column and one bucket directory, laid out from the
 * finished sinks' row counts before any partition is built.
 *
 * <p>Partition {@code p}'s keyed rows are {@code [rowBase[p], rowBase[p+1])}, sorted by bucket;
 * the rows with a NULL key (in no bucket: they never match; partition 0's) follow all of them.
 * There are {@code buckets} buckets per partition, {@code P * buckets} in all, and a row's bucket
 * {@link #bucket} comes from the top 32 bits of its key hash by the same multiply-shift as its
 * partition ({@link JoinKeys#partition}), so partition {@code p}'s buckets are
 * {@code [p * buckets, (p+1) * buckets)}. Bucket {@code g}'s chain is rows
 * {@code [start[g], start[g+1])}: one directory for every partition, and finding a key's bucket
 * costs the same whatever P. The P builders write disjoint ranges of every array, so
 * they run concurrently without sharing anything they write (null bits are set atomically, as a
 * 64-row mask word can straddle two partitions); they also share the allocation (and zeroing) of
 * the big arrays, each starting with a different one. Probes then see a single table: a global
 * row id per candidate, one key array, one source per column.
 */
public final class JoinLayout {
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

    final List<DataType> types;
    final int[] keyColumns;
    final boolean[] stringKey;
    final int partitions;
    /** The sinks and their kept morsels: dropped once every partition is built. */
    private List<JoinBuildSink> sinks;
    private final int[] sinkChunks;
    private JoinBuildSink.Chunk[] chunks;

    /** Partition p's keyed rows are {@code [rowBase[p], rowBase[p+1])}; the NULL-keyed rows follow. */
    final int[] rowBase;
    /** Keyed rows per partition. */
    final int[] keyed;
    final int nullRows;
    final int rows;
    /** Buckets per partition. */
    final int buckets;
    /** Buckets in all: {@code P * buckets}. */
    final long bucketCount;
    /**
     * Bucket g's rows are {@code [start[g], start[g+1])}: {@code bucketCount + 1} slots, partition
     * p's builder filling {@code [p * buckets, (p+1) * buckets)}.
     */
    final int[] start;

    /**
     * The big arrays, allocated by the first builder that needs each (see {@link #arrays}):
     * per column its values (int[], long[], double[], boolean[] or String[]), then per key column
     * a normalised copy (DOUBLE and BOOLEAN keys only), then the key hashes (several key columns
     * or a string one).
     */
    private final Object[] slots;
    private final Object[] slotLocks;
    /** Per column: its null mask, or null when no source vector has one. */
    private final long[][] nulls;
    /** Per key column whose values are compared as a normalised copy (DOUBLE, BOOLEAN): true. */
    private final boolean[] normalisedKey;
    private final boolean hashed;

    // Set once every partition is built (by the last builder; published by `ready`).
    ColumnVector[] columns;
    /** Per key column: exactly one of these is set (int/long storage or copy, strings). */
    int[][] intKeys;
    long[][] longKeys;
    String[][] stringKeys;
    /** Key hash per row (NULL-keyed rows: unspecified); null for one fixed-width key column. */
    long[] hashes;
    private volatile boolean ready;

    /** Whether each build row matched (RIGHT, FULL...): allocated by the first probe that marks. */
    private boolean[] matched;
    /** Per partition: whether its keys are distinct (checked for one fixed-width key column only). */
    private final boolean[] distinct;

    /** Partitions handed out by {@link #shared} (guarded by the first sink's lock). */
    private final boolean[] claimed;
    /** Partitions whose build began (guarded by this). */
    private final boolean[] started;
    private final AtomicInteger built = new AtomicInteger();

    private JoinLayout(List<JoinBuildSink> sinks) {
        if (sinks.isEmpty()) {
            throw new IllegalArgumentException("a join build needs at least one sink");
        }
        JoinBuildSink first = sinks.get(0);
        this.keyColumns = first.keyColumns();
        this.types = first.columnTypes();
        this.stringKey = first.stringKey();
        this.partitions = first.partitions();
        this.sinks = List.copyOf(sinks);
        this.sinkChunks = new int[sinks.size()];
        List<JoinBuildSink.Chunk> all = new ArrayList<>();
        for (int s = 0; s < sinks.size(); s++) {
            JoinBuildSink sink = sinks.get(s);
            if (sink.partitions() != partitions || sink.columnTypes().size() != types.size()) {
                throw new IllegalArgumentException("join build sinks disagree on their layout");
            }
            sinkChunks[s] = sink.chunks().size();
            all.addAll(sink.chunks());
        }
        this.chunks = all.toArray(new JoinBuildSink.Chunk[0]);
        int keyCount = keyColumns.length;

        long[] keyedL = new long[partitions];
        long nullL = 0;
        for (JoinBuildSink.Chunk c : chunks) {
            for (int p = 0; p < partitions; p++) {
                keyedL[p] += c.offsets[p + 1] - c.offsets[p];
            }
            nullL += c.nullPositions.length;
        }
        long total = nullL;
        for (long k : keyedL) {
            total += k;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("join build side too large: " + total + " rows");
        }
        this.keyed = new int[partitions];
        this.rowBase = new int[partitions + 1];
        int keyedTotal = 0;
        for (int p = 0; p < partitions; p++) {
            keyed[p] = (int) keyedL[p];
            keyedTotal += keyed[p];
            rowBase[p + 1] = rowBase[p] + keyed[p];
        }
        this.nullRows = (int) nullL;
        this.rows = (int) total;

        // At most 2^30 buckets in all (chains grow longer beyond a billion rows).
        int perPartition = keyCount == 0 ? 1 : bucketsFor((keyedTotal + partitions - 1) / partitions);
        this.buckets = Math.max(1, Math.min(perPartition, Integer.highestOneBit((1 << 30) / partitions)));
        this.bucketCount = (long) buckets * partitions;
        this.start = new int[(int) bucketCount + 1];
        start[(int) bucketCount] = keyedTotal;

        int width = types.size();
        this.nulls = new long[width][];
        for (int c = 0; c < width; c++) {
            boolean anyNulls = false;
            for (JoinBuildSink.Chunk ch : chunks) {
                anyNulls |= ch.morsel.column(c).hasNulls();
            }
            nulls[c] = anyNulls ? new long[NullMask.words(rows)] : null;
        }
        this.normalisedKey = new boolean[keyCount];
        for (int k = 0; k < keyCount; k++) {
            PhysicalType pt = types.get(keyColumns[k]).physical();
            normalisedKey[k] = !stringKey[k] && pt != PhysicalType.INT && pt != PhysicalType.LONG;
        }
        this.hashed = keyCount > 1 || (keyCount == 1 && stringKey[0]);
        this.slots = new Object[width + keyCount + 1];
        this.slotLocks = new Object[slots.length];
        for (int i = 0; i < slotLocks.length; i++) {
            slotLocks[i] = new Object();
        }
        this.distinct = new boolean[partitions];
        this.claimed = new boolean[partitions];
        this.started = new boolean[partitions];
    }

    /**
     * The bucket in [0, bucketCount) of a key hash: the top 32 bits scaled, so that
     * {@code bucket / buckets} is {@link JoinKeys#partition}{@code (hash, P)}.
     */
    static int bucket(long hash, long bucketCount) {
        return (int) (((hash >>> 32) * bucketCount) >>> 32);
    }

    /** A power of two at least the keyed rows (at most one row per bucket on average), at least 2. */
    static int bucketsFor(int keyed) {
        int b = 2;
        while (b < keyed && b < (1 << 30)) {
            b <<= 1;
        }
        return b;
    }

    /** A fresh layout over the finished sinks; its partitions are then built by {@link #build}. */
    static JoinLayout of(List<JoinBuildSink> sinks) {
        return new JoinLayout(sinks);
    }

    /**
     * The layout partition {@code partition} of these sinks is to be built into: the one the
     * first of the concurrent builders made, or a new one when this partition of it was taken
     * already (the same sinks built again) or the sinks changed since.
     */
    static JoinLayout shared(List<JoinBuildSink> sinks, int partition) {
        if (sinks.isEmpty()) {
            throw new IllegalArgumentException("a join build needs at least one sink");
        }
        JoinBuildSink first = sinks.get(0);
        synchronized (first.layoutLock) {
            JoinLayout l = first.sharedLayout;
            if (l == null || !l.sameSinks(sinks) || l.claimed[checkPartition(l, partition)]) {
                l = new JoinLayout(sinks);
                first.sharedLayout = l;
            }
            l.claimed[checkPartition(l, partition)] = true;
            return l;
        }
    }

    private static int checkPartition(JoinLayout l, int partition) {
        if (partition < 0 || partition >= l.partitions) {
            throw new IllegalArgumentException("no partition " + partition + " of " + l.partitions);
        }
        return partition;
    }

    private boolean sameSinks(List<JoinBuildSink> other) {
        if (sinks == null || other.size() != sinks.size()) {
            return false;
        }
        for (int s = 0; s < sinkChunks.length; s++) {
            if (other.get(s) != sinks.get(s) || other.get(s).chunks().size() != sinkChunks[s]) {
                return false;
            }
        }
        return true;
    }

    int builtPartitions() {
        return built.get();
    }

    /** Whether every partition is built (its storage complete and visible to this thread). */
    boolean ready() {
        return ready;
    }

    /** Whether each build row matched a probe row: created on first use, for probes that mark rows. */
    synchronized boolean[] matchedFlags() {
        if (matched == null) {
            matched = new boolean[rows];
        }
        return matched;
    }

    /** The matched flags if a probe created them, else null (no row matched). */
    synchronized boolean[] matchedIfAny() {
        return matched;
    }

    /** Whether slot {@code i} holds an array this build needs. */
    private boolean needed(int i) {
        int width = types.size();
        if (i < width) {
            return true;
        }
        if (i < width + keyColumns.length) {
            return normalisedKey[i - width];
        }
        return hashed;
    }

    private Object allocate(int i) {
        int width = types.size();
        if (i >= width) {
            return new long[rows]; // a normalised key column or the hashes
        }
        switch (types.get(i).physical()) {
            case LONG: return new long[rows];
            case INT: return new int[rows];
            case DOUBLE: return new double[rows];
            case BOOLEAN: return new boolean[rows];
            default: return new String[rows];
        }
    }

    /**
     * Every big array, allocated where no builder did yet: builder {@code p} starts at slot
     * {@code p}, so concurrent builders zero different arrays. A builder finding a slot being
     * allocated waits only for that allocation.
     */
    private Object[] arrays(int p) {
        Object[] out = new Object[slots.length];
        for (int j = 0; j < slots.length; j++) {
            int i = (p + j) % slots.length;
            if (!needed(i)) {
                continue;
            }
            synchronized (slotLocks[i]) {
                if (slots[i] == null) {
                    slots[i] = allocate(i);
                }
                out[i] = slots[i];
            }
        }
        return out;
    }

    /**
     * Builds partition {@code p}: counts its rows per bucket, turns the counts into bucket ends,
     * then places each row (walking backwards, so a bucket keeps arrival order) by scattering its
     * column values straight from the kept morsels.
     */
    JoinHashTable build(int p) {
        checkPartition(this, p);
        synchronized (this) {
            if (started[p]) {
                throw new IllegalStateException("partition " + p + " of this join layout is built already");
            }
            started[p] = true;
        }
        final long nb = this.bucketCount;
        final int base = p * buckets;
        final int[] start = this.start;
        final JoinBuildSink.Chunk[] chunks = this.chunks;
        int maxChunk = 0;
        for (JoinBuildSink.Chunk c : chunks) {
            long[] h = c.hashes;
            int from = c.offsets[p];
            int to = c.offsets[p + 1];
            maxChunk = Math.max(maxChunk, Math.max(to - from, p == 0 ? c.nullPositions.length : 0));
            for (int d = from; d < to; d++) {
                start[bucket(h[d], nb)]++;
            }
        }
        // Bucket ends; the buckets of more than 3 rows are noted for distinctKeys.
        int acc = rowBase[p];
        int[] big = new int[16];
        int bigCount = 0;
        for (int b = base, e = base + buckets; b < e; b++) {
            int c = start[b];
            acc += c;
            start[b] = acc;
            if (c > 3) {
                if (bigCount == big.length) {
                    big = java.util.Arrays.copyOf(big, bigCount * 2);
                }
                big[bigCount++] = b;
            }
        }
        Object[] arrays = arrays(p);
        long[] hs = hashed ? (long[]) arrays[arrays.length - 1] : null;
        int[] dest = new int[maxChunk];
        for (int ci = chunks.length - 1; ci >= 0; ci--) {
            JoinBuildSink.Chunk c = chunks[ci];
            int from = c.offsets[p];
            int to = c.offsets[p + 1];
            int m = to - from;
            if (m == 0) {
                continue;
            }
            long[] h = c.hashes;
            for (int d = to - 1; d >= from; d--) {
                dest[d - from] = --start[bucket(h[d], nb)];
            }
            place(arrays, c.morsel, c.positions, from, dest, m);
            if (hs != null) {
                for (int j = 0; j < m; j++) {
                    hs[dest[j]] = h[from + j];
                }
            }
        }
        if (p == 0 && nullRows > 0) {
            int r = rowBase[partitions];
            for (JoinBuildSink.Chunk c : chunks) {
                int m = c.nullPositions.length;
                if (m == 0) {
                    continue;
                }
                for (int j = 0; j < m; j++) {
                    dest[j] = r + j;
                }
                place(arrays, c.morsel, c.nullPositions, 0, dest, m);
                r += m;
            }
        }
        if (keyColumns.length == 1 && !stringKey[0]) {
            Object key = arrays[keyColumns[0]];
            if (normalisedKey[0]) {
                key = arrays[types.size()];
            }
            distinct[p] = distinctKeys(p, key, start, big, bigCount);
        }
        if (built.incrementAndGet() == partitions) {
            // The last builder: every other one is done with the morsels and the arrays are all there.
            finish(arrays);
            JoinBuildSink first = this.sinks.get(0);
            synchronized (first.layoutLock) {
                if (first.sharedLayout == this) {
                    first.sharedLayout = null;
                }
            }
            this.chunks = null;
            this.sinks = null;
            this.ready = true;
        }
        return new JoinHashTable(this, p);
    }

    /** The probes' view of the arrays: column vectors and per key column the array to compare. */
    private void finish(Object[] arrays) {
        int width = types.size();
        ColumnVector[] cols = new ColumnVector[width];
        for (int c = 0; c < width; c++) {
            DataType t = types.get(c);
            long[] nm = nulls[c];
            switch (t.physical()) {
                case LONG: cols[c] = new LongVector(t, (long[]) arrays[c], nm); break;
                case INT: cols[c] = new IntVector(t, (int[]) arrays[c], nm); break;
                case DOUBLE: cols[c] = new DoubleVector(t, (double[]) arrays[c], nm); break;
                case BOOLEAN: cols[c] = new BooleanVector(t, (boolean[]) arrays[c], nm); break;
                default: cols[c] = new StringVector(t, (String[]) arrays[c], nm); break;
            }
        }
        int keyCount = keyColumns.length;
        int[][] ik = new int[keyCount][];
        long[][] lk = new long[keyCount][];
        String[][] sk = new String[keyCount][];
        for (int k = 0; k < keyCount; k++) {
            Object a = normalisedKey[k] ? arrays[width + k] : arrays[keyColumns[k]];
            if (a instanceof int[]) {
                ik[k] = (int[]) a;
            } else if (a instanceof long[]) {
                lk[k] = (long[]) a;
            } else {
                sk[k] = (String[]) a;
            }
        }
        this.columns = cols;
        this.intKeys = ik;
        this.longKeys = lk;
        this.stringKeys = sk;
        this.hashes = hashed ? (long[]) arrays[arrays.length - 1] : null;
    }

    /**
     * Whether partition {@code p}'s keys (one fixed-width column, {@code key}) are all distinct.
     * Equal keys share a bucket and the rows are in bucket order, so it compares each row with
     * the next two (a stream; a pair across buckets is never equal), which settles every bucket
     * of up to 3 rows, then the larger ones ({@code big}, directory slots) pairwise.
     */
    private boolean distinctKeys(int p, Object key, int[] start, int[] big, int bigCount) {
        final int from = rowBase[p];
        final int to = from + keyed[p];
        if (to - from < 2) {
            return true;
        }
        final int[] ik = key instanceof int[] ? (int[]) key : null;
        final long[] lk = key instanceof long[] ? (long[]) key : null;
        // Counting equal neighbours (a loop the JIT vectorises).
        int equal = 0;
        if (ik != null) {
            for (int r = from; r < to - 2; r++) {
                equal += (ik[r] == ik[r + 1] ? 1 : 0) + (ik[r] == ik[r + 2] ? 1 : 0);
            }
            equal += ik[to - 2] == ik[to - 1] ? 1 : 0;
        } else {
            for (int r = from; r < to - 2; r++) {
                equal += (lk[r] == lk[r + 1] ? 1 : 0) + (lk[r] == lk[r + 2] ? 1 : 0);
            }
            equal += lk[to - 2] == lk[to - 1] ? 1 : 0;
        }
        if (equal != 0) {
            return false;
        }
        final int last = (p + 1) * buckets - 1;
        for (int j = 0; j < bigCount; j++) {
            int s = start[big[j]];
            // The slot after the partition's last bucket is the next partition's, maybe still being built.
            int e = big[j] == last ? rowBase[p + 1] : start[big[j] + 1];
            for (int x = s; x < e; x++) {
                for (int y = x + 3; y < e; y++) {
                    if (ik != null ? ik[x] == ik[y] : lk[x] == lk[y]) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Whether no two build rows have equal keys (known for one fixed-width key column only). */
    boolean uniqueKeys() {
        for (boolean d : distinct) {
            if (!d) {
                return false;
            }
        }
        return true;
    }

    /** Copies rows {@code pos[from + j]} of {@code m} to rows {@code dest[j]}, j in [0, n). */
    private void place(Object[] arrays, Morsel m, int[] pos, int from, int[] dest, int n) {
        int width = types.size();
        for (int c = 0; c < width; c++) {
            ColumnVector v = m.column(c);
            switch (v.type().physical()) {
                case LONG: {
                    long[] s = ((LongVector) v).values();
                    long[] d = (long[]) arrays[c];
                    for (int j = 0; j < n; j++) {
                        d[dest[j]] = s[pos[from + j]];
                    }
                    break;
                }
                case INT: {
                    int[] s = ((IntVector) v).values();
                    int[] d = (int[]) arrays[c];
                    for (int j = 0; j < n; j++) {
                        d[dest[j]] = s[pos[from + j]];
                    }
                    break;
                }
                case DOUBLE: {
                    double[] s = ((DoubleVector) v).values();
                    double[] d = (double[]) arrays[c];
                    for (int j = 0; j < n; j++) {
                        d[dest[j]] = s[pos[from + j]];
                    }
                    break;
                }
                case BOOLEAN: {
                    boolean[] s = ((BooleanVector) v).values();
                    boolean[] d = (boolean[]) arrays[c];
                    for (int j = 0; j < n; j++) {
                        d[dest[j]] = s[pos[from + j]];
                    }
                    break;
                }
                default: {
                    String[] s = ((StringVector) v).values();
                    String[] d = (String[]) arrays[c];
                    for (int j = 0; j < n; j++) {
                        d[dest[j]] = s[pos[from + j]];
                    }
                    break;
                }
            }
            long[] sm = v.nullMask();
            if (sm != null) {
                long[] dm = nulls[c];
                for (int j = 0; j < n; j++) {
                    int q = pos[from + j];
                    if ((sm[q >>> 6] & (1L << q)) != 0) {
                        int r = dest[j];
                        LONGS.getAndBitwiseOr(dm, r >>> 6, 1L << r);
                    }
                }
            }
        }
        for (int k = 0; k < keyColumns.length; k++) {
            if (!normalisedKey[k]) {
                continue;
            }
            ColumnVector v = m.column(keyColumns[k]);
            long[] d = (long[]) arrays[width + k];
            if (v instanceof DoubleVector) {
                double[] s = ((DoubleVector) v).values();
                for (int j = 0; j < n; j++) {
                    d[dest[j]] = JoinKeys.doubleBits(s[pos[from + j]]);
                }
            } else {
                boolean[] s = ((BooleanVector) v).values();
                for (int j = 0; j < n; j++) {
                    d[dest[j]] = s[pos[from + j]] ? 1L : 0L;
                }
            }
        }
    }
}
