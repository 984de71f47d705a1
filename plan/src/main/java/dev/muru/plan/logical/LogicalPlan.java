package dev.muru.plan.logical;

import dev.muru.core.Schema;
import dev.muru.plan.expr.BoundExpr;

import java.util.List;

/** A relational operator tree. Expressions refer to the columns of the operator's input by index. */
public sealed interface LogicalPlan {
    Schema schema();

    List<LogicalPlan> inputs();

    /**
     * Reads {@code columns} (indexes into the table schema) of a table; {@code schema} is those
     * columns. {@code distinct}: estimated distinct values of a table column (by table column
     * index), or null (unknown).
     */
    record Scan(String table, int[] columns, Schema schema, long estimatedRows,
                java.util.function.IntToLongFunction distinct) implements LogicalPlan {
        public Scan(String table, int[] columns, Schema schema, long estimatedRows) {
            this(table, columns, schema, estimatedRows, null);
        }

        @Override
        public List<LogicalPlan> inputs() {
            return List.of();
        }
    }

    /** Constant rows (SELECT without FROM, VALUES). */
    record Values(List<List<BoundExpr>> rows, Schema schema) implements LogicalPlan {
        public Values {
            rows = List.copyOf(rows);
        }

        @Override
        public List<LogicalPlan> inputs() {
            return List.of();
        }
    }

    record Filter(LogicalPlan input, BoundExpr predicate) implements LogicalPlan {
        @Override
        public Schema schema() {
            return input.schema();
        }

        @Override
        public List<LogicalPlan> inputs() {
            return List.of(input);
        }
    }

    record Project(LogicalPlan input, List<BoundExpr> expressions, Schema schema) implements LogicalPlan {
        public Project {
            expressions = List.copyOf(expressions);
        }

        @Override
        public List<LogicalPlan> inputs() {
            return List.of(input);
        }
    }

    /** Output: the group keys, then the aggregates, in order. No keys: exactly one row. */
    record Aggregate(LogicalPlan input, List<BoundExpr> groupKeys, List<AggregateCall> aggregates, Schema schema)
            implements LogicalPlan {
        public Aggregate {
            groupKeys = List.copyOf(groupKeys);
            aggregates = List.copyOf(aggregates);
        }

        @Override
        public List<LogicalPlan> inputs() {
            return List.of(input);
        }
    }

    /** Removes duplicate rows (NULLs equal each other). */
    record Distinct(LogicalPlan input) implements LogicalPlan {
        @Override
        public Schema schema() {
            return input.schema();
        }

        @Override
        public List<LogicalPlan> inputs() {
            return List.of(input);
        }
    }

    record Sort(LogicalPlan input, List<SortItem> items) implements LogicalPlan {
        public Sort {
            items = List.copyOf(items);
        }

        @Override
        public Schema schema() {
            return input.schema();
        }

        @Override
        public List<LogicalPlan> inputs() {
            return List.of(input);
        }
    }

    /** Skips {@code offset} rows, then keeps at most {@code limit} (-1: no limit). */
    record Limit(LogicalPlan input, long limit, long offset) implements LogicalPlan {
        @Override
        public Schema schema() {
            return input.schema();
        }

        @Override
        public List<LogicalPlan> inputs() {
            return List.of(input);
        }
    }

