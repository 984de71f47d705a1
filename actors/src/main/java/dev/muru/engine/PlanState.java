package dev.muru.engine;

import dev.muru.MuruSettings;
import dev.muru.core.DataType;
import dev.muru.core.ErrorCode;
import dev.muru.core.Morsel;
import dev.muru.core.MuruException;
import dev.muru.core.Schema;
import dev.muru.core.vector.ColumnVector;
import dev.muru.operators.aggregate.HashAggregation;
import dev.muru.operators.join.JoinBuildSink;
import dev.muru.operators.join.JoinTable;
import dev.muru.operators.pipeline.AggregateSink;
import dev.muru.operators.pipeline.CollectSink;
import dev.muru.operators.pipeline.SinkState;
import dev.muru.operators.pipeline.SortSink;
import dev.muru.operators.sort.SortedMerge;
import dev.muru.operators.sort.TopN;
import dev.muru.plan.physical.Pipeline;
import dev.muru.plan.physical.PipelineSink;
import dev.muru.plan.physical.PipelineSource;
import dev.muru.plan.physical.PipelineStep;
import dev.muru.storage.RowGroup;
import dev.muru.storage.TableSnapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a plan's run has produced so far, and the pure steps around a pipeline: its input
 * morsels, a fresh sink per worker, its output from the finished sinks. The coordinator (actors)
 * and {@link InlineRun} (the calling thread) both drive pipelines through it.
 */
final class PlanState {
    private final SnapshotCatalog snapshots;
    private final MuruSettings settings;
    private final List<List<Morsel>> outputs = new ArrayList<>();
    /** The finished hash table of each join build pipeline, by pipeline id. */
    private final Map<Integer, JoinTable> joinTables = new HashMap<>();
    private int skippedRowGroups;

    PlanState(SnapshotCatalog snapshots, MuruSettings settings) {
        this.snapshots = snapshots;
        this.settings = settings;
    }

    void addOutput(List<Morsel> out) {
        outputs.add(out);
    }

    List<Morsel> lastOutput() {
        return outputs.get(outputs.size() - 1);
    }

    void addJoinTable(int pipeline, JoinTable table) {
        joinTables.put(pipeline, table);
    }

    JoinTable joinTable(int pipeline) {
        return joinTables.get(pipeline);
    }

    /** Row groups the last {@link #input} skipped by their zone maps. */
    int skippedRowGroups() {
        return skippedRowGroups;
    }

    SinkState newSink(Pipeline p, AtomicLong sharedCount, int buildPartitions) {
        PipelineSink s = p.sink();
        if (s instanceof PipelineSink.JoinBuild) {
            PipelineSink.JoinBuild b = (PipelineSink.JoinBuild) s;
            return new JoinBuildSink(b.keyColumns(), b.schema().types(), buildPartitions);
        }
        if (s instanceof PipelineSink.Collect) {
            PipelineSink.Collect c = (PipelineSink.Collect) s;
            if (c.singleRow()) {
                return new CollectSink(-1, sharedCount);
            }
            long wanted = c.limit() < 0 ? -1 : (c.limit() > Long.MAX_VALUE - c.offset() ? -1 : c.limit() + c.offset());
            return new CollectSink(wanted, sharedCount);
        }
        if (s instanceof PipelineSink.Sort) {
            return new SortSink((PipelineSink.Sort) s);
        }
        Schema in = p.steps().isEmpty() ? p.source().schema() : p.steps().get(p.steps().size() - 1).schema();
        return new AggregateSink(AggregateSink.newState(s, in.types()));
    }


