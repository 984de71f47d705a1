package dev.muru.operators.aggregate;

import dev.muru.core.Morsel;
import dev.muru.core.vector.BooleanVector;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.DoubleVector;
import dev.muru.core.vector.IntVector;
import dev.muru.core.vector.LongVector;

/**
 * Reads a column's live rows into dense scratch arrays indexed by live-row number, so the
 * accumulator loops run over {@code [0, size)} without selection or width cases. A LONG column
 * without selection is returned as is, without a copy. The arrays are reused per call.
 */
final class DenseInput {
    private long[] longs = new long[0];
    private double[] doubles = new double[0];
    private boolean[] nulls = new boolean[0];

    /** Live values of an INT, LONG or BOOLEAN (0/1) column, widened to long. */
    long[] longs(ColumnVector v, Morsel m) {
        int n = m.size();
        int[] sel = m.selection();
        if (v instanceof LongVector lv) {
            long[] src = lv.values();
            if (sel == null) {
                return src;
            }
            long[] out = longScratch(n);
            for (int i = 0; i < n; i++) {
                out[i] = src[sel[i]];
            }
            return out;
        }
        long[] out = longScratch(n);
        if (v instanceof IntVector iv) {
            int[] src = iv.values();
            if (sel == null) {
                for (int i = 0; i < n; i++) {
                    out[i] = src[i];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    out[i] = src[sel[i]];
                }
            }
        } else if (v instanceof BooleanVector bv) {
            boolean[] src = bv.values();
            for (int i = 0; i < n; i++) {
                out[i] = src[sel == null ? i : sel[i]] ? 1 : 0;
            }
        } else if (v instanceof DoubleVector dv) {
            // Doubles read as longs only for DISTINCT sets, by their grouping identity.
            double[] src = dv.values();
            for (int i = 0; i < n; i++) {
                out[i] = KeyHash.doubleBits(src[sel == null ? i : sel[i]]);
            }
        } else {
            throw new IllegalArgumentException("not a fixed-width column: " + v.type());
        }
        return out;
    }

    /** Live values of a DOUBLE column. */
    double[] doubles(ColumnVector v, Morsel m) {
        double[] src = ((DoubleVector) v).values();
        int[] sel = m.selection();
        if (sel == null) {
            return src;
        }
        int n = m.size();
        if (doubles.length < n) {
            doubles = new double[Math.max(n, doubles.length * 2)];
        }
        for (int i = 0; i < n; i++) {
            doubles[i] = src[sel[i]];
        }
        return doubles;
    }

    /** Per live row whether it is NULL, or null when the column has no null bitmap. */
    boolean[] nulls(ColumnVector v, Morsel m) {
        long[] mask = v.nullMask();
        if (mask == null) {
            return null;
        }
        int n = m.size();
        if (nulls.length < n) {
            nulls = new boolean[Math.max(n, nulls.length * 2)];
        }
        int[] sel = m.selection();
        for (int i = 0; i < n; i++) {
            int p = sel == null ? i : sel[i];
            nulls[i] = (mask[p >>> 6] & (1L << p)) != 0;
        }
        return nulls;
    }

    private long[] longScratch(int n) {
        if (longs.length < n) {
            longs = new long[Math.max(n, longs.length * 2)];
        }
        return longs;
    }

    long estimatedBytes() {
        return 8L * longs.length + 8L * doubles.length + nulls.length;
    }
}
