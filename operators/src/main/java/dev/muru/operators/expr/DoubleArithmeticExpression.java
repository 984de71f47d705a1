package dev.muru.operators.expr;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.DoubleVector;
import dev.muru.core.vector.NullMask;
import dev.muru.plan.expr.Function;

/**
 * + - * / % on DOUBLE vectors. Only / and % can fail (DIVISION_BY_ZERO, DOUBLE included): the
 * fast loop notes a zero divisor in a flag and a checked loop then decides, skipping NULL rows.
 */
final class DoubleArithmeticExpression implements VectorExpression, TransientOutput {
    private final Function op;
    private final VectorExpression left;
    private final VectorExpression right;
    private final boolean rightIsConstant;
    private final double constant;
    private final DataType type;

    private DoubleArithmeticExpression(Function op, VectorExpression left, VectorExpression right, DataType type) {
        this.op = op;
        this.left = TransientOutput.child(left);
        this.right = TransientOutput.child(right);
        this.type = type;
        this.rightIsConstant = right instanceof ConstantExpression;
        this.constant = rightIsConstant ? ((ConstantExpression) right).doubleValue() : 0;
    }

    /** Puts a constant operand of + and * on the right, where the column-constant loops expect it. */
    static VectorExpression create(Function op, VectorExpression left, VectorExpression right, DataType type) {
        boolean commutative = op == Function.ADD || op == Function.MULTIPLY;
        if (commutative && left instanceof ConstantExpression && !(right instanceof ConstantExpression)) {
            return new DoubleArithmeticExpression(op, right, left, type);
        }
        return new DoubleArithmeticExpression(op, left, right, type);
    }

    private boolean reuse;
    private double[] buffer;

    @Override
    public void reuseOutput() {
        reuse = true;
    }

    /** The result array: the kept buffer when this node is transient and the size matches. */
    private double[] output(int positions) {
        if (!reuse) {
            return new double[positions];
        }
        if (buffer == null || buffer.length != positions) {
            buffer = new double[positions];
        }
        return buffer;
    }

    @Override
    public ColumnVector evaluate(Morsel in) {
        DoubleVector l = (DoubleVector) left.evaluate(in);
        double[] a = l.values();
        int[] sel = in.selection();
        int n = in.size();
        double[] r = output(in.positions());
        if (rightIsConstant) {
            long[] nulls = Vectors.copyNulls(l);
            if (constant == 0 && (op == Function.DIVIDE || op == Function.MODULO)) {
                checked(a, null, nulls, r, sel, n);
            } else {
                columnConstant(a, constant, r, sel, n);
            }
            return new DoubleVector(type, r, nulls);
        }
        DoubleVector rv = (DoubleVector) right.evaluate(in);
        double[] b = rv.values();
        long[] nulls = Vectors.orNulls(l, rv, in.positions());
        if (columnColumn(a, b, r, sel, n)) {
            checked(a, b, nulls, r, sel, n);
        }
        return new DoubleVector(type, r, nulls);
    }

    private void columnConstant(double[] a, double c, double[] r, int[] sel, int n) {
        switch (op) {
            case ADD:
                if (sel == null) { for (int p = 0; p < n; p++) r[p] = a[p] + c; }
                else { for (int i = 0; i < n; i++) { int p = sel[i]; r[p] = a[p] + c; } }
                return;
            case SUBTRACT:
                if (sel == null) { for (int p = 0; p < n; p++) r[p] = a[p] - c; }
                else { for (int i = 0; i < n; i++) { int p = sel[i]; r[p] = a[p] - c; } }
                return;
            case MULTIPLY:
                if (sel == null) { for (int p = 0; p < n; p++) r[p] = a[p] * c; }
                else { for (int i = 0; i < n; i++) { int p = sel[i]; r[p] = a[p] * c; } }
                return;
            case DIVIDE:
                if (sel == null) { for (int p = 0; p < n; p++) r[p] = a[p] / c; }
                else { for (int i = 0; i < n; i++) { int p = sel[i]; r[p] = a[p] / c; } }
                return;
            case MODULO:
                if (sel == null) { for (int p = 0; p < n; p++) r[p] = a[p] % c; }
                else { for (int i = 0; i < n; i++) { int p = sel[i]; r[p] = a[p] % c; } }
                return;
            default:
                throw new IllegalStateException(op.name());
        }
    }

    /** Returns whether a divisor was zero, in which case the checked loop must decide. */
    private boolean columnColumn(double[] a, double[] b, double[] r, int[] sel, int n) {
        boolean zeroDivisor = false;
        switch (op) {
            case ADD:
                if (sel == null) { for (int p = 0; p < n; p++) r[p] = a[p] + b[p]; }
                else { for (int i = 0; i < n; i++) { int p = sel[i]; r[p] = a[p] + b[p]; } }
                break;
            case SUBTRACT:
                if (sel == null) { for (int p = 0; p < n; p++) r[p] = a[p] - b[p]; }
                else { for (int i = 0; i < n; i++) { int p = sel[i]; r[p] = a[p] - b[p]; } }
                break;
            case MULTIPLY:
                if (sel == null) { for (int p = 0; p < n; p++) r[p] = a[p] * b[p]; }
                else { for (int i = 0; i < n; i++) { int p = sel[i]; r[p] = a[p] * b[p]; } }
                break;
            case DIVIDE:
                if (sel == null) { for (int p = 0; p < n; p++) { zeroDivisor |= b[p] == 0; r[p] = a[p] / b[p]; } }
                else { for (int i = 0; i < n; i++) { int p = sel[i]; zeroDivisor |= b[p] == 0; r[p] = a[p] / b[p]; } }
                break;
            case MODULO:
                if (sel == null) { for (int p = 0; p < n; p++) { zeroDivisor |= b[p] == 0; r[p] = a[p] % b[p]; } }
                else { for (int i = 0; i < n; i++) { int p = sel[i]; zeroDivisor |= b[p] == 0; r[p] = a[p] % b[p]; } }
                break;
            default:
                throw new IllegalStateException(op.name());
        }
        return zeroDivisor;
    }

    /** The slow path for / and %: skips NULL rows and raises on the first live zero divisor. */
    private void checked(double[] a, double[] b, long[] nulls, double[] r, int[] sel, int n) {
        for (int i = 0; i < n; i++) {
            int p = sel == null ? i : sel[i];
            if (NullMask.isNull(nulls, p)) {
                r[p] = 0;
                continue;
            }
            double y = b == null ? constant : b[p];
            if (y == 0) {
                throw Errors.divisionByZero();
            }
            r[p] = op == Function.DIVIDE ? a[p] / y : a[p] % y;
        }
    }

    @Override
    public DataType type() {
        return type;
    }

    @Override
    public String toString() {
        return op.name().toLowerCase() + "(" + left + ", " + right + ")";
    }
}
