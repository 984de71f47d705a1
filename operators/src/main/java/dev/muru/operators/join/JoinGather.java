package dev.muru.operators.join;

import dev.muru.core.DataType;
import dev.muru.core.vector.BooleanVector;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.DoubleVector;
import dev.muru.core.vector.IntVector;
import dev.muru.core.vector.LongVector;
import dev.muru.core.vector.NullMask;
import dev.muru.core.vector.StringVector;

/**
 * Copies the build rows a probe picked out of the join's stored columns into new dense vectors.
 * A negative row stands for a NULL row (the unmatched side of an outer join).
 */
final class JoinGather {
    private JoinGather() {
    }

    /**
     * A dense vector of {@code source} at {@code rows[i]} for i in [0, n), NULL where
     * {@code rows[i] < 0}; {@code missing} is the mask of those rows (null when there are none).
     */
    static ColumnVector gather(ColumnVector source, int[] rows, int n, long[] missing) {
        if (missing == null) {
            return source.gather(rows, n);
        }
        DataType type = source.type();
        long[] nulls = gatherNulls(source, rows, n, missing);
        switch (type.physical()) {
            case LONG: {
                long[] in = ((LongVector) source).values();
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    int r = rows[i];
                    out[i] = r < 0 ? 0L : in[r];
                }
                return new LongVector(type, out, nulls);
            }
            case INT: {
                int[] in = ((IntVector) source).values();
                int[] out = new int[n];
                for (int i = 0; i < n; i++) {
                    int r = rows[i];
                    out[i] = r < 0 ? 0 : in[r];
                }
                return new IntVector(type, out, nulls);
            }
            case DOUBLE: {
                double[] in = ((DoubleVector) source).values();
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    int r = rows[i];
                    out[i] = r < 0 ? 0.0 : in[r];
                }
                return new DoubleVector(type, out, nulls);
            }
            case BOOLEAN: {
                boolean[] in = ((BooleanVector) source).values();
                boolean[] out = new boolean[n];
                for (int i = 0; i < n; i++) {
                    int r = rows[i];
                    out[i] = r >= 0 && in[r];
                }
                return new BooleanVector(type, out, nulls);
            }
            default: {
                String[] in = ((StringVector) source).values();
                String[] out = new String[n];
                for (int i = 0; i < n; i++) {
                    int r = rows[i];
                    out[i] = r < 0 ? null : in[r];
                }
                return new StringVector(type, out, nulls);
            }
        }
    }

    private static long[] gatherNulls(ColumnVector source, int[] rows, int n, long[] missing) {
        long[] mask = source.nullMask();
        long[] out = missing.clone();
        if (mask != null) {
            for (int i = 0; i < n; i++) {
                int r = rows[i];
                if (r >= 0 && (mask[r >>> 6] & (1L << r)) != 0) {
                    NullMask.set(out, i);
                }
            }
        }
        return out;
    }
}
