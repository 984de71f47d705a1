package dev.muru.operators.pipeline;

import dev.muru.core.Morsel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Collects result morsels. With a limit, workers share one counter so that all of them stop
 * once enough rows exist; the coordinator applies the exact OFFSET/LIMIT afterwards.
 */
public final class CollectSink implements SinkState {
    private final List<Morsel> morsels = new ArrayList<>();
    private final long wanted;
    private final AtomicLong collected;
    private long keptBytes;

    /** {@code wanted} is limit + offset, or -1 for everything. */
    public CollectSink(long wanted, AtomicLong sharedCount) {
        this.wanted = wanted;
        this.collected = sharedCount;
    }

    @Override
    public void add(Morsel morsel) {
        if (morsel.size() == 0 || satisfied()) {
            return;
        }
        Morsel kept = morsel.compact();
        morsels.add(kept);
        keptBytes += kept.estimatedBytes();
        collected.addAndGet(morsel.size());
    }

    @Override
    public boolean satisfied() {
        return wanted >= 0 && collected.get() >= wanted;
    }

    /** The kept morsels' estimates, summed as they were added. */
    @Override
    public long estimatedBytes() {
        return keptBytes;
    }

    public List<Morsel> morsels() {
        return morsels;
    }

    /** Applies OFFSET and LIMIT to morsels in order. */
    public static List<Morsel> slice(List<Morsel> in, long limit, long offset) {
        List<Morsel> out = new ArrayList<>();
        long skip = offset;
        long left = limit < 0 ? Long.MAX_VALUE : limit;
        for (Morsel m : in) {
            if (left == 0) {
                break;
            }
            int n = m.size();
            if (skip >= n) {
                skip -= n;
                continue;
            }
            int from = (int) skip;
            int count = (int) Math.min(n - from, left);
            skip = 0;
            left -= count;
            out.add(from == 0 && count == n ? m : range(m, from, count));
        }
        return out;
    }

    private static Morsel range(Morsel m, int from, int count) {
        Morsel dense = m.compact();
        dev.muru.core.vector.ColumnVector[] cols = new dev.muru.core.vector.ColumnVector[dense.columnCount()];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = dense.column(c).copyRange(from, count);
        }
        return new Morsel(cols, count);
    }
}
