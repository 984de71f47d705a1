package dev.muru.parser.ast;

import java.util.List;

/** The body of a query: a SELECT block, a set operation, a VALUES list or a nested query. */
public sealed interface QueryBody {
    Position pos();

    /**
     * SELECT [DISTINCT] items [FROM relations] [WHERE] [GROUP BY] [HAVING]. {@code from} is empty
     * for SELECT without FROM; {@code where} and {@code having} are null when absent.
     */
    record Select(boolean distinct, List<SelectItem> items, List<Relation> from, Expr where, List<Expr> groupBy,
                  Expr having, Position pos) implements QueryBody {
        public Select {
            items = List.copyOf(items);
            from = List.copyOf(from);
            groupBy = List.copyOf(groupBy);
        }
    }

    /** left UNION|INTERSECT|EXCEPT [ALL] right. */
    record SetOperation(SetOperator operator, boolean all, QueryBody left, QueryBody right, Position pos)
            implements QueryBody {
    }

    enum SetOperator { UNION, INTERSECT, EXCEPT }

    /** VALUES (...), (...) as a query. */
    record Values(List<List<Expr>> rows, Position pos) implements QueryBody {
        public Values {
            rows = List.copyOf(rows);
        }
    }

    /** A parenthesised query with its own ORDER BY/LIMIT, used as a body. */
    record Nested(Query query, Position pos) implements QueryBody {
    }
}
