package dev.muru.operators.expr;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.IntVector;
import dev.muru.core.vector.NullMask;
import dev.muru.plan.expr.Function;

/**
 * + - * / % on INTEGER vectors; the twin of {@link LongArithmeticExpression} on int[].
 *
 * <p>The fast loops ignore nulls and rely on the exact-arithmetic intrinsics. If one throws, a
 * checked loop redoes the morsel skipping NULL rows, so the garbage under a NULL never raises an
 * error, and the first real bad row raises the SQL error.
 */
final class IntArithmeticExpression implements VectorExpression, TransientOutput {
    private final Function op;
    private final VectorExpression left;
    private final VectorExpression right;
    private final boolean rightIsConstant;
    private final int constant;
    private final DataType type;

    private IntArithmeticExpression(Function op, VectorExpression left, VectorExpression right, DataType type) {
        this.op = op;
        this.left = TransientOutput.child(left);
        this.right = TransientOutput.child(right);
        this.type = type;
        this.rightIsConstant = right instanceof ConstantExpression;
        this.constant = rightIsConstant ? ((ConstantExpression) right).intValue() : 0;
    }

    /** Puts a constant operand of + and * on the right, where the column-constant loops expect it. */
    static VectorExpression create(Function op, VectorExpression left, VectorExpression right, DataType type) {
        boolean commutative = op == Function.ADD || op == Function.MULTIPLY;
        if (commutative && left instanceof ConstantExpression && !(right instanceof ConstantExpression)) {
            return new IntArithmeticExpression(op, right, left, type);
        }
        return new IntArithmeticExpression(op, left, right, type);
    }

    private boolean reuse;
    private int[] buffer;

    @Override
    public void reuseOutput() {
        reuse = true;
    }

    /** The result array: the kept buffer when this node is transient and the size matches. */
    private int[] output(int positions) {
        if (!reuse) {
            return new int[positions];
        }
        if (buffer == null || buffer.length != positions) {
            buffer = new int[positions];
        }
        return buffer;
    }

    @Override
    public ColumnVector evaluate(Morsel in) {
        IntVector l = (IntVector) left.evaluate(in);
        int[] a = l.values();
        int[] sel = in.selection();
        int n = in.size();
        int[] r = output(in.positions());
        if (rightIsConstant) {
            long[] nulls = Vectors.copyNulls(l);
            boolean done;
            try {
                done = columnConstant(a, constant, r, sel, n);
            } catch (ArithmeticException e) {
                done = false;
            }
            if (!done) {
                checked(a, null, nulls, r, sel, n);
            }
            return new IntVector(type, r, nulls);
        }
        IntVector rv = (IntVector) right.evaluate(in);
        int[] b = rv.values();
        long[] nulls = Vectors.orNulls(l, rv, in.positions());
        try {
            columnColumn(a, b, r, sel, n);
        } catch (ArithmeticException e) {
            checked(a, b, nulls, r, sel, n);
        }
        return new IntVector(type, r, nulls);
    }

