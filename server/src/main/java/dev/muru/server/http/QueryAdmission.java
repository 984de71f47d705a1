package dev.muru.server.http;

import dev.muru.ResultCursor;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The limit on queries running through HTTP at once. A query holds its {@link Slot} from its
 * request until its result is fully sent (or the client is gone); releasing the slot also
 * closes its cursor, so a query whose response never reaches the client is cancelled too.
 */
final class QueryAdmission {
    private final int limit;
    private final Semaphore permits;

    QueryAdmission(int limit) {
        this.limit = limit;
        this.permits = new Semaphore(limit);
    }

    /** A slot, or a 429 error when {@code limit} queries hold one already. */
    Slot admit() {
        if (!permits.tryAcquire()) {
            throw new RequestError(429, HttpErrors.TOO_MANY_QUERIES,
                    "too many queries at once: the limit is " + limit + " (muru.http.max-concurrent-queries)");
        }
        return new Slot();
    }

    /** Queries holding a slot now. */
    int admitted() {
        return limit - permits.availablePermits();
    }

    final class Slot {
        private final AtomicBoolean released = new AtomicBoolean();
        private final AtomicBoolean streamed = new AtomicBoolean();
        private volatile ResultCursor cursor;

        void hold(ResultCursor c) {
            cursor = c;
            if (released.get()) {
                c.close();
            }
        }

        /** The cursor, for the response stream when it starts; marks the slot as streaming. */
        ResultCursor stream() {
            streamed.set(true);
            return cursor;
        }

        boolean streamed() {
            return streamed.get();
        }

        /** Once: closes the cursor (cancelling a statement still running) and frees the slot. */
        void release() {
            if (released.compareAndSet(false, true)) {
                ResultCursor c = cursor;
                if (c != null) {
                    c.close();
                }
                permits.release();
            }
        }
    }
}