    /**
     * Joins left (probe) and right (build). Rows pair up when every {@code leftKeys[i]} (over
     * left) equals {@code rightKeys[i]} (over right) and {@code condition} (over left ++ right;
     * null: TRUE) holds. Output per {@link JoinKind}: left ++ right, left only (SEMI, ANTI), or
     * left ++ one BOOLEAN (MARK). {@code nullAware}: NOT IN / IN's NULL rules for ANTI and MARK.
     */
    record Join(LogicalPlan left, LogicalPlan right, JoinKind kind, List<BoundExpr> leftKeys,
                List<BoundExpr> rightKeys, BoundExpr condition, boolean nullAware, Schema schema,
                long estimatedRows) implements LogicalPlan {
        public Join {
            leftKeys = List.copyOf(leftKeys);
            rightKeys = List.copyOf(rightKeys);
        }

        @Override
        public List<LogicalPlan> inputs() {
            return List.of(left, right);
        }

        public static Schema outputSchema(Schema left, Schema right, JoinKind kind) {
            if (kind.keepsOnlyRight()) {
                return right;
            }
            List<dev.muru.core.Column> cols = new java.util.ArrayList<>(left.columns());
            if (kind == JoinKind.MARK) {
                cols.add(new dev.muru.core.Column("mark", dev.muru.core.DataType.BOOLEAN));
            } else if (!kind.keepsOnlyLeft()) {
                cols.addAll(right.columns());
            }
            return new Schema(cols);
        }
    }

    /** All rows of every input, one after another (UNION ALL); the inputs have one column layout. */
    record Union(List<LogicalPlan> inputs, Schema schema) implements LogicalPlan {
        public Union {
            inputs = List.copyOf(inputs);
        }
    }

    /**
     * A scalar subquery's result: exactly one row, NULLs when the input has none, an error
     * when it has more.
     */
    record SingleRow(LogicalPlan input) implements LogicalPlan {
        @Override
        public Schema schema() {
            return input.schema();
        }

        @Override
        public List<LogicalPlan> inputs() {
            return List.of(input);
        }
    }

    /**
     * Stand-in, inside a decorrelated subquery, for the distinct values of the enclosing query's
     * columns {@code outerColumns}; replaced by that plan when the subquery is joined on.
     */
    record OuterDomain(int[] outerColumns, Schema schema) implements LogicalPlan {
        @Override
        public List<LogicalPlan> inputs() {
            return List.of();
        }
    }

    /** The same node over new inputs (same count and order as {@link #inputs()}). */
    static LogicalPlan withInputs(LogicalPlan p, List<LogicalPlan> in) {
        if (p instanceof Filter) {
            return new Filter(in.get(0), ((Filter) p).predicate());
        }
        if (p instanceof Project) {
            Project x = (Project) p;
            return new Project(in.get(0), x.expressions(), x.schema());
        }
        if (p instanceof Aggregate) {
            Aggregate x = (Aggregate) p;
            return new Aggregate(in.get(0), x.groupKeys(), x.aggregates(), x.schema());
        }
        if (p instanceof Distinct) {
            return new Distinct(in.get(0));
        }
        if (p instanceof Sort) {
            return new Sort(in.get(0), ((Sort) p).items());
        }
        if (p instanceof Limit) {
            Limit x = (Limit) p;
            return new Limit(in.get(0), x.limit(), x.offset());
        }
        if (p instanceof Join) {
            Join x = (Join) p;
            return new Join(in.get(0), in.get(1), x.kind(), x.leftKeys(), x.rightKeys(), x.condition(), x.nullAware(),
                    x.schema(), x.estimatedRows());
        }
        if (p instanceof Union) {
            return new Union(in, p.schema());
        }
        if (p instanceof SingleRow) {
            return new SingleRow(in.get(0));
        }
        return p;
    }

    /** {@code p} with every node for which {@code f} answers non-null replaced by that answer. */
    static LogicalPlan replace(LogicalPlan p, java.util.function.Function<LogicalPlan, LogicalPlan> f) {
        LogicalPlan r = f.apply(p);
        if (r != null) {
            return r;
        }
        if (p.inputs().isEmpty()) {
            return p;
        }
        List<LogicalPlan> in = new java.util.ArrayList<>();
        boolean changed = false;
        for (LogicalPlan x : p.inputs()) {
            LogicalPlan y = replace(x, f);
            changed |= y != x;
            in.add(y);
        }
        return changed ? withInputs(p, in) : p;
    }
}
