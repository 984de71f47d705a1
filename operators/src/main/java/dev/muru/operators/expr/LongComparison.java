package dev.muru.operators.expr;

import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.LongVector;
import dev.muru.plan.expr.Function;

/**
 * Comparisons on long vectors (BIGINT, DECIMAL at equal scales). Against a constant every
 * operator is a range test {@code lo <= x <= hi}, possibly negated, so one branch-free loop
 * serves all six.
 */
final class LongComparison extends ComparisonExpression {
    private final long lo;
    private final long hi;

    LongComparison(Function op, VectorExpression left, VectorExpression right) {
        super(op, left, right, right instanceof ConstantExpression);
        if (right instanceof ConstantExpression) {
            long c = ((ConstantExpression) right).longValue();
            switch (relation) {
                case EQUAL: lo = c; hi = c; break;
                case LESS:
                    // x < MIN holds for nothing: an empty range
                    lo = c == Long.MIN_VALUE ? 1 : Long.MIN_VALUE;
                    hi = c == Long.MIN_VALUE ? 0 : c - 1;
                    break;
                default: lo = Long.MIN_VALUE; hi = c; break;
            }
        } else {
            lo = 0;
            hi = 0;
        }
    }

    @Override
    protected int selectValues(ColumnVector l, ColumnVector r, int[] sel, int n, int[] out) {
        long[] a = ((LongVector) l).values();
        if (r == null) {
            return selectRange(a, sel, n, out);
        }
        long[] b = ((LongVector) r).values();
        boolean neg = negate;
        int k = 0;
        switch (relation) {
            case EQUAL:
                if (sel == null) { for (int p = 0; p < n; p++) { out[k] = p; k += (a[p] == b[p]) != neg ? 1 : 0; } }
                else { for (int i = 0; i < n; i++) { int p = sel[i]; out[k] = p; k += (a[p] == b[p]) != neg ? 1 : 0; } }
                return k;
            case LESS:
                if (sel == null) { for (int p = 0; p < n; p++) { out[k] = p; k += (a[p] < b[p]) != neg ? 1 : 0; } }
                else { for (int i = 0; i < n; i++) { int p = sel[i]; out[k] = p; k += (a[p] < b[p]) != neg ? 1 : 0; } }
                return k;
            default:
                if (sel == null) { for (int p = 0; p < n; p++) { out[k] = p; k += (a[p] <= b[p]) != neg ? 1 : 0; } }
                else { for (int i = 0; i < n; i++) { int p = sel[i]; out[k] = p; k += (a[p] <= b[p]) != neg ? 1 : 0; } }
                return k;
        }
    }

    private int selectRange(long[] a, int[] sel, int n, int[] out) {
        long low = lo;
        long high = hi;
        boolean neg = negate;
        int k = 0;
        if (sel == null) {
            for (int p = 0; p < n; p++) {
                long x = a[p];
                out[k] = p;
                k += (x >= low & x <= high) != neg ? 1 : 0;
            }
        } else {
            for (int i = 0; i < n; i++) {
                int p = sel[i];
                long x = a[p];
                out[k] = p;
                k += (x >= low & x <= high) != neg ? 1 : 0;
            }
        }
        return k;
    }
}
