package dev.muru.operators.expr;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.vector.BooleanVector;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.NullMask;

/**
 * n-ary AND / OR in three-valued logic: FALSE AND NULL = FALSE, TRUE OR NULL = TRUE.
 *
 * <p>Operands are evaluated left to right, each only on the rows the earlier ones left undecided
 * (not yet FALSE for AND, not yet TRUE for OR). That saves work, and {@code x <> 0 AND 10 / x > 1}
 * never divides by a zero row, as PostgreSQL users expect. As a filter, AND narrows the selection
 * through each operand in turn.
 */
final class LogicalExpression implements VectorExpression, SelectionFilter {
    private final boolean isAnd;
    private final VectorExpression[] operands;

    LogicalExpression(boolean isAnd, VectorExpression[] operands) {
        if (operands.length < 1) {
            throw Errors.internal((isAnd ? "AND" : "OR") + " without operands");
        }
        this.isAnd = isAnd;
        this.operands = operands;
    }

    @Override
    public ColumnVector evaluate(Morsel in) {
        int positions = in.positions();
        boolean[] values = new boolean[positions];
        long[] nulls = null;
        int[] undecided = Vectors.livePositions(in);
        int count = undecided.length;
        // An operand equal to isAnd (TRUE for AND, FALSE for OR) leaves a row undecided
        for (VectorExpression operand : operands) {
            if (count == 0) {
                break;
            }
            Morsel rows = count == in.size() ? in : in.withSelection(undecided, count);
            BooleanVector v = (BooleanVector) operand.evaluate(rows);
            boolean[] b = v.values();
            long[] mask = v.nullMask();
            int kept = 0;
            for (int i = 0; i < count; i++) {
                int p = undecided[i];
                if (NullMask.isNull(mask, p)) {
                    if (nulls == null) {
                        nulls = new long[NullMask.words(positions)];
                    }
                    NullMask.set(nulls, p);
                    undecided[kept++] = p;
                } else if (b[p] == isAnd) {
                    undecided[kept++] = p;
                } else {
                    values[p] = !isAnd;
                    if (nulls != null) {
                        Vectors.clearNull(nulls, p);
                    }
                }
            }
            count = kept;
        }
        // Rows never decided are TRUE for AND and FALSE for OR, unless an operand was NULL
        for (int i = 0; i < count; i++) {
            values[undecided[i]] = isAnd;
        }
        return new BooleanVector(DataType.BOOLEAN, values, nulls);
    }

    @Override
    public int select(Morsel in, int[] out) {
        if (!isAnd) {
            return FilterKernel.collectTrue((BooleanVector) evaluate(in), in, out);
        }
        int k = FilterKernel.select(in, operands[0], out);
        for (int j = 1; j < operands.length && k > 0; j++) {
            k = FilterKernel.select(in.withSelection(out, k), operands[j], out);
        }
        return k;
    }

    @Override
    public DataType type() {
        return DataType.BOOLEAN;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(isAnd ? "and(" : "or(");
        for (int i = 0; i < operands.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(operands[i]);
        }
        return sb.append(')').toString();
    }
}
