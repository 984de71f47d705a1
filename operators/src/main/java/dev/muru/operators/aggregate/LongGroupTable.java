package dev.muru.operators.aggregate;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.PhysicalType;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.IntVector;
import dev.muru.core.vector.LongVector;
import dev.muru.core.vector.NullMask;

import java.util.Arrays;

/**
 * The fast path for one INTEGER, BIGINT, DATE or DECIMAL key. While the keys seen span at most
 * {@link #MAX_DIRECT_SPAN} values it is direct-mapped: group id + 1 at {@code key - base}, no
 * hashing or probing, in an array small enough to stay in cache (as DuckDB's perfect hash
 * aggregate). A wider span switches it for good to an open-addressing table of long keys with
 * linear probing, a power-of-two capacity kept at most half full, and keys and group ids in the
 * slots so a probe touches no other array. NULL keys get one group outside either.
 */
final class LongGroupTable extends GroupTable {
    private final DataType keyType;
    private long[] slotKeys;
    /** Group id + 1 per slot; 0 marks an empty slot. */
    private int[] slotGids;
    private int mask;
    private int growAt;
    private long[] groupKeys = new long[16];
    private int groups;
    private int nullGid = -1;

    /** Widest key span the direct-mapped mode covers: 4 MiB of group ids. */
    static final int MAX_DIRECT_SPAN = 1 << 20;
    /** Direct mode: group id + 1 of key {@code base + i} at {@code direct[i]}; null in hash mode. */
    private int[] direct = new int[0];
    private long base;

    LongGroupTable(DataType keyType) {
        this.keyType = keyType;
    }

    @Override
    void presize(GroupTable like, int expected) {
        if (groups > 0 || expected <= 16) {
            return;
        }
        LongGroupTable l = (LongGroupTable) like;
        groupKeys = new long[expected];
        if (l.direct != null) {
            // The source's keys lie in its direct range, and so do any subset of them.
            direct = new int[l.direct.length];
            base = l.base;
        } else {
            direct = null;
            allocateSlots(powerOfTwoAtLeast(Math.max(64, expected * 2 + 2)));
        }
    }

    @Override
    int groupCount() {
        return groups;
    }

