package dev.muru.operators.aggregate;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.vector.ColumnVector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The partial GROUP BY state of one worker: a table from group keys to dense group ids plus one
 * columnar {@link Accumulator} per aggregate. Each morsel is processed in two passes: first the
 * group id of every live row, then every accumulator over the whole morsel in a typed loop.
 *
 * <p>Input columns {@code 0..k-1} are the group keys; each spec reads its own
 * {@code inputColumn}. NULL keys group together. Without keys there is exactly one group, even
 * for an empty input. Not thread-safe: one instance per worker, merged with {@link #combine}.
 */
public final class HashAggregation {
    private static final int INITIAL_GROUPS = 16;

    private final List<DataType> keyTypes;
    private final List<AggregateSpec> aggregates;
    private final GroupTable table;
    private final Accumulator[] accumulators;
    private final DenseInput scratch = new DenseInput();
    private int[] gids = new int[0];
    private int capacity;
    /** Set by {@link #indexPartitions}: group ids sorted by partition, and where each starts. */
    private int indexedParts;
    private int[] partitionStart;
    private int[] groupsByPartition;

    public HashAggregation(List<DataType> keyTypes, List<AggregateSpec> aggregates) {
        this.keyTypes = List.copyOf(keyTypes);
        this.aggregates = List.copyOf(aggregates);
        this.table = GroupTable.create(this.keyTypes);
        this.accumulators = new Accumulator[this.aggregates.size()];
        for (int a = 0; a < accumulators.length; a++) {
            accumulators[a] = Accumulator.create(this.aggregates.get(a));
        }
        ensureCapacity(Math.max(INITIAL_GROUPS, table.groupCount()));
    }

    public List<DataType> keyTypes() {
        return keyTypes;
    }

    public List<AggregateSpec> aggregates() {
        return aggregates;
    }

    /** Adds the live rows of {@code input}. */
    public void add(Morsel input) {
        int n = input.size();
        if (n == 0) {
            return;
        }
        if (gids.length < n) {
            gids = new int[Math.max(n, gids.length * 2)];
        }
        table.groupIds(input, gids, scratch);
        ensureCapacity(table.groupCount());
        for (Accumulator acc : accumulators) {
            acc.update(input, gids, scratch);
        }
    }

    public int groupCount() {
        return table.groupCount();
    }

    /**
     * One partition (of {@code parts}, by key hash: a key lands in the same partition whichever
     * state holds it) of all the sources' groups, combined into a new state sized once. The
     * sources are only read, so the owners of the other partitions may build theirs from the
     * same sources at the same time, and no source is copied into parts first.
     */
    public static HashAggregation combinePartition(List<HashAggregation> sources, int part, int parts) {
        HashAggregation first = sources.get(0);
        if (sources.size() == 1 && parts == 1) {
            return first;
        }
        int[][] members = new int[sources.size()][];
        long total = 0;
        for (int s = 0; s < sources.size(); s++) {
            HashAggregation src = sources.get(s);
            if (!first.keyTypes.equals(src.keyTypes) || !first.aggregates.equals(src.aggregates)) {
                throw new IllegalArgumentException("cannot combine aggregations of different keys or aggregates");
            }
            members[s] = src.groupsOf(part, parts);
            total += members[s].length;
        }
        HashAggregation out = new HashAggregation(first.keyTypes, first.aggregates);
        int expected = (int) Math.min(1 << 30, total);
        out.table.presize(first.table, expected);
        out.ensureCapacity(expected);
        for (int s = 0; s < sources.size(); s++) {
            out.absorb(sources.get(s), members[s], members[s].length);
        }
        return out;
    }

    /**
     * One partition of all the sources' groups, combined and finished into result morsels of at
     * most {@code morselRows} rows, without a combined copy of the groups where the aggregates
     * allow it. The largest source (the base) and up to {@link #HOLDERS} - 1 others are holders:
     * a group that an earlier holder also has is merged into that holder's own slots, and each
     * holder emits the groups it keeps from its own state. Only the other sources' groups that
     * no holder has are copied (into one overflow state), so at DOP 2 nothing is. A holder is
     * written only in this partition's groups, so the combiners of the other partitions may run
     * at the same time. Raises NUMERIC_OVERFLOW when a SUM does not fit.
     */
    public static List<Morsel> combineAndFinish(List<HashAggregation> sources, int part, int parts, int morselRows) {
        HashAggregation first = sources.get(0);
        for (HashAggregation src : sources) {
            if (!first.keyTypes.equals(src.keyTypes) || !first.aggregates.equals(src.aggregates)) {
                throw new IllegalArgumentException("cannot combine aggregations of different keys or aggregates");
            }
        }
        if (first.keyTypes.isEmpty() || !first.mergesGroupsOnly()) {
            return combinePartition(sources, part, parts).finish(morselRows);
        }
        int b = 0;
        for (int s = 1; s < sources.size(); s++) {
            if (sources.get(s).groupCount() > sources.get(b).groupCount()) {
                b = s; // every combiner picks the same base: the largest, the first of equals
            }
        }
        // Holders keep the groups no earlier holder has and emit them from their own state: the
        // base first, then up to HOLDERS - 1 other sources. Each later source probes every
        // holder; what none of them has is copied into one overflow state.
        int n = sources.size();
        int holderCount = Math.min(n, HOLDERS);
        int[] holders = new int[holderCount];
        int[][] keep = new int[n][];
        holders[0] = b;
        keep[b] = sources.get(b).groupsOf(part, parts);
        int held = 1;
        int[][] unmatched = new int[n][];
        long copied = 0;
        for (int s = 0; s < n; s++) {
            if (s == b) {
                continue;
            }
            HashAggregation src = sources.get(s);
            int[] rest = src.groupsOf(part, parts);
            for (int h = 0; h < held && rest.length > 0; h++) {
                rest = sources.get(holders[h]).mergeMatching(src, rest, rest.length);
            }
            if (held < holderCount) {
                holders[held++] = s;
                keep[s] = rest;
            } else {
                unmatched[s] = rest;
                copied += rest.length;
            }
        }
        List<Morsel> out = new ArrayList<>();
        for (int h = 0; h < held; h++) {
            sources.get(holders[h]).finishInto(keep[holders[h]], keep[holders[h]].length, morselRows, out);
        }
        if (copied > 0) {
            // Sized once, in the sources' table mode, so filling it never grows or widens.
            HashAggregation overflow = new HashAggregation(first.keyTypes, first.aggregates);
            int expected = (int) Math.min(1 << 30, copied);
            overflow.table.presize(sources.get(b).table, expected);
            overflow.ensureCapacity(expected);
            for (int s = 0; s < n; s++) {
                if (unmatched[s] != null && unmatched[s].length > 0) {
                    overflow.absorb(sources.get(s), unmatched[s], unmatched[s].length);
                }
            }
            overflow.finishInto(null, overflow.groupCount(), morselRows, out);
        }
        return out;
    }

    /**
     * How many sources at most emit their own groups in {@link #combineAndFinish}. Measured on
     * 16 workers over 1.5M groups: each further holder adds a probe per group (4 holders: +30%
     * combine time) and saves little, because its probes need scratch arrays of their own.
     */
    static final int HOLDERS = 2;

    /**
     * Merges those of groups {@code srcGids[0..n)} of {@code source} whose keys this state holds
     * into their groups here, adding none, and returns the ids (in {@code source}) of the rest.
     */
    private int[] mergeMatching(HashAggregation source, int[] srcGids, int n) {
        int[] found = table.findGroups(source.table, srcGids, n);
        int matched = 0;
        for (int i = 0; i < n; i++) {
            if (found[i] >= 0) {
                matched++;
            }
        }
        int[] from = new int[matched];
        int[] to = new int[matched];
        int[] rest = new int[n - matched];
        for (int i = 0, m = 0, r = 0; i < n; i++) {
            if (found[i] >= 0) {
                from[m] = srcGids[i];
                to[m++] = found[i];
            } else {
                rest[r++] = srcGids[i];
            }
        }
        if (matched > 0) {
            for (int a = 0; a < accumulators.length; a++) {
                accumulators[a].merge(source.accumulators[a], from, to, matched);
            }
        }
        return rest;
    }

    private boolean mergesGroupsOnly() {
        for (Accumulator acc : accumulators) {
            if (!acc.mergesGroupsOnly()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Sorts this state's group ids by hash partition once, so that each of the {@code parts}
     * combiners takes its slice instead of scanning every group. The worker that built the
     * state calls it before handing the state over; it is optional.
     */
    public void indexPartitions(int parts) {
        int groups = table.groupCount();
        int[] start = new int[parts + 1];
        for (int g = 0; g < groups; g++) {
            start[KeyHash.partition(table.groupHash(g), parts) + 1]++;
        }
        for (int p = 0; p < parts; p++) {
            start[p + 1] += start[p];
        }
        // Hashing twice costs less than an array of every group's partition.
        int[] next = Arrays.copyOf(start, parts);
        int[] sorted = new int[groups];
        for (int g = 0; g < groups; g++) {
            sorted[next[KeyHash.partition(table.groupHash(g), parts)]++] = g;
        }
        indexedParts = parts;
        partitionStart = start;
        groupsByPartition = sorted;
    }

    /** The ids of this state's groups in one hash partition, in first-seen order. */
    private int[] groupsOf(int part, int parts) {
        int groups = table.groupCount();
        if (parts == indexedParts && groupsByPartition.length == groups) {
            return Arrays.copyOfRange(groupsByPartition, partitionStart[part], partitionStart[part + 1]);
        }
        if (parts == 1) {
            int[] all = new int[groups];
            for (int g = 0; g < groups; g++) {
                all[g] = g;
            }
            return all;
        }
        int n = 0;
        for (int g = 0; g < groups; g++) {
            if (KeyHash.partition(table.groupHash(g), parts) == part) {
                n++;
            }
        }
        int[] out = new int[n];
        int k = 0;
        for (int g = 0; g < groups && k < n; g++) {
            if (KeyHash.partition(table.groupHash(g), parts) == part) {
                out[k++] = g;
            }
        }
        return out;
    }

    /** Merges another partial state of the same keys and aggregates into this one. */
    public void combine(HashAggregation other) {
        if (!keyTypes.equals(other.keyTypes) || !aggregates.equals(other.aggregates)) {
            throw new IllegalArgumentException("cannot combine aggregations of different keys or aggregates");
        }
        absorb(other, null, other.groupCount());
    }

    private void absorb(HashAggregation source, int[] srcGids, int n) {
        int[] dstGids = table.insertGroups(source.table, srcGids, n);
        ensureCapacity(table.groupCount());
        for (int a = 0; a < accumulators.length; a++) {
            accumulators[a].merge(source.accumulators[a], srcGids, dstGids, n);
        }
    }

    /**
     * The result as dense morsels of at most {@code morselRows} rows: the key columns, then one
     * column per aggregate in spec order. Raises NUMERIC_OVERFLOW when a SUM does not fit.
     */
    public List<Morsel> finish(int morselRows) {
        if (morselRows < 1) {
            throw new IllegalArgumentException("morselRows must be at least 1, got " + morselRows);
        }
        List<Morsel> out = new ArrayList<>();
        finishInto(null, table.groupCount(), morselRows, out);
        return out;
    }

    /** Appends the results of the first {@code groups} groups {@link GroupOrder} names for {@code order}. */
    private void finishInto(int[] order, int groups, int morselRows, List<Morsel> out) {
        for (int from = 0; from < groups; from += morselRows) {
            int count = Math.min(morselRows, groups - from);
            ColumnVector[] keys = table.keyVectors(order, from, count);
            ColumnVector[] columns = new ColumnVector[keys.length + accumulators.length];
            System.arraycopy(keys, 0, columns, 0, keys.length);
            for (int a = 0; a < accumulators.length; a++) {
                columns[keys.length + a] = accumulators[a].finish(order, from, count);
            }
            out.add(new Morsel(columns, count));
        }
    }

    /** A rough size in bytes of the table, the accumulators and the scratch arrays. */
    public long estimatedBytes() {
        long bytes = 128L + table.estimatedBytes() + scratch.estimatedBytes() + 4L * gids.length;
        for (Accumulator acc : accumulators) {
            bytes += acc.estimatedBytes();
        }
        return bytes;
    }

    private void ensureCapacity(int groups) {
        if (groups > capacity) {
            capacity = Math.max(groups, capacity * 2);
            for (Accumulator acc : accumulators) {
                acc.ensureCapacity(capacity);
            }
        }
    }
}
