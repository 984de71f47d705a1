package dev.muru.operators.aggregate;

import dev.muru.core.Morsel;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.LongVector;

import java.util.Arrays;

/** COUNT(*) counts rows; COUNT(x) counts rows where x is not NULL. */
final class CountAccumulator extends Accumulator {
    private long[] counts = new long[0];

    CountAccumulator(AggregateSpec spec) {
        super(spec);
    }

    @Override
    void ensureCapacity(int groups) {
        if (groups > counts.length) {
            counts = Arrays.copyOf(counts, grownCapacity(counts.length, groups));
        }
    }

    @Override
    void update(Morsel input, int[] gids, DenseInput scratch) {
        int n = input.size();
        long[] c = counts;
        boolean[] nulls = spec.inputColumn() < 0 ? null : scratch.nulls(input.column(spec.inputColumn()), input);
        if (nulls == null) {
            for (int i = 0; i < n; i++) {
                c[gids[i]]++;
            }
        } else {
            for (int i = 0; i < n; i++) {
                if (!nulls[i]) {
                    c[gids[i]]++;
                }
            }
        }
    }

    @Override
    void merge(Accumulator source, int[] srcGids, int[] dstGids, int n) {
        long[] src = ((CountAccumulator) source).counts;
        for (int i = 0; i < n; i++) {
            counts[dstGids[i]] += src[sourceGid(srcGids, i)];
        }
    }

    @Override
    ColumnVector finish(int[] order, int from, int count) {
        return new LongVector(spec.resultType(), GroupOrder.longs(counts, order, from, count), null);
    }

    @Override
    long estimatedBytes() {
        return 8L * counts.length;
    }
}
