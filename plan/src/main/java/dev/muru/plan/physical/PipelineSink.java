package dev.muru.plan.physical;

import dev.muru.core.Schema;
import dev.muru.plan.logical.AggregateCall;
import dev.muru.plan.logical.SortItem;

import java.util.List;

/** The breaker that ends a pipeline: where its rows are gathered. */
public sealed interface PipelineSink {
    /** The schema of what the sink produces. */
    Schema schema();

    /**
     * Hash aggregation. Input columns 0..keyCount-1 are the group keys; each aggregate's
     * argument is an InputRef into the input. Output: keys then aggregates.
     */
    record Aggregate(int keyCount, List<AggregateCall> aggregates, Schema schema) implements PipelineSink {
        public Aggregate {
            aggregates = List.copyOf(aggregates);
        }
    }

    /** Duplicate elimination over all columns. */
    record Distinct(Schema schema) implements PipelineSink {
    }

    /** Sorts its input; with {@code topN >= 0} only the first topN rows are kept. */
    record Sort(List<SortItem> items, long topN, Schema schema) implements PipelineSink {
        public Sort {
            items = List.copyOf(items);
        }
    }

    /**
     * Collects rows, skipping {@code offset} and keeping at most {@code limit} (-1: all). Then,
     * when {@code unmatchedOf >= 0}, appends the build rows of that join pipeline that no probe
     * matched (RIGHT and FULL joins), or when {@code matchedOf >= 0} those some probe matched
     * (a right semi join); with {@code singleRow}, the result must be one row (a
     * scalar subquery: none gives one row of NULLs, more is an error).
     */
    record Collect(long limit, long offset, Schema schema, int unmatchedOf, boolean singleRow, int matchedOf)
            implements PipelineSink {
        public Collect(long limit, long offset, Schema schema) {
            this(limit, offset, schema, -1, false, -1);
        }

        public Collect(long limit, long offset, Schema schema, int unmatchedOf, boolean singleRow) {
            this(limit, offset, schema, unmatchedOf, singleRow, -1);
        }
    }

    /**
     * The build side of a hash join: rows are split by the hash of {@code keyColumns} into
     * partitions, each built into its own hash table. Output: the table, read by the probe step.
     */
    record JoinBuild(int[] keyColumns, Schema schema) implements PipelineSink {
    }
}
