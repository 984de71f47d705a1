package dev.muru.engine;

import dev.muru.core.Morsel;
import dev.muru.operators.expr.ConstantFolding;
import dev.muru.operators.expr.ExpressionCompiler;
import dev.muru.operators.expr.FilterKernel;
import dev.muru.operators.expr.ProjectionKernel;
import dev.muru.operators.expr.VectorExpression;
import dev.muru.plan.expr.BoundExpr;
import dev.muru.storage.TableStore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The rows a DELETE or UPDATE leaves: run by the table's store on its current rows, so the
 * statement sees and replaces one version. DELETE keeps the rows where the condition is not
 * TRUE; UPDATE maps every row through its new-row expressions (which leave unaffected rows as
 * they were) and counts the rows the condition selects.
 */
final class TableRewrite implements Function<List<Morsel>, TableStore.Rewritten> {
    private final BoundExpr where;
    private final List<BoundExpr> row; // null: DELETE

    private TableRewrite(BoundExpr where, List<BoundExpr> row) {
        this.where = where;
        this.row = row;
    }

    static TableRewrite delete(BoundExpr where) {
        return new TableRewrite(where, null);
    }

    static TableRewrite update(List<BoundExpr> row, BoundExpr where) {
        return new TableRewrite(where, List.copyOf(row));
    }

    @Override
    public TableStore.Rewritten apply(List<Morsel> rows) {
        VectorExpression predicate = where == null ? null : ExpressionCompiler.compile(ConstantFolding.fold(where));
        VectorExpression[] values = null;
        if (row != null) {
            values = new VectorExpression[row.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = ExpressionCompiler.compile(ConstantFolding.fold(row.get(i)));
            }
        }
        long affected = 0;
        List<Morsel> out = new ArrayList<>();
        for (Morsel m : rows) {
            int n = m.size();
            int k = n;
            int[] hit = null;
            if (predicate != null) {
                hit = new int[m.positions()];
                k = FilterKernel.select(m, predicate, hit);
            }
            affected += k;
            if (k == 0) {
                out.add(m);
            } else if (values != null) {
                out.add(ProjectionKernel.project(m, values));
            } else if (k < n) {
                out.add(m.withSelection(complement(m, hit, k), n - k));
            }
        }
        return new TableStore.Rewritten(out, affected);
    }

    /** The live positions of {@code m} that are not among the first {@code k} of {@code hit} (both ascending). */
    private static int[] complement(Morsel m, int[] hit, int k) {
        int n = m.size();
        int[] keep = new int[n - k];
        int j = 0;
        int h = 0;
        for (int i = 0; i < n; i++) {
            int p = m.position(i);
            if (h < k && hit[h] == p) {
                h++;
            } else {
                keep[j++] = p;
            }
        }
        return keep;
    }
}