    @Override
    void groupIds(Morsel input, int[] gids, DenseInput scratch) {
        ColumnVector v = input.column(0);
        long[] keys = scratch.longs(v, input);
        boolean[] nulls = scratch.nulls(v, input);
        int n = input.size();
        if (nulls == null) {
            for (int i = 0; i < n; i++) {
                gids[i] = findOrInsert(keys[i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                gids[i] = nulls[i] ? nullGroup() : findOrInsert(keys[i]);
            }
        }
    }

    private int findOrInsert(long key) {
        if (direct != null) {
            long i = key - base;
            if (i >= 0 && i < direct.length) {
                int g = direct[(int) i];
                if (g != 0) {
                    return g - 1;
                }
                int gid = newGroup(key);
                direct[(int) i] = gid + 1;
                return gid;
            }
            if (widenDirect(key)) {
                return findOrInsert(key);
            }
        }
        int slot = (int) KeyHash.mix(key) & mask;
        while (true) {
            int g = slotGids[slot];
            if (g == 0) {
                return insert(key, slot);
            }
            if (slotKeys[slot] == key) {
                return g - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int insert(long key, int slot) {
        int gid = newGroup(key);
        slotKeys[slot] = key;
        slotGids[slot] = gid + 1;
        if (groups > growAt) {
            rehash(slotKeys.length * 2);
        }
        return gid;
    }

    /**
     * Grows the direct-mapped range to cover {@code key}, or leaves direct mode for the hash table
     * when the span would exceed {@link #MAX_DIRECT_SPAN}. Returns whether direct mode goes on.
     */
    private boolean widenDirect(long key) {
        long lo = direct.length == 0 ? key : Math.min(base, key);
        long top = base + direct.length - 1;
        long hi = direct.length == 0 ? key : Math.max(top < base ? Long.MAX_VALUE : top, key);
        if (hi - lo < 0 || hi - lo >= MAX_DIRECT_SPAN) {
            direct = null;
            rehash(powerOfTwoAtLeast(Math.max(64, groups * 4)));
            return false;
        }
        // Double the span (at least 1024) toward the new key, so a run of rising or falling keys widens rarely.
        int length = (int) Math.min(MAX_DIRECT_SPAN, Math.max(2 * (hi - lo + 1), 1024));
        long newLo = direct.length > 0 && key < base ? hi - length + 1 : lo;
        if (newLo > lo) {
            newLo = lo; // hi - length + 1 wrapped below Long.MIN_VALUE
        }
        int[] grown = new int[length];
        if (direct.length > 0) {
            int offset = (int) (base - newLo);
            // Slots past Long.MAX_VALUE (when the old range ran over it) hold no group: drop them.
            System.arraycopy(direct, 0, grown, offset, Math.min(direct.length, length - offset));
        }
        direct = grown;
        base = newLo;
        return true;
    }

    private int nullGroup() {
        if (nullGid < 0) {
            nullGid = newGroup(0);
        }
        return nullGid;
    }

    private int newGroup(long key) {
        if (groups == groupKeys.length) {
            groupKeys = Arrays.copyOf(groupKeys, groups * 2);
        }
        groupKeys[groups] = key;
        return groups++;
    }

    private void allocateSlots(int capacity) {
        slotKeys = new long[capacity];
        slotGids = new int[capacity];
        mask = capacity - 1;
        growAt = capacity / 2;
    }

    private void rehash(int capacity) {
        allocateSlots(capacity);
        for (int g = 0; g < groups; g++) {
            if (g == nullGid) {
                continue;
            }
            long key = groupKeys[g];
            int slot = (int) KeyHash.mix(key) & mask;
            while (slotGids[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slotKeys[slot] = key;
            slotGids[slot] = g + 1;
        }
    }

    @Override
    long groupHash(int gid) {
        return gid == nullGid ? KeyHash.NULL : KeyHash.mix(groupKeys[gid]);
    }

    @Override
    int[] insertGroups(GroupTable source, int[] srcGids, int n) {
        LongGroupTable src = (LongGroupTable) source;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int g = sourceGid(srcGids, i);
            out[i] = g == src.nullGid ? nullGroup() : findOrInsert(src.groupKeys[g]);
        }
        return out;
    }

    @Override
    int[] findGroups(GroupTable source, int[] srcGids, int n) {
        LongGroupTable src = (LongGroupTable) source;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int g = sourceGid(srcGids, i);
            out[i] = g == src.nullGid ? nullGid : find(src.groupKeys[g]);
        }
        return out;
    }

    /** The group of {@code key}, or -1; never inserts. */
    private int find(long key) {
        if (direct != null) {
            long i = key - base;
            return i >= 0 && i < direct.length ? direct[(int) i] - 1 : -1;
        }
        int slot = (int) KeyHash.mix(key) & mask;
        for (int g = slotGids[slot]; g != 0; g = slotGids[slot]) {
            if (slotKeys[slot] == key) {
                return g - 1;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    @Override
    ColumnVector[] keyVectors(int[] order, int from, int count) {
        long[] nullMask = null;
        if (nullGid >= 0) {
            for (int i = 0; i < count; i++) {
                if (GroupOrder.at(order, from, i) == nullGid) {
                    nullMask = new long[NullMask.words(count)];
                    NullMask.set(nullMask, i);
                    break;
                }
            }
        }
        ColumnVector v;
        if (keyType.physical() == PhysicalType.INT) {
            int[] out = new int[count];
            for (int i = 0; i < count; i++) {
                out[i] = (int) groupKeys[GroupOrder.at(order, from, i)];
            }
            v = new IntVector(keyType, out, nullMask);
        } else {
            v = new LongVector(keyType, GroupOrder.longs(groupKeys, order, from, count), nullMask);
        }
        return new ColumnVector[] {v};
    }


    @Override
    long estimatedBytes() {
        return 64L + (direct != null ? 4L * direct.length : 12L * slotKeys.length) + 8L * groupKeys.length;
    }
}
