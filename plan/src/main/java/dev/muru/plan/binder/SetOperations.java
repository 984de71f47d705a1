package dev.muru.plan.binder;

import dev.muru.core.Column;
import dev.muru.core.DataType;
import dev.muru.core.ErrorCode;
import dev.muru.core.Schema;
import dev.muru.parser.ast.QueryBody;
import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.expr.Function;
import dev.muru.plan.logical.AggregateCall;
import dev.muru.plan.logical.AggregateFunction;
import dev.muru.plan.logical.LogicalPlan;

import java.util.ArrayList;
import java.util.List;

/**
 * UNION [ALL], INTERSECT and EXCEPT. UNION ALL concatenates; UNION removes duplicates from
 * that; INTERSECT and EXCEPT tag each row with its side, group by all columns and keep the
 * groups seen on the right sides (NULLs compare equal, as set operations require).
 */
final class SetOperations {
    private SetOperations() {
    }

    static LogicalPlan bind(QueryBody.SetOperation op, java.util.function.Function<QueryBody, LogicalPlan> body) {
        LogicalPlan left = body.apply(op.left());
        LogicalPlan right = body.apply(op.right());
        String name = op.operator().name();
        if (left.schema().size() != right.schema().size()) {
            throw ExpressionBinder.error(ErrorCode.SET_OPERATION_MISMATCH, "each " + name
                    + " query must have the same number of columns", op.pos());
        }
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < left.schema().size(); i++) {
            DataType t = TypeCoercion.commonType(left.schema().type(i), right.schema().type(i));
            if (t == null) {
                throw ExpressionBinder.error(ErrorCode.DATATYPE_MISMATCH, name + " types " + left.schema().type(i)
                        + " and " + right.schema().type(i) + " cannot be matched", op.pos());
            }
            cols.add(new Column(left.schema().name(i), t.isNull() ? DataType.VARCHAR : t));
        }
        Schema schema = new Schema(cols);
        left = castTo(left, schema);
        right = castTo(right, schema);
        if (op.operator() == QueryBody.SetOperator.UNION) {
            List<LogicalPlan> inputs = new ArrayList<>();
            flatten(left, inputs);
            flatten(right, inputs);
            LogicalPlan union = new LogicalPlan.Union(inputs, schema);
            return op.all() ? union : new LogicalPlan.Distinct(union);
        }
        if (op.all()) {
            throw ExpressionBinder.error(ErrorCode.FEATURE_NOT_SUPPORTED, name + " ALL is not supported yet", op.pos());
        }
        int w = schema.size();
        LogicalPlan union = new LogicalPlan.Union(List.of(tagged(left, 1, 0), tagged(right, 0, 1)), tagged(left, 1, 0).schema());
        List<BoundExpr> keys = new ArrayList<>();
        List<Column> aggCols = new ArrayList<>(cols);
        for (int i = 0; i < w; i++) {
            keys.add(new BoundExpr.InputRef(i, schema.type(i)));
        }
        List<AggregateCall> calls = List.of(
                new AggregateCall(AggregateFunction.MAX, false, new BoundExpr.InputRef(w, DataType.INTEGER), DataType.INTEGER),
                new AggregateCall(AggregateFunction.MAX, false, new BoundExpr.InputRef(w + 1, DataType.INTEGER), DataType.INTEGER));
        aggCols.add(new Column("in_left", DataType.INTEGER));
        aggCols.add(new Column("in_right", DataType.INTEGER));
        LogicalPlan agg = new LogicalPlan.Aggregate(union, keys, calls, new Schema(aggCols));
        int wantRight = op.operator() == QueryBody.SetOperator.INTERSECT ? 1 : 0;
        BoundExpr keep = new BoundExpr.Call(Function.AND, List.of(
                eq(new BoundExpr.InputRef(w, DataType.INTEGER), 1),
                eq(new BoundExpr.InputRef(w + 1, DataType.INTEGER), wantRight)), DataType.BOOLEAN);
        return Binder.identityProject(new LogicalPlan.Filter(agg, keep), w);
    }

    private static BoundExpr eq(BoundExpr e, int v) {
        return new BoundExpr.Call(Function.EQUAL, List.of(e, new BoundExpr.Constant(v, DataType.INTEGER)), DataType.BOOLEAN);
    }

    private static void flatten(LogicalPlan p, List<LogicalPlan> out) {
        if (p instanceof LogicalPlan.Union) {
            out.addAll(p.inputs());
        } else {
            out.add(p);
        }
    }

    private static LogicalPlan tagged(LogicalPlan p, int left, int right) {
        List<BoundExpr> exprs = new ArrayList<>();
        List<Column> cols = new ArrayList<>(p.schema().columns());
        for (int i = 0; i < p.schema().size(); i++) {
            exprs.add(new BoundExpr.InputRef(i, p.schema().type(i)));
        }
        exprs.add(new BoundExpr.Constant(left, DataType.INTEGER));
        exprs.add(new BoundExpr.Constant(right, DataType.INTEGER));
        cols.add(new Column("in_left", DataType.INTEGER));
        cols.add(new Column("in_right", DataType.INTEGER));
        return new LogicalPlan.Project(p, exprs, new Schema(cols));
    }

    private static LogicalPlan castTo(LogicalPlan p, Schema schema) {
        boolean same = true;
        for (int i = 0; i < schema.size(); i++) {
            same &= p.schema().type(i).equals(schema.type(i));
        }
        if (same) {
            return p;
        }
        List<BoundExpr> exprs = new ArrayList<>();
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) {
            exprs.add(TypeCoercion.cast(new BoundExpr.InputRef(i, p.schema().type(i)), schema.type(i)));
            cols.add(new Column(p.schema().name(i), schema.type(i)));
        }
        return new LogicalPlan.Project(p, exprs, new Schema(cols));
    }
}
