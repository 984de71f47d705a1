package dev.muru.operators.aggregate;

import dev.muru.core.Morsel;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.DoubleVector;
import dev.muru.core.vector.NullMask;

import java.util.Arrays;

/**
 * MIN and MAX of DOUBLE in the order of {@link Double#compare} (NaN above every number, as in
 * PostgreSQL and as ORDER BY sorts), which Math.min/max do not follow.
 */
final class DoubleMinMaxAccumulator extends Accumulator {
    /** +1 for MAX, -1 for MIN: a candidate wins when its comparison has this sign. */
    private final int sign;
    private double[] values = new double[0];
    private boolean[] seen = new boolean[0];

    DoubleMinMaxAccumulator(AggregateSpec spec) {
        super(spec);
        this.sign = spec.kind() == AggregateKind.MAX ? 1 : -1;
    }

    @Override
    void ensureCapacity(int groups) {
        if (groups > values.length) {
            int c = grownCapacity(values.length, groups);
            values = Arrays.copyOf(values, c);
            seen = Arrays.copyOf(seen, c);
        }
    }

    private void offer(int g, double v) {
        if (!seen[g] || Double.compare(v, values[g]) * sign > 0) {
            values[g] = v;
            seen[g] = true;
        }
    }

    @Override
    void update(Morsel input, int[] gids, DenseInput scratch) {
        ColumnVector v = input.column(spec.inputColumn());
        double[] in = scratch.doubles(v, input);
        boolean[] nulls = scratch.nulls(v, input);
        int n = input.size();
        for (int i = 0; i < n; i++) {
            if (nulls == null || !nulls[i]) {
                offer(gids[i], in[i]);
            }
        }
    }

    @Override
    void merge(Accumulator source, int[] srcGids, int[] dstGids, int n) {
        DoubleMinMaxAccumulator src = (DoubleMinMaxAccumulator) source;
        for (int i = 0; i < n; i++) {
            int s = sourceGid(srcGids, i);
            if (src.seen[s]) {
                offer(dstGids[i], src.values[s]);
            }
        }
    }

    @Override
    ColumnVector finish(int[] order, int from, int count) {
        long[] nullMask = null;
        for (int i = 0; i < count; i++) {
            if (!seen[GroupOrder.at(order, from, i)]) {
                if (nullMask == null) {
                    nullMask = new long[NullMask.words(count)];
                }
                NullMask.set(nullMask, i);
            }
        }
        return new DoubleVector(spec.resultType(), GroupOrder.doubles(values, order, from, count), nullMask);
    }

    @Override
    long estimatedBytes() {
        return 9L * values.length;
    }
}
