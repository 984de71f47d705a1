package dev.muru.operators.expr;

import dev.muru.core.DataType;
import dev.muru.core.ErrorCode;
import dev.muru.core.Morsel;
import dev.muru.core.MuruException;
import dev.muru.core.TypeKind;
import dev.muru.core.Values;
import dev.muru.core.vector.BooleanVector;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.DoubleVector;
import dev.muru.core.vector.IntVector;
import dev.muru.core.vector.LongVector;
import dev.muru.core.vector.NullMask;
import dev.muru.core.vector.StringVector;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * CAST between Muru's types with SQL's rules: exact targets are range-checked, DECIMAL rounds
 * half away from zero when it loses scale, DOUBLE to integer rounds half away from zero, text
 * parses trimmed, and VARCHAR(n)/CHAR(n) targets cut to n characters. A cast that changes only
 * the declared type (DECIMAL(10,2) to DECIMAL(12,2), VARCHAR(5) to VARCHAR) shares the values.
 * Conversions that can fail skip NULL rows, whose slots hold garbage.
 */
final class CastExpression implements VectorExpression {
    private final VectorExpression input;
    private final DataType source;
    private final DataType target;
    /** DECIMAL(p,s) to DECIMAL(q,s) with q >= p: every value fits, only the declared type changes. */
    private final boolean onlyWidensPrecision;

    private CastExpression(VectorExpression input, DataType target) {
        this.input = input;
        this.source = input.type();
        this.target = target;
        this.onlyWidensPrecision = source.kind() == TypeKind.DECIMAL && target.kind() == TypeKind.DECIMAL
                && source.scale() == target.scale() && target.precision() >= source.precision();
    }

    /** The cast of {@code input} to {@code target}; the input itself when the types are equal. */
    static VectorExpression create(VectorExpression input, DataType target) {
        DataType source = input.type();
        if (source.equals(target)) {
            return input;
        }
        if (!isSupported(source.kind(), target.kind())) {
            throw new MuruException(ErrorCode.DATATYPE_MISMATCH, "cannot cast type " + source + " to " + target);
        }
        return new CastExpression(input, target);
    }

    private static boolean isSupported(TypeKind from, TypeKind to) {
        if (from == TypeKind.NULL || from == to || isText(from) || isText(to)) {
            return true;
        }
        if (isNumber(from) && isNumber(to)) {
            return true;
        }
        // PostgreSQL casts between integer and boolean only
        return (from == TypeKind.BOOLEAN && to == TypeKind.INTEGER) || (from == TypeKind.INTEGER && to == TypeKind.BOOLEAN);
    }

    private static boolean isText(TypeKind k) {
        return k == TypeKind.VARCHAR || k == TypeKind.CHAR;
    }

    private static boolean isNumber(TypeKind k) {
        return k == TypeKind.INTEGER || k == TypeKind.BIGINT || k == TypeKind.DECIMAL || k == TypeKind.DOUBLE;
    }

    @Override
    public ColumnVector evaluate(Morsel in) {
        ColumnVector v = input.evaluate(in);
        if (source.kind() == TypeKind.NULL) {
            return ColumnVector.allNull(target, in.positions());
        }
        if (onlyWidensPrecision) {
            return Vectors.withNulls(v, target, Vectors.copyNulls(v));
        }
        ColumnVector widened = widen(v, in);
        if (widened != null) {
            return widened;
        }
        switch (target.kind()) {
            case INTEGER: return toInteger(v, in);
            case BIGINT: return toLongs(v, in, 0);
            case DECIMAL: return toLongs(v, in, target.scale());
            case DOUBLE: return toDouble(v, in);
            case BOOLEAN: return toBoolean(v, in);
            case DATE: return toDate(v, in);
            case VARCHAR: case CHAR: return toText(v, in);
            default: throw Errors.internal("cast to " + target);
        }
    }

