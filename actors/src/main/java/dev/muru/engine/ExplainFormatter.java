package dev.muru.engine;

import dev.muru.MuruSettings;
import dev.muru.core.Schema;
import dev.muru.operators.expr.ConstantFolding;
import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.expr.ExpressionFormatter;
import dev.muru.plan.logical.AggregateCall;
import dev.muru.plan.logical.SortItem;
import dev.muru.plan.logical.LogicalPlan;
import dev.muru.plan.physical.PhysicalPlan;
import dev.muru.plan.physical.Pipeline;
import dev.muru.plan.physical.PipelineSink;
import dev.muru.plan.physical.PipelineSource;
import dev.muru.plan.physical.PipelineStep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import dev.muru.plan.logical.JoinKind;

/** Renders EXPLAIN: the logical plan, then each pipeline with its parallelism decision. */
final class ExplainFormatter {
    private ExplainFormatter() {
    }

    static List<String> format(LogicalPlan logical, PhysicalPlan plan, List<ParallelConfig.Decision> estimated,
                               List<PipelineStats> actual, MuruSettings settings) {
        List<String> out = new ArrayList<>();
        out.add("Logical plan:");
        logical(logical, 1, out);
        out.add("Pipelines (morsel rows " + settings.morselRows() + ", parallelism " + settings.parallelism() + "):");
        for (Pipeline p : plan.pipelines()) {
            PipelineStats s = actual != null && p.id() < actual.size() ? actual.get(p.id()) : null;
            StringBuilder head = new StringBuilder("  Pipeline " + p.id() + " [");
            if (s != null) {
                head.append(s.decision).append("] ")
                        .append(String.format(Locale.ROOT, "%.3f ms (workers busy %.3f ms), ", s.wallNanos / 1e6,
                                s.workerNanos / 1e6))
                        .append(actors(p, s)).append(", peak memory ").append(dev.muru.ByteSize.format(s.peakBytes));
            } else if (estimated != null) {
                head.append(estimated.get(p.id())).append(']');
            } else {
                head.append("not run]");
            }
            out.add(head.toString());
            ParallelConfig.Decision d = s != null ? s.decision : estimated != null ? estimated.get(p.id()) : null;
            if (d != null && !d.statistics().isEmpty()) {
                out.add("    statistics: " + d.statistics());
            }
            if (s != null && s.elastic != null) {
                out.add("    elastic: " + s.elastic);
            }
            if (s != null && s.degradedWorkers > 0) {
                out.add("    memory: " + s.degradedWorkers + " worker(s) stopped early because the query's memory was short");
            }
            List<String[]> lines = new ArrayList<>();
            lines.add(new String[]{"    source: " + source(p.source()), s == null ? null
                    : s.rowsIn + " rows in " + s.morselsIn + " morsels"
                    + (s.skippedRowGroups > 0 ? " (" + s.skippedRowGroups + " row groups skipped by zone maps)" : "")});
            Schema input = p.source().schema();
            long rows = s == null ? 0 : s.rowsIn;
            for (int i = 0; i < p.steps().size(); i++) {
                PipelineStep st = p.steps().get(i);
                String figures = null;
                if (s != null && i < s.stepRows.length) {
                    figures = rows + " -> " + s.stepRows[i] + " rows, " + ms(s.stepNanos[i]);
                    rows = s.stepRows[i];
                }
                lines.add(new String[]{"    step:   " + step(st, input, plan), figures});
                input = st.schema();
            }
            lines.add(new String[]{"    sink:   " + sink(p.sink(), input, settings), s == null ? null
                    : s.rowsAfterSteps + " -> " + s.rowsOut + " rows, " + ms(s.sinkNanos) + ", reserved "
                    + dev.muru.ByteSize.format(s.reservedBytes) + ", output " + dev.muru.ByteSize.format(s.outputBytes)});
            for (String[] l : lines) {
                out.add(l[1] == null ? l[0] : l[0] + "  | " + l[1]);
            }
        }
        return out;
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }

