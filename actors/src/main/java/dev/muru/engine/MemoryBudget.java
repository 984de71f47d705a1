package dev.muru.engine;

/**
 * The engine-wide memory budget: every query's reservations draw from it, so that many
 * queries together cannot exhaust the heap. Thread-safe; reservations are per morsel, rare
 * enough that one lock costs nothing measurable.
 */
public final class MemoryBudget {
    private final long limit;
    private long reserved;
    private long peak;

    public MemoryBudget(long limit) {
        this.limit = limit;
    }

    synchronized boolean tryReserve(long bytes) {
        if (reserved + bytes > limit) {
            return false;
        }
        reserved += bytes;
        peak = Math.max(peak, reserved);
        return true;
    }

    /** Counts bytes that already exist (a degraded worker's last growth): may pass the limit. */
    synchronized void force(long bytes) {
        reserved += bytes;
        peak = Math.max(peak, reserved);
    }

    synchronized void release(long bytes) {
        reserved -= bytes;
    }

    public long limit() {
        return limit;
    }

    /** Bytes reserved by all running queries now. */
    public synchronized long reserved() {
        return reserved;
    }

    /** The most ever reserved at once. */
    public synchronized long peak() {
        return peak;
    }
}
