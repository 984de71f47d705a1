package dev.muru.operators.aggregate;

import dev.muru.core.Morsel;
import dev.muru.core.PhysicalType;
import dev.muru.core.TypeKind;
import dev.muru.core.Values;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.DoubleVector;
import dev.muru.core.vector.LongVector;
import dev.muru.core.vector.NullMask;
import dev.muru.core.vector.StringVector;

import java.util.Arrays;
import java.util.HashSet;

/**
 * COUNT, SUM and AVG DISTINCT: the set of distinct non-NULL values per group, folded into the
 * result only at finish, so partial states combine by set union. Fixed-width values live in
 * primitive {@link LongSet}s (doubles by their grouping identity), strings in HashSets.
 */
final class DistinctAccumulator extends Accumulator {
    /** Memory of one more member of a LongSet kept at most half full. */
    private static final long BYTES_PER_LONG = 16;
    private final boolean strings;
    private final boolean doubles;
    /** 10^scale of a DECIMAL input, 1 otherwise: AVG divides by it. */
    private final double unit;
    private LongSet[] longSets = new LongSet[0];
    private HashSet<String>[] stringSets = newStringSets(0);
    private long setBytes;

    DistinctAccumulator(AggregateSpec spec) {
        super(spec);
        PhysicalType p = spec.inputType().physical();
        this.strings = p == PhysicalType.STRING;
        this.doubles = p == PhysicalType.DOUBLE;
        this.unit = spec.inputType().kind() == TypeKind.DECIMAL ? Values.pow10(spec.inputType().scale()) : 1;
    }

    @SuppressWarnings("unchecked")
    private static HashSet<String>[] newStringSets(int n) {
        return (HashSet<String>[]) new HashSet<?>[n];
    }

    @Override
    void ensureCapacity(int groups) {
        if (strings && groups > stringSets.length) {
            stringSets = Arrays.copyOf(stringSets, grownCapacity(stringSets.length, groups));
        } else if (!strings && groups > longSets.length) {
            longSets = Arrays.copyOf(longSets, grownCapacity(longSets.length, groups));
        }
    }

    @Override
    void update(Morsel input, int[] gids, DenseInput scratch) {
        ColumnVector v = input.column(spec.inputColumn());
        int n = input.size();
        if (strings) {
            String[] in = ((StringVector) v).values();
            long[] mask = v.nullMask();
            for (int i = 0; i < n; i++) {
                int p = input.position(i);
                if (!NullMask.isNull(mask, p)) {
                    addString(gids[i], in[p]);
                }
            }
            return;
        }
        long[] in = scratch.longs(v, input);
        boolean[] nulls = scratch.nulls(v, input);
        for (int i = 0; i < n; i++) {
            if (nulls == null || !nulls[i]) {
                if (longSet(gids[i]).add(in[i])) {
                    setBytes += BYTES_PER_LONG;
                }
            }
        }
    }

    private void addString(int g, String s) {
        HashSet<String> set = stringSets[g];
        if (set == null) {
            set = new HashSet<>();
            stringSets[g] = set;
        }
        if (set.add(s)) {
            setBytes += 48 + 2L * s.length();
        }
    }

    private LongSet longSet(int g) {
        LongSet set = longSets[g];
        if (set == null) {
            set = new LongSet();
            longSets[g] = set;
            setBytes += set.estimatedBytes();
        }
        return set;
    }

    @Override
    void merge(Accumulator source, int[] srcGids, int[] dstGids, int n) {
        DistinctAccumulator src = (DistinctAccumulator) source;
        for (int i = 0; i < n; i++) {
            int s = sourceGid(srcGids, i);
            int d = dstGids[i];
            if (strings) {
                if (src.stringSets[s] != null) {
                    for (String v : src.stringSets[s]) {
                        addString(d, v);
                    }
                }
            } else if (src.longSets[s] != null) {
                // A copy, never a shared set, keeps the source usable after the merge.
                if (longSets[d] == null) {
                    longSets[d] = src.longSets[s].copy();
                    setBytes += longSets[d].estimatedBytes();
                } else {
                    setBytes += BYTES_PER_LONG * longSets[d].addAll(src.longSets[s]);
                }
            }
        }
    }

    @Override
    ColumnVector finish(int[] order, int from, int count) {
        long[] nullMask = null;
        long[] longOut = new long[count];
        double[] doubleOut = new double[count];
        for (int i = 0; i < count; i++) {
            int g = GroupOrder.at(order, from, i);
            int size = strings ? sizeOf(stringSets[g]) : (longSets[g] == null ? 0 : longSets[g].size());
            if (spec.kind() == AggregateKind.COUNT) {
                longOut[i] = size;
            } else if (size == 0) {
                if (nullMask == null) {
                    nullMask = new long[NullMask.words(count)];
                }
                NullMask.set(nullMask, i);
            } else if (doubles) {
                double sum = 0;
                for (long bits : longSets[g].toArray()) {
                    sum += Double.longBitsToDouble(bits);
                }
                doubleOut[i] = spec.kind() == AggregateKind.AVG ? sum / size : sum;
            } else {
                long hi = 0;
                long lo = 0;
                for (long x : longSets[g].toArray()) {
                    long s = lo + x;
                    hi += Int128.hiIncrement(lo, x, s);
                    lo = s;
                }
                if (spec.kind() == AggregateKind.AVG) {
                    doubleOut[i] = Int128.toDouble(hi, lo) / size / unit;
                } else {
                    longOut[i] = Int128.toLongExact(hi, lo, spec.resultType());
                }
            }
        }
        return spec.resultType().physical() == PhysicalType.DOUBLE
                ? new DoubleVector(spec.resultType(), doubleOut, nullMask)
                : new LongVector(spec.resultType(), longOut, nullMask);
    }

    private static int sizeOf(HashSet<String> set) {
        return set == null ? 0 : set.size();
    }

    @Override
    long estimatedBytes() {
        return 8L * (longSets.length + stringSets.length) + setBytes;
    }

    @Override
    boolean mergesGroupsOnly() {
        return false; // a merge also updates its sets and their byte count, shared by all groups
    }

}
