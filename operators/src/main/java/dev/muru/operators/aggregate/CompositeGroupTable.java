package dev.muru.operators.aggregate;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.vector.ColumnVector;

import java.util.Arrays;
import java.util.List;

/**
 * The general table for any key columns (several columns, strings, doubles, booleans, NULLs):
 * rows are hashed column at a time into long hashes, then probed with linear probing; a slot
 * keeps the full hash so most mismatches are rejected before the key columns are compared.
 */
final class CompositeGroupTable extends GroupTable {
    private final KeyColumn[] columns;
    /** Group id + 1 per slot; 0 marks an empty slot. */
    private int[] slotGids;
    private long[] slotHashes;
    private int mask;
    private int growAt;
    private long[] groupHashes = new long[16];
    private int groups;
    private long[] rowHashes = new long[0];

    CompositeGroupTable(List<DataType> keyTypes) {
        this.columns = new KeyColumn[keyTypes.size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = KeyColumn.create(keyTypes.get(c));
        }
        allocateSlots(64);
    }

    @Override
    void presize(GroupTable like, int expected) {
        if (groups > 0 || expected <= 16) {
            return;
        }
        groupHashes = new long[expected];
        int capacity = Integer.highestOneBit(Math.max(64, expected * 2 + 2) - 1) << 1;
        allocateSlots(capacity);
    }

    @Override
    int groupCount() {
        return groups;
    }

    @Override
    void groupIds(Morsel input, int[] gids, DenseInput scratch) {
        int n = input.size();
        if (rowHashes.length < n) {
            rowHashes = new long[Math.max(n, rowHashes.length * 2)];
        }
        long[] hashes = rowHashes;
        int[] sel = input.selection();
        Arrays.fill(hashes, 0, n, 0L);
        for (int c = 0; c < columns.length; c++) {
            columns[c].bind(input.column(c));
            columns[c].hashRows(sel, n, hashes);
        }
        for (int i = 0; i < n; i++) {
            gids[i] = findOrInsertRow(hashes[i], sel == null ? i : sel[i]);
        }
    }

    private int findOrInsertRow(long hash, int pos) {
        int slot = (int) hash & mask;
        while (true) {
            int g = slotGids[slot];
            if (g == 0) {
                for (KeyColumn col : columns) {
                    col.appendRow(pos);
                }
                return insert(hash, slot);
            }
            if (slotHashes[slot] == hash && rowEquals(g - 1, pos)) {
                return g - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    private boolean rowEquals(int gid, int pos) {
        for (KeyColumn col : columns) {
            if (!col.equalsRow(gid, pos)) {
                return false;
            }
        }
        return true;
    }

    private int findOrInsertGroup(CompositeGroupTable src, int srcGid) {
        long hash = src.groupHashes[srcGid];
        int slot = (int) hash & mask;
        while (true) {
            int g = slotGids[slot];
            if (g == 0) {
                for (int c = 0; c < columns.length; c++) {
                    columns[c].appendGroup(src.columns[c], srcGid);
                }
                return insert(hash, slot);
            }
            if (slotHashes[slot] == hash && groupEquals(g - 1, src, srcGid)) {
                return g - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    private boolean groupEquals(int gid, CompositeGroupTable src, int srcGid) {
        for (int c = 0; c < columns.length; c++) {
            if (!columns[c].equalsGroup(gid, src.columns[c], srcGid)) {
                return false;
            }
        }
        return true;
    }

    /** Records a new group whose key the columns already hold, in an empty slot. */
    private int insert(long hash, int slot) {
        if (groups == groupHashes.length) {
            groupHashes = Arrays.copyOf(groupHashes, groups * 2);
        }
        int gid = groups++;
        groupHashes[gid] = hash;
        slotGids[slot] = gid + 1;
        slotHashes[slot] = hash;
        if (groups > growAt) {
            rehash(slotGids.length * 2);
        }
        return gid;
    }

    private void allocateSlots(int capacity) {
        slotGids = new int[capacity];
        slotHashes = new long[capacity];
        mask = capacity - 1;
        growAt = capacity / 2;
    }

    private void rehash(int capacity) {
        allocateSlots(capacity);
        for (int g = 0; g < groups; g++) {
            long hash = groupHashes[g];
            int slot = (int) hash & mask;
            while (slotGids[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slotGids[slot] = g + 1;
            slotHashes[slot] = hash;
        }
    }

    @Override
    long groupHash(int gid) {
        return groupHashes[gid];
    }

    @Override
    int[] insertGroups(GroupTable source, int[] srcGids, int n) {
        CompositeGroupTable src = (CompositeGroupTable) source;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = findOrInsertGroup(src, sourceGid(srcGids, i));
        }
        return out;
    }

    @Override
    int[] findGroups(GroupTable source, int[] srcGids, int n) {
        CompositeGroupTable src = (CompositeGroupTable) source;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int srcGid = sourceGid(srcGids, i);
            long hash = src.groupHashes[srcGid];
            int slot = (int) hash & mask;
            int found = -1;
            for (int g = slotGids[slot]; g != 0; g = slotGids[slot]) {
                if (slotHashes[slot] == hash && groupEquals(g - 1, src, srcGid)) {
                    found = g - 1;
                    break;
                }
                slot = (slot + 1) & mask;
            }
            out[i] = found;
        }
        return out;
    }

    @Override
    ColumnVector[] keyVectors(int[] order, int from, int count) {
        ColumnVector[] out = new ColumnVector[columns.length];
        for (int c = 0; c < columns.length; c++) {
            out[c] = columns[c].vector(order, from, count);
        }
        return out;
    }


    @Override
    long estimatedBytes() {
        long bytes = 64L + 12L * slotGids.length + 8L * groupHashes.length + 8L * rowHashes.length;
        for (KeyColumn col : columns) {
            bytes += col.estimatedBytes();
        }
        return bytes;
    }
}
