package dev.muru.operators.pipeline;

import dev.muru.core.Morsel;

/** The per-worker state of a pipeline's sink: it takes morsels, then is finished once. */
public interface SinkState {
    void add(Morsel morsel);

    /** Bytes of the state this sink keeps, maintained incrementally so that asking costs O(1). */
    default long estimatedBytes() {
        return 0;
    }

    /** True when more input cannot change the result (a filled LIMIT): the worker may stop early. */
    default boolean satisfied() {
        return false;
    }
}
