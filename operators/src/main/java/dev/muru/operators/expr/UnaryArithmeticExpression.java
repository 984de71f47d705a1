package dev.muru.operators.expr;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.DoubleVector;
import dev.muru.core.vector.IntVector;
import dev.muru.core.vector.LongVector;
import dev.muru.core.vector.NullMask;
import dev.muru.plan.expr.Function;

/**
 * NEGATE and ABS on INTEGER, BIGINT, DECIMAL and DOUBLE. Only MIN_VALUE can overflow; the fast
 * loop catches that and a checked loop skips NULL rows before raising.
 */
final class UnaryArithmeticExpression implements VectorExpression {
    private final boolean negate;
    private final VectorExpression operand;
    private final DataType type;

    UnaryArithmeticExpression(Function op, VectorExpression operand, DataType type) {
        if (op != Function.NEGATE && op != Function.ABS) {
            throw Errors.internal("not a unary arithmetic function: " + op);
        }
        this.negate = op == Function.NEGATE;
        this.operand = operand;
        this.type = type;
    }

    @Override
    public ColumnVector evaluate(Morsel in) {
        ColumnVector v = operand.evaluate(in);
        int[] sel = in.selection();
        int n = in.size();
        long[] nulls = Vectors.copyNulls(v);
        switch (type.physical()) {
            case LONG: {
                long[] a = ((LongVector) v).values();
                long[] r = new long[in.positions()];
                try {
                    if (sel == null) { for (int p = 0; p < n; p++) r[p] = apply(a[p]); }
                    else { for (int i = 0; i < n; i++) { int p = sel[i]; r[p] = apply(a[p]); } }
                } catch (ArithmeticException e) {
                    for (int i = 0; i < n; i++) {
                        int p = sel == null ? i : sel[i];
                        r[p] = NullMask.isNull(nulls, p) ? 0 : applyChecked(a[p]);
                    }
                }
                return new LongVector(type, r, nulls);
            }
            case INT: {
                int[] a = ((IntVector) v).values();
                int[] r = new int[in.positions()];
                try {
                    if (sel == null) { for (int p = 0; p < n; p++) r[p] = apply(a[p]); }
                    else { for (int i = 0; i < n; i++) { int p = sel[i]; r[p] = apply(a[p]); } }
                } catch (ArithmeticException e) {
                    for (int i = 0; i < n; i++) {
                        int p = sel == null ? i : sel[i];
                        r[p] = NullMask.isNull(nulls, p) ? 0 : (int) applyChecked(a[p]);
                    }
                }
                return new IntVector(type, r, nulls);
            }
            case DOUBLE: {
                double[] a = ((DoubleVector) v).values();
                double[] r = new double[in.positions()];
                if (negate) {
                    if (sel == null) { for (int p = 0; p < n; p++) r[p] = -a[p]; }
                    else { for (int i = 0; i < n; i++) { int p = sel[i]; r[p] = -a[p]; } }
                } else {
                    if (sel == null) { for (int p = 0; p < n; p++) r[p] = Math.abs(a[p]); }
                    else { for (int i = 0; i < n; i++) { int p = sel[i]; r[p] = Math.abs(a[p]); } }
                }
                return new DoubleVector(type, r, nulls);
            }
            default:
                throw Errors.internal((negate ? "NEGATE" : "ABS") + " of " + type);
        }
    }

    private long apply(long x) {
        return negate ? Math.negateExact(x) : Math.absExact(x);
    }

    private int apply(int x) {
        return negate ? Math.negateExact(x) : Math.absExact(x);
    }

    private long applyChecked(long x) {
        try {
            return apply(x);
        } catch (ArithmeticException e) {
            throw Errors.overflow(type);
        }
    }

    private long applyChecked(int x) {
        try {
            return apply(x);
        } catch (ArithmeticException e) {
            throw Errors.overflow(type);
        }
    }

    @Override
    public DataType type() {
        return type;
    }
}
