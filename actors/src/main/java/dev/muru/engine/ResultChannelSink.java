package dev.muru.engine;

import dev.muru.core.Morsel;
import dev.muru.operators.pipeline.SinkState;

/**
 * The last pipeline's sink when its rows go straight to a streaming consumer: each morsel
 * passes on at once, so the result is never held whole. The worker checks the channel's room
 * before it takes the next input morsel (see PipelineWorker).
 */
final class ResultChannelSink implements SinkState {
    private final ResultChannel channel;
    /** Queued morsels past which a worker waits inside an input morsel (an exploding join). */
    private final int hardLimit;

    ResultChannelSink(ResultChannel channel, int hardLimit) {
        this.channel = channel;
        this.hardLimit = hardLimit;
    }

    @Override
    public void add(Morsel morsel) {
        channel.offerWaiting(morsel, hardLimit);
    }

    @Override
    public boolean satisfied() {
        return !channel.wantsMore();
    }
}
