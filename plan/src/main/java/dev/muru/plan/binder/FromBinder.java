package dev.muru.plan.binder;

import dev.muru.core.DataType;
import dev.muru.core.ErrorCode;
import dev.muru.core.Schema;
import dev.muru.parser.ast.Expr;
import dev.muru.parser.ast.Relation;
import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.expr.Function;
import dev.muru.plan.logical.JoinKind;
import dev.muru.plan.logical.LogicalPlan;
import dev.muru.plan.optimizer.Estimates;
import dev.muru.plan.optimizer.JoinOrder;
import dev.muru.plan.optimizer.Predicates;

import java.util.ArrayList;
import java.util.List;

/**
 * Binds a FROM clause into a join graph: the relations, their columns in FROM order, and the
 * conditions of inner joins as conjuncts over those columns. An outer join is planned on the
 * spot and enters the graph as one relation.
 */
final class FromBinder {
    private final Binder binder;
    private final Scope outer;
    final List<LogicalPlan> relations = new ArrayList<>();
    final List<Scope.Entry> entries = new ArrayList<>();
    final List<BoundExpr> conjuncts = new ArrayList<>();

    FromBinder(Binder binder, Scope outer) {
        this.binder = binder;
        this.outer = outer;
    }

    void add(Relation r) {
        if (!(r instanceof Relation.Join)) {
            List<Scope.Entry> own = new ArrayList<>();
            relations.add(binder.relation(r, own));
            checkAliases(own, r);
            entries.addAll(own);
            return;
        }
        Relation.Join j = (Relation.Join) r;
        if (j.type() == Relation.JoinType.INNER || j.type() == Relation.JoinType.CROSS) {
            int start = entries.size();
            add(j.left());
            int middle = entries.size();
            add(j.right());
            conjuncts.addAll(condition(j, start, middle, entries.size()));
            return;
        }
        FromBinder left = new FromBinder(binder, outer);
        left.add(j.left());
        FromBinder right = new FromBinder(binder, outer);
        right.add(j.right());
        LogicalPlan l = left.plan();
        LogicalPlan rp = right.plan();
        int start = entries.size();
        checkAliases(left.entries, j);
        entries.addAll(left.entries);
        int middle = entries.size();
        checkAliases(right.entries, j);
        entries.addAll(right.entries);
        List<BoundExpr> on = new ArrayList<>();
        for (BoundExpr c : condition(j, start, middle, entries.size())) {
            on.add(Predicates.rewrite(c, i -> i - start));
        }
        relations.add(outerJoin(l, rp, j.type(), on));
    }

    /** Each relation name may appear once among the FROM items. */
    private void checkAliases(List<Scope.Entry> added, Relation r) {
        for (Scope.Entry e : added) {
            if (e.qualifier() == null) {
                continue;
            }
            for (Scope.Entry x : entries) {
                if (e.qualifier().equals(x.qualifier())) {
                    throw ExpressionBinder.error(ErrorCode.DUPLICATE_ALIAS, "table name \"" + e.qualifier()
                            + "\" specified more than once", r.pos());
                }
            }
            return;
        }
    }

    /** The join's ON or USING condition as conjuncts over all entries so far. */
    private List<BoundExpr> condition(Relation.Join j, int start, int middle, int end) {
        List<BoundExpr> out = new ArrayList<>();
        if (!j.using().isEmpty()) {
            for (String name : j.using()) {
                int l = find(start, middle, name, j);
                int r = find(middle, end, name, j);
                Scope.Entry le = entries.get(l);
                Scope.Entry re = entries.get(r);
                DataType common = TypeCoercion.commonType(le.type(), re.type());
                if (common == null) {
                    throw ExpressionBinder.error(ErrorCode.DATATYPE_MISMATCH, "JOIN/USING types " + le.type() + " and "
                            + re.type() + " cannot be matched", j.pos());
                }
                out.add(new BoundExpr.Call(Function.EQUAL, List.of(
                        TypeCoercion.cast(new BoundExpr.InputRef(l, le.type()), common),
                        TypeCoercion.cast(new BoundExpr.InputRef(r, re.type()), common)), DataType.BOOLEAN));
                entries.set(r, new Scope.Entry(re.qualifier(), re.name(), re.type(), true));
            }
            return out;
        }
        if (j.on() == null) {
            return out;
        }
        Scope scope = new Scope(entries.subList(start, end));
        if (outer != null) {
            scope = scope.withOuter(outer);
        }
        BoundExpr b = new ExpressionBinder(scope, null, "JOIN/ON", binder.parameters(), binder.dialect()).bindPredicate(j.on());
        if (Predicates.references(b, i -> i >= Scope.OUTER_BASE)) {
            throw ExpressionBinder.error(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "a JOIN condition that refers to an enclosing query is not supported", j.on().pos());
        }
        for (BoundExpr c : Predicates.conjuncts(b)) {
            out.add(Predicates.rewrite(c, i -> i + start));
        }
        return out;
    }

