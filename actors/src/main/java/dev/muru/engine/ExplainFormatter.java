package dev.muru.engine;

import dev.muru.MuruSettings;
import dev.muru.plan.logical.LogicalPlan;
import dev.muru.plan.physical.PhysicalPlan;
import dev.muru.plan.physical.Pipeline;
import dev.muru.plan.physical.PipelineSink;
import dev.muru.plan.physical.PipelineSource;
import dev.muru.plan.physical.PipelineStep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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
            StringBuilder head = new StringBuilder("  Pipeline " + p.id() + " [");
            if (actual != null && p.id() < actual.size()) {
                PipelineStats s = actual.get(p.id());
                head.append(s.decision).append("] actual: ").append(s.rowsIn).append(" rows in ")
                        .append(s.morselsIn).append(" morsels")
                        .append(s.skippedRowGroups > 0 ? " (" + s.skippedRowGroups + " row groups skipped by zone maps)" : "")
                        .append(" -> ").append(s.rowsOut).append(" rows, ")
                        .append(String.format(Locale.ROOT, "%.3f ms", s.wallNanos / 1e6));
            } else if (estimated != null) {
                head.append(estimated.get(p.id())).append(']');
            } else {
                head.append("not run]");
            }
            out.add(head.toString());
            out.add("    source: " + source(p.source()));
            for (PipelineStep s : p.steps()) {
                out.add("    step:   " + step(s));
            }
            out.add("    sink:   " + sink(p.sink(), settings));
        }
        return out;
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
            return "Filter " + ((LogicalPlan.Filter) p).predicate();
        }
        if (p instanceof LogicalPlan.Project) {
            return "Project " + ((LogicalPlan.Project) p).expressions();
        }
        if (p instanceof LogicalPlan.Aggregate) {
            LogicalPlan.Aggregate a = (LogicalPlan.Aggregate) p;
            return "Aggregate keys=" + a.groupKeys() + " aggregates=" + a.aggregates();
        }
        if (p instanceof LogicalPlan.Distinct) {
            return "Distinct";
        }
        if (p instanceof LogicalPlan.Sort) {
            return "Sort " + ((LogicalPlan.Sort) p).items();
        }
        LogicalPlan.Limit l = (LogicalPlan.Limit) p;
        return "Limit " + (l.limit() < 0 ? "all" : l.limit()) + " offset " + l.offset();
    }

    private static String source(PipelineSource s) {
        if (s instanceof PipelineSource.TableScan) {
            PipelineSource.TableScan t = (PipelineSource.TableScan) s;
            return "scan " + t.table() + " columns " + t.schema().names() + " " + Arrays.toString(t.columns());
        }
        if (s instanceof PipelineSource.ConstantRows) {
            return "constant rows (" + ((PipelineSource.ConstantRows) s).rows().size() + ")";
        }
        return "output of pipeline " + ((PipelineSource.PipelineOutput) s).pipeline();
    }

    private static String step(PipelineStep s) {
        if (s instanceof PipelineStep.Filter) {
            return "filter " + ((PipelineStep.Filter) s).predicate();
        }
        return "project " + ((PipelineStep.Project) s).expressions();
    }

    private static String sink(PipelineSink s, MuruSettings settings) {
        if (s instanceof PipelineSink.Aggregate) {
            PipelineSink.Aggregate a = (PipelineSink.Aggregate) s;
            return "hash aggregate, " + a.keyCount() + " keys, " + a.aggregates()
                    + "; parallel partials combined by " + (a.keyCount() == 0 ? 1 : settings.effectiveAggregatePartitions())
                    + " aggregate actors";
        }
        if (s instanceof PipelineSink.Distinct) {
            return "distinct (hash); parallel partials combined by " + settings.effectiveAggregatePartitions()
                    + " aggregate actors";
        }
        if (s instanceof PipelineSink.Sort) {
            PipelineSink.Sort o = (PipelineSink.Sort) s;
            return (o.topN() >= 0 ? "top-" + o.topN() + " " : "sort runs + merge ") + o.items();
        }
        PipelineSink.Collect c = (PipelineSink.Collect) s;
        return "collect" + (c.limit() >= 0 ? " limit " + c.limit() : "") + (c.offset() > 0 ? " offset " + c.offset() : "");
    }
}
