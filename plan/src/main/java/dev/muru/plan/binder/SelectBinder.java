package dev.muru.plan.binder;

import dev.muru.core.Column;
import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;
import dev.muru.core.Schema;
import dev.muru.parser.ast.Expr;
import dev.muru.parser.ast.Position;
import dev.muru.parser.ast.Query;
import dev.muru.parser.ast.QueryBody;
import dev.muru.parser.ast.SelectItem;
import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.expr.ExpressionFormatter;
import dev.muru.plan.expr.ExpressionTree;
import dev.muru.plan.logical.AggregateCall;
import dev.muru.plan.logical.LogicalPlan;
import dev.muru.plan.logical.SortItem;

import java.util.ArrayList;
import java.util.List;

/**
 * Binds one SELECT block with its ORDER BY and LIMIT. Shape of the result:
 * Scan → Filter(WHERE) → [Aggregate → Filter(HAVING)] → Project(select list + hidden sort
 * keys) → [Distinct] → [Sort] → [Limit] → [Project dropping hidden keys].
 */
final class SelectBinder {
    private final Binder binder;
    private final QueryBody.Select select;
    private final List<Query.OrderItem> orderBy;
    private final Expr limit;
    private final Expr offset;

    private Scope input;
    private final List<Expr> itemExprs = new ArrayList<>();
    private final List<String> itemNames = new ArrayList<>();
    private final List<Position> itemPositions = new ArrayList<>();

    SelectBinder(Binder binder, QueryBody.Select select, List<Query.OrderItem> orderBy, Expr limit, Expr offset) {
        this.binder = binder;
        this.select = select;
        this.orderBy = orderBy;
        this.limit = limit;
        this.offset = offset;
    }

