package dev.muru.core;

/** The one 64-bit hash finalizer every hash table, partitioning and sketch in Muru uses. */
public final class Hashing {
    private Hashing() {
    }

    /** murmur3's fmix64 finalizer: every input bit affects every output bit. */
    public static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
