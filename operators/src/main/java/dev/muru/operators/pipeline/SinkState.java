package dev.muru.operators.pipeline;

import dev.muru.core.Morsel;

/** The per-worker state of a pipeline's sink: it takes morsels, then is finished once. */
public interface SinkState {
    void add(Morsel morsel);

    /** True when more input cannot change the result (a filled LIMIT): the worker may stop early. */
    default boolean satisfied() {
        return false;
    }
}