    /** Returns false when the constant makes every row need the checked loop (x / 0, x % 0). */
    private boolean columnConstant(int[] a, int c, int[] r, int[] sel, int n) {
        switch (op) {
            case ADD:
                if (sel == null) { for (int p = 0; p < n; p++) r[p] = Math.addExact(a[p], c); }
                else { for (int i = 0; i < n; i++) { int p = sel[i]; r[p] = Math.addExact(a[p], c); } }
                return true;
            case SUBTRACT:
                if (sel == null) { for (int p = 0; p < n; p++) r[p] = Math.subtractExact(a[p], c); }
                else { for (int i = 0; i < n; i++) { int p = sel[i]; r[p] = Math.subtractExact(a[p], c); } }
                return true;
            case MULTIPLY:
                if (sel == null) { for (int p = 0; p < n; p++) r[p] = Math.multiplyExact(a[p], c); }
                else { for (int i = 0; i < n; i++) { int p = sel[i]; r[p] = Math.multiplyExact(a[p], c); } }
                return true;
            case DIVIDE:
                if (c == 0) {
                    return false;
                }
                if (c == -1) {
                    // Integer.MIN_VALUE / -1 silently wraps in Java
                    if (sel == null) { for (int p = 0; p < n; p++) r[p] = Math.negateExact(a[p]); }
                    else { for (int i = 0; i < n; i++) { int p = sel[i]; r[p] = Math.negateExact(a[p]); } }
                    return true;
                }
                if (c > 0 && (c & (c - 1)) == 0) {
                    // A power of two: a shift, biased by c - 1 for negatives so it truncates toward zero
                    int shift = Integer.numberOfTrailingZeros(c);
                    int bias = c - 1;
                    if (sel == null) { for (int p = 0; p < n; p++) { int x = a[p]; r[p] = (x + ((x >> 31) & bias)) >> shift; } }
                    else { for (int i = 0; i < n; i++) { int p = sel[i]; int x = a[p]; r[p] = (x + ((x >> 31) & bias)) >> shift; } }
                    return true;
                }
                if (sel == null) { for (int p = 0; p < n; p++) r[p] = a[p] / c; }
                else { for (int i = 0; i < n; i++) { int p = sel[i]; r[p] = a[p] / c; } }
                return true;
            case MODULO:
                if (c == 0) {
                    return false;
                }
                if (c > 0 && (c & (c - 1)) == 0) {
                    // x % 2^k without a division: x minus x truncated toward zero to a multiple of c
                    int bias = c - 1;
                    int mask = -c;
                    if (sel == null) { for (int p = 0; p < n; p++) { int x = a[p]; r[p] = x - ((x + ((x >> 31) & bias)) & mask); } }
                    else { for (int i = 0; i < n; i++) { int p = sel[i]; int x = a[p]; r[p] = x - ((x + ((x >> 31) & bias)) & mask); } }
                    return true;
                }
                if (sel == null) { for (int p = 0; p < n; p++) r[p] = a[p] % c; }
                else { for (int i = 0; i < n; i++) { int p = sel[i]; r[p] = a[p] % c; } }
                return true;
            default:
                throw new IllegalStateException(op.name());
        }
    }

    /** Integer division by zero throws ArithmeticException here, which sends the morsel to {@link #checked}. */
    private void columnColumn(int[] a, int[] b, int[] r, int[] sel, int n) {
        switch (op) {
            case ADD:
                if (sel == null) { for (int p = 0; p < n; p++) r[p] = Math.addExact(a[p], b[p]); }
                else { for (int i = 0; i < n; i++) { int p = sel[i]; r[p] = Math.addExact(a[p], b[p]); } }
                return;
            case SUBTRACT:
                if (sel == null) { for (int p = 0; p < n; p++) r[p] = Math.subtractExact(a[p], b[p]); }
                else { for (int i = 0; i < n; i++) { int p = sel[i]; r[p] = Math.subtractExact(a[p], b[p]); } }
                return;
            case MULTIPLY:
                if (sel == null) { for (int p = 0; p < n; p++) r[p] = Math.multiplyExact(a[p], b[p]); }
                else { for (int i = 0; i < n; i++) { int p = sel[i]; r[p] = Math.multiplyExact(a[p], b[p]); } }
                return;
            case DIVIDE:
                if (sel == null) { for (int p = 0; p < n; p++) r[p] = divide(a[p], b[p]); }
                else { for (int i = 0; i < n; i++) { int p = sel[i]; r[p] = divide(a[p], b[p]); } }
                return;
            case MODULO:
                if (sel == null) { for (int p = 0; p < n; p++) r[p] = a[p] % b[p]; }
                else { for (int i = 0; i < n; i++) { int p = sel[i]; r[p] = a[p] % b[p]; } }
                return;
            default:
                throw new IllegalStateException(op.name());
        }
    }

    private static int divide(int x, int y) {
        return y == -1 ? Math.negateExact(x) : x / y;
    }

    /** The slow path: skips NULL rows and raises the SQL error of the first bad live row. */
    private void checked(int[] a, int[] b, long[] nulls, int[] r, int[] sel, int n) {
        for (int i = 0; i < n; i++) {
            int p = sel == null ? i : sel[i];
            if (NullMask.isNull(nulls, p)) {
                r[p] = 0;
                continue;
            }
            r[p] = apply(a[p], b == null ? constant : b[p]);
        }
    }

    private int apply(int x, int y) {
        try {
            switch (op) {
                case ADD: return Math.addExact(x, y);
                case SUBTRACT: return Math.subtractExact(x, y);
                case MULTIPLY: return Math.multiplyExact(x, y);
                case DIVIDE:
                    if (y == 0) {
                        throw Errors.divisionByZero();
                    }
                    return divide(x, y);
                case MODULO:
                    if (y == 0) {
                        throw Errors.divisionByZero();
                    }
                    return x % y;
                default: throw new IllegalStateException(op.name());
            }
        } catch (ArithmeticException e) {
            throw Errors.overflow(type);
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
