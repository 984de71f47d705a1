package dev.muru.operators.expr;

import dev.muru.core.Morsel;
import dev.muru.core.vector.ColumnVector;

/**
 * SELECT list: a morsel of the evaluated expressions with the input's positions and selection,
 * so the dead rows of a filtered morsel are never computed and nothing is compacted here.
 */
public final class ProjectionKernel {
    private ProjectionKernel() {
    }

    public static Morsel project(Morsel input, VectorExpression[] exprs) {
        ColumnVector[] columns = new ColumnVector[exprs.length];
        for (int i = 0; i < exprs.length; i++) {
            columns[i] = exprs[i].evaluate(input);
        }
        return new Morsel(columns, input.positions(), input.selection(), input.size());
    }
}
