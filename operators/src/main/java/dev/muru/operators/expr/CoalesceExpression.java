package dev.muru.operators.expr;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.vector.ColumnVector;

/**
 * COALESCE(a, b, ...): each argument runs only on the rows still NULL after the earlier ones,
 * and the first argument's vector is returned as is when it has no NULL among the live rows.
 */
final class CoalesceExpression implements VectorExpression {
    private final VectorExpression[] args;
    private final DataType type;

    CoalesceExpression(VectorExpression[] args, DataType type) {
        if (args.length == 0) {
            throw Errors.internal("COALESCE without arguments");
        }
        this.args = args;
        this.type = type;
    }

    @Override
    public ColumnVector evaluate(Morsel in) {
        ColumnVector first = args[0].evaluate(in);
        if (!Vectors.anyLiveNull(first.nullMask(), in)) {
            return first;
        }
        ColumnVector out = ColumnVector.allocate(type, in.positions());
        int[] pending = Vectors.livePositions(in);
        int pendingCount = pending.length;
        int[] found = new int[pendingCount];
        ColumnVector value = first;
        for (int a = 0; ; a++) {
            // Split the pending rows into those this argument answers and those still NULL
            int foundCount = 0;
            int kept = 0;
            for (int i = 0; i < pendingCount; i++) {
                int p = pending[i];
                if (value.isNull(p)) {
                    pending[kept++] = p;
                } else {
                    found[foundCount++] = p;
                }
            }
            Vectors.copyPositions(value, out, found, foundCount);
            pendingCount = kept;
            if (pendingCount == 0 || a + 1 == args.length) {
                break;
            }
            value = args[a + 1].evaluate(in.withSelection(pending, pendingCount));
        }
        for (int i = 0; i < pendingCount; i++) {
            out.setNull(pending[i]);
        }
        return out;
    }

    @Override
    public DataType type() {
        return type;
    }
}
