package dev.muru.operators.expr;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.vector.BooleanVector;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.DoubleVector;
import dev.muru.core.vector.IntVector;
import dev.muru.core.vector.LongVector;
import dev.muru.core.vector.StringVector;

import java.util.Arrays;

/**
 * A constant in the encoding of {@code BoundExpr.Constant}. Its vector is built once per morsel
 * length and reused: morsels mostly share one length, so this costs nothing per morsel.
 * Specialised evaluators read the value itself through the typed accessors instead.
 */
final class ConstantExpression implements VectorExpression {
    private final Object value;
    private final DataType type;
    /** Last full-length vector; racy publication is fine since it is immutable once built. */
    private volatile ColumnVector cached;

    ConstantExpression(Object value, DataType type) {
        this.value = value;
        this.type = type;
    }

    Object value() {
        return value;
    }

    boolean isNull() {
        return value == null;
    }

    long longValue() {
        return ((Number) value).longValue();
    }

    int intValue() {
        return ((Number) value).intValue();
    }

    double doubleValue() {
        return ((Number) value).doubleValue();
    }

    boolean booleanValue() {
        return (Boolean) value;
    }

    String stringValue() {
        return (String) value;
    }

    @Override
    public ColumnVector evaluate(Morsel input) {
        int positions = input.positions();
        ColumnVector v = cached;
        if (v == null || v.length() != positions) {
            v = build(positions);
            cached = v;
        }
        return v;
    }

    private ColumnVector build(int positions) {
        if (value == null) {
            return ColumnVector.allNull(type, positions);
        }
        switch (type.physical()) {
            case LONG: {
                long[] values = new long[positions];
                Arrays.fill(values, longValue());
                return new LongVector(type, values, null);
            }
            case INT: {
                int[] values = new int[positions];
                Arrays.fill(values, intValue());
                return new IntVector(type, values, null);
            }
            case DOUBLE: {
                double[] values = new double[positions];
                Arrays.fill(values, doubleValue());
                return new DoubleVector(type, values, null);
            }
            case BOOLEAN: {
                boolean[] values = new boolean[positions];
                Arrays.fill(values, booleanValue());
                return new BooleanVector(type, values, null);
            }
            case STRING: {
                String[] values = new String[positions];
                Arrays.fill(values, stringValue());
                return new StringVector(type, values, null);
            }
            default:
                throw new IllegalStateException(type.toString());
        }
    }

    @Override
    public DataType type() {
        return type;
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
