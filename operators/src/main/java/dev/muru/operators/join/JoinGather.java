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
 * Copies rows picked from several vectors of one type, given as (source, position) pairs, into a
 * new dense vector. A negative source stands for a NULL row (the unmatched side of an outer join).
 */
final class JoinGather {
    private JoinGather() {
    }

    /**
     * A dense vector of {@code sources[src[i]]} at {@code pos[i]} for i in [0, n), NULL where
     * {@code src[i] < 0}. {@code missing} says whether any {@code src[i]} may be negative.
     */
    static ColumnVector gather(DataType type, ColumnVector[] sources, int[] src, int[] pos, int n,
                               boolean missing) {
        if (sources.length == 1 && !missing) {
            return sources[0].gather(pos, n);
        }
        long[] nulls = gatherNulls(sources, src, pos, n, missing);
        switch (type.physical()) {
            case LONG: {
                long[][] in = new long[sources.length][];
                for (int s = 0; s < in.length; s++) {
                    in[s] = ((LongVector) sources[s]).values();
                }
                long[] out = new long[n];
                if (missing) {
                    for (int i = 0; i < n; i++) {
                        int s = src[i];
                        out[i] = s < 0 ? 0L : in[s][pos[i]];
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        out[i] = in[src[i]][pos[i]];
                    }
                }
                return new LongVector(type, out, nulls);
            }
            case INT: {
                int[][] in = new int[sources.length][];
                for (int s = 0; s < in.length; s++) {
                    in[s] = ((IntVector) sources[s]).values();
                }
                int[] out = new int[n];
                if (missing) {
                    for (int i = 0; i < n; i++) {
                        int s = src[i];
                        out[i] = s < 0 ? 0 : in[s][pos[i]];
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        out[i] = in[src[i]][pos[i]];
                    }
                }
                return new IntVector(type, out, nulls);
            }
            case DOUBLE: {
                double[][] in = new double[sources.length][];
                for (int s = 0; s < in.length; s++) {
                    in[s] = ((DoubleVector) sources[s]).values();
                }
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    int s = src[i];
                    out[i] = s < 0 ? 0.0 : in[s][pos[i]];
                }
                return new DoubleVector(type, out, nulls);
            }
            case BOOLEAN: {
                boolean[][] in = new boolean[sources.length][];
                for (int s = 0; s < in.length; s++) {
                    in[s] = ((BooleanVector) sources[s]).values();
                }
                boolean[] out = new boolean[n];
                for (int i = 0; i < n; i++) {
                    int s = src[i];
                    out[i] = s >= 0 && in[s][pos[i]];
                }
                return new BooleanVector(type, out, nulls);
            }
            default: {
                String[][] in = new String[sources.length][];
                for (int s = 0; s < in.length; s++) {
                    in[s] = ((StringVector) sources[s]).values();
                }
                String[] out = new String[n];
                for (int i = 0; i < n; i++) {
                    int s = src[i];
                    out[i] = s < 0 ? null : in[s][pos[i]];
                }
                return new StringVector(type, out, nulls);
            }
        }
    }

    private static long[] gatherNulls(ColumnVector[] sources, int[] src, int[] pos, int n, boolean missing) {
        boolean any = missing;
        for (ColumnVector v : sources) {
            any |= v.hasNulls();
        }
        if (!any) {
            return null;
        }
        long[] out = null;
        for (int i = 0; i < n; i++) {
            int s = src[i];
            if (s < 0 || NullMask.isNull(sources[s].nullMask(), pos[i])) {
                if (out == null) {
                    out = new long[NullMask.words(n)];
                }
                NullMask.set(out, i);
            }
        }
        return out;
    }
}
