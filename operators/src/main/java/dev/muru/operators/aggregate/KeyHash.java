package dev.muru.operators.aggregate;

/**
 * The group-key hash shared by every {@link HashAggregation}: equal keys hash alike in every
 * instance, so partitions of different workers line up. Slots use the low bits, partitions the
 * high bits, so a partition's groups still spread over its own table.
 */
final class KeyHash {
    /** Hash of a NULL key value, and of the empty key of a global aggregate (partition 0). */
    static final long NULL = 0x2545F4914F6CDD1DL;
    static final long EMPTY_KEY = 0L;

    private KeyHash() {
    }

    static long mix(long k) {
        return dev.muru.core.Hashing.mix(k);
    }

    /** Folds the next key column's value hash into a running row hash. */
    static long combine(long rowHash, long valueHash) {
        return mix(rowHash * 0x9E3779B97F4A7C15L + valueHash);
    }

    /** The partition in [0, parts) of a key hash, from its high 32 bits. */
    static int partition(long hash, int parts) {
        return (int) (((hash >>> 32) * parts) >>> 32);
    }

    /** A double's identity for grouping and DISTINCT: -0.0 equals 0.0 and all NaNs are one. */
    static long doubleBits(double v) {
        return v == 0.0 ? 0L : Double.doubleToLongBits(v);
    }
}
