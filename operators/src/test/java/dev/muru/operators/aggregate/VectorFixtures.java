package dev.muru.operators.aggregate;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.vector.BooleanVector;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.DoubleVector;
import dev.muru.core.vector.IntVector;
import dev.muru.core.vector.LongVector;
import dev.muru.core.vector.NullMask;
import dev.muru.core.vector.StringVector;

import java.util.ArrayList;
import java.util.List;

/** Builds test vectors from boxed values, where a Java null is a SQL NULL. */
public final class VectorFixtures {
    private VectorFixtures() {
    }

    /**
     * A vector of {@code type} holding {@code values}: Numbers for INT/LONG physical types
     * (DECIMAL as its unscaled long, DATE as days), Doubles, Booleans or Strings.
     */
    public static ColumnVector vector(DataType type, Object... values) {
        int n = values.length;
        long[] mask = null;
        for (int i = 0; i < n; i++) {
            if (values[i] == null) {
                if (mask == null) {
                    mask = new long[NullMask.words(n)];
                }
                NullMask.set(mask, i);
            }
        }
        switch (type.physical()) {
            case LONG: {
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    out[i] = values[i] == null ? 0 : ((Number) values[i]).longValue();
                }
                return new LongVector(type, out, mask);
            }
            case INT: {
                int[] out = new int[n];
                for (int i = 0; i < n; i++) {
                    out[i] = values[i] == null ? 0 : ((Number) values[i]).intValue();
                }
                return new IntVector(type, out, mask);
            }
            case DOUBLE: {
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = values[i] == null ? 0 : ((Number) values[i]).doubleValue();
                }
                return new DoubleVector(type, out, mask);
            }
            case BOOLEAN: {
                boolean[] out = new boolean[n];
                for (int i = 0; i < n; i++) {
                    out[i] = values[i] != null && (Boolean) values[i];
                }
                return new BooleanVector(type, out, mask);
            }
            default: {
                String[] out = new String[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (String) values[i];
                }
                return new StringVector(type, out, mask);
            }
        }
    }

    public static ColumnVector vector(DataType type, List<Object> values) {
        return vector(type, values.toArray());
    }

    public static Morsel morsel(ColumnVector... columns) {
        return new Morsel(columns, columns[0].length());
    }

    /** A morsel of columns built from boxed rows. */
    public static Morsel morsel(List<DataType> types, List<Object[]> rows) {
        ColumnVector[] columns = new ColumnVector[types.size()];
        for (int c = 0; c < columns.length; c++) {
            Object[] values = new Object[rows.size()];
            for (int r = 0; r < values.length; r++) {
                values[r] = rows.get(r)[c];
            }
            columns[c] = vector(types.get(c), values);
        }
        return new Morsel(columns, rows.size());
    }

    /** The boxed live rows of all morsels, in order. */
    public static List<Object[]> rows(List<Morsel> morsels) {
        List<Object[]> out = new ArrayList<>();
        for (Morsel m : morsels) {
            out.addAll(m.rows());
        }
        return out;
    }
}
