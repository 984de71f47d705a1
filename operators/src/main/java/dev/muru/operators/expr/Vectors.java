package dev.muru.operators.expr;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.vector.BooleanVector;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.DoubleVector;
import dev.muru.core.vector.IntVector;
import dev.muru.core.vector.LongVector;
import dev.muru.core.vector.NullMask;
import dev.muru.core.vector.StringVector;

/** Helpers shared by the evaluators: live positions, null masks, copying between vectors. */
final class Vectors {
    private Vectors() {
    }

    /** The physical positions of the live rows, as a fresh array the caller may overwrite. */
    static int[] livePositions(Morsel in) {
        int n = in.size();
        int[] out = new int[n];
        int[] sel = in.selection();
        if (sel == null) {
            for (int i = 0; i < n; i++) {
                out[i] = i;
            }
        } else {
            System.arraycopy(sel, 0, out, 0, n);
        }
        return out;
    }

    /** A private copy of a vector's null mask (results must not share a mask someone may set). */
    static long[] copyNulls(ColumnVector v) {
        long[] mask = v.nullMask();
        return mask == null ? null : mask.clone();
    }

    static long[] orNulls(ColumnVector a, ColumnVector b, int positions) {
        return NullMask.or(a.nullMask(), b.nullMask(), positions);
    }

    /** The union of the null masks of all vectors; null when none has nulls. */
    static long[] orNulls(ColumnVector[] vectors, int positions) {
        long[] out = null;
        for (ColumnVector v : vectors) {
            if (v.nullMask() != null) {
                out = out == null ? v.nullMask().clone() : NullMask.or(out, v.nullMask(), positions);
            }
        }
        return out;
    }

    static void clearNull(long[] mask, int position) {
        mask[position >>> 6] &= ~(1L << position);
    }

    /** Whether a live row of {@code in} is NULL in {@code mask}. */
    static boolean anyLiveNull(long[] mask, Morsel in) {
        if (mask == null) {
            return false;
        }
        for (int i = 0, n = in.size(); i < n; i++) {
            if (NullMask.isNull(mask, in.position(i))) {
                return true;
            }
        }
        return false;
    }

    /** Drops from {@code out[0..k)} the positions NULL in either mask; returns the new count. */
    static int removeNulls(int[] out, int k, long[] a, long[] b) {
        if (a == null && b == null) {
            return k;
        }
        int kept = 0;
        for (int j = 0; j < k; j++) {
            int p = out[j];
            if (!NullMask.isNull(a, p) && !NullMask.isNull(b, p)) {
                out[kept++] = p;
            }
        }
        return kept;
    }

    /**
     * Removes from {@code remaining[0..count)} the positions listed in {@code taken[0..k)}, which
     * is a subsequence of it in the same order; returns the new count. Works on any order.
     */
    static int subtract(int[] remaining, int count, int[] taken, int k) {
        int kept = 0;
        int t = 0;
        for (int i = 0; i < count; i++) {
            int p = remaining[i];
            if (t < k && taken[t] == p) {
                t++;
            } else {
                remaining[kept++] = p;
            }
        }
        return kept;
    }

    /** Copies values and NULL flags at {@code positions[0..n)} from src into dst (same physical type). */
    static void copyPositions(ColumnVector src, ColumnVector dst, int[] positions, int n) {
        switch (dst.type().physical()) {
            case LONG: {
                long[] s = ((LongVector) src).values();
                long[] d = ((LongVector) dst).values();
                for (int i = 0; i < n; i++) {
                    d[positions[i]] = s[positions[i]];
                }
                break;
            }
            case INT: {
                int[] s = ((IntVector) src).values();
                int[] d = ((IntVector) dst).values();
                for (int i = 0; i < n; i++) {
                    d[positions[i]] = s[positions[i]];
                }
                break;
            }
            case DOUBLE: {
                double[] s = ((DoubleVector) src).values();
                double[] d = ((DoubleVector) dst).values();
                for (int i = 0; i < n; i++) {
                    d[positions[i]] = s[positions[i]];
                }
                break;
            }
            case BOOLEAN: {
                boolean[] s = ((BooleanVector) src).values();
                boolean[] d = ((BooleanVector) dst).values();
                for (int i = 0; i < n; i++) {
                    d[positions[i]] = s[positions[i]];
                }
                break;
            }
            case STRING: {
                String[] s = ((StringVector) src).values();
                String[] d = ((StringVector) dst).values();
                for (int i = 0; i < n; i++) {
                    d[positions[i]] = s[positions[i]];
                }
                break;
            }
            default:
                throw new IllegalStateException(dst.type().toString());
        }
        if (src.hasNulls()) {
            for (int i = 0; i < n; i++) {
                if (src.isNull(positions[i])) {
                    dst.setNull(positions[i]);
                }
            }
        }
    }

    /** A vector of {@code type} over the same value array as {@code v}, with another null mask. */
    static ColumnVector withNulls(ColumnVector v, DataType type, long[] mask) {
        if (v instanceof LongVector) {
            return new LongVector(type, ((LongVector) v).values(), v.length(), mask);
        }
        if (v instanceof IntVector) {
            return new IntVector(type, ((IntVector) v).values(), v.length(), mask);
        }
        if (v instanceof DoubleVector) {
            return new DoubleVector(type, ((DoubleVector) v).values(), v.length(), mask);
        }
        if (v instanceof BooleanVector) {
            return new BooleanVector(type, ((BooleanVector) v).values(), v.length(), mask);
        }
        return new StringVector(type, ((StringVector) v).values(), v.length(), mask);
    }

    /** Whether two non-NULL values of one physical type are equal, in the order comparisons use. */
    static boolean equalAt(ColumnVector a, ColumnVector b, int p) {
        if (a instanceof LongVector) {
            return ((LongVector) a).get(p) == ((LongVector) b).get(p);
        }
        if (a instanceof IntVector) {
            return ((IntVector) a).get(p) == ((IntVector) b).get(p);
        }
        if (a instanceof DoubleVector) {
            return DoubleComparison.equal(((DoubleVector) a).get(p), ((DoubleVector) b).get(p));
        }
        if (a instanceof BooleanVector) {
            return ((BooleanVector) a).get(p) == ((BooleanVector) b).get(p);
        }
        return ((StringVector) a).get(p).equals(((StringVector) b).get(p));
    }

    /** The value at a position in the encoding of {@code BoundExpr.Constant}; null for NULL. */
    static Object rawValue(ColumnVector v, int position) {
        if (v.isNull(position)) {
            return null;
        }
        if (v instanceof LongVector) {
            return ((LongVector) v).get(position);
        }
        if (v instanceof IntVector) {
            return ((IntVector) v).get(position);
        }
        if (v instanceof DoubleVector) {
            return ((DoubleVector) v).get(position);
        }
        if (v instanceof BooleanVector) {
            return ((BooleanVector) v).get(position);
        }
        return ((StringVector) v).get(position);
    }
}
