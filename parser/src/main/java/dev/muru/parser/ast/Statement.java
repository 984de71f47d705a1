package dev.muru.parser.ast;

import java.util.List;

/** A SQL statement. Table and column names are kept as written unless quoted: see {@link Expr.ColumnRef}. */
public sealed interface Statement {
    Position pos();

    /**
     * CREATE TABLE [IF NOT EXISTS] name (col type [NOT NULL | NULL | PRIMARY KEY | UNIQUE]...,
     * [PRIMARY KEY | UNIQUE] (cols)...); {@code keys}: its PRIMARY KEY and UNIQUE constraints.
     */
    record CreateTable(String name, boolean ifNotExists, List<ColumnDef> columns, List<KeyDef> keys, Position pos)
            implements Statement {
        public CreateTable {
            columns = List.copyOf(columns);
            keys = List.copyOf(keys);
        }

        public CreateTable(String name, boolean ifNotExists, List<ColumnDef> columns, Position pos) {
            this(name, ifNotExists, columns, List.of(), pos);
        }
    }

    /** A PRIMARY KEY or UNIQUE constraint over columns. */
    record KeyDef(boolean primary, List<String> columns, Position pos) {
        public KeyDef {
            columns = List.copyOf(columns);
        }
    }

    /** CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON table (col [ASC | DESC], ...). */
    record CreateIndex(String name, String table, List<String> columns, boolean unique, boolean ifNotExists, Position pos)
            implements Statement {
        public CreateIndex {
            columns = List.copyOf(columns);
        }
    }

    /** DROP INDEX [IF EXISTS] name. */
    record DropIndex(String name, boolean ifExists, Position pos) implements Statement {
    }

    /**
     * CREATE TRIGGER [IF NOT EXISTS] name [BEFORE | AFTER | INSTEAD OF] {DELETE | INSERT | UPDATE
     * [OF cols]} ON table [FOR EACH ROW] [WHEN cond] BEGIN stmt; ... END (SQLite's form);
     * {@code event} is "DELETE", "INSERT" or "UPDATE".
     */
    record CreateTrigger(String name, boolean ifNotExists, String table, String event, List<Statement> body,
                         Position pos) implements Statement {
        public CreateTrigger {
            body = List.copyOf(body);
        }
    }

    /** DROP TRIGGER [IF EXISTS] name. */
    record DropTrigger(String name, boolean ifExists, Position pos) implements Statement {
    }

    /** REINDEX [name]: indexes need no rebuilding here; the statement checks the name. */
    record Reindex(String name, Position pos) implements Statement {
    }

    record ColumnDef(String name, TypeName type, boolean notNull, Position pos) {
    }

    /** DROP TABLE [IF EXISTS] name. */
    /** CREATE [OR REPLACE] VIEW name [(columns)] AS query; {@code sql} is the query's own text. */
    record CreateView(String name, List<String> columns, Query query, String sql, boolean orReplace, Position pos)
            implements Statement {
        public CreateView {
            columns = List.copyOf(columns);
        }
    }

    record DropView(String name, boolean ifExists, Position pos) implements Statement {
    }

    /** DELETE FROM table [WHERE]; {@code where} is null when absent. */
    record Delete(String table, Expr where, Position pos) implements Statement {
    }

    /** UPDATE table SET column = value, ... [WHERE]; {@code where} is null when absent. */
    record Update(String table, List<Assignment> assignments, Expr where, Position pos) implements Statement {
        public Update {
            assignments = List.copyOf(assignments);
        }
    }

    record Assignment(String column, Expr value, Position pos) {
    }

    record DropTable(String name, boolean ifExists, Position pos) implements Statement {
    }

    /**
     * INSERT INTO table [(columns)] VALUES (...), (...) or INSERT INTO table [(columns)] query.
     * Exactly one of {@code values} and {@code query} is non-null; {@code columns} is empty when
     * no column list was written. {@code orReplace}: REPLACE INTO or INSERT OR REPLACE INTO (SQLite,
     * MySQL), where a new row replaces the rows it conflicts with on a unique key.
     */
    record Insert(String table, List<String> columns, List<List<Expr>> values, Query query, boolean orReplace,
                  Position pos) implements Statement {
        public Insert {
            columns = List.copyOf(columns);
        }

        public Insert(String table, List<String> columns, List<List<Expr>> values, Query query, Position pos) {
            this(table, columns, values, query, false, pos);
        }
    }

    /** A query used as a statement. */
    record Select(Query query, Position pos) implements Statement {
    }

    /** EXPLAIN [ANALYZE] statement. */
    record Explain(Statement statement, boolean analyze, Position pos) implements Statement {
    }

    /**
     * SET [SESSION] name {= | TO} value. {@code name} is lower case, dotted parts joined by '.';
     * {@code value} is the setting's text: a string literal's content, a number as written (with
     * its sign), or a word in lower case; null for DEFAULT. Names and values are checked when the
     * statement runs.
     */
    record SetOption(String name, String value, Position pos) implements Statement {
    }

    /** SHOW name, or SHOW ALL when {@code name} is null. */
    record ShowOption(String name, Position pos) implements Statement {
    }

    /** RESET name, or RESET ALL when {@code name} is null. */
    record ResetOption(String name, Position pos) implements Statement {
    }

    /**
     * COPY table [(columns)] FROM 'path' [WITH] [(option, ...)]. Options recognised: DELIMITER 'c',
     * HEADER [true|false], NULL 'text', FORMAT csv; {@code delimiter} defaults to ',', and
     * {@code nullText} to the empty string.
     */
    record Copy(String table, List<String> columns, String path, char delimiter, boolean header, String nullText,
                Position pos) implements Statement {
        public Copy {
            columns = List.copyOf(columns);
        }
    }
}
