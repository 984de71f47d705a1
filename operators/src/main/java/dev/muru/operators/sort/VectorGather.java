package dev.muru.operators.sort;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.vector.BooleanVector;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.DoubleVector;
import dev.muru.core.vector.IntVector;
import dev.muru.core.vector.LongVector;
import dev.muru.core.vector.NullMask;
import dev.muru.core.vector.StringVector;

import java.util.List;

/**
 * Copies rows picked from several morsels, given as (source, physical position) pairs, into new
 * dense vectors: the output step of concatenation, merge and top-N.
 */
final class VectorGather {
    private VectorGather() {
    }

    /** A dense morsel of rows {@code (sources[src[i]], pos[i])} for i in [0, n). */
    static Morsel gather(List<Morsel> sources, int[] src, int[] pos, int n) {
        int columnCount = sources.get(0).columnCount();
        ColumnVector[] out = new ColumnVector[columnCount];
        ColumnVector[] column = new ColumnVector[sources.size()];
        for (int c = 0; c < columnCount; c++) {
            for (int s = 0; s < column.length; s++) {
                column[s] = sources.get(s).column(c);
            }
            out[c] = gatherColumn(column, src, pos, n);
        }
        return new Morsel(out, n);
    }

    /** All live rows of {@code morsels}, in order, as one dense morsel. */
    static Morsel concat(List<Morsel> morsels) {
        if (morsels.size() == 1) {
            return morsels.get(0).compact();
        }
        int total = 0;
        for (Morsel m : morsels) {
            total += m.size();
        }
        int[] src = new int[total];
        int[] pos = new int[total];
        int n = 0;
        for (int s = 0; s < morsels.size(); s++) {
            Morsel m = morsels.get(s);
            for (int i = 0; i < m.size(); i++) {
                src[n] = s;
                pos[n++] = m.position(i);
            }
        }
        return gather(morsels, src, pos, n);
    }

    private static ColumnVector gatherColumn(ColumnVector[] sources, int[] src, int[] pos, int n) {
        DataType type = sources[0].type();
        long[] nulls = gatherNulls(sources, src, pos, n);
        switch (type.physical()) {
            case LONG: {
                long[][] in = new long[sources.length][];
                for (int s = 0; s < in.length; s++) {
                    in[s] = ((LongVector) sources[s]).values();
                }
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    out[i] = in[src[i]][pos[i]];
                }
                return new LongVector(type, out, nulls);
            }
            case INT: {
                int[][] in = new int[sources.length][];
                for (int s = 0; s < in.length; s++) {
                    in[s] = ((IntVector) sources[s]).values();
                }
                int[] out = new int[n];
                for (int i = 0; i < n; i++) {
                    out[i] = in[src[i]][pos[i]];
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
                    out[i] = in[src[i]][pos[i]];
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
                    out[i] = in[src[i]][pos[i]];
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
                    out[i] = in[src[i]][pos[i]];
                }
                return new StringVector(type, out, nulls);
            }
        }
    }

    private static long[] gatherNulls(ColumnVector[] sources, int[] src, int[] pos, int n) {
        boolean any = false;
        for (ColumnVector v : sources) {
            any |= v.hasNulls();
        }
        if (!any) {
            return null;
        }
        long[] out = null;
        for (int i = 0; i < n; i++) {
            if (NullMask.isNull(sources[src[i]].nullMask(), pos[i])) {
                if (out == null) {
                    out = new long[NullMask.words(n)];
                }
                NullMask.set(out, i);
            }
        }
        return out;
    }
}
