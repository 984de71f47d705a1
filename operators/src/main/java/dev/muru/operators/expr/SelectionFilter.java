package dev.muru.operators.expr;

import dev.muru.core.Morsel;

/**
 * Capability of a BOOLEAN expression that can produce the rows where it is TRUE directly, without
 * materialising a boolean vector; {@link FilterKernel} uses it, and AND narrows through it.
 */
public interface SelectionFilter {
    /**
     * Writes into {@code out}, in the order of the input's live rows, the physical positions where
     * this predicate is TRUE (not FALSE, not NULL) and returns their count. {@code out} has at least
     * {@code input.size()} slots and may be the input's own selection array: an implementation
     * reads {@code selection[i]} before it writes {@code out[k]}, and {@code k <= i}.
     */
    int select(Morsel input, int[] out);
}