    /**
     * The numeric casts coercions insert most (integer widening, to DOUBLE, DECIMAL scale-up) as
     * plain loops; null when the cast is not one of them or a row failed, and the per-row path
     * must decide, skipping NULL rows.
     */
    private ColumnVector widen(ColumnVector v, Morsel in) {
        int[] sel = in.selection();
        int n = in.size();
        TypeKind from = source.kind();
        TypeKind to = target.kind();
        if (from == TypeKind.INTEGER && (to == TypeKind.BIGINT || to == TypeKind.DECIMAL)) {
            int[] a = ((IntVector) v).values();
            long factor = to == TypeKind.DECIMAL ? Values.pow10(target.scale()) : 1;
            long bound = to == TypeKind.DECIMAL ? Values.pow10(target.precision()) : Long.MAX_VALUE;
            long[] r = new long[in.positions()];
            boolean inRange = true;
            // |int| * 10^s with s <= 18 can still overflow a long: multiplyExact guards it
            try {
                for (int i = 0; i < n; i++) {
                    int p = sel == null ? i : sel[i];
                    long x = Math.multiplyExact(a[p], factor);
                    inRange &= x < bound & x > -bound;
                    r[p] = x;
                }
            } catch (ArithmeticException e) {
                return null;
            }
            return inRange ? new LongVector(target, r, Vectors.copyNulls(v)) : null;
        }
        if ((from == TypeKind.BIGINT || from == TypeKind.DECIMAL) && to == TypeKind.DECIMAL
                && target.scale() >= source.scale()) {
            long[] a = ((LongVector) v).values();
            long factor = Values.pow10(target.scale() - source.scale());
            long bound = Values.pow10(target.precision());
            long[] r = new long[in.positions()];
            boolean inRange = true;
            try {
                for (int i = 0; i < n; i++) {
                    int p = sel == null ? i : sel[i];
                    long x = Math.multiplyExact(a[p], factor);
                    inRange &= x < bound & x > -bound;
                    r[p] = x;
                }
            } catch (ArithmeticException e) {
                return null;
            }
            return inRange ? new LongVector(target, r, Vectors.copyNulls(v)) : null;
        }
        if (to != TypeKind.DOUBLE) {
            return null;
        }
        double[] r = new double[in.positions()];
        switch (from) {
            case INTEGER: {
                int[] a = ((IntVector) v).values();
                for (int i = 0; i < n; i++) {
                    int p = sel == null ? i : sel[i];
                    r[p] = a[p];
                }
                break;
            }
            case BIGINT: case DECIMAL: {
                long[] a = ((LongVector) v).values();
                // Exact when the unscaled value is below 2^53: one correctly rounded division
                double divisor = from == TypeKind.DECIMAL ? Values.pow10(source.scale()) : 1;
                for (int i = 0; i < n; i++) {
                    int p = sel == null ? i : sel[i];
                    r[p] = a[p] / divisor;
                }
                break;
            }
            default:
                return null;
        }
        return new DoubleVector(target, r, Vectors.copyNulls(v));
    }

    private ColumnVector toInteger(ColumnVector v, Morsel in) {
        long[] nulls = Vectors.copyNulls(v);
        int[] r = new int[in.positions()];
        for (int i = 0, n = in.size(); i < n; i++) {
            int p = in.position(i);
            if (NullMask.isNull(nulls, p)) {
                continue;
            }
            switch (source.kind()) {
                case BOOLEAN: r[p] = ((BooleanVector) v).get(p) ? 1 : 0; break;
                case VARCHAR: case CHAR:
                    r[p] = (int) TextConversions.parseIntegral(((StringVector) v).get(p),
                            Integer.MIN_VALUE, Integer.MAX_VALUE, target);
                    break;
                default: r[p] = checkedInt(numberAsLong(v, p, 0)); break;
            }
        }
        return new IntVector(target, r, nulls);
    }

    private int checkedInt(long x) {
        if (x != (int) x) {
            throw Errors.overflow(target);
        }
        return (int) x;
    }

    /** BIGINT (scale 0) or DECIMAL at {@code scale}: both are longs. */
    private ColumnVector toLongs(ColumnVector v, Morsel in, int scale) {
        boolean decimal = target.kind() == TypeKind.DECIMAL;
        long[] nulls = Vectors.copyNulls(v);
        long[] r = new long[in.positions()];
        for (int i = 0, n = in.size(); i < n; i++) {
            int p = in.position(i);
            if (NullMask.isNull(nulls, p)) {
                continue;
            }
            long x;
            if (source.isString()) {
                String s = ((StringVector) v).get(p);
                x = decimal ? TextConversions.parseDecimal(s, target)
                        : TextConversions.parseIntegral(s, Long.MIN_VALUE, Long.MAX_VALUE, target);
            } else {
                x = numberAsLong(v, p, scale);
            }
            if (decimal && !DecimalMath.fitsPrecision(x, target.precision())) {
                throw Errors.overflow(target);
            }
            r[p] = x;
        }
        return new LongVector(target, r, nulls);
    }

    /** The numeric value at p as a long at {@code scale}, rounded half away from zero. */
    private long numberAsLong(ColumnVector v, int p, int scale) {
        try {
            switch (source.kind()) {
                case INTEGER: return DecimalMath.multiplyPow10(((IntVector) v).get(p), scale);
                case BIGINT: return DecimalMath.multiplyPow10(((LongVector) v).get(p), scale);
                case DECIMAL: return DecimalMath.rescale(((LongVector) v).get(p), source.scale(), scale);
                case DOUBLE: return doubleAsLong(((DoubleVector) v).get(p), scale);
                default: throw Errors.internal("cast from " + source);
            }
        } catch (ArithmeticException e) {
            throw Errors.overflow(target);
        }
    }

