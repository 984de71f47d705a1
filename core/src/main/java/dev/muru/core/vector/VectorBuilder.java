package dev.muru.core.vector;

import dev.muru.core.DataType;

import java.util.List;

/**
 * Builds a vector from values in their storage encoding: Integer (INTEGER, DATE days), Long
 * (BIGINT, DECIMAL unscaled), Double, Boolean, String, or null. For constants and small
 * inputs; bulk paths write the primitive arrays directly.
 */
public final class VectorBuilder {
    private VectorBuilder() {
    }

    public static ColumnVector of(DataType type, List<?> values) {
        int n = values.size();
        ColumnVector v = ColumnVector.allocate(type, n);
        for (int i = 0; i < n; i++) {
            Object o = values.get(i);
            if (o == null) {
                v.setNull(i);
                continue;
            }
            switch (type.physical()) {
                case LONG: ((LongVector) v).values()[i] = ((Number) o).longValue(); break;
                case INT: ((IntVector) v).values()[i] = ((Number) o).intValue(); break;
                case DOUBLE: ((DoubleVector) v).values()[i] = ((Number) o).doubleValue(); break;
                case BOOLEAN: ((BooleanVector) v).values()[i] = (Boolean) o; break;
                case STRING: ((StringVector) v).values()[i] = (String) o; break;
                default: throw new IllegalStateException(type.toString());
            }
        }
        return v;
    }

    /** The same values under another type of the same physical layout (e.g. VARCHAR as VARCHAR(25)). */
    public static ColumnVector retype(ColumnVector v, DataType type) {
        if (v.type().equals(type)) {
            return v;
        }
        if (v.type().physical() != type.physical()) {
            throw new IllegalArgumentException(v.type() + " cannot be retyped as " + type);
        }
        if (v instanceof LongVector) {
            return new LongVector(type, ((LongVector) v).values(), v.length(), v.nullMask());
        }
        if (v instanceof IntVector) {
            return new IntVector(type, ((IntVector) v).values(), v.length(), v.nullMask());
        }
        if (v instanceof DoubleVector) {
            return new DoubleVector(type, ((DoubleVector) v).values(), v.length(), v.nullMask());
        }
        if (v instanceof BooleanVector) {
            return new BooleanVector(type, ((BooleanVector) v).values(), v.length(), v.nullMask());
        }
        return new StringVector(type, ((StringVector) v).values(), v.length(), v.nullMask());
    }
}
