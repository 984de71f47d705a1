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
import dev.muru.plan.optimizer.JoinOrder;
import dev.muru.plan.optimizer.Predicates;

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
    /** The enclosing query's scope when this block is a subquery; null otherwise. */
    private final Scope outer;
    private final boolean exists;

    private Scope input;
    private final List<Expr> itemExprs = new ArrayList<>();
    private final List<String> itemNames = new ArrayList<>();
    private final List<Position> itemPositions = new ArrayList<>();

    // The result as a subquery: value columns, then the columns the correlation reads.
    private int valueColumns;
    private final List<BoundExpr> correlation = new ArrayList<>();
    private BoundExpr emptyValue;

    SelectBinder(Binder binder, QueryBody.Select select, List<Query.OrderItem> orderBy, Expr limit, Expr offset) {
        this(binder, select, orderBy, limit, offset, null, false);
    }

    SelectBinder(Binder binder, QueryBody.Select select, List<Query.OrderItem> orderBy, Expr limit, Expr offset,
                 Scope outer, boolean exists) {
        this.binder = binder;
        this.select = select;
        this.orderBy = orderBy;
        this.limit = limit;
        this.offset = offset;
        this.outer = outer;
        this.exists = exists;
    }

    int valueColumns() {
        return valueColumns;
    }

    List<BoundExpr> correlation() {
        return correlation;
    }

    BoundExpr emptyValue() {
        return emptyValue;
    }

    private static boolean isOuter(BoundExpr e) {
        return Predicates.references(e, i -> i >= Scope.OUTER_BASE);
    }

    LogicalPlan bind() {
        FromBinder from = new FromBinder(binder, outer);
        for (dev.muru.parser.ast.Relation r : select.from()) {
            from.add(r);
        }
        input = new Scope(from.entries);
        if (outer != null) {
            input = input.withOuter(outer);
        }
        Subqueries subqueries = new Subqueries(binder);
        List<BoundExpr> graph = new ArrayList<>(from.conjuncts);
        List<BoundExpr> withSubqueries = new ArrayList<>();
        List<BoundExpr> correlated = new ArrayList<>();
        if (select.where() != null) {
            BoundExpr where = new ExpressionBinder(input, null, "WHERE", binder.parameters(), binder.dialect(), subqueries).bindPredicate(select.where());
            for (BoundExpr c : Predicates.conjuncts(where)) {
                if (isOuter(c)) {
                    if (Subqueries.hasMarker(c)) {
                        throw ExpressionBinder.error(ErrorCode.FEATURE_NOT_SUPPORTED,
                                "a predicate that mixes a subquery and a correlated column is not supported", select.where().pos());
                    }
                    correlated.add(c);
                } else if (Subqueries.hasMarker(c)) {
                    withSubqueries.add(c);
                } else {
                    graph.add(c);
                }
            }
        }
        LogicalPlan plan;
        if (select.from().isEmpty()) {
            plan = new LogicalPlan.Values(List.of(List.of()), new Schema(List.of()));
            if (!graph.isEmpty()) {
                plan = new LogicalPlan.Filter(plan, Predicates.and(graph));
            }
        } else {
            List<LogicalPlan> relations = pushSemiJoins(from.relations, withSubqueries, subqueries);
            subqueries.setRelations(relations, graph);
            plan = JoinOrder.plan(relations, graph);
        }
        plan = subqueries.filter(plan, withSubqueries, e -> e);
        boolean correlatedBlock = !correlated.isEmpty();
        if (correlatedBlock && limit != null) {
            throw ExpressionBinder.error(ErrorCode.FEATURE_NOT_SUPPORTED, "LIMIT in a correlated subquery is not supported", limit.pos());
        }
        List<Query.OrderItem> orderBy = correlatedBlock || exists ? List.of() : this.orderBy; // order inside is unobservable
        expandItems();

        ExpressionBinder.Aggregates aggs = new ExpressionBinder.Aggregates();
        ExpressionBinder selectBinder = new ExpressionBinder(input, aggs, "SELECT", binder.parameters(), binder.dialect(), subqueries);
        List<BoundExpr> items = new ArrayList<>();
        for (Expr e : itemExprs) {
            items.add(selectBinder.bind(e));
        }
        BoundExpr having = select.having() == null ? null
                : new ExpressionBinder(input, aggs, "HAVING", binder.parameters(), binder.dialect(), subqueries).bindPredicate(select.having());
        List<BoundExpr> groupKeys = groupKeys();

        // ORDER BY items refer to an output column, or are extra expressions bound like the select list.
        List<Integer> sortColumns = new ArrayList<>();
        List<BoundExpr> hidden = new ArrayList<>();
        for (Query.OrderItem o : orderBy) {
            int col = outputColumn(o.expr(), items.size());
            if (col < 0) {
                BoundExpr b = new ExpressionBinder(input, aggs, "ORDER BY", binder.parameters(), binder.dialect(), subqueries).bind(o.expr());
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
        if (exists) {
            items.clear(); // EXISTS only asks whether rows exist
            itemNames.clear();
        }
        for (BoundExpr e : items) {
            checkNotCorrelated(e, "select list");
        }
        for (BoundExpr e : hidden) {
            checkNotCorrelated(e, "ORDER BY");
        }
        if (having != null) {
            checkNotCorrelated(having, "HAVING");
        }
        for (BoundExpr e : groupKeys) {
            checkNotCorrelated(e, "GROUP BY");
        }

        boolean aggregated = !groupKeys.isEmpty() || !aggs.calls.isEmpty() || aggs.unused || having != null;
        // Correlation: predicates inner = outer become group keys of an aggregated subquery.
        List<BoundExpr> extras = new ArrayList<>();
        boolean domain = correlatedBlock && aggregated && !allSimpleEqualities(correlated);
        if (domain) {
            // General form: join the subquery's rows to the distinct outer values it reads and
            // group by those values too (the enclosing query supplies them when it joins).
            java.util.BitSet outerCols = new java.util.BitSet();
            for (BoundExpr c : correlated) {
                Predicates.mark(Predicates.replaceRefs(c, r -> r.index() >= Scope.OUTER_BASE
                        ? new BoundExpr.InputRef(r.index() - Scope.OUTER_BASE, r.type()) : new BoundExpr.Constant(null, r.type())),
                        Integer.MAX_VALUE, outerCols);
            }
            int[] outerIdx = outerCols.stream().toArray();
            int w = plan.schema().size();
            List<Column> domainCols = new ArrayList<>();
            java.util.Map<Integer, Integer> at = new java.util.HashMap<>();
            for (int j = 0; j < outerIdx.length; j++) {
                domainCols.add(new Column("outer" + j, outer.entries().get(outerIdx[j]).type()));
                at.put(outerIdx[j], j);
            }
            Schema domainSchema = new Schema(domainCols);
            List<BoundExpr> conds = new ArrayList<>();
            for (BoundExpr c : correlated) {
                conds.add(Predicates.replaceRefs(c, r -> r.index() >= Scope.OUTER_BASE
                        ? new BoundExpr.InputRef(w + at.get(r.index() - Scope.OUTER_BASE), r.type()) : r));
            }
            Predicates.JoinCondition jc = Predicates.splitJoin(conds, w);
            LogicalPlan right = new LogicalPlan.OuterDomain(outerIdx, domainSchema);
            plan = new LogicalPlan.Join(plan, right, dev.muru.plan.logical.JoinKind.INNER, jc.leftKeys(), jc.rightKeys(),
                    jc.residual(), false, LogicalPlan.Join.outputSchema(plan.schema(), domainSchema,
                    dev.muru.plan.logical.JoinKind.INNER), (long) dev.muru.plan.optimizer.Estimates.rows(plan));
            correlated = new ArrayList<>();
            for (int j = 0; j < outerIdx.length; j++) {
                BoundExpr key = new BoundExpr.InputRef(w + j, domainSchema.type(j));
                groupKeys.add(key);
                extras.add(key);
                correlated.add(new BoundExpr.Call(dev.muru.plan.expr.Function.EQUAL, List.of(key,
                        new BoundExpr.InputRef(Scope.OUTER_BASE + outerIdx[j], domainSchema.type(j))), dev.muru.core.DataType.BOOLEAN));
            }
        } else if (correlatedBlock && aggregated) {
            for (BoundExpr c : correlated) {
                BoundExpr inner = innerSideOfEquality(c);
                int k = groupKeys.indexOf(inner);
                if (k < 0) {
                    groupKeys.add(inner);
                }
                extras.add(inner);
            }
        } else if (correlatedBlock) {
            java.util.BitSet cols = new java.util.BitSet();
            for (BoundExpr c : correlated) {
                Predicates.mark(c, Scope.OUTER_BASE, cols);
            }
            for (int i = cols.nextSetBit(0); i >= 0; i = cols.nextSetBit(i + 1)) {
                extras.add(new BoundExpr.InputRef(i, input.entries().get(i).type()));
            }
        }

        boolean selectSubqueries = false;
        for (BoundExpr e : items) {
            selectSubqueries |= Subqueries.hasMarker(e);
        }
        for (BoundExpr e : hidden) {
            selectSubqueries |= Subqueries.hasMarker(e);
        }
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
            List<BoundExpr> keys = groupKeys;
            if (having != null) {
                BoundExpr h = afterAggregate(having, keys);
                if (Subqueries.hasMarker(h)) {
                    int w = plan.schema().size();
                    plan = subqueries.filter(plan, Predicates.conjuncts(h), e -> afterAggregate(e, keys));
                    if (plan.schema().size() != w) {
                        plan = Binder.identityProject(plan, w);
                    }
                } else {
                    plan = new LogicalPlan.Filter(plan, h);
                }
            }
            for (int i = 0; i < items.size(); i++) {
                items.set(i, afterAggregate(items.get(i), groupKeys));
            }
            for (int i = 0; i < hidden.size(); i++) {
                hidden.set(i, afterAggregate(hidden.get(i), groupKeys));
            }
            for (int i = 0; i < extras.size(); i++) {
                extras.set(i, afterAggregate(extras.get(i), groupKeys));
            }
            if (selectSubqueries) {
                plan = applySubqueries(plan, subqueries, items, hidden, e -> afterAggregate(e, keys));
            }
        } else if (selectSubqueries) {
            plan = applySubqueries(plan, subqueries, items, hidden, e -> e);
        }

        valueColumns = items.size();
        List<BoundExpr> projected = new ArrayList<>(items);
        projected.addAll(hidden);
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            cols.add(new Column(itemNames.get(i), items.get(i).type()));
        }
        for (int i = 0; i < hidden.size(); i++) {
            cols.add(new Column("sort" + i, hidden.get(i).type()));
        }
        if (correlatedBlock) {
            correlate(correlated, extras, aggregated, items, aggs.calls, groupKeys.size());
            for (int i = 0; i < extras.size(); i++) {
                projected.add(extras.get(i));
                cols.add(new Column("corr" + i, extras.get(i).type()));
            }
        } else if (projected.isEmpty()) {
            projected.add(new BoundExpr.Constant(1, dev.muru.core.DataType.INTEGER)); // EXISTS: a row is all it needs
            cols.add(new Column("exists", dev.muru.core.DataType.INTEGER));
        }
        plan = new LogicalPlan.Project(plan, projected, new Schema(cols));
        if (select.distinct()) {
            plan = new LogicalPlan.Distinct(plan);
        }
        plan = sortAndLimit(plan, sortColumns, orderBy, limit, offset, binder.parameters(), binder.dialect());
        if (!hidden.isEmpty()) {
            plan = Binder.identityProject(plan, items.size());
        }
        return plan;
    }

    /**
     * An uncorrelated [NOT] IN / EXISTS conjunct that reads one FROM relation filters that
     * relation before the joins (TPC-H Q18: 57 orders instead of 6 million joined rows).
     * Correlated ones stay above the joins, where the other joins have thinned the rows that
     * probe their usually large inner side.
     */
    private static List<LogicalPlan> pushSemiJoins(List<LogicalPlan> relations, List<BoundExpr> conjuncts, Subqueries subqueries) {
        List<LogicalPlan> out = new ArrayList<>(relations);
        int[] offset = new int[relations.size() + 1];
        for (int i = 0; i < relations.size(); i++) {
            offset[i + 1] = offset[i] + relations.get(i).schema().size();
        }
        for (java.util.Iterator<BoundExpr> it = conjuncts.iterator(); it.hasNext(); ) {
            BoundExpr c = it.next();
            java.util.BitSet cols = subqueries.pushableSemiJoinColumns(c);
            if (cols == null || cols.isEmpty()) {
                continue;
            }
            for (int r = 0; r < relations.size(); r++) {
                int lo = offset[r];
                int hi = offset[r + 1];
                if (cols.nextSetBit(0) >= lo && cols.length() <= hi) {
                    LogicalPlan rel = out.get(r);
                    out.set(r, subqueries.filter(rel, List.of(c), e -> Predicates.rewrite(e, i -> i - lo)));
                    it.remove();
                    break;
                }
            }
        }
        return out;
    }

    /** Joins the subqueries of the select list and ORDER BY onto plan, rewriting their markers. */
    private static LogicalPlan applySubqueries(LogicalPlan plan, Subqueries subqueries, List<BoundExpr> items,
                                               List<BoundExpr> hidden, java.util.function.UnaryOperator<BoundExpr> toPlan) {
        for (List<BoundExpr> list : List.of(items, hidden)) {
            for (int i = 0; i < list.size(); i++) {
                if (Subqueries.hasMarker(list.get(i))) {
                    Subqueries.Applied a = subqueries.apply(plan, list.get(i), toPlan);
                    plan = a.plan();
                    list.set(i, a.expr());
                }
            }
        }
        return plan;
    }

    private void checkNotCorrelated(BoundExpr e, String clause) {
        if (isOuter(e)) {
            throw ExpressionBinder.error(ErrorCode.FEATURE_NOT_SUPPORTED, "a correlated column in the " + clause
                    + " of a subquery is not supported", select.pos());
        }
    }

    private static boolean allSimpleEqualities(List<BoundExpr> correlated) {
        for (BoundExpr c : correlated) {
            if (innerSide(c) == null) {
                return false;
            }
        }
        return true;
    }

    /** The inner side of a correlated predicate inner = outer, or null for any other form. */
    private static BoundExpr innerSide(BoundExpr c) {
        if (c instanceof BoundExpr.Call && ((BoundExpr.Call) c).function() == dev.muru.plan.expr.Function.EQUAL) {
            BoundExpr a = ((BoundExpr.Call) c).args().get(0);
            BoundExpr b = ((BoundExpr.Call) c).args().get(1);
            boolean aOuter = isOuter(a);
            boolean bOuter = isOuter(b);
            boolean aInner = Predicates.references(a, i -> i < Scope.OUTER_BASE);
            boolean bInner = Predicates.references(b, i -> i < Scope.OUTER_BASE);
            if (aInner && !aOuter && bOuter && !bInner) {
                return a;
            }
            if (bInner && !bOuter && aOuter && !aInner) {
                return b;
            }
        }
        return null;
    }

    /** In an aggregated subquery a correlated predicate must be inner expression = outer expression. */
    private BoundExpr innerSideOfEquality(BoundExpr c) {
        BoundExpr inner = innerSide(c);
        if (inner != null) {
            return inner;
        }
        throw ExpressionBinder.error(ErrorCode.FEATURE_NOT_SUPPORTED, "in an aggregated subquery, a correlated "
                + "predicate must have the form inner = outer", select.where().pos());
    }

    /** Rewrites the pulled-out predicates onto the subquery's output columns. */
    private void correlate(List<BoundExpr> correlated, List<BoundExpr> extras, boolean aggregated, List<BoundExpr> items,
                           List<AggregateCall> calls, int keyCount) {
        int values = items.size();
        if (aggregated) {
            for (int k = 0; k < correlated.size(); k++) {
                BoundExpr.Call c = (BoundExpr.Call) correlated.get(k);
                BoundExpr outerSide = isOuter(c.args().get(0)) ? c.args().get(0) : c.args().get(1);
                BoundExpr inner = new BoundExpr.InputRef(values + k, extras.get(k).type());
                correlation.add(new BoundExpr.Call(c.function(), List.of(inner, outerSide), c.type()));
            }
            boolean counts = false;
            for (AggregateCall a : calls) {
                counts |= a.function() == dev.muru.plan.logical.AggregateFunction.COUNT
                        || a.function() == dev.muru.plan.logical.AggregateFunction.COUNT_STAR;
            }
            if (counts && values > 0) {
                // Over no rows COUNT is 0 and the other aggregates NULL.
                BoundExpr v = Predicates.replaceRefs(items.get(0), r -> {
                    int a = r.index() - keyCount;
                    if (a >= 0 && a < calls.size()) {
                        AggregateCall call = calls.get(a);
                        boolean count = call.function() == dev.muru.plan.logical.AggregateFunction.COUNT
                                || call.function() == dev.muru.plan.logical.AggregateFunction.COUNT_STAR;
                        return new BoundExpr.Constant(count ? (Object) 0L : null, r.type());
                    }
                    return new BoundExpr.Constant(null, r.type());
                });
                emptyValue = v;
            }
            return;
        }
        java.util.Map<Integer, Integer> position = new java.util.HashMap<>();
        for (int i = 0; i < extras.size(); i++) {
            position.put(((BoundExpr.InputRef) extras.get(i)).index(), values + i);
        }
        for (BoundExpr c : correlated) {
            correlation.add(Predicates.replaceRefs(c, r -> r.index() >= Scope.OUTER_BASE ? r
                    : new BoundExpr.InputRef(position.get(r.index()), r.type())));
        }
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
        ExpressionBinder eb = new ExpressionBinder(input, null, "GROUP BY", binder.parameters(), binder.dialect());
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
            if (idx >= Subqueries.BASE) {
                return e; // subquery markers and outer references stay as they are
            }
            if (idx >= ExpressionBinder.AGGREGATE_BASE) {
                return new BoundExpr.InputRef(keys.size() + idx - ExpressionBinder.AGGREGATE_BASE, e.type());
            }
            Position p = input.firstUse(idx);
            throw new MuruException(ErrorCode.GROUPING_ERROR, "column \"" + input.describe(idx)
                    + "\" must appear in the GROUP BY clause or be used in an aggregate function", p.line(), p.column());
        }
        return ExpressionTree.mapChildren(e, c -> afterAggregate(c, keys));
    }

    static LogicalPlan sortAndLimit(LogicalPlan plan, List<Integer> columns, List<Query.OrderItem> orderBy, Expr limit, Expr offset,
                                    Parameters parameters, Dialect dialect) {
        if (!columns.isEmpty()) {
            List<SortItem> items = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                Query.OrderItem o = orderBy.get(i);
                boolean nullsFirst = o.nullsFirst() != null ? o.nullsFirst() : !o.ascending();
                items.add(new SortItem(columns.get(i), o.ascending(), nullsFirst));
            }
            plan = new LogicalPlan.Sort(plan, items);
        }
        long l = limit == null ? -1 : count(limit, "LIMIT", parameters, dialect);
        long off = offset == null ? 0 : count(offset, "OFFSET", parameters, dialect);
        if (l >= 0 || off > 0) {
            plan = new LogicalPlan.Limit(plan, l, off);
        }
        return plan;
    }

    /** ORDER BY and LIMIT over a non-SELECT body (VALUES, nested query): ordinals and names only. */
    static LogicalPlan orderAndLimit(LogicalPlan plan, List<Query.OrderItem> orderBy, Expr limit, Expr offset,
                                     Parameters parameters, Dialect dialect) {
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
        return sortAndLimit(plan, cols, orderBy, limit, offset, parameters, dialect);
    }

    private static long count(Expr e, String clause, Parameters parameters, Dialect dialect) {
        BoundExpr b = new ExpressionBinder(Scope.empty(), null, clause, parameters, dialect).bind(e);
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
