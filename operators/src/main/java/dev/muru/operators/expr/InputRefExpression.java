package dev.muru.operators.expr;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.vector.ColumnVector;

/** A column of the input morsel, returned as is (zero copy). */
final class InputRefExpression implements VectorExpression {
    private final int index;
    private final DataType type;

    InputRefExpression(int index, DataType type) {
        this.index = index;
        this.type = type;
    }

    int index() {
        return index;
    }

    @Override
    public ColumnVector evaluate(Morsel input) {
        return input.column(index);
    }

    @Override
    public DataType type() {
        return type;
    }

    @Override
    public String toString() {
        return "#" + index;
    }
}
