package dev.muru.operators.expr;

import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.IntVector;
import dev.muru.plan.expr.Function;

/**
 * Comparisons on int vectors (INTEGER, DATE). Against a constant every
 * operator is a range test {@code lo <= x <= hi}, possibly negated, so one branch-free loop
 * serves all six.
 */
final class IntComparison extends ComparisonExpression {
    private final int lo;
    private final int hi;

    IntComparison(Function op, VectorExpression left, VectorExpression right) {
        super(op, left, right, right instanceof ConstantExpression);
        if (right instanceof ConstantExpression) {
            int c = ((ConstantExpression) right).intValue();
            switch (relation) {
                case EQUAL: lo = c; hi = c; break;
                case LESS:
                    // x < MIN holds for nothing: an empty range
                    lo = c == Integer.MIN_VALUE ? 1 : Integer.MIN_VALUE;
                    hi = c == Integer.MIN_VALUE ? 0 : c - 1;
                    break;
                default: lo = Integer.MIN_VALUE; hi = c; break;
            }
        } else {
            lo = 0;
            hi = 0;
        }
    }

    @Override
    protected int selectValues(ColumnVector l, ColumnVector r, int[] sel, int n, int[] out) {
        int[] a = ((IntVector) l).values();
        if (r == null) {
            return selectRange(a, sel, n, out);
        }
        int[] b = ((IntVector) r).values();
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

    private int selectRange(int[] a, int[] sel, int n, int[] out) {
        int low = lo;
        int high = hi;
        boolean neg = negate;
        int k = 0;
        if (sel == null) {
            for (int p = 0; p < n; p++) {
                int x = a[p];
                out[k] = p;
                k += (x >= low & x <= high) != neg ? 1 : 0;
            }
        } else {
            for (int i = 0; i < n; i++) {
                int p = sel[i];
                int x = a[p];
                out[k] = p;
                k += (x >= low & x <= high) != neg ? 1 : 0;
            }
        }
        return k;
    }
}
