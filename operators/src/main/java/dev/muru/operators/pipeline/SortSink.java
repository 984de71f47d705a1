package dev.muru.operators.pipeline;

import dev.muru.core.Morsel;
import dev.muru.operators.sort.SortKey;
import dev.muru.operators.sort.SortRun;
import dev.muru.operators.sort.TopN;
import dev.muru.plan.logical.SortItem;
import dev.muru.plan.physical.PipelineSink;

import java.util.ArrayList;
import java.util.List;

/** A worker's share of a sort: one sorted run, or a top-N heap when the sort has a limit. */
public final class SortSink implements SinkState {
    private final List<SortKey> keys;
    private final TopN topN;
    private final List<Morsel> buffered = new ArrayList<>();
    private long bufferedBytes;

    public SortSink(PipelineSink.Sort sink) {
        this.keys = keys(sink.items());
        this.topN = sink.topN() >= 0 && sink.topN() <= Integer.MAX_VALUE ? new TopN((int) sink.topN(), keys) : null;
    }

    public static List<SortKey> keys(List<SortItem> items) {
        List<SortKey> out = new ArrayList<>();
        for (SortItem i : items) {
            out.add(new SortKey(i.column(), i.ascending(), i.nullsFirst()));
        }
        return out;
    }

    @Override
    public void add(Morsel morsel) {
        if (morsel.size() == 0) {
            return;
        }
        if (topN != null) {
            topN.add(morsel);
        } else {
            Morsel kept = morsel.compact();
            buffered.add(kept);
            bufferedBytes += kept.estimatedBytes();
        }
    }

    /** The buffered morsels (summed as added) or the top-N heap with the morsels it retains. */
    @Override
    public long estimatedBytes() {
        return topN != null ? topN.estimatedBytes() : bufferedBytes;
    }

    public TopN topN() {
        return topN;
    }

    /** The worker's sorted run (empty input gives an empty list). */
    public List<Morsel> sortedRun() {
        if (topN != null) {
            return List.of(topN.finish());
        }
        return buffered.isEmpty() ? List.of() : List.of(SortRun.sort(buffered, keys));
    }

    public List<SortKey> keys() {
        return keys;
    }
}
