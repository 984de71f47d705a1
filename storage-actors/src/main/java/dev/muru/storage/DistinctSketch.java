package dev.muru.storage;

import dev.muru.core.vector.BooleanVector;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.DoubleVector;
import dev.muru.core.vector.IntVector;
import dev.muru.core.vector.LongVector;
import dev.muru.core.vector.StringVector;

/**
 * A HyperLogLog sketch of a column's distinct values (2^11 registers, about 2% error): the
 * planner's estimate of join sizes rests on it. Sketches of row groups merge by register max.
 */
public final class DistinctSketch {
    private static final int P = 11;
    private static final int M = 1 << P;

    private final byte[] registers;

    private DistinctSketch(byte[] registers) {
        this.registers = registers;
    }

    static DistinctSketch empty() {
        return new DistinctSketch(new byte[M]);
    }

    /** The sketch of the non-NULL values in positions [0, rows) of {@code v}. */
    static DistinctSketch of(ColumnVector v, int rows) {
        byte[] r = new byte[M];
        boolean nulls = v.hasNulls();
        if (v instanceof LongVector l) {
            long[] x = l.values();
            for (int i = 0; i < rows; i++) {
                if (!nulls || !v.isNull(i)) {
                    add(r, mix(x[i]));
                }
            }
        } else if (v instanceof IntVector iv) {
            int[] x = iv.values();
            for (int i = 0; i < rows; i++) {
                if (!nulls || !v.isNull(i)) {
                    add(r, mix(x[i]));
                }
            }
        } else if (v instanceof DoubleVector d) {
            double[] x = d.values();
            for (int i = 0; i < rows; i++) {
                if (!nulls || !v.isNull(i)) {
                    add(r, mix(Double.doubleToLongBits(x[i] == 0.0 ? 0.0 : x[i])));
                }
            }
        } else if (v instanceof StringVector s) {
            String[] x = s.values();
            for (int i = 0; i < rows; i++) {
                if (!nulls || !v.isNull(i)) {
                    add(r, mix(x[i].hashCode() * 0x9E3779B97F4A7C15L + x[i].length()));
                }
            }
        } else {
            boolean[] x = ((BooleanVector) v).values();
            for (int i = 0; i < rows; i++) {
                if (!nulls || !v.isNull(i)) {
                    add(r, mix(x[i] ? 1 : 0));
                }
            }
        }
        return new DistinctSketch(r);
    }

    private static void add(byte[] r, long h) {
        int idx = (int) (h >>> (64 - P));
        int rank = Long.numberOfLeadingZeros((h << P) | (1L << (P - 1))) + 1;
        if (rank > r[idx]) {
            r[idx] = (byte) rank;
        }
    }

    private static long mix(long k) {
        return dev.muru.core.Hashing.mix(k);
    }

    /** This sketch merged with {@code other}, as a new sketch. */
    DistinctSketch merge(DistinctSketch other) {
        byte[] out = registers.clone();
        for (int i = 0; i < M; i++) {
            out[i] = (byte) Math.max(out[i], other.registers[i]);
        }
        return new DistinctSketch(out);
    }

    /** The estimated number of distinct values. */
    public long estimate() {
        double sum = 0;
        int zeros = 0;
        for (byte b : registers) {
            sum += Math.scalb(1.0, -b);
            if (b == 0) {
                zeros++;
            }
        }
        double alpha = 0.7213 / (1 + 1.079 / M);
        double e = alpha * M * (double) M / sum;
        if (e <= 2.5 * M && zeros > 0) {
            e = M * Math.log((double) M / zeros); // linear counting for small sets
        }
        return Math.round(e);
    }
}
