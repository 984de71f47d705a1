package dev.muru.operators.pipeline;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.LongVector;
import dev.muru.core.vector.StringVector;
import dev.muru.operators.aggregate.AggregateKind;
import dev.muru.operators.aggregate.AggregateSpec;
import dev.muru.operators.aggregate.HashAggregation;
import dev.muru.operators.join.JoinBuildSink;
import dev.muru.operators.join.JoinTable;
import dev.muru.operators.sort.SortKey;
import dev.muru.operators.sort.TopN;
import dev.muru.plan.logical.SortItem;
import dev.muru.plan.physical.PipelineSink;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EstimatedBytesTest {
    private static final int MORSEL_ROWS = 4096;
    private static final List<DataType> TYPES = List.of(DataType.BIGINT, DataType.VARCHAR, DataType.BIGINT);

    /** Rows {@code [from, from + n)}: key {@code row % distinct}, a name, and the row number. */
    private static Morsel morsel(int from, int n, int distinct) {
        long[] keys = new long[n];
        String[] names = new String[n];
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            int row = from + i;
            keys[i] = row % distinct;
            names[i] = "name-" + row;
            ids[i] = row;
        }
        return new Morsel(new ColumnVector[]{
                new LongVector(DataType.BIGINT, keys, null),
                new StringVector(DataType.VARCHAR, names, null),
                new LongVector(DataType.BIGINT, ids, null)}, n);
    }

    private static List<Morsel> morsels(int rows, int distinct) {
        List<Morsel> out = new ArrayList<>();
        for (int from = 0; from < rows; from += MORSEL_ROWS) {
            out.add(morsel(from, Math.min(MORSEL_ROWS, rows - from), distinct));
        }
        return out;
    }

    private static <S extends SinkState> S fill(S sink, List<Morsel> input) {
        for (Morsel m : input) {
            sink.add(m);
        }
        return sink;
    }

    private static AggregateSink aggregateSink() {
        AggregateSpec count = AggregateSpec.of(AggregateKind.COUNT_STAR, false, -1, null);
        AggregateSpec sum = AggregateSpec.of(AggregateKind.SUM, false, 2, DataType.BIGINT);
        return new AggregateSink(new HashAggregation(TYPES.subList(0, 1), List.of(count, sum)));
    }

    @Test
    void collectSinkSumsItsMorsels() {
        CollectSink sink = new CollectSink(-1, new AtomicLong());
        assertEquals(0, sink.estimatedBytes());
        List<Morsel> input = morsels(20_000, 100);
        // One behind a selection: the sink keeps its compacted copy.
        input.set(1, input.get(1).withSelection(new int[]{3, 5, 8}, 3));
        fill(sink, input);
        long sum = 0;
        for (Morsel m : sink.morsels()) {
            sum += m.estimatedBytes();
        }
        assertEquals(sum, sink.estimatedBytes());
        assertTrue(sum > 20_000L * 16);
    }

    @Test
    void aggregateSinkGrowsWithGroups() {
        AggregateSink few = fill(aggregateSink(), morsels(100_000, 10));
        AggregateSink many = fill(aggregateSink(), morsels(100_000, 100_000));
        assertEquals(10, few.state().groupCount());
        assertEquals(100_000, many.state().groupCount());
        assertTrue(many.estimatedBytes() > 10 * few.estimatedBytes(),
                many.estimatedBytes() + " vs " + few.estimatedBytes());
        // At least a long key and the count and sum per group.
        assertTrue(many.estimatedBytes() > 100_000L * 24);
    }

    @Test
    void sortSinkCountsBufferedMorsels() {
        SortSink sink = new SortSink(new PipelineSink.Sort(List.of(new SortItem(2, true, false)), -1, null));
        assertEquals(0, sink.estimatedBytes());
        List<Morsel> input = morsels(50_000, 100);
        long sum = 0;
        for (Morsel m : input) {
            sink.add(m);
            sum += m.estimatedBytes();
            assertEquals(sum, sink.estimatedBytes());
        }
    }

    @Test
    void topNStaysBoundedByItsLimit() {
        SortSink sink = new SortSink(new PipelineSink.Sort(List.of(new SortItem(2, false, false)), 10, null));
        List<Morsel> input = morsels(200_000, 100);
        long firstMorsel = input.get(0).estimatedBytes();
        fill(sink, input);
        // Ascending rows with a descending order: every morsel holds new best rows, yet compaction
        // keeps the retained morsels to about one.
        assertTrue(sink.estimatedBytes() > 0 && sink.estimatedBytes() < 3 * firstMorsel,
                sink.estimatedBytes() + " vs one morsel " + firstMorsel);

        // A limit under one morsel but large enough that keeping it does not compact it yet.
        TopN alone = new TopN(3000, List.of(new SortKey(2, true, false)));
        alone.add(input.get(0));
        long afterOne = alone.estimatedBytes();
        assertTrue(afterOne >= firstMorsel);
        alone.add(input.get(1)); // no better row: the morsel is not retained
        assertEquals(afterOne, alone.estimatedBytes());
    }

    @Test
    void joinBuildSinkGrowsWithRows() {
        JoinBuildSink sink = new JoinBuildSink(new int[]{0}, TYPES, 4);
        long before = sink.estimatedBytes();
        long previous = before;
        List<Morsel> input = morsels(100_000, 1000);
        long morselBytes = 0;
        for (Morsel m : input) {
            sink.add(m);
            morselBytes += m.estimatedBytes();
            assertTrue(sink.estimatedBytes() > previous);
            previous = sink.estimatedBytes();
        }
        // The kept morsels plus a position and a hash per row.
        assertTrue(previous >= morselBytes + 100_000L * 12, previous + " vs morsels " + morselBytes);
        assertTrue(previous < 2 * morselBytes);
    }

    @Test
    void joinTableCountsItsLayoutOnce() {
        List<JoinBuildSink> sinks = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            sinks.add(fill(new JoinBuildSink(new int[]{1}, TYPES, 4), morsels(50_000, 50_000)));
        }
        JoinTable table = JoinTable.build(sinks);
        long tableBytes = table.estimatedBytes();
        long sinkBytes = sinks.get(0).estimatedBytes() + sinks.get(1).estimatedBytes();
        // Same rows, copied into one row space: comparable to what the sinks hold.
        assertTrue(tableBytes > sinkBytes / 2 && tableBytes < 2 * sinkBytes, tableBytes + " vs sinks " + sinkBytes);
        long partitions = 0;
        for (int p = 0; p < table.partitionCount(); p++) {
            long share = table.partition(p).estimatedBytes();
            assertTrue(share > tableBytes / 8 && share < tableBytes / 2, "partition " + p + ": " + share);
            partitions += share;
        }
        assertTrue(partitions <= tableBytes && partitions > tableBytes - 1000, partitions + " vs " + tableBytes);

        JoinTable small = JoinTable.build(List.of(fill(new JoinBuildSink(new int[]{1}, TYPES, 4), morsels(1000, 1000))));
        assertTrue(small.estimatedBytes() < tableBytes / 50);
    }
}
