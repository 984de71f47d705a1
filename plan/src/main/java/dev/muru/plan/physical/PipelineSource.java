package dev.muru.plan.physical;

import dev.muru.core.Schema;
import dev.muru.plan.expr.BoundExpr;

import java.util.List;

/** Where a pipeline's morsels come from. */
public sealed interface PipelineSource {
    Schema schema();

    /** Columns {@code columns} of a table's snapshot, one row group per morsel. */
    record TableScan(String table, int[] columns, Schema schema) implements PipelineSource {
    }

    /** Constant rows. */
    record ConstantRows(List<List<BoundExpr>> rows, Schema schema) implements PipelineSource {
        public ConstantRows {
            rows = List.copyOf(rows);
        }
    }

    /** The output of an earlier pipeline of the same plan. */
    record PipelineOutput(int pipeline, Schema schema) implements PipelineSource {
    }

    /** The outputs of earlier pipelines, one after another (UNION ALL). */
    record Concat(int[] pipelines, Schema schema) implements PipelineSource {
    }
}