    /**
     * A finished pipeline's output from its workers' sinks, or from the combiners' outputs
     * when a parallel aggregation had them.
     */
    List<Morsel> output(Pipeline p, List<SinkState> finishedSinks, List<List<Morsel>> partitionOutputs) {
        PipelineSink s = p.sink();
        if (!partitionOutputs.isEmpty()) {
            List<Morsel> out = new ArrayList<>();
            for (List<Morsel> part : partitionOutputs) {
                out.addAll(part);
            }
            return out;
        }
        if (s instanceof PipelineSink.Aggregate || s instanceof PipelineSink.Distinct) {
            // More than one sink without combiners: a sequential start that fanned out.
            List<HashAggregation> states = new ArrayList<>();
            for (SinkState sink : finishedSinks) {
                states.add(((AggregateSink) sink).state());
            }
            return HashAggregation.combineAndFinish(states, 0, 1, settings.morselRows());
        }
        if (s instanceof PipelineSink.Sort) {
            PipelineSink.Sort sort = (PipelineSink.Sort) s;
            SortSink first = (SortSink) finishedSinks.get(0);
            if (first.topN() != null) {
                TopN top = first.topN();
                for (int i = 1; i < finishedSinks.size(); i++) {
                    top.combine(((SortSink) finishedSinks.get(i)).topN());
                }
                Morsel m = top.finish();
                return m.size() == 0 ? List.of() : List.of(m);
            }
            List<Morsel> runs = new ArrayList<>();
            for (SinkState st : finishedSinks) {
                runs.addAll(((SortSink) st).sortedRun());
            }
            if (runs.size() <= 1) {
                return runs;
            }
            return SortedMerge.merge(runs, first.keys(), settings.morselRows());
        }
        PipelineSink.Collect c = (PipelineSink.Collect) s;
        List<Morsel> all = new ArrayList<>();
        for (SinkState st : finishedSinks) {
            all.addAll(((CollectSink) st).morsels());
        }
        if (c.unmatchedOf() >= 0) {
            JoinTable table = joinTables.get(c.unmatchedOf());
            List<DataType> probeTypes = c.schema().types().subList(0, c.schema().size() - table.columnTypes().size());
            all.addAll(table.unmatchedRows(probeTypes, settings.morselRows()));
        }
        if (c.matchedOf() >= 0) {
            all.addAll(joinTables.get(c.matchedOf()).matchedRows(settings.morselRows()));
        }
        if (c.singleRow()) {
            return singleRow(all, c.schema());
        }
        return CollectSink.slice(all, c.limit(), c.offset());
    }

    /** A scalar subquery's value: its one row, a row of NULLs for none, an error for more. */
    private static List<Morsel> singleRow(List<Morsel> rows, Schema schema) {
        long n = 0;
        for (Morsel m : rows) {
            n += m.size();
        }
        if (n > 1) {
            throw new MuruException(ErrorCode.SUBQUERY_MULTIPLE_ROWS, "more than one row returned by a subquery used as an expression");
        }
        if (n == 1) {
            return rows;
        }
        ColumnVector[] cols = new ColumnVector[schema.size()];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = ColumnVector.allNull(schema.type(i), 1);
        }
        return List.of(new Morsel(cols, 1));
    }

    /** A pipeline's input morsels: a snapshot's row groups (pruned by zone maps) or earlier outputs. */
    List<Morsel> input(Pipeline p) {
        PipelineSource source = p.source();
        if (source instanceof PipelineSource.PipelineOutput) {
            return outputs.get(((PipelineSource.PipelineOutput) source).pipeline());
        }
        if (source instanceof PipelineSource.ConstantRows) {
            return List.of(ConstantRows.evaluate((PipelineSource.ConstantRows) source));
        }
        if (source instanceof PipelineSource.Concat) {
            List<Morsel> all = new ArrayList<>();
            for (int id : ((PipelineSource.Concat) source).pipelines()) {
                all.addAll(outputs.get(id));
            }
            return all;
        }
        PipelineSource.TableScan scan = (PipelineSource.TableScan) source;
        TableSnapshot snapshot = snapshots.snapshot(scan.table());
        List<Morsel> out = new ArrayList<>(snapshot.rowGroups().size());
        RowGroupPruner pruner = pruner(p, scan);
        int skipped = 0;
        for (RowGroup rg : snapshot.rowGroups()) {
            if (rg.rowCount() == 0) {
                continue;
            }
            if (pruner != null && pruner.prunes() && !pruner.mayMatch(rg)) {
                skipped++;
                continue;
            }
            Morsel full = rg.toMorsel();
            ColumnVector[] cols = new ColumnVector[scan.columns().length];
            for (int i = 0; i < cols.length; i++) {
                cols[i] = full.column(scan.columns()[i]);
            }
            out.add(new Morsel(cols, rg.rowCount()));
        }
        skippedRowGroups = skipped;
        return out;
    }

    /** The zone-map pruner of a scan whose first step filters, or null. */
    private static RowGroupPruner pruner(Pipeline p, PipelineSource.TableScan scan) {
        return !p.steps().isEmpty() && p.steps().get(0) instanceof PipelineStep.Filter
                ? new RowGroupPruner(((PipelineStep.Filter) p.steps().get(0)).predicate(), scan.columns()) : null;
    }

    /** The rows a table scan pipeline will read: those of the row groups its zone maps keep. */
    long rowsToScan(Pipeline p) {
        PipelineSource.TableScan scan = (PipelineSource.TableScan) p.source();
        RowGroupPruner pruner = pruner(p, scan);
        long rows = 0;
        for (RowGroup rg : snapshots.snapshot(scan.table()).rowGroups()) {
            if (pruner == null || !pruner.prunes() || pruner.mayMatch(rg)) {
                rows += rg.rowCount();
            }
        }
        return rows;
    }

}
