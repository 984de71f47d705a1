package dev.muru.engine;

import dev.muru.core.Morsel;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.VectorBuilder;
import dev.muru.operators.expr.ConstantFolding;
import dev.muru.operators.expr.ExpressionCompiler;
import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.physical.PipelineSource;

import java.util.ArrayList;
import java.util.List;

/** Evaluates the rows of VALUES (and SELECT without FROM) into one morsel. */
final class ConstantRows {
    private ConstantRows() {
    }

    static Morsel evaluate(PipelineSource.ConstantRows source) {
        int width = source.schema().size();
        int n = source.rows().size();
        ColumnVector[] cols = new ColumnVector[width];
        Morsel oneRow = new Morsel(new ColumnVector[0], 1);
        for (int c = 0; c < width; c++) {
            List<Object> values = new ArrayList<>(n);
            for (List<BoundExpr> row : source.rows()) {
                BoundExpr e = ConstantFolding.fold(row.get(c));
                if (e instanceof BoundExpr.Constant) {
                    values.add(((BoundExpr.Constant) e).value());
                } else {
                    // Folding leaves a subtree whose evaluation fails (1/0): evaluate it to raise the error.
                    values.add(ExpressionCompiler.compile(e).evaluate(oneRow).getObject(0));
                }
            }
            cols[c] = VectorBuilder.of(source.schema().type(c), values);
        }
        return new Morsel(cols, n);
    }
}
