package dev.muru.operators.join;

import dev.muru.core.DataType;
import dev.muru.core.PhysicalType;
import dev.muru.core.vector.BooleanVector;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.DoubleVector;
import dev.muru.core.vector.IntVector;
import dev.muru.core.vector.LongVector;
import dev.muru.core.vector.StringVector;

import java.util.List;

/**
 * The join-key hash and key normalisation shared by the build sinks, the built partitions and
 * the probes, so equal keys hash alike everywhere. Every non-string key value is normalised to a
 * {@code long} whose equality is SQL equality: INTEGER/DATE widen, BIGINT/DECIMAL as is, DOUBLE
 * as its bits with -0.0 folded into 0.0 and all NaNs one (NaN equals itself, as PostgreSQL),
 * BOOLEAN as 0/1. Strings stay strings. Partitions use the high bits of the hash, buckets the low.
 */
final class JoinKeys {
    private JoinKeys() {
    }

    static long mix(long k) {
        return dev.muru.core.Hashing.mix(k);
    }

    static long combine(long rowHash, long valueHash) {
        return mix(rowHash * 0x9E3779B97F4A7C15L + valueHash);
    }

    /** The partition in [0, parts) of a key hash, from its high 32 bits. */
    static int partition(long hash, int parts) {
        return (int) (((hash >>> 32) * parts) >>> 32);
    }

    static long doubleBits(double v) {
        return v == 0.0 ? 0L : Double.doubleToLongBits(v);
    }

    static boolean isString(DataType type) {
        return type.physical() == PhysicalType.STRING;
    }

    static boolean[] stringKeys(List<DataType> types, int[] keyColumns) {
        boolean[] out = new boolean[keyColumns.length];
        for (int k = 0; k < keyColumns.length; k++) {
            out[k] = isString(types.get(keyColumns[k]));
        }
        return out;
    }

    /**
     * Writes the normalised values of the live rows {@code sel[0..n)} (or {@code 0..n} when
     * {@code sel} is null) of a non-string vector into {@code out[0..n)}.
     */
    static void normalize(ColumnVector v, int[] sel, int n, long[] out) {
        if (v instanceof LongVector) {
            long[] a = ((LongVector) v).values();
            if (sel == null) {
                System.arraycopy(a, 0, out, 0, n);
            } else {
                for (int i = 0; i < n; i++) {
                    out[i] = a[sel[i]];
                }
            }
        } else if (v instanceof IntVector) {
            int[] a = ((IntVector) v).values();
            if (sel == null) {
                for (int i = 0; i < n; i++) {
                    out[i] = a[i];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    out[i] = a[sel[i]];
                }
            }
        } else if (v instanceof DoubleVector) {
            double[] a = ((DoubleVector) v).values();
            for (int i = 0; i < n; i++) {
                out[i] = doubleBits(a[sel == null ? i : sel[i]]);
            }
        } else if (v instanceof BooleanVector) {
            boolean[] a = ((BooleanVector) v).values();
            for (int i = 0; i < n; i++) {
                out[i] = a[sel == null ? i : sel[i]] ? 1L : 0L;
            }
        } else {
            throw new IllegalArgumentException("not a fixed-width key: " + v.type());
        }
    }

    /** The live string values of a string vector, as {@link #normalize} for fixed-width ones. */
    static void strings(ColumnVector v, int[] sel, int n, String[] out) {
        String[] a = ((StringVector) v).values();
        if (sel == null) {
            System.arraycopy(a, 0, out, 0, n);
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = a[sel[i]];
            }
        }
    }

    /**
     * ORs into {@code nullKey[0..n)} whether each live row is NULL in {@code v}; returns whether
     * any was. Does nothing (returns false) for a vector without nulls.
     */
    static boolean markNulls(ColumnVector v, int[] sel, int n, boolean[] nullKey) {
        long[] mask = v.nullMask();
        if (mask == null) {
            return false;
        }
        boolean any = false;
        for (int i = 0; i < n; i++) {
            int p = sel == null ? i : sel[i];
            if ((mask[p >>> 6] & (1L << p)) != 0) {
                nullKey[i] = true;
                any = true;
            }
        }
        return any;
    }

    /**
     * Folds key column {@code k}'s values into the row hashes {@code hash[0..n)}: the first key
     * column sets them, later ones combine. Exactly one of {@code longs}/{@code strs} is non-null.
     */
    static void hash(int k, long[] longs, String[] strs, int n, long[] hash) {
        if (longs != null) {
            if (k == 0) {
                for (int i = 0; i < n; i++) {
                    hash[i] = mix(longs[i]);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    hash[i] = combine(hash[i], mix(longs[i]));
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                String s = strs[i];
                long h = mix(s == null ? 0L : s.hashCode());
                hash[i] = k == 0 ? h : combine(hash[i], h);
            }
        }
    }
}
