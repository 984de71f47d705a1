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
     * columns. {@code distinct}: per scanned column an upper bound of its distinct values, or
     * null (unknown).
     */
    record Scan(String table, int[] columns, Schema schema, long estimatedRows, long[] distinct) implements LogicalPlan {
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
}
