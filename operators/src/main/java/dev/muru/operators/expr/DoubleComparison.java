package dev.muru.operators.expr;

import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.DoubleVector;
import dev.muru.plan.expr.Function;

/**
 * Comparisons on DOUBLE vectors in PostgreSQL's total order: NaN equals NaN and is larger than
 * every other value, -0.0 equals 0.0. Against a constant that is not NaN the plain IEEE operators
 * already give that order (a NaN row fails =, &lt; and &lt;=, so its negations hold).
 */
final class DoubleComparison extends ComparisonExpression {
    private final double constant;

    DoubleComparison(Function op, VectorExpression left, VectorExpression right) {
        super(op, left, right, isPlainConstant(right));
        this.constant = isPlainConstant(right) ? ((ConstantExpression) right).doubleValue() : 0;
    }

    /** A NaN constant takes the column-column path, which knows NaN's place in the order. */
    private static boolean isPlainConstant(VectorExpression e) {
        return e instanceof ConstantExpression && !Double.isNaN(((ConstantExpression) e).doubleValue());
    }

    static boolean equal(double a, double b) {
        return a == b | (a != a & b != b);
    }

    static boolean less(double a, double b) {
        return a < b | (a == a & b != b);
    }

    static boolean lessEqual(double a, double b) {
        return a <= b | b != b;
    }

    @Override
    protected int selectValues(ColumnVector l, ColumnVector r, int[] sel, int n, int[] out) {
        double[] a = ((DoubleVector) l).values();
        boolean neg = negate;
        int k = 0;
        if (r == null) {
            double c = constant;
            switch (relation) {
                case EQUAL:
                    if (sel == null) { for (int p = 0; p < n; p++) { out[k] = p; k += (a[p] == c) != neg ? 1 : 0; } }
                    else { for (int i = 0; i < n; i++) { int p = sel[i]; out[k] = p; k += (a[p] == c) != neg ? 1 : 0; } }
                    return k;
                case LESS:
                    if (sel == null) { for (int p = 0; p < n; p++) { out[k] = p; k += (a[p] < c) != neg ? 1 : 0; } }
                    else { for (int i = 0; i < n; i++) { int p = sel[i]; out[k] = p; k += (a[p] < c) != neg ? 1 : 0; } }
                    return k;
                default:
                    if (sel == null) { for (int p = 0; p < n; p++) { out[k] = p; k += (a[p] <= c) != neg ? 1 : 0; } }
                    else { for (int i = 0; i < n; i++) { int p = sel[i]; out[k] = p; k += (a[p] <= c) != neg ? 1 : 0; } }
                    return k;
            }
        }
        double[] b = ((DoubleVector) r).values();
        switch (relation) {
            case EQUAL:
                if (sel == null) { for (int p = 0; p < n; p++) { out[k] = p; k += equal(a[p], b[p]) != neg ? 1 : 0; } }
                else { for (int i = 0; i < n; i++) { int p = sel[i]; out[k] = p; k += equal(a[p], b[p]) != neg ? 1 : 0; } }
                return k;
            case LESS:
                if (sel == null) { for (int p = 0; p < n; p++) { out[k] = p; k += less(a[p], b[p]) != neg ? 1 : 0; } }
                else { for (int i = 0; i < n; i++) { int p = sel[i]; out[k] = p; k += less(a[p], b[p]) != neg ? 1 : 0; } }
                return k;
            default:
                if (sel == null) { for (int p = 0; p < n; p++) { out[k] = p; k += lessEqual(a[p], b[p]) != neg ? 1 : 0; } }
                else { for (int i = 0; i < n; i++) { int p = sel[i]; out[k] = p; k += lessEqual(a[p], b[p]) != neg ? 1 : 0; } }
                return k;
        }
    }
}
