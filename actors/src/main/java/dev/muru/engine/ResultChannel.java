package dev.muru.engine;

import dev.muru.core.ErrorCode;
import dev.muru.core.Morsel;
import dev.muru.core.MuruException;
import dev.muru.core.Schema;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A statement's result on its way to one consumer, with backpressure: the producers (the last
 * pipeline's workers, or the coordinator feeding a finished result) add morsels while fewer
 * than {@code capacity} wait, and otherwise ask to be woken when the consumer takes one. So a
 * result of any size passes through a few morsels of memory. It applies the statement's
 * OFFSET and LIMIT as rows pass, since parallel workers each see only part of the rows.
 * Callbacks run outside the lock, on the thread that made room or added the morsel.
 */
public final class ResultChannel {
    private final int capacity;
    private final ArrayDeque<Morsel> queue = new ArrayDeque<>();
    private final List<Runnable> roomWaiters = new ArrayList<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private Runnable availableWaiter;
    private Runnable onCancel;
    private String kind = "SELECT";
    private Schema schema;
    private boolean ended;
    private boolean closed;
    private MuruException error;
    private long updateCount = -1;
    private long elapsedNanos;
    private long skip;
    private long left = Long.MAX_VALUE;
    private long rows;

    public ResultChannel(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    // ---- producer side ----

    /** Morsels that may wait for the consumer before producers pause. */
    public int capacity() {
        return capacity;
    }

    /** The result's kind and schema, known once the statement is planned. */
    public synchronized void start(String kind, Schema schema) {
        this.kind = kind;
        this.schema = schema;
    }

    /** Whether {@link #start} was called. */
    public synchronized boolean started() {
        return schema != null;
    }

    /** OFFSET and LIMIT (-1: none) for the rows offered from now on. */
    public synchronized void slice(long limit, long offset) {
        this.skip = Math.max(0, offset);
        this.left = limit < 0 ? Long.MAX_VALUE : limit;
    }

    /**
     * Adds a morsel (its OFFSET/LIMIT part). It may go over capacity: producers check
     * {@link #hasRoom} before they make the next one, not before they hand one over.
     */
    public void offer(Morsel m) {
        Runnable wake;
        synchronized (this) {
            if (ended || closed || left == 0 || m.size() == 0) {
                return;
            }
            int n = m.size();
            if (skip >= n) {
                skip -= n;
                return;
            }
            int from = (int) skip;
            int count = (int) Math.min(n - from, left);
            skip = 0;
            left -= count;
            Morsel kept = from == 0 && count == n ? m.compact() : range(m.compact(), from, count);
            queue.add(kept);
            rows += count;
            wake = availableWaiter;
            availableWaiter = null;
            notifyAll();
        }
        ready.complete(null);
        run(wake);
    }

    /**
     * As {@link #offer}, but first waits while {@code hardLimit} morsels are queued. Only a
     * join that explodes one input morsel into many outputs gets there (producers check
     * {@link #hasRoom} between input morsels); its worker then waits inside the morsel, as a
     * managed blocker so that the worker pool adds a thread meanwhile. Ending, failing or
     * closing the channel wakes it.
     */
    public void offerWaiting(Morsel m, int hardLimit) {
        boolean full;
        synchronized (this) {
            full = queue.size() >= hardLimit && !ended && !closed;
        }
        if (full) {
            try {
                java.util.concurrent.ForkJoinPool.managedBlock(new java.util.concurrent.ForkJoinPool.ManagedBlocker() {
                    @Override
                    public boolean block() throws InterruptedException {
                        synchronized (ResultChannel.this) {
                            if (!isReleasable()) {
                                ResultChannel.this.wait(50);
                            }
                        }
                        return isReleasable();
                    }

                    @Override
                    public boolean isReleasable() {
                        synchronized (ResultChannel.this) {
                            return queue.size() < hardLimit || ended || closed;
                        }
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        offer(m);
    }

    /** Whether a producer may make another morsel now (also true once nobody wants more). */
    public synchronized boolean hasRoom() {
        return queue.size() < capacity || closed || ended;
    }

    /** Whether rows offered now would still be used: no LIMIT reached, no consumer gone. */
    public synchronized boolean wantsMore() {
        return !closed && !ended && left > 0;
    }

    /** Runs {@code r} once there is room: at once when there is, else when the consumer takes a morsel. */
    public void whenRoom(Runnable r) {
        synchronized (this) {
            if (!hasRoom()) {
                roomWaiters.add(r);
                return;
            }
        }
        r.run();
    }

    /** The statement succeeded: after the queued morsels the consumer sees the end. */
    public void complete(String kind, Schema schema, long updateCount, long elapsedNanos) {
        Runnable wake;
        synchronized (this) {
            if (ended) {
                return;
            }
            this.kind = kind;
            if (this.schema == null) {
                this.schema = schema;
            }
            this.updateCount = updateCount;
            this.elapsedNanos = elapsedNanos;
            ended = true;
            wake = availableWaiter;
            availableWaiter = null;
            notifyAll();
        }
        ready.complete(null);
        run(wake);
        wakeProducers();
    }

    /** The statement failed: the consumer gets {@code e} (at once if it has no row yet). */
    public void fail(MuruException e) {
        Runnable wake;
        synchronized (this) {
            if (ended) {
                return;
            }
            error = e;
            ended = true;
            queue.clear();
            wake = availableWaiter;
            availableWaiter = null;
            notifyAll();
        }
        ready.complete(null);
        run(wake);
        wakeProducers();
    }

    /** What to do when the consumer closes the channel before the end (cancel the statement). */
    public void onCancel(Runnable r) {
        boolean now;
        synchronized (this) {
            onCancel = r;
            now = closed && !ended;
        }
        if (now) {
            r.run();
        }
    }

    // ---- consumer side ----

    /** Completes when the first morsel, the end or the error is there. */
    public CompletionStage<Void> ready() {
        return ready;
    }

    public synchronized String kind() {
        return kind;
    }

    /** The result's schema (null before the statement is planned). */
    public synchronized Schema schema() {
        return schema;
    }

    /** The rows changed by DML (-1 for queries); final once {@link #isEnd()} is true. */
    public synchronized long updateCount() {
        return updateCount;
    }

    public synchronized long elapsedNanos() {
        return elapsedNanos;
    }

    /** Result rows handed over so far. */
    public synchronized long rows() {
        return rows;
    }

    /** The next morsel if one is there, else null; throws the statement's error once it failed. */
    public Morsel poll() {
        Morsel m;
        synchronized (this) {
            if (error != null) {
                throw error;
            }
            m = queue.poll();
            if (m != null) {
                notifyAll();
            }
        }
        if (m != null) {
            wakeProducers();
        }
        return m;
    }

    /** True when the statement ended and every morsel was taken. */
    public synchronized boolean isEnd() {
        if (error != null) {
            throw error;
        }
        return ended && queue.isEmpty();
    }

    /** The next morsel, waiting up to {@code timeoutNanos} (Long.MAX_VALUE: no limit); null at the end. */
    public Morsel next(long timeoutNanos) throws InterruptedException {
        long begin = System.nanoTime();
        synchronized (this) {
            while (error == null && queue.isEmpty() && !ended) {
                if (timeoutNanos == Long.MAX_VALUE) {
                    wait();
                    continue;
                }
                long wait = timeoutNanos - (System.nanoTime() - begin);
                if (wait <= 0) {
                    throw new MuruException(ErrorCode.QUERY_TIMEOUT, "no result arrived within "
                            + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
                }
                TimeUnit.NANOSECONDS.timedWait(this, wait);
            }
        }
        return poll();
    }

    /** Runs {@code r} once when {@link #poll} would give a morsel, the end or the error. */
    public void whenAvailable(Runnable r) {
        synchronized (this) {
            if (error == null && queue.isEmpty() && !ended) {
                availableWaiter = r;
                return;
            }
        }
        r.run();
    }

    /** The consumer is gone: queued morsels are dropped and a running statement is cancelled. */
    public void close() {
        Runnable cancel;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
            notifyAll();
            cancel = ended ? null : onCancel;
        }
        run(cancel);
        wakeProducers();
    }

    public synchronized boolean closed() {
        return closed;
    }

    private void wakeProducers() {
        List<Runnable> wake;
        synchronized (this) {
            if (roomWaiters.isEmpty() || !hasRoom()) {
                return;
            }
            wake = new ArrayList<>(roomWaiters);
            roomWaiters.clear();
        }
        wake.forEach(Runnable::run);
    }

    private static void run(Runnable r) {
        if (r != null) {
            r.run();
        }
    }

    private static Morsel range(Morsel m, int from, int count) {
        dev.muru.core.vector.ColumnVector[] cols = new dev.muru.core.vector.ColumnVector[m.columnCount()];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = m.column(c).copyRange(from, count);
        }
        return new Morsel(cols, count);
    }
}