    /** A double scaled by 10^scale and rounded half away from zero, range-checked. */
    private long doubleAsLong(double x, int scale) {
        if (scale == 0) {
            double rounded = RoundExpression.roundHalfAway(x);
            // NaN fails both tests; 2^63 is the first double past the long range
            if (!(rounded >= -0x1p63 && rounded < 0x1p63)) {
                throw Errors.overflow(target);
            }
            return (long) rounded;
        }
        double scaled = x * Values.pow10(scale);
        double fraction = Math.abs(scaled) - Math.floor(Math.abs(scaled));
        // Far from a .5 tie the product's tiny error cannot change the rounding; otherwise decide on
        // the shortest decimal text of x, as PostgreSQL converts float8 to numeric
        if (Math.abs(scaled) < 0x1p31 && Math.abs(fraction - 0.5) > 1e-6) {
            return (long) RoundExpression.roundHalfAway(scaled);
        }
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            throw Errors.overflow(target);
        }
        BigDecimal d = new BigDecimal(Double.toString(x)).setScale(scale, RoundingMode.HALF_UP);
        if (d.precision() - d.scale() > 19) {
            throw Errors.overflow(target);
        }
        return d.unscaledValue().longValueExact();
    }

    /** VARCHAR to DOUBLE; the numeric sources went through {@link #widen}. */
    private ColumnVector toDouble(ColumnVector v, Morsel in) {
        long[] nulls = Vectors.copyNulls(v);
        double[] r = new double[in.positions()];
        for (int i = 0, n = in.size(); i < n; i++) {
            int p = in.position(i);
            if (NullMask.isNull(nulls, p)) {
                continue;
            }
            r[p] = TextConversions.parseDouble(((StringVector) v).get(p));
        }
        return new DoubleVector(target, r, nulls);
    }

    private ColumnVector toBoolean(ColumnVector v, Morsel in) {
        long[] nulls = Vectors.copyNulls(v);
        boolean[] r = new boolean[in.positions()];
        for (int i = 0, n = in.size(); i < n; i++) {
            int p = in.position(i);
            if (NullMask.isNull(nulls, p)) {
                continue;
            }
            r[p] = source.kind() == TypeKind.INTEGER ? ((IntVector) v).get(p) != 0
                    : TextConversions.parseBoolean(((StringVector) v).get(p));
        }
        return new BooleanVector(target, r, nulls);
    }

    private ColumnVector toDate(ColumnVector v, Morsel in) {
        long[] nulls = Vectors.copyNulls(v);
        int[] r = new int[in.positions()];
        String[] a = ((StringVector) v).values();
        for (int i = 0, n = in.size(); i < n; i++) {
            int p = in.position(i);
            if (!NullMask.isNull(nulls, p)) {
                r[p] = TextConversions.parseDate(a[p]);
            }
        }
        return new IntVector(target, r, nulls);
    }

    private ColumnVector toText(ColumnVector v, Morsel in) {
        int length = target.length();
        if (source.isString() && (length == DataType.UNBOUNDED || !needsTruncation(((StringVector) v).values(), in, length))) {
            return Vectors.withNulls(v, target, Vectors.copyNulls(v));
        }
        long[] nulls = Vectors.copyNulls(v);
        String[] r = new String[in.positions()];
        for (int i = 0, n = in.size(); i < n; i++) {
            int p = in.position(i);
            if (!NullMask.isNull(nulls, p)) {
                r[p] = TextConversions.truncate(format(v, p), length);
            }
        }
        return new StringVector(target, r, nulls);
    }

    private static boolean needsTruncation(String[] a, Morsel in, int length) {
        for (int i = 0, n = in.size(); i < n; i++) {
            String s = a[in.position(i)];
            if (s != null && s.length() > length && s.codePointCount(0, s.length()) > length) {
                return true;
            }
        }
        return false;
    }

    /** The text of a non-NULL value, as PostgreSQL prints it. */
    private String format(ColumnVector v, int p) {
        switch (source.kind()) {
            case INTEGER: return Integer.toString(((IntVector) v).get(p));
            case BIGINT: return Long.toString(((LongVector) v).get(p));
            case DECIMAL: return DecimalMath.format(((LongVector) v).get(p), source.scale());
            case DOUBLE: return Values.formatDouble(((DoubleVector) v).get(p));
            case BOOLEAN: return ((BooleanVector) v).get(p) ? "true" : "false";
            case DATE: return CivilDate.format(((IntVector) v).get(p));
            case VARCHAR: case CHAR: return ((StringVector) v).get(p);
            default: throw Errors.internal("cast from " + source);
        }
    }

    @Override
    public DataType type() {
        return target;
    }

    @Override
    public String toString() {
        return "cast(" + input + " as " + target + ")";
    }
}
