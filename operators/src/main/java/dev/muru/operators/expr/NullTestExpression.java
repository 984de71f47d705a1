package dev.muru.operators.expr;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.vector.BooleanVector;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.NullMask;

/** IS NULL / IS NOT NULL: never NULL itself; a vector without a null mask answers at once. */
final class NullTestExpression implements VectorExpression, SelectionFilter {
    private final VectorExpression operand;
    private final boolean isNullTest;
    private final ConstantExpression answerWithoutNulls;

    NullTestExpression(VectorExpression operand, boolean isNullTest) {
        this.operand = operand;
        this.isNullTest = isNullTest;
        this.answerWithoutNulls = new ConstantExpression(!isNullTest, DataType.BOOLEAN);
    }

    @Override
    public ColumnVector evaluate(Morsel in) {
        ColumnVector v = operand.evaluate(in);
        long[] mask = v.nullMask();
        if (mask == null) {
            return answerWithoutNulls.evaluate(in);
        }
        boolean[] r = new boolean[in.positions()];
        for (int i = 0, n = in.size(); i < n; i++) {
            int p = in.position(i);
            r[p] = NullMask.isNull(mask, p) == isNullTest;
        }
        return new BooleanVector(DataType.BOOLEAN, r, null);
    }

    @Override
    public int select(Morsel in, int[] out) {
        long[] mask = operand.evaluate(in).nullMask();
        int n = in.size();
        int k = 0;
        for (int i = 0; i < n; i++) {
            int p = in.position(i);
            if (NullMask.isNull(mask, p) == isNullTest) {
                out[k++] = p;
            }
        }
        return k;
    }

    @Override
    public DataType type() {
        return DataType.BOOLEAN;
    }

    @Override
    public String toString() {
        return (isNullTest ? "is_null(" : "is_not_null(") + operand + ")";
    }
}