    LogicalPlan bind() {
        List<Scope.Entry> entries = new ArrayList<>();
        LogicalPlan plan;
        if (select.from().isEmpty()) {
            plan = new LogicalPlan.Values(List.of(List.of()), new Schema(List.of()));
        } else if (select.from().size() == 1) {
            plan = binder.relation(select.from().get(0), entries);
        } else {
            throw ExpressionBinder.error(ErrorCode.FEATURE_NOT_SUPPORTED, "joins are not supported yet", select.from().get(1).pos());
        }
        input = new Scope(entries);
        if (select.where() != null) {
            plan = new LogicalPlan.Filter(plan, new ExpressionBinder(input, null, "WHERE").bindPredicate(select.where()));
        }
        expandItems();

        ExpressionBinder.Aggregates aggs = new ExpressionBinder.Aggregates();
        ExpressionBinder selectBinder = new ExpressionBinder(input, aggs, "SELECT");
        List<BoundExpr> items = new ArrayList<>();
        for (Expr e : itemExprs) {
            items.add(selectBinder.bind(e));
        }
        BoundExpr having = select.having() == null ? null
                : new ExpressionBinder(input, aggs, "HAVING").bindPredicate(select.having());
        List<BoundExpr> groupKeys = groupKeys();

        // ORDER BY items refer to an output column, or are extra expressions bound like the select list.
        List<Integer> sortColumns = new ArrayList<>();
        List<BoundExpr> hidden = new ArrayList<>();
        for (Query.OrderItem o : orderBy) {
            int col = outputColumn(o.expr(), items.size());
            if (col < 0) {
                BoundExpr b = new ExpressionBinder(input, aggs, "ORDER BY").bind(o.expr());
                col = items.indexOf(b);
                if (col < 0) {
                    if (select.distinct()) {
                        throw ExpressionBinder.error(ErrorCode.INVALID_ORDINAL,
                                "for SELECT DISTINCT, ORDER BY expressions must appear in select list", o.pos());
                    }
                    int h = hidden.indexOf(b);
                    if (h < 0) {
                        hidden.add(b);
                        h = hidden.size() - 1;
                    }
                    col = items.size() + h;
                }
            }
            sortColumns.add(col);
        }

        boolean aggregated = !groupKeys.isEmpty() || !aggs.calls.isEmpty() || having != null;
        if (aggregated) {
            // Internal column names, as EXPLAIN shows them: the expressions themselves.
            Schema in = plan.schema();
            List<Column> aggCols = new ArrayList<>();
            for (BoundExpr k : groupKeys) {
                aggCols.add(new Column(ExpressionFormatter.format(k, in), k.type()));
            }
            for (AggregateCall c : aggs.calls) {
                aggCols.add(new Column(c.argument() == null ? "count(*)" : c.function().name().toLowerCase()
                        + "(" + (c.distinct() ? "DISTINCT " : "") + ExpressionFormatter.format(c.argument(), in) + ")", c.type()));
            }
            plan = new LogicalPlan.Aggregate(plan, groupKeys, aggs.calls, new Schema(aggCols));
            if (having != null) {
                plan = new LogicalPlan.Filter(plan, afterAggregate(having, groupKeys));
            }
            for (int i = 0; i < items.size(); i++) {
                items.set(i, afterAggregate(items.get(i), groupKeys));
            }
            for (int i = 0; i < hidden.size(); i++) {
                hidden.set(i, afterAggregate(hidden.get(i), groupKeys));
            }
        }

        List<BoundExpr> projected = new ArrayList<>(items);
        projected.addAll(hidden);
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            cols.add(new Column(itemNames.get(i), items.get(i).type()));
        }
        for (int i = 0; i < hidden.size(); i++) {
            cols.add(new Column("sort" + i, hidden.get(i).type()));
        }
        plan = new LogicalPlan.Project(plan, projected, new Schema(cols));
        if (select.distinct()) {
            plan = new LogicalPlan.Distinct(plan);
        }
        plan = sortAndLimit(plan, sortColumns, orderBy, limit, offset);
        if (!hidden.isEmpty()) {
            List<BoundExpr> keep = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                keep.add(new BoundExpr.InputRef(i, items.get(i).type()));
            }
            plan = new LogicalPlan.Project(plan, keep, new Schema(cols.subList(0, items.size())));
        }
        return plan;
    }

    private void expandItems() {
        for (SelectItem item : select.items()) {
            if (item instanceof SelectItem.AllColumns) {
                String q = ((SelectItem.AllColumns) item).qualifier();
                if (q != null && !input.hasQualifier(q)) {
                    throw ExpressionBinder.error(ErrorCode.UNDEFINED_TABLE, "missing FROM-clause entry for table \"" + q + "\"", item.pos());
                }
                if (input.size() == 0) {
                    throw ExpressionBinder.error(ErrorCode.SYNTAX_ERROR, "SELECT * with no tables specified is not valid", item.pos());
                }
                for (Scope.Entry e : input.entries()) {
                    if (q == null || q.equals(e.qualifier())) {
                        itemExprs.add(new Expr.ColumnRef(e.qualifier(), e.name(), item.pos()));
                        itemNames.add(e.name());
                        itemPositions.add(item.pos());
                    }
                }
            } else {
                SelectItem.Single s = (SelectItem.Single) item;
                itemExprs.add(s.expr());
                itemNames.add(s.alias() != null ? s.alias() : nameOf(s.expr()));
                itemPositions.add(s.pos());
            }
        }
    }

    static String nameOf(Expr e) {
        if (e instanceof Expr.ColumnRef) {
            return ((Expr.ColumnRef) e).name();
        }
        if (e instanceof Expr.FunctionCall) {
            String n = ((Expr.FunctionCall) e).name();
            return n.startsWith("extract_") ? "extract" : n;
        }
        if (e instanceof Expr.Cast) {
            return nameOf(((Expr.Cast) e).operand());
        }
        if (e instanceof Expr.Case) {
            return "case";
        }
        return "?column?";
    }

    /** GROUP BY items: ordinals and aliases name select items; other names are input columns. */
    private List<BoundExpr> groupKeys() {
        ExpressionBinder eb = new ExpressionBinder(input, null, "GROUP BY");
        List<BoundExpr> keys = new ArrayList<>();
        for (Expr g : select.groupBy()) {
            Expr target = g;
            Integer ordinal = ordinal(g);
            if (ordinal != null) {
                if (ordinal < 1 || ordinal > itemExprs.size()) {
                    throw ExpressionBinder.error(ErrorCode.INVALID_ORDINAL, "GROUP BY position " + ordinal + " is not in select list", g.pos());
                }
                target = itemExprs.get(ordinal - 1);
            } else if (g instanceof Expr.ColumnRef && ((Expr.ColumnRef) g).qualifier() == null
                    && !resolvesInInput((Expr.ColumnRef) g)) {
                int alias = itemNames.indexOf(((Expr.ColumnRef) g).name());
                if (alias >= 0) {
                    target = itemExprs.get(alias);
                }
            }
            BoundExpr b;
            try {
                b = eb.bind(target);
            } catch (MuruException ex) {
                throw ex.at(g.pos().line(), g.pos().column());
            }
            if (!keys.contains(b)) {
                keys.add(b);
            }
        }
        return keys;
    }

    private boolean resolvesInInput(Expr.ColumnRef ref) {
        for (Scope.Entry e : input.entries()) {
            if (e.name().equals(ref.name())) {
                return true;
            }
        }
        return false;
    }

    private static Integer ordinal(Expr e) {
        if (e instanceof Expr.Literal && ((Expr.Literal) e).kind() == Expr.LiteralKind.INTEGER) {
            try {
                return Integer.parseInt(((Expr.Literal) e).text());
            } catch (NumberFormatException ex) {
                return Integer.MAX_VALUE;
            }
        }
        return null;
    }

    /** ORDER BY item as an output column (ordinal or output name), or -1. */
    private int outputColumn(Expr e, int width) {
        Integer ordinal = ordinal(e);
        if (ordinal != null) {
            if (ordinal < 1 || ordinal > width) {
                throw ExpressionBinder.error(ErrorCode.INVALID_ORDINAL, "ORDER BY position " + ordinal + " is not in select list", e.pos());
            }
            return ordinal - 1;
        }
        if (e instanceof Expr.ColumnRef && ((Expr.ColumnRef) e).qualifier() == null) {
            String name = ((Expr.ColumnRef) e).name();
            int found = -1;
            for (int i = 0; i < itemNames.size(); i++) {
                if (itemNames.get(i).equals(name)) {
                    if (found >= 0 && !itemExprs.get(found).equals(itemExprs.get(i))) {
                        throw ExpressionBinder.error(ErrorCode.AMBIGUOUS_COLUMN, "ORDER BY \"" + name + "\" is ambiguous", e.pos());
                    }
                    if (found < 0) {
                        found = i;
                    }
                }
            }
            return found;
        }
        return -1;
    }

    /** Maps an expression bound over the aggregate's input onto the aggregate's output. */
    private BoundExpr afterAggregate(BoundExpr e, List<BoundExpr> keys) {
        int k = keys.indexOf(e);
        if (k >= 0) {
            return new BoundExpr.InputRef(k, e.type());
        }
        if (e instanceof BoundExpr.InputRef) {
            int idx = ((BoundExpr.InputRef) e).index();
            if (idx >= ExpressionBinder.AGGREGATE_BASE) {
                return new BoundExpr.InputRef(keys.size() + idx - ExpressionBinder.AGGREGATE_BASE, e.type());
            }
            Position p = input.firstUse(idx);
            throw new MuruException(ErrorCode.GROUPING_ERROR, "column \"" + input.describe(idx)
                    + "\" must appear in the GROUP BY clause or be used in an aggregate function", p.line(), p.column());
        }
        return ExpressionTree.mapChildren(e, c -> afterAggregate(c, keys));
    }

    static LogicalPlan sortAndLimit(LogicalPlan plan, List<Integer> columns, List<Query.OrderItem> orderBy, Expr limit, Expr offset) {
        if (!columns.isEmpty()) {
            List<SortItem> items = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                Query.OrderItem o = orderBy.get(i);
                boolean nullsFirst = o.nullsFirst() != null ? o.nullsFirst() : !o.ascending();
                items.add(new SortItem(columns.get(i), o.ascending(), nullsFirst));
            }
            plan = new LogicalPlan.Sort(plan, items);
        }
        long l = limit == null ? -1 : count(limit, "LIMIT");
        long off = offset == null ? 0 : count(offset, "OFFSET");
        if (l >= 0 || off > 0) {
            plan = new LogicalPlan.Limit(plan, l, off);
        }
        return plan;
    }

    /** ORDER BY and LIMIT over a non-SELECT body (VALUES, nested query): ordinals and names only. */
    static LogicalPlan orderAndLimit(LogicalPlan plan, List<Query.OrderItem> orderBy, Expr limit, Expr offset) {
        List<Integer> cols = new ArrayList<>();
        Schema s = plan.schema();
        for (Query.OrderItem o : orderBy) {
            Integer ord = ordinal(o.expr());
            int col = -1;
            if (ord != null && ord >= 1 && ord <= s.size()) {
                col = ord - 1;
            } else if (o.expr() instanceof Expr.ColumnRef) {
                col = Binder.indexOfExact(s, ((Expr.ColumnRef) o.expr()).name());
            }
            if (col < 0) {
                throw ExpressionBinder.error(ErrorCode.INVALID_ORDINAL, "ORDER BY item must name an output column here", o.pos());
            }
            cols.add(col);
        }
        return sortAndLimit(plan, cols, orderBy, limit, offset);
    }

    private static long count(Expr e, String clause) {
        BoundExpr b = new ExpressionBinder(Scope.empty(), null, clause).bind(e);
        if (b instanceof BoundExpr.Constant && b.type().isNull()) {
            return clause.equals("LIMIT") ? -1 : 0;
        }
        if (!(b instanceof BoundExpr.Constant) || !b.type().isIntegral()) {
            throw ExpressionBinder.error(ErrorCode.DATATYPE_MISMATCH, clause + " must be an integer constant", e.pos());
        }
        long v = ((Number) ((BoundExpr.Constant) b).value()).longValue();
        if (v < 0) {
            throw ExpressionBinder.error(ErrorCode.INVALID_ORDINAL, clause + " must not be negative", e.pos());
        }
        return v;
    }

}