    private int find(int from, int to, String name, Relation.Join j) {
        int found = -1;
        for (int i = from; i < to; i++) {
            Scope.Entry e = entries.get(i);
            if (e.name().equals(name) && !e.hidden()) {
                if (found >= 0) {
                    throw ExpressionBinder.error(ErrorCode.AMBIGUOUS_COLUMN, "common column name \"" + name
                            + "\" appears more than once in the left table", j.pos());
                }
                found = i;
            }
        }
        if (found < 0) {
            throw ExpressionBinder.error(ErrorCode.UNDEFINED_COLUMN, "column \"" + name
                    + "\" specified in USING clause does not exist", j.pos());
        }
        return found;
    }

    /** The relations joined in the best order found, with their columns in FROM order. */
    LogicalPlan plan() {
        return JoinOrder.plan(relations, conjuncts);
    }

    private static LogicalPlan outerJoin(LogicalPlan left, LogicalPlan right, Relation.JoinType type, List<BoundExpr> on) {
        int lw = left.schema().size();
        if (type == Relation.JoinType.RIGHT) {
            // a RIGHT JOIN b is b LEFT JOIN a with the columns put back in order.
            int rw = right.schema().size();
            List<BoundExpr> swapped = new ArrayList<>();
            for (BoundExpr c : on) {
                swapped.add(Predicates.rewrite(c, i -> i < lw ? i + rw : i - lw));
            }
            LogicalPlan j = outerJoin(right, left, Relation.JoinType.LEFT, swapped);
            List<BoundExpr> exprs = new ArrayList<>();
            List<dev.muru.core.Column> cols = new ArrayList<>();
            for (int i = 0; i < lw + rw; i++) {
                int from = i < lw ? rw + i : i - lw;
                exprs.add(new BoundExpr.InputRef(from, j.schema().type(from)));
                cols.add(j.schema().column(from));
            }
            return new LogicalPlan.Project(j, exprs, new Schema(cols));
        }
        JoinKind kind = type == Relation.JoinType.LEFT ? JoinKind.LEFT : JoinKind.FULL;
        List<BoundExpr> keep = new ArrayList<>();
        List<BoundExpr> rightOnly = new ArrayList<>();
        for (BoundExpr c : on) {
            boolean touchesLeft = Predicates.references(c, i -> i < lw);
            if (kind == JoinKind.LEFT && !touchesLeft && !Subqueries.hasMarker(c)) {
                rightOnly.add(Predicates.rewrite(c, i -> i - lw)); // filters the inner side before the join
            } else {
                keep.add(c);
            }
        }
        if (!rightOnly.isEmpty()) {
            right = new LogicalPlan.Filter(right, Predicates.and(rightOnly));
        }
        Predicates.JoinCondition jc = Predicates.splitJoin(keep, lw);
        Schema schema = LogicalPlan.Join.outputSchema(left.schema(), right.schema(), kind);
        long rows = (long) Math.max(Estimates.rows(left), Estimates.rows(right));
        return new LogicalPlan.Join(left, right, kind, jc.leftKeys(), jc.rightKeys(), jc.residual(), false, schema, rows);
    }
}
