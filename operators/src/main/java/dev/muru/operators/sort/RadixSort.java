package dev.muru.operators.sort;

import dev.muru.core.PhysicalType;
import dev.muru.core.vector.BooleanVector;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.DoubleVector;
import dev.muru.core.vector.IntVector;
import dev.muru.core.vector.LongVector;

/**
 * Stable LSD radix sort of row indices by a fixed-width leading key. Each value becomes a long
 * whose unsigned order is the key's order (direction included); byte digits where all keys
 * agree are skipped. NULL rows are split off first, in input order. Rows that tie on the
 * leading key are then ordered by an optional comparator over the remaining keys.
 */
final class RadixSort {
    private RadixSort() {
    }

    static boolean supports(ColumnVector v) {
        return v.type().physical() != PhysicalType.STRING;
    }

    /** Sorts the row indices {@code perm[0, n)} of {@code v}; {@code ties} may be null. */
    static void sort(int[] perm, int n, SortKey key, ColumnVector v, IndexComparator ties) {
        long[] nullMask = v.nullMask();
        int[] rows = new int[n];
        int[] nullRows = new int[nullMask == null ? 0 : n];
        long[] keys = new long[n];
        int m = 0;
        int nulls = 0;
        for (int i = 0; i < n; i++) {
            int p = perm[i];
            if (nullMask != null && (nullMask[p >>> 6] & (1L << p)) != 0) {
                nullRows[nulls++] = p;
            } else {
                rows[m] = p;
                keys[m++] = normalized(v, p, key.ascending());
            }
        }
        radix(keys, rows, m);
        int valuesFrom = key.nullsFirst() ? nulls : 0;
        int nullsFrom = key.nullsFirst() ? 0 : m;
        System.arraycopy(rows, 0, perm, valuesFrom, m);
        System.arraycopy(nullRows, 0, perm, nullsFrom, nulls);
        if (ties == null) {
            return;
        }
        int[] scratch = new int[n];
        IndexSort.sort(perm, nullsFrom, nullsFrom + nulls, ties, scratch);
        int start = 0;
        for (int i = 1; i <= m; i++) {
            if (i == m || keys[i] != keys[start]) {
                if (i - start > 1) {
                    IndexSort.sort(perm, valuesFrom + start, valuesFrom + i, ties, scratch);
                }
                start = i;
            }
        }
    }

    /** The value at {@code p} as a long whose unsigned order is the sort order. */
    private static long normalized(ColumnVector v, int p, boolean ascending) {
        long k;
        if (v instanceof LongVector lv) {
            k = lv.values()[p] ^ Long.MIN_VALUE;
        } else if (v instanceof IntVector iv) {
            k = (long) iv.values()[p] - Integer.MIN_VALUE;
        } else if (v instanceof DoubleVector dv) {
            // Double.compare's order: flip all bits of negatives, only the sign bit of the rest.
            long bits = Double.doubleToLongBits(dv.values()[p]);
            k = bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
        } else {
            k = ((BooleanVector) v).values()[p] ? 1 : 0;
        }
        return ascending ? k : ~k;
    }

    /** Sorts {@code keys[0, n)} unsigned, moving {@code rows} along; stable. */
    private static void radix(long[] keys, int[] rows, int n) {
        if (n < 2) {
            return;
        }
        int[][] counts = new int[8][256];
        for (int i = 0; i < n; i++) {
            long k = keys[i];
            for (int d = 0; d < 8; d++) {
                counts[d][(int) (k >>> (8 * d)) & 0xFF]++;
            }
        }
        long[] keysIn = keys;
        int[] rowsIn = rows;
        long[] keysOut = new long[n];
        int[] rowsOut = new int[n];
        for (int d = 0; d < 8; d++) {
            int shift = 8 * d;
            int[] c = counts[d];
            if (c[(int) (keysIn[0] >>> shift) & 0xFF] == n) {
                continue;
            }
            int sum = 0;
            for (int b = 0; b < 256; b++) {
                int t = c[b];
                c[b] = sum;
                sum += t;
            }
            for (int i = 0; i < n; i++) {
                long k = keysIn[i];
                int at = c[(int) (k >>> shift) & 0xFF]++;
                keysOut[at] = k;
                rowsOut[at] = rowsIn[i];
            }
            long[] tk = keysIn;
            keysIn = keysOut;
            keysOut = tk;
            int[] tr = rowsIn;
            rowsIn = rowsOut;
            rowsOut = tr;
        }
        if (keysIn != keys) {
            System.arraycopy(keysIn, 0, keys, 0, n);
            System.arraycopy(rowsIn, 0, rows, 0, n);
        }
    }
}
