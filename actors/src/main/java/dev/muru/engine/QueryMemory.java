package dev.muru.engine;

import dev.muru.ByteSize;
import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;

/**
 * One query's memory: reservations within the per-query limit and the engine's budget.
 * Closing it (the coordinator stops: done, failed or cancelled) returns everything to the
 * budget; a worker still finishing its morsel afterwards is refused, so nothing leaks.
 */
public final class QueryMemory {
    private final MemoryBudget budget;
    private final long limit;
    private long reserved;
    private long peak;
    private boolean closed;

    QueryMemory(MemoryBudget budget, long limit) {
        this.budget = budget;
        this.limit = limit;
    }

    /** Reserves bytes if both this query's limit and the engine's budget allow it. */
    public synchronized boolean tryReserve(long bytes) {
        if (closed) {
            throw new MuruException(ErrorCode.QUERY_CANCELLED, "statement stopped");
        }
        if (bytes <= 0) {
            return true;
        }
        if (reserved + bytes > limit || !budget.tryReserve(bytes)) {
            return false;
        }
        reserved += bytes;
        peak = Math.max(peak, reserved);
        return true;
    }

    /** Reserves bytes or fails the query with {@code MEMORY_LIMIT}, naming what asked. */
    public synchronized void reserve(long bytes, String what) {
        if (!tryReserve(bytes)) {
            throw limitError(bytes, what);
        }
    }

    /** Counts bytes that already exist; used where degrading needs the accounting to stay true. */
    public synchronized void force(long bytes) {
        if (closed || bytes <= 0) {
            return;
        }
        budget.force(bytes);
        reserved += bytes;
        peak = Math.max(peak, reserved);
    }

    public synchronized void release(long bytes) {
        if (closed || bytes <= 0) {
            return;
        }
        long r = Math.min(bytes, reserved);
        reserved -= r;
        budget.release(r);
    }

    /** Returns every reservation to the engine's budget; later reservations are refused. */
    public synchronized void close() {
        if (!closed) {
            budget.release(reserved);
            reserved = 0;
            closed = true;
        }
    }

    public synchronized long reserved() {
        return reserved;
    }

    public synchronized long peak() {
        return peak;
    }

    public long limit() {
        return limit;
    }

    synchronized MuruException limitError(long asked, String what) {
        if (reserved + asked > limit) {
            return new MuruException(ErrorCode.MEMORY_LIMIT, "query memory limit " + ByteSize.format(limit)
                    + " exceeded by " + what + ": " + ByteSize.format(reserved) + " in use, "
                    + ByteSize.format(asked) + " more asked for (SET memory_limit to allow more)");
        }
        return new MuruException(ErrorCode.MEMORY_LIMIT, "engine memory budget " + ByteSize.format(budget.limit())
                + " exhausted by running queries when " + what + " asked for " + ByteSize.format(asked) + ": "
                + ByteSize.format(budget.reserved()) + " in use by all queries, " + ByteSize.format(reserved)
                + " by this one (muru.memory.global-limit)");
    }
}
