package dev.muru.plan.binder;

import dev.muru.core.Schema;
import dev.muru.plan.logical.LogicalPlan;

/** A statement after name resolution and type checking. */
public sealed interface BoundStatement {

    /** {@code keys}: PRIMARY KEY and UNIQUE constraints, each a name and column positions. */
    record CreateTable(String name, Schema schema, boolean ifNotExists, java.util.List<Key> keys) implements BoundStatement {
        public CreateTable(String name, Schema schema, boolean ifNotExists) {
            this(name, schema, ifNotExists, java.util.List.of());
        }
    }

    /** A unique constraint: its name (PostgreSQL's: table_pkey, table_col_key) and columns. */
    record Key(String name, int[] columns) {
    }

    record CreateIndex(String name, String table, int[] columns, boolean unique, boolean ifNotExists) implements BoundStatement {
    }

    record DropIndex(String name, boolean ifExists) implements BoundStatement {
    }

    record Reindex(String name) implements BoundStatement {
    }

    /** A trigger on {@code table}; its body holds only SELECT statements, which change nothing when it fires. */
    record CreateTrigger(String name, String table, boolean ifNotExists) implements BoundStatement {
    }

    record DropTrigger(String name, boolean ifExists) implements BoundStatement {
    }

    /** A checked view: its query bound fine; {@code columns} name its output. */
    record CreateView(String name, String sql, java.util.List<String> columns, boolean orReplace) implements BoundStatement {
    }

    record DropView(String name, boolean ifExists) implements BoundStatement {
    }

    /** Deletes the rows where {@code where} (over the table's columns; null: every row) is TRUE. */
    record Delete(String table, dev.muru.plan.expr.BoundExpr where) implements BoundStatement {
    }

    /**
     * Replaces every row by {@code row} (one expression per table column, over the old row);
     * {@code where} (null: every row) counts the affected rows; {@code lengthChecked}: the
     * columns whose declared string lengths the new rows must respect (those assigned, none
     * under SQLite's rules).
     */
    record Update(String table, java.util.List<dev.muru.plan.expr.BoundExpr> row, dev.muru.plan.expr.BoundExpr where,
                  java.util.List<Integer> lengthChecked) implements BoundStatement {
    }

    record DropTable(String name, boolean ifExists) implements BoundStatement {
    }

    /**
     * INSERT: {@code source} yields rows already cast to the table's column types, one column
     * per table column (columns not listed are NULL).
     */
    /**
     * {@code replace}: a new row replaces the rows it conflicts with on a unique key (REPLACE INTO);
     * {@code checkLengths}: a string longer than its column's declared length is an error
     * (PostgreSQL), else it is stored whole (SQLite).
     */
    record Insert(String table, LogicalPlan source, boolean replace, boolean checkLengths) implements BoundStatement {
        public Insert(String table, LogicalPlan source) {
            this(table, source, false, true);
        }
    }

    /** A query; {@code plan.schema()} carries the output names. */
    record Query(LogicalPlan plan) implements BoundStatement {
    }

    record Explain(BoundStatement statement, boolean analyze) implements BoundStatement {
    }

    /** SET name = value; {@code value} null: back to the default. Checked when it runs. */
    record SetOption(String name, String value) implements BoundStatement {
    }

    /** SHOW name; {@code name} null: SHOW ALL. */
    record ShowOption(String name) implements BoundStatement {
    }

    /** RESET name; {@code name} null: RESET ALL. */
    record ResetOption(String name) implements BoundStatement {
    }

    /** COPY: {@code targetColumns[i]} is the table column of CSV field i; {@code checkLengths} as for Insert. */
    record Copy(String table, Schema tableSchema, int[] targetColumns, String path, char delimiter, boolean header,
                String nullText, boolean checkLengths) implements BoundStatement {
    }
}
