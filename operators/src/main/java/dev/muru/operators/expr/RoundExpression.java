package dev.muru.operators.expr;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.TypeKind;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.DoubleVector;
import dev.muru.core.vector.IntVector;
import dev.muru.core.vector.LongVector;
import dev.muru.core.vector.NullMask;

/**
 * ROUND(x, digits) with a constant digits, half away from zero, and TRUNC(x, digits), toward
 * zero (the digits dropped are cut off). DECIMAL(p,s) rounds its unscaled
 * long to 10^-digits and lands on the result type's scale; DOUBLE scales, rounds and scales back
 * (as DuckDB does); integers are unchanged for digits >= 0 and rounded to tens, hundreds... below.
 */
final class RoundExpression implements VectorExpression {
    private final VectorExpression operand;
    private final int digits;
    private final DataType type;
    /** TRUNC: toward zero instead of half away from zero. */
    private final boolean truncate;

    RoundExpression(VectorExpression operand, int digits, DataType type, boolean truncate) {
        this.operand = operand;
        this.digits = digits;
        this.type = type;
        this.truncate = truncate;
    }

    @Override
    public ColumnVector evaluate(Morsel in) {
        ColumnVector v = operand.evaluate(in);
        DataType source = operand.type();
        switch (source.kind()) {
            case DECIMAL:
                return roundLongs(((LongVector) v).values(), v, in, source.scale());
            case BIGINT:
                return digits >= 0 ? v : roundLongs(((LongVector) v).values(), v, in, 0);
            case INTEGER:
                return digits >= 0 ? v : roundInts((IntVector) v, in);
            case DOUBLE:
                return roundDoubles((DoubleVector) v, in);
            default:
                throw Errors.internal("ROUND of " + source);
        }
    }

    /** Rounds unscaled longs at {@code scale} to {@code digits}, then moves them to the result scale. */
    private ColumnVector roundLongs(long[] a, ColumnVector v, Morsel in, int scale) {
        int resultScale = type.kind() == TypeKind.DECIMAL ? type.scale() : 0;
        long[] nulls = Vectors.copyNulls(v);
        long[] r = new long[in.positions()];
        int[] sel = in.selection();
        for (int i = 0, n = in.size(); i < n; i++) {
            int p = sel == null ? i : sel[i];
            if (NullMask.isNull(nulls, p)) {
                continue;
            }
            r[p] = round(a[p], scale, resultScale);
        }
        return new LongVector(type, r, nulls);
    }

    private long round(long x, int scale, int resultScale) {
        try {
            if (digits >= scale) {
                return DecimalMath.rescale(x, scale, resultScale);
            }
            long units = truncate ? DecimalMath.divideTruncated(x, scale - digits) : DecimalMath.divideRounded(x, scale - digits);
            return DecimalMath.rescale(units, digits, resultScale);
        } catch (ArithmeticException e) {
            throw Errors.overflow(type);
        }
    }

    private ColumnVector roundInts(IntVector v, Morsel in) {
        int[] a = v.values();
        long[] nulls = Vectors.copyNulls(v);
        int[] r = new int[in.positions()];
        int[] sel = in.selection();
        for (int i = 0, n = in.size(); i < n; i++) {
            int p = sel == null ? i : sel[i];
            if (NullMask.isNull(nulls, p)) {
                continue;
            }
            long rounded = round(a[p], 0, 0);
            if (rounded != (int) rounded) {
                throw Errors.overflow(type);
            }
            r[p] = (int) rounded;
        }
        return new IntVector(type, r, nulls);
    }

    private ColumnVector roundDoubles(DoubleVector v, Morsel in) {
        double[] a = v.values();
        double[] r = new double[in.positions()];
        int[] sel = in.selection();
        int n = in.size();
        if (digits >= 0) {
            double factor = Math.pow(10, digits);
            for (int i = 0; i < n; i++) {
                int p = sel == null ? i : sel[i];
                double scaled = a[p] * factor;
                // Past the exponent range there is nothing left to round
                r[p] = Double.isInfinite(scaled) ? a[p] : roundOrTruncate(scaled) / factor;
            }
        } else {
            double factor = Math.pow(10, -digits);
            for (int i = 0; i < n; i++) {
                int p = sel == null ? i : sel[i];
                r[p] = roundOrTruncate(a[p] / factor) * factor;
            }
        }
        return new DoubleVector(type, r, Vectors.copyNulls(v));
    }

    private double roundOrTruncate(double x) {
        if (truncate) {
            return x < 0 ? Math.ceil(x) : Math.floor(x);
        }
        return roundHalfAway(x);
    }

    /** Round half away from zero; exact because x - floor(x) is exact for doubles. */
    static double roundHalfAway(double x) {
        double floor = Math.floor(x);
        double fraction = x - floor;
        if (fraction > 0.5 || (fraction == 0.5 && x > 0)) {
            return floor + 1;
        }
        return floor;
    }

    @Override
    public DataType type() {
        return type;
    }
}
