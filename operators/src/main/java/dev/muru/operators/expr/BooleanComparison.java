package dev.muru.operators.expr;

import dev.muru.core.vector.BooleanVector;
import dev.muru.core.vector.ColumnVector;
import dev.muru.plan.expr.Function;

/** Comparisons on BOOLEAN vectors, with false &lt; true. */
final class BooleanComparison extends ComparisonExpression {
    private final boolean constant;

    BooleanComparison(Function op, VectorExpression left, VectorExpression right) {
        super(op, left, right, right instanceof ConstantExpression);
        this.constant = right instanceof ConstantExpression && ((ConstantExpression) right).booleanValue();
    }

    private boolean holds(boolean a, boolean b) {
        switch (relation) {
            case EQUAL: return a == b;
            case LESS: return !a & b;
            default: return !a | b;
        }
    }

    @Override
    protected int selectValues(ColumnVector l, ColumnVector r, int[] sel, int n, int[] out) {
        boolean[] a = ((BooleanVector) l).values();
        boolean[] b = r == null ? null : ((BooleanVector) r).values();
        boolean neg = negate;
        int k = 0;
        for (int i = 0; i < n; i++) {
            int p = sel == null ? i : sel[i];
            out[k] = p;
            k += holds(a[p], b == null ? constant : b[p]) != neg ? 1 : 0;
        }
        return k;
    }
}
