package dev.muru.parser.ast;

import java.util.List;

/**
 * A query: optional WITH, a body, ORDER BY, LIMIT and OFFSET. {@code limit} and {@code offset}
 * are null when absent.
 */
public record Query(List<Cte> with, QueryBody body, List<OrderItem> orderBy, Expr limit, Expr offset, Position pos) {
    public Query {
        with = List.copyOf(with);
        orderBy = List.copyOf(orderBy);
    }

    public record Cte(String name, List<String> columns, Query query, Position pos) {
        public Cte {
            columns = List.copyOf(columns);
        }
    }

    /** ORDER BY item; {@code nullsFirst} is null when not written (then NULLS LAST for ASC, FIRST for DESC). */
    public record OrderItem(Expr expr, boolean ascending, Boolean nullsFirst, Position pos) {
    }
}
