package dev.muru.operators.aggregate;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.vector.BooleanVector;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.IntVector;
import dev.muru.core.vector.LongVector;
import dev.muru.core.vector.NullMask;

import java.util.Arrays;

/**
 * MIN and MAX of INT, LONG and BOOLEAN columns, held as longs. Empty groups start at the
 * identity (Long.MAX_VALUE for MIN), so the loop is a branch-free min/max; a per-group flag
 * tells a real extreme from an empty group.
 */
final class LongMinMaxAccumulator extends Accumulator {
    private final boolean max;
    private final long identity;
    private long[] values = new long[0];
    private boolean[] seen = new boolean[0];

    LongMinMaxAccumulator(AggregateSpec spec) {
        super(spec);
        this.max = spec.kind() == AggregateKind.MAX;
        this.identity = max ? Long.MIN_VALUE : Long.MAX_VALUE;
    }

    @Override
    void ensureCapacity(int groups) {
        if (groups > values.length) {
            int old = values.length;
            int c = grownCapacity(old, groups);
            values = Arrays.copyOf(values, c);
            Arrays.fill(values, old, c, identity);
            seen = Arrays.copyOf(seen, c);
        }
    }

    @Override
    void update(Morsel input, int[] gids, DenseInput scratch) {
        ColumnVector v = input.column(spec.inputColumn());
        long[] in = scratch.longs(v, input);
        boolean[] nulls = scratch.nulls(v, input);
        int n = input.size();
        long[] vals = values;
        boolean[] s = seen;
        if (max) {
            for (int i = 0; i < n; i++) {
                if (nulls == null || !nulls[i]) {
                    int g = gids[i];
                    vals[g] = Math.max(vals[g], in[i]);
                    s[g] = true;
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                if (nulls == null || !nulls[i]) {
                    int g = gids[i];
                    vals[g] = Math.min(vals[g], in[i]);
                    s[g] = true;
                }
            }
        }
    }

    @Override
    void merge(Accumulator source, int[] srcGids, int[] dstGids, int n) {
        LongMinMaxAccumulator src = (LongMinMaxAccumulator) source;
        for (int i = 0; i < n; i++) {
            int s = sourceGid(srcGids, i);
            if (src.seen[s]) {
                int d = dstGids[i];
                values[d] = max ? Math.max(values[d], src.values[s]) : Math.min(values[d], src.values[s]);
                seen[d] = true;
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
        DataType type = spec.resultType();
        switch (type.physical()) {
            case INT: {
                int[] out = new int[count];
                for (int i = 0; i < count; i++) {
                    out[i] = seen[GroupOrder.at(order, from, i)] ? (int) values[GroupOrder.at(order, from, i)] : 0;
                }
                return new IntVector(type, out, nullMask);
            }
            case BOOLEAN: {
                boolean[] out = new boolean[count];
                for (int i = 0; i < count; i++) {
                    out[i] = seen[GroupOrder.at(order, from, i)] && values[GroupOrder.at(order, from, i)] != 0;
                }
                return new BooleanVector(type, out, nullMask);
            }
            default: {
                long[] out = new long[count];
                for (int i = 0; i < count; i++) {
                    out[i] = seen[GroupOrder.at(order, from, i)] ? values[GroupOrder.at(order, from, i)] : 0;
                }
                return new LongVector(type, out, nullMask);
            }
        }
    }

    @Override
    long estimatedBytes() {
        return 9L * values.length;
    }
}
