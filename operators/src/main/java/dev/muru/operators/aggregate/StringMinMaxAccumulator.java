package dev.muru.operators.aggregate;

import dev.muru.core.Morsel;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.NullMask;
import dev.muru.core.vector.StringVector;

import java.util.Arrays;

/** MIN and MAX of VARCHAR/CHAR by code point order. */
final class StringMinMaxAccumulator extends Accumulator {
    /** +1 for MAX, -1 for MIN: a candidate wins when its comparison has this sign. */
    private final int sign;
    /** The extreme per group; null while the group has seen no non-NULL value. */
    private String[] values = new String[0];
    private long chars;

    StringMinMaxAccumulator(AggregateSpec spec) {
        super(spec);
        this.sign = spec.kind() == AggregateKind.MAX ? 1 : -1;
    }

    @Override
    void ensureCapacity(int groups) {
        if (groups > values.length) {
            values = Arrays.copyOf(values, grownCapacity(values.length, groups));
        }
    }

    private void offer(int g, String v) {
        String cur = values[g];
        if (cur == null || Integer.signum(dev.muru.core.Values.compareStrings(v, cur)) == sign) {
            values[g] = v;
            chars += v.length() - (cur == null ? 0 : cur.length());
        }
    }

    @Override
    void update(Morsel input, int[] gids, DenseInput scratch) {
        StringVector v = (StringVector) input.column(spec.inputColumn());
        String[] in = v.values();
        long[] mask = v.nullMask();
        int n = input.size();
        for (int i = 0; i < n; i++) {
            int p = input.position(i);
            if (!NullMask.isNull(mask, p)) {
                offer(gids[i], in[p]);
            }
        }
    }

    @Override
    void merge(Accumulator source, int[] srcGids, int[] dstGids, int n) {
        String[] src = ((StringMinMaxAccumulator) source).values;
        for (int i = 0; i < n; i++) {
            String s = src[sourceGid(srcGids, i)];
            if (s != null) {
                offer(dstGids[i], s);
            }
        }
    }

    @Override
    ColumnVector finish(int[] order, int from, int count) {
        String[] out = GroupOrder.strings(values, order, from, count);
        long[] nullMask = null;
        for (int i = 0; i < count; i++) {
            if (out[i] == null) {
                if (nullMask == null) {
                    nullMask = new long[NullMask.words(count)];
                }
                NullMask.set(nullMask, i);
            }
        }
        return new StringVector(spec.resultType(), out, nullMask);
    }

    @Override
    long estimatedBytes() {
        return 8L * values.length + 2L * chars;
    }

    @Override
    boolean mergesGroupsOnly() {
        return false; // a merge also updates its character count, shared by all groups
    }

}
