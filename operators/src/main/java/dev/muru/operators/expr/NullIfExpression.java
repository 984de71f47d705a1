package dev.muru.operators.expr;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.NullMask;

/**
 * NULLIF(a, b): a, made NULL where a = b. The result shares a's value array and only gets a
 * new null mask; NULLIF(a, NULL) is a.
 */
final class NullIfExpression implements VectorExpression {
    private final VectorExpression left;
    private final VectorExpression right;
    private final DataType type;

    NullIfExpression(VectorExpression left, VectorExpression right, DataType type) {
        this.left = left;
        this.right = right;
        this.type = type;
    }

    @Override
    public ColumnVector evaluate(Morsel in) {
        ColumnVector a = left.evaluate(in);
        ColumnVector b = right.evaluate(in);
        int positions = in.positions();
        long[] mask = a.nullMask() == null ? new long[NullMask.words(positions)] : a.nullMask().clone();
        long[] bNulls = b.nullMask();
        boolean any = false;
        for (int i = 0, n = in.size(); i < n; i++) {
            int p = in.position(i);
            if (!NullMask.isNull(mask, p) && !NullMask.isNull(bNulls, p) && Vectors.equalAt(a, b, p)) {
                NullMask.set(mask, p);
                any = true;
            }
        }
        return Vectors.withNulls(a, type, any || a.hasNulls() ? mask : null);
    }

    @Override
    public DataType type() {
        return type;
    }
}
