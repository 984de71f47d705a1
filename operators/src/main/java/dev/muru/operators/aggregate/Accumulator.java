package dev.muru.operators.aggregate;

import dev.muru.core.Morsel;
import dev.muru.core.PhysicalType;
import dev.muru.core.vector.ColumnVector;

/**
 * The state of one aggregate for all groups, as columnar arrays indexed by group id, updated a
 * whole morsel at a time so each kind runs one tight typed loop.
 */
abstract class Accumulator {
    protected final AggregateSpec spec;

    Accumulator(AggregateSpec spec) {
        this.spec = spec;
    }

    static Accumulator create(AggregateSpec spec) {
        if (spec.needsValueSet()) {
            return new DistinctAccumulator(spec);
        }
        switch (spec.kind()) {
            case COUNT_STAR:
            case COUNT:
                return new CountAccumulator(spec);
            case SUM:
            case AVG:
                return spec.inputType().physical() == PhysicalType.DOUBLE
                        ? new DoubleSumAccumulator(spec) : new ExactSumAccumulator(spec);
            case MIN:
            case MAX:
                switch (spec.inputType().physical()) {
                    case DOUBLE: return new DoubleMinMaxAccumulator(spec);
                    case STRING: return new StringMinMaxAccumulator(spec);
                    default: return new LongMinMaxAccumulator(spec);
                }
            default:
                throw new IllegalStateException(spec.kind().name());
        }
    }

    /** Grows the arrays to hold at least {@code groups} groups, new ones in the empty state. */
    abstract void ensureCapacity(int groups);

    /** Adds the live rows of {@code input}; {@code gids[i]} is the group of live row i. */
    abstract void update(Morsel input, int[] gids, DenseInput scratch);

    /**
     * Merges group {@code srcGids[i]} of {@code source} (same spec; null ids mean i) into group
     * {@code dstGids[i]} of this one, for i in [0, n). The source is left unchanged.
     */
    abstract void merge(Accumulator source, int[] srcGids, int[] dstGids, int n);

    /** The results of groups {@code [from, from + count)} as a vector of the result type. */
    final ColumnVector finish(int from, int count) {
        return finish(null, from, count);
    }

    /** The results of the groups that {@link GroupOrder} names for {@code order}, {@code from}, {@code count}. */
    abstract ColumnVector finish(int[] order, int from, int count);

    /**
     * Whether {@link #merge} writes nothing but the destination groups' own slots, so that
     * combiners of different partitions may merge into one state at once.
     */
    boolean mergesGroupsOnly() {
        return true;
    }

    abstract long estimatedBytes();

    static int sourceGid(int[] srcGids, int i) {
        return srcGids == null ? i : srcGids[i];
    }

    /** The capacity after growing {@code current} to hold {@code needed}. */
    static int grownCapacity(int current, int needed) {
        return Math.max(needed, current * 2);
    }
}
