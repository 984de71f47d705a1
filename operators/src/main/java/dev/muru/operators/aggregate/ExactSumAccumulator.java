package dev.muru.operators.aggregate;

import dev.muru.core.Morsel;
import dev.muru.core.TypeKind;
import dev.muru.core.Values;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.DoubleVector;
import dev.muru.core.vector.LongVector;
import dev.muru.core.vector.NullMask;

import java.util.Arrays;

/**
 * SUM and AVG of INTEGER, BIGINT and DECIMAL: a 128-bit sum (hi, lo) and a count of non-NULL
 * inputs per group, so intermediate totals beyond a long are exact and only the final SUM must
 * fit its type.
 */
final class ExactSumAccumulator extends Accumulator {
    private final boolean average;
    /** 10^scale of a DECIMAL input, 1 otherwise: AVG divides by it. */
    private final double unit;
    private long[] lo = new long[0];
    private long[] hi = new long[0];
    private long[] counts = new long[0];

    ExactSumAccumulator(AggregateSpec spec) {
        super(spec);
        this.average = spec.kind() == AggregateKind.AVG;
        this.unit = spec.inputType().kind() == TypeKind.DECIMAL ? Values.pow10(spec.inputType().scale()) : 1;
    }

    @Override
    void ensureCapacity(int groups) {
        if (groups > lo.length) {
            int c = grownCapacity(lo.length, groups);
            lo = Arrays.copyOf(lo, c);
            hi = Arrays.copyOf(hi, c);
            counts = Arrays.copyOf(counts, c);
        }
    }

    @Override
    void update(Morsel input, int[] gids, DenseInput scratch) {
        ColumnVector v = input.column(spec.inputColumn());
        long[] values = scratch.longs(v, input);
        boolean[] nulls = scratch.nulls(v, input);
        int n = input.size();
        long[] l = lo;
        long[] h = hi;
        long[] c = counts;
        if (nulls == null) {
            for (int i = 0; i < n; i++) {
                int g = gids[i];
                long x = values[i];
                long old = l[g];
                long sum = old + x;
                h[g] += Int128.hiIncrement(old, x, sum);
                l[g] = sum;
                c[g]++;
            }
        } else {
            for (int i = 0; i < n; i++) {
                if (!nulls[i]) {
                    int g = gids[i];
                    long x = values[i];
                    long old = l[g];
                    long sum = old + x;
                    h[g] += Int128.hiIncrement(old, x, sum);
                    l[g] = sum;
                    c[g]++;
                }
            }
        }
    }

    @Override
    void merge(Accumulator source, int[] srcGids, int[] dstGids, int n) {
        ExactSumAccumulator src = (ExactSumAccumulator) source;
        for (int i = 0; i < n; i++) {
            int s = sourceGid(srcGids, i);
            int d = dstGids[i];
            long old = lo[d];
            long sum = old + src.lo[s];
            hi[d] += src.hi[s] + Int128.carry(old, src.lo[s], sum);
            lo[d] = sum;
            counts[d] += src.counts[s];
        }
    }

    @Override
    ColumnVector finish(int[] order, int from, int count) {
        long[] nullMask = null;
        for (int i = 0; i < count; i++) {
            if (counts[GroupOrder.at(order, from, i)] == 0) {
                if (nullMask == null) {
                    nullMask = new long[NullMask.words(count)];
                }
                NullMask.set(nullMask, i);
            }
        }
        if (average) {
            double[] out = new double[count];
            for (int i = 0; i < count; i++) {
                int g = GroupOrder.at(order, from, i);
                if (counts[g] != 0) {
                    out[i] = Int128.toDouble(hi[g], lo[g]) / counts[g] / unit;
                }
            }
            return new DoubleVector(spec.resultType(), out, nullMask);
        }
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            int g = GroupOrder.at(order, from, i);
            if (counts[g] != 0) {
                out[i] = Int128.toLongExact(hi[g], lo[g], spec.resultType());
            }
        }
        return new LongVector(spec.resultType(), out, nullMask);
    }

    @Override
    long estimatedBytes() {
        return 24L * lo.length;
    }
}
