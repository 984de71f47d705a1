package dev.muru.operators.aggregate;

/**
 * An open-addressing set of longs with linear probing, for the per-group value sets of DISTINCT
 * aggregates. 0 marks an empty slot, so the value 0 is tracked by a flag.
 */
final class LongSet {
    private long[] slots;
    private int mask;
    private int size;
    private boolean hasZero;

    LongSet() {
        this(4);
    }

    private LongSet(int capacity) {
        slots = new long[capacity];
        mask = capacity - 1;
    }

    int size() {
        return size + (hasZero ? 1 : 0);
    }

    /** Adds {@code v}; true when it was not yet in the set. */
    boolean add(long v) {
        if (v == 0) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        int slot = (int) KeyHash.mix(v) & mask;
        while (true) {
            long s = slots[slot];
            if (s == 0) {
                slots[slot] = v;
                if (++size * 2 > slots.length) {
                    grow();
                }
                return true;
            }
            if (s == v) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Adds every member of {@code other}; returns how many were new. */
    int addAll(LongSet other) {
        int added = 0;
        if (other.hasZero && add(0)) {
            added++;
        }
        for (long v : other.slots) {
            if (v != 0 && add(v)) {
                added++;
            }
        }
        return added;
    }

    /** The members, in no particular order. */
    long[] toArray() {
        long[] out = new long[size()];
        int n = 0;
        if (hasZero) {
            out[n++] = 0;
        }
        for (long v : slots) {
            if (v != 0) {
                out[n++] = v;
            }
        }
        return out;
    }

    LongSet copy() {
        LongSet c = new LongSet(slots.length);
        System.arraycopy(slots, 0, c.slots, 0, slots.length);
        c.size = size;
        c.hasZero = hasZero;
        return c;
    }

    long estimatedBytes() {
        return 32L + 8L * slots.length;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        mask = slots.length - 1;
        for (long v : old) {
            if (v != 0) {
                int slot = (int) KeyHash.mix(v) & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = v;
            }
        }
    }
}
