package dev.muru.parser.ast;

import java.util.List;

/** An item of FROM. */
public sealed interface Relation {
    Position pos();

    /** A table by name, with an optional alias (null when absent). */
    record Table(String name, String alias, Position pos) implements Relation {
    }

    /** (query) [AS] alias [(column aliases)]. */
    record Subquery(Query query, String alias, List<String> columnAliases, Position pos) implements Relation {
        public Subquery {
            columnAliases = List.copyOf(columnAliases);
        }
    }

    /** left [type] JOIN right [ON cond | USING (cols)]; {@code on} null and {@code using} empty for CROSS. */
    record Join(JoinType type, Relation left, Relation right, Expr on, List<String> using, Position pos)
            implements Relation {
        public Join {
            using = List.copyOf(using);
        }
    }

    enum JoinType { INNER, LEFT, RIGHT, FULL, CROSS }
}
