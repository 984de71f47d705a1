package dev.muru.engine;

import dev.muru.core.Morsel;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands out a pipeline's input morsels to its workers through one atomic cursor: a fast
 * worker simply takes more, which balances skewed work without a scheduler.
 */
public final class MorselDispatcher {
    private final List<Morsel> morsels;
    private final AtomicInteger cursor = new AtomicInteger();

    public MorselDispatcher(List<Morsel> morsels) {
        this.morsels = morsels;
    }

    /** The next morsel, or null when all have been handed out. */
    public Morsel next() {
        int i = cursor.getAndIncrement();
        return i < morsels.size() ? morsels.get(i) : null;
    }

    /** Morsels handed out so far (for progress; may pass size() once workers ask past the end). */
    public int taken() {
        return cursor.get();
    }

    public int size() {
        return morsels.size();
    }

    public long rows() {
        long n = 0;
        for (Morsel m : morsels) {
            n += m.size();
        }
        return n;
    }
}
