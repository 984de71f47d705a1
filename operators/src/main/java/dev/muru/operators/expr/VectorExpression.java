package dev.muru.operators.expr;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.vector.ColumnVector;

/**
 * A compiled expression that evaluates a whole morsel at once.
 *
 * <p>The returned vector has {@code input.positions()} positions and is valid at the live
 * positions of the input ({@code input.position(i)} for {@code i < input.size()}); the other
 * positions hold garbage. Evaluators never compute dead positions when they can avoid it, never
 * modify their input's vectors, and keep no per-call state, so one compiled tree may be shared
 * by many workers. The returned vector may be shared (an input column, a cached constant): treat
 * it as read-only.
 */
public interface VectorExpression {
    ColumnVector evaluate(Morsel input);

    DataType type();
}
