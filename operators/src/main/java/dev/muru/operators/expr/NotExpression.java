package dev.muru.operators.expr;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.vector.BooleanVector;
import dev.muru.core.vector.ColumnVector;

/** NOT a: flips the value, keeps NULL. The compiler pushes NOT into comparisons, LIKE, IN and IS NULL first. */
final class NotExpression implements VectorExpression {
    private final VectorExpression operand;

    NotExpression(VectorExpression operand) {
        this.operand = operand;
    }

    @Override
    public ColumnVector evaluate(Morsel in) {
        BooleanVector v = (BooleanVector) operand.evaluate(in);
        boolean[] a = v.values();
        boolean[] r = new boolean[in.positions()];
        int[] sel = in.selection();
        int n = in.size();
        if (sel == null) { for (int p = 0; p < n; p++) r[p] = !a[p]; }
        else { for (int i = 0; i < n; i++) { int p = sel[i]; r[p] = !a[p]; } }
        return new BooleanVector(DataType.BOOLEAN, r, Vectors.copyNulls(v));
    }

    @Override
    public DataType type() {
        return DataType.BOOLEAN;
    }

    @Override
    public String toString() {
        return "not(" + operand + ")";
    }
}
