package dev.muru.operators.aggregate;

import dev.muru.core.Morsel;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.DoubleVector;
import dev.muru.core.vector.NullMask;

import java.util.Arrays;

/** SUM and AVG of DOUBLE: a double sum and a count of non-NULL inputs per group. */
final class DoubleSumAccumulator extends Accumulator {
    private final boolean average;
    private double[] sums = new double[0];
    private long[] counts = new long[0];

    DoubleSumAccumulator(AggregateSpec spec) {
        super(spec);
        this.average = spec.kind() == AggregateKind.AVG;
    }

    @Override
    void ensureCapacity(int groups) {
        if (groups > sums.length) {
            int c = grownCapacity(sums.length, groups);
            sums = Arrays.copyOf(sums, c);
            counts = Arrays.copyOf(counts, c);
        }
    }

    @Override
    void update(Morsel input, int[] gids, DenseInput scratch) {
        ColumnVector v = input.column(spec.inputColumn());
        double[] values = scratch.doubles(v, input);
        boolean[] nulls = scratch.nulls(v, input);
        int n = input.size();
        double[] s = sums;
        long[] c = counts;
        if (nulls == null) {
            for (int i = 0; i < n; i++) {
                int g = gids[i];
                s[g] += values[i];
                c[g]++;
            }
        } else {
            for (int i = 0; i < n; i++) {
                if (!nulls[i]) {
                    int g = gids[i];
                    s[g] += values[i];
                    c[g]++;
                }
            }
        }
    }

    @Override
    void merge(Accumulator source, int[] srcGids, int[] dstGids, int n) {
        DoubleSumAccumulator src = (DoubleSumAccumulator) source;
        for (int i = 0; i < n; i++) {
            int s = sourceGid(srcGids, i);
            sums[dstGids[i]] += src.sums[s];
            counts[dstGids[i]] += src.counts[s];
        }
    }

    @Override
    ColumnVector finish(int[] order, int from, int count) {
        double[] out = new double[count];
        long[] nullMask = null;
        for (int i = 0; i < count; i++) {
            int g = GroupOrder.at(order, from, i);
            if (counts[g] == 0) {
                if (nullMask == null) {
                    nullMask = new long[NullMask.words(count)];
                }
                NullMask.set(nullMask, i);
            } else {
                out[i] = average ? sums[g] / counts[g] : sums[g];
            }
        }
        return new DoubleVector(spec.resultType(), out, nullMask);
    }

    @Override
    long estimatedBytes() {
        return 16L * sums.length;
    }
}