    /** The actors a pipeline used: its workers and, in parallel, its combiners or build actors. */
    private static String actors(Pipeline p, PipelineStats s) {
        int extra = s.actors - s.workers;
        String kind = p.sink() instanceof PipelineSink.JoinBuild ? " build actor(s)" : " aggregate actor(s)";
        return s.workers + " worker(s)" + (extra > 0 ? " + " + extra + kind : "");
    }

    private static void logical(LogicalPlan p, int depth, List<String> out) {
        String pad = "  ".repeat(depth);
        out.add(pad + describe(p));
        for (LogicalPlan in : p.inputs()) {
            logical(in, depth + 1, out);
        }
    }

    private static String describe(LogicalPlan p) {
        if (p instanceof LogicalPlan.Scan) {
            LogicalPlan.Scan s = (LogicalPlan.Scan) p;
            return "Scan " + s.table() + " (" + s.estimatedRows() + " rows)";
        }
        if (p instanceof LogicalPlan.Values) {
            return "Values (" + ((LogicalPlan.Values) p).rows().size() + " rows)";
        }
        if (p instanceof LogicalPlan.Filter) {
            LogicalPlan.Filter f = (LogicalPlan.Filter) p;
            return "Filter " + expr(f.predicate(), f.input().schema());
        }
        if (p instanceof LogicalPlan.Project) {
            LogicalPlan.Project pr = (LogicalPlan.Project) p;
            return "Project " + exprs(pr.expressions(), pr.input().schema());
        }
        if (p instanceof LogicalPlan.Aggregate) {
            LogicalPlan.Aggregate a = (LogicalPlan.Aggregate) p;
            return "Aggregate keys [" + exprs(a.groupKeys(), a.input().schema()) + "] aggregates ["
                    + aggregates(a.aggregates(), a.input().schema()) + "]";
        }
        if (p instanceof LogicalPlan.Distinct) {
            return "Distinct";
        }
        if (p instanceof LogicalPlan.Sort) {
            LogicalPlan.Sort so = (LogicalPlan.Sort) p;
            return "Sort " + sortItems(so.items(), so.input().schema());
        }
        if (p instanceof LogicalPlan.Join) {
            LogicalPlan.Join j = (LogicalPlan.Join) p;
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < j.leftKeys().size(); i++) {
                keys.add(expr(j.leftKeys().get(i), j.left().schema()) + " = " + expr(j.rightKeys().get(i), j.right().schema()));
            }
            Schema both = LogicalPlan.Join.outputSchema(j.left().schema(), j.right().schema(), JoinKind.INNER);
            return "Join " + j.kind() + (j.nullAware() ? " (null-aware)" : "") + " [" + String.join(", ", keys) + "]"
                    + (j.condition() == null ? "" : " where " + expr(j.condition(), both))
                    + " (~" + j.estimatedRows() + " rows)";
        }
        if (p instanceof LogicalPlan.Union) {
            return "Union all";
        }
        if (p instanceof LogicalPlan.SingleRow) {
            return "Single row";
        }
        LogicalPlan.Limit l = (LogicalPlan.Limit) p;
        return "Limit " + (l.limit() < 0 ? "all" : l.limit()) + " offset " + l.offset();
    }

    private static String source(PipelineSource s) {
        if (s instanceof PipelineSource.TableScan) {
            PipelineSource.TableScan t = (PipelineSource.TableScan) s;
            return "scan " + t.table() + " " + t.schema().names();
        }
        if (s instanceof PipelineSource.ConstantRows) {
            return "constant rows (" + ((PipelineSource.ConstantRows) s).rows().size() + ")";
        }
        if (s instanceof PipelineSource.Concat) {
            return "outputs of pipelines " + java.util.Arrays.toString(((PipelineSource.Concat) s).pipelines());
        }
        return "output of pipeline " + ((PipelineSource.PipelineOutput) s).pipeline();
    }

    private static String step(PipelineStep s, Schema input, PhysicalPlan plan) {
        if (s instanceof PipelineStep.Filter) {
            return "filter " + expr(((PipelineStep.Filter) s).predicate(), input);
        }
        if (s instanceof PipelineStep.HashJoinProbe) {
            PipelineStep.HashJoinProbe p = (PipelineStep.HashJoinProbe) s;
            List<String> keys = new ArrayList<>();
            for (int k : p.probeKeys()) {
                keys.add(input.name(k));
            }
            return "probe " + p.kind().name().toLowerCase(Locale.ROOT) + " join" + (p.nullAware() ? " (null-aware)" : "")
                    + " with pipeline " + p.buildPipeline() + "'s hash table on [" + String.join(", ", keys) + "]"
                    + (p.residual() == null ? "" : " where " + expr(p.residual(),
                    joined(input, plan.pipelines().get(p.buildPipeline()).sink().schema())));
        }
        return "project " + exprs(((PipelineStep.Project) s).expressions(), input);
    }

    /** The columns a probe's residual reads: the input's, then the build side's. */
    private static Schema joined(Schema input, Schema build) {
        List<dev.muru.core.Column> cols = new ArrayList<>(input.columns());
        cols.addAll(build.columns());
        return new Schema(cols);
    }

    private static String expr(BoundExpr e, Schema input) {
        return ExpressionFormatter.format(ConstantFolding.fold(e), input);
    }

    private static String exprs(List<BoundExpr> es, Schema input) {
        List<String> out = new ArrayList<>();
        for (BoundExpr e : es) {
            out.add(expr(e, input));
        }
        return String.join(", ", out);
    }

    private static String aggregates(List<AggregateCall> calls, Schema input) {
        List<String> out = new ArrayList<>();
        for (AggregateCall c : calls) {
            out.add(c.argument() == null ? "count(*)" : c.function().name().toLowerCase(Locale.ROOT) + "("
                    + (c.distinct() ? "DISTINCT " : "") + expr(c.argument(), input) + ")");
        }
        return String.join(", ", out);
    }

    private static String sortItems(List<SortItem> items, Schema input) {
        List<String> out = new ArrayList<>();
        for (SortItem i : items) {
            out.add(input.name(i.column()) + (i.ascending() ? " ASC" : " DESC") + (i.nullsFirst() ? " NULLS FIRST" : " NULLS LAST"));
        }
        return String.join(", ", out);
    }

    private static String sink(PipelineSink s, Schema input, MuruSettings settings) {
        if (s instanceof PipelineSink.Aggregate) {
            PipelineSink.Aggregate a = (PipelineSink.Aggregate) s;
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < a.keyCount(); i++) {
                keys.add(input.name(i));
            }
            return "hash aggregate keys [" + String.join(", ", keys) + "] aggregates [" + aggregates(a.aggregates(), input)
                    + "]; in parallel, partials combine in " + (a.keyCount() == 0 ? 1 : settings.effectiveAggregatePartitions())
                    + " aggregate actor(s)";
        }
        if (s instanceof PipelineSink.Distinct) {
            return "distinct (hash); in parallel, partials combine in " + settings.effectiveAggregatePartitions()
                    + " aggregate actor(s)";
        }
        if (s instanceof PipelineSink.Sort) {
            PipelineSink.Sort o = (PipelineSink.Sort) s;
            return (o.topN() >= 0 ? "top-" + o.topN() + " heap by " : "sorted runs + merge by ") + sortItems(o.items(), input);
        }
        if (s instanceof PipelineSink.JoinBuild) {
            List<String> keys = new ArrayList<>();
            for (int k : ((PipelineSink.JoinBuild) s).keyColumns()) {
                keys.add(input.name(k));
            }
            return "hash join build on [" + String.join(", ", keys) + "]; in parallel, " + settings.effectiveAggregatePartitions()
                    + " partitions built by as many build actors";
        }
        PipelineSink.Collect c = (PipelineSink.Collect) s;
        if (c.singleRow()) {
            return "collect exactly one row (scalar subquery)";
        }
        if (c.unmatchedOf() >= 0) {
            return "collect, then the unmatched build rows of pipeline " + c.unmatchedOf();
        }
        if (c.matchedOf() >= 0) {
            return "the matched build rows of pipeline " + c.matchedOf();
        }
        return "collect" + (c.limit() >= 0 ? " limit " + c.limit() : "") + (c.offset() > 0 ? " offset " + c.offset() : "");
    }
}
