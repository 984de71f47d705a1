package dev.muru.plan.binder;

import dev.muru.core.DataType;
import dev.muru.core.ErrorCode;
import dev.muru.core.Schema;
import dev.muru.parser.ast.Expr;
import dev.muru.parser.ast.Position;
import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.expr.Function;
import dev.muru.plan.logical.JoinKind;
import dev.muru.plan.logical.LogicalPlan;
import dev.muru.plan.optimizer.Estimates;
import dev.muru.plan.optimizer.Predicates;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The subqueries of one query block. Binding one leaves a marker, InputRef(BASE + id), in the
 * expression; applying it joins the subquery onto the block's plan (semi or anti join for a
 * top-level [NOT] EXISTS / IN conjunct, a mark join elsewhere, a left join on the correlation
 * keys for a correlated scalar subquery) and replaces the marker by the joined column.
 */
final class Subqueries {
    static final int BASE = 1 << 22;

    enum Kind { SCALAR, EXISTS, IN }

    private record Use(Kind kind, BoundSubquery sub, BoundExpr inValue, Position pos) {
    }

    private final Binder binder;
    private final List<Use> uses = new ArrayList<>();
    /** The block's FROM relations and WHERE conjuncts, for semi-join reduction; null if unknown. */
    private List<LogicalPlan> relations;
    private List<BoundExpr> conjuncts;

    Subqueries(Binder binder) {
        this.binder = binder;
    }

    void setRelations(List<LogicalPlan> relations, List<BoundExpr> conjuncts) {
        this.relations = List.copyOf(relations);
        this.conjuncts = List.copyOf(conjuncts);
    }

    static boolean isMarker(BoundExpr e) {
        if (!(e instanceof BoundExpr.InputRef)) {
            return false;
        }
        int i = ((BoundExpr.InputRef) e).index();
        return i >= BASE && i < Scope.OUTER_BASE;
    }

    static boolean hasMarker(BoundExpr e) {
        return Predicates.references(e, i -> i >= BASE && i < Scope.OUTER_BASE);
    }

    BoundExpr scalar(Expr.ScalarSubquery e, Scope scope) {
        BoundSubquery sub = binder.bindSubquery(e.query(), scope, false);
        if (sub.valueColumns() != 1) {
            throw ExpressionBinder.error(ErrorCode.SUBQUERY_COLUMN_COUNT, "subquery must return only one column", e.pos());
        }
        if (sub.correlated() && !aggregated(sub.plan())) {
            throw ExpressionBinder.error(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "a correlated scalar subquery must compute an aggregate (it could return more than one row)", e.pos());
        }
        return register(Kind.SCALAR, sub, null, e.pos(), sub.plan().schema().type(0));
    }

    private static boolean aggregated(LogicalPlan p) {
        while (p instanceof LogicalPlan.Project || p instanceof LogicalPlan.Filter) {
            p = p.inputs().get(0);
        }
        return p instanceof LogicalPlan.Aggregate;
    }

    BoundExpr exists(Expr.Exists e, Scope scope) {
        BoundSubquery sub = binder.bindSubquery(e.query(), scope, true);
        BoundExpr marker = register(Kind.EXISTS, sub, null, e.pos(), DataType.BOOLEAN);
        return e.negated() ? not(marker) : marker;
    }

    BoundExpr in(Expr.InSubquery e, BoundExpr value, Scope scope) {
        BoundSubquery sub = binder.bindSubquery(e.query(), scope, false);
        if (sub.valueColumns() != 1) {
            throw ExpressionBinder.error(ErrorCode.SUBQUERY_COLUMN_COUNT, "subquery has too many columns", e.pos());
        }
        DataType right = sub.plan().schema().type(0);
        if (TypeCoercion.isStringLiteral(value) && right.isNumeric()) {
            // A string literal adapts to the column, as in a comparison. One that is no number
            // equals no number under SQLite's rules, which comparing as text gives; PostgreSQL
            // rejects it as input of the column's type.
            String text = (String) ((BoundExpr.Constant) value).value();
            if (isNumber(text)) {
                value = TypeCoercion.cast(value, right);
            } else if (binder.dialect() == Dialect.SQLITE) {
                right = DataType.VARCHAR;
            } else {
                throw ExpressionBinder.error(ErrorCode.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type "
                        + right.toString().toLowerCase(java.util.Locale.ROOT) + ": \"" + text + "\"", e.value().pos());
            }
        }
        DataType common = TypeCoercion.commonType(value.type(), right);
        if (common == null) {
            throw ExpressionBinder.error(ErrorCode.DATATYPE_MISMATCH, "operator does not exist: " + value.type()
                    + " = " + right, e.pos());
        }
        if (common.isNull()) {
            common = DataType.VARCHAR;
        }
        LogicalPlan plan = sub.plan();
        if (!plan.schema().type(0).equals(common)) {
            List<BoundExpr> exprs = new ArrayList<>();
            List<dev.muru.core.Column> cols = new ArrayList<>();
            for (int i = 0; i < plan.schema().size(); i++) {
                BoundExpr ref = new BoundExpr.InputRef(i, plan.schema().type(i));
                exprs.add(i == 0 ? TypeCoercion.cast(ref, common) : ref);
                cols.add(new dev.muru.core.Column(plan.schema().name(i), i == 0 ? common : plan.schema().type(i)));
            }
            plan = new LogicalPlan.Project(plan, exprs, new Schema(cols));
        }
        sub = new BoundSubquery(plan, sub.valueColumns(), sub.correlation(), sub.emptyValue());
        BoundExpr marker = register(Kind.IN, sub, TypeCoercion.cast(value, common), e.pos(), DataType.BOOLEAN);
        return e.negated() ? not(marker) : marker;
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text.trim());
            return !text.trim().isEmpty() && Character.isDigit(text.trim().charAt(text.trim().length() - 1));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private BoundExpr register(Kind kind, BoundSubquery sub, BoundExpr inValue, Position pos, DataType type) {
        uses.add(new Use(kind, sub, inValue, pos));
        return new BoundExpr.InputRef(BASE + uses.size() - 1, type);
    }

    private static BoundExpr not(BoundExpr e) {
        return new BoundExpr.Call(Function.NOT, List.of(e), DataType.BOOLEAN);
    }

    /**
     * Filters {@code plan} by conjuncts (over its columns) that contain markers. {@code toPlan} maps
     * an expression over the block's input scope onto the plan's columns.
     */
    LogicalPlan filter(LogicalPlan plan, List<BoundExpr> conjuncts, UnaryOperator<BoundExpr> toPlan) {
        int width = plan.schema().size();
        List<BoundExpr> rest = new ArrayList<>();
        for (BoundExpr c : conjuncts) {
            boolean negated = c instanceof BoundExpr.Call && ((BoundExpr.Call) c).function() == Function.NOT
                    && isMarker(((BoundExpr.Call) c).args().get(0));
            BoundExpr m = negated ? ((BoundExpr.Call) c).args().get(0) : c;
            if (isMarker(m) && use(m).kind() != Kind.SCALAR) {
                Use u = use(m);
                plan = join(plan, u, negated ? JoinKind.ANTI : JoinKind.SEMI, toPlan);
            } else {
                rest.add(c);
            }
        }
        if (rest.isEmpty()) {
            return plan;
        }
        Applied a = apply(plan, Predicates.and(rest), toPlan);
        plan = new LogicalPlan.Filter(a.plan(), a.expr());
        if (plan.schema().size() != width) {
            plan = Binder.identityProject(plan, width);
        }
        return plan;
    }

    /**
     * For a top-level [NOT] IN / EXISTS conjunct over an uncorrelated subquery: the columns of
     * the block it reads; null for any other conjunct.
     */
    java.util.BitSet pushableSemiJoinColumns(BoundExpr c) {
        BoundExpr m = c instanceof BoundExpr.Call && ((BoundExpr.Call) c).function() == Function.NOT
                ? ((BoundExpr.Call) c).args().get(0) : c;
        if (!isMarker(m) || use(m).kind() == Kind.SCALAR || use(m).sub().correlated()) {
            return null;
        }
        Use u = use(m);
        return u.inValue() == null ? new java.util.BitSet() : Predicates.columns(u.inValue(), BASE);
    }

    record Applied(LogicalPlan plan, BoundExpr expr) {
    }

    /** Joins each subquery that {@code e} mentions onto {@code plan} and replaces its marker. */
    Applied apply(LogicalPlan plan, BoundExpr e, UnaryOperator<BoundExpr> toPlan) {
        BitSet ids = new BitSet();
        collectMarkers(e, ids);
        BoundExpr[] replacement = new BoundExpr[uses.size()];
        for (int id = ids.nextSetBit(0); id >= 0; id = ids.nextSetBit(id + 1)) {
            Use u = uses.get(id);
            int w = plan.schema().size();
            if (u.kind() == Kind.SCALAR) {
                if (u.sub().correlated()) {
                    u = reduced(u);
                    plan = join(plan, u, JoinKind.LEFT, toPlan);
                    BoundExpr value = new BoundExpr.InputRef(w, u.sub().plan().schema().type(0));
                    if (u.sub().emptyValue() != null) {
                        BoundExpr key = new BoundExpr.InputRef(w + u.sub().valueColumns(),
                                u.sub().plan().schema().type(u.sub().valueColumns()));
                        value = new BoundExpr.Case(List.of(new BoundExpr.Call(Function.IS_NULL, List.of(key), DataType.BOOLEAN)),
                                List.of(TypeCoercion.cast(u.sub().emptyValue(), value.type())), value, value.type());
                    }
                    replacement[id] = value;
                } else {
                    LogicalPlan one = new LogicalPlan.SingleRow(u.sub().plan());
                    Schema schema = LogicalPlan.Join.outputSchema(plan.schema(), one.schema(), JoinKind.INNER);
                    plan = new LogicalPlan.Join(plan, one, JoinKind.INNER, List.of(), List.of(), null, false, schema,
                            (long) Estimates.rows(plan));
                    replacement[id] = new BoundExpr.InputRef(w, one.schema().type(0));
                }
            } else {
                plan = join(plan, u, JoinKind.MARK, toPlan);
                replacement[id] = new BoundExpr.InputRef(w, DataType.BOOLEAN);
            }
        }
        BoundExpr out = Predicates.replaceRefs(e, r -> isMarker(r) ? replacement[r.index() - BASE] : r);
        return new Applied(plan, out);
    }

    /**
     * Semi-join reduction of a correlated aggregated subquery (TPC-H Q2, Q17, Q20): when its
     * correlation keys are columns of one FROM relation, the subquery aggregates only the rows
     * whose keys that relation (with its own filters) holds, not every group.
     */
    private Use reduced(Use u) {
        if (relations == null || u.sub().correlation().isEmpty()) {
            return u;
        }
        LogicalPlan top = u.sub().plan();
        LogicalPlan p = top;
        while (p instanceof LogicalPlan.Project || p instanceof LogicalPlan.Filter) {
            if (p instanceof LogicalPlan.Project && p != top) {
                return u; // only the subquery's own output projection is mapped below
            }
            p = p.inputs().get(0);
        }
        if (!(p instanceof LogicalPlan.Aggregate) || !(top instanceof LogicalPlan.Project)) {
            return u;
        }
        LogicalPlan.Aggregate agg = (LogicalPlan.Aggregate) p;
        List<BoundExpr> innerKeys = new ArrayList<>();
        int[] outerColumns = new int[u.sub().correlation().size()];
        for (int k = 0; k < outerColumns.length; k++) {
            BoundExpr c = u.sub().correlation().get(k);
            if (!(c instanceof BoundExpr.Call) || ((BoundExpr.Call) c).function() != Function.EQUAL) {
                return u;
            }
            BoundExpr in = ((BoundExpr.Call) c).args().get(0);
            BoundExpr out = ((BoundExpr.Call) c).args().get(1);
            if (!(in instanceof BoundExpr.InputRef) || !(out instanceof BoundExpr.InputRef)
                    || ((BoundExpr.InputRef) out).index() < Scope.OUTER_BASE) {
                return u;
            }
            BoundExpr projected = ((LogicalPlan.Project) top).expressions().get(((BoundExpr.InputRef) in).index());
            if (!(projected instanceof BoundExpr.InputRef) || ((BoundExpr.InputRef) projected).index() >= agg.groupKeys().size()) {
                return u;
            }
            BoundExpr key = agg.groupKeys().get(((BoundExpr.InputRef) projected).index());
            if (!key.type().equals(out.type())) {
                return u;
            }
            innerKeys.add(key);
            outerColumns[k] = ((BoundExpr.InputRef) out).index() - Scope.OUTER_BASE;
        }
        LogicalPlan domain = relationDomain(outerColumns);
        if (domain == null) {
            return u;
        }
        List<BoundExpr> domainKeys = new ArrayList<>();
        for (int k = 0; k < outerColumns.length; k++) {
            domainKeys.add(new BoundExpr.InputRef(k, domain.schema().type(k)));
        }
        LogicalPlan input = agg.input();
        LogicalPlan semi = new LogicalPlan.Join(input, domain, JoinKind.SEMI, innerKeys, domainKeys, null, false,
                input.schema(), (long) Math.min(Estimates.rows(input), Estimates.rows(domain) * 10));
        LogicalPlan.Aggregate smaller = new LogicalPlan.Aggregate(semi, agg.groupKeys(), agg.aggregates(), agg.schema());
        LogicalPlan plan = LogicalPlan.replace(top, n -> n == agg ? smaller : null);
        return new Use(u.kind(), new BoundSubquery(plan, u.sub().valueColumns(), u.sub().correlation(), u.sub().emptyValue()),
                u.inValue(), u.pos());
    }

    /** The distinct values of block columns that all belong to one FROM relation, under its own filters; else null. */
    private LogicalPlan relationDomain(int[] columns) {
        int offset = 0;
        for (LogicalPlan rel : relations) {
            int width = rel.schema().size();
            boolean inside = true;
            for (int c : columns) {
                inside &= c >= offset && c < offset + width;
            }
            if (inside) {
                int lo = offset;
                List<BoundExpr> local = new ArrayList<>();
                for (BoundExpr c : conjuncts) {
                    if (!hasMarker(c) && !Predicates.references(c, i -> i < lo || i >= lo + width)) {
                        local.add(Predicates.rewrite(c, i -> i - lo));
                    }
                }
                LogicalPlan p = local.isEmpty() ? rel : new LogicalPlan.Filter(rel, Predicates.and(local));
                List<BoundExpr> exprs = new ArrayList<>();
                List<dev.muru.core.Column> cols = new ArrayList<>();
                for (int c : columns) {
                    exprs.add(new BoundExpr.InputRef(c - lo, rel.schema().type(c - lo)));
                    cols.add(rel.schema().column(c - lo));
                }
                return new LogicalPlan.Distinct(new LogicalPlan.Project(p, exprs, new Schema(cols)));
            }
            offset += width;
        }
        return null;
    }

    private static void collectMarkers(BoundExpr e, BitSet ids) {
        if (isMarker(e)) {
            ids.set(((BoundExpr.InputRef) e).index() - BASE);
        }
        for (BoundExpr c : dev.muru.plan.expr.ExpressionTree.children(e)) {
            collectMarkers(c, ids);
        }
    }

    private Use use(BoundExpr marker) {
        return uses.get(((BoundExpr.InputRef) marker).index() - BASE);
    }

    /** The distinct values of the outer columns a decorrelated subquery reads. */
    private static LogicalPlan domain(LogicalPlan outer, LogicalPlan.OuterDomain d, UnaryOperator<BoundExpr> toPlan) {
        List<BoundExpr> exprs = new ArrayList<>();
        for (int j = 0; j < d.outerColumns().length; j++) {
            exprs.add(toPlan.apply(new BoundExpr.InputRef(d.outerColumns()[j], d.schema().type(j))));
        }
        return new LogicalPlan.Distinct(new LogicalPlan.Project(outer, exprs, d.schema()));
    }

    private static LogicalPlan join(LogicalPlan plan, Use u, JoinKind kind, UnaryOperator<BoundExpr> toPlan) {
        int w = plan.schema().size();
        LogicalPlan outer = plan;
        LogicalPlan right = LogicalPlan.replace(u.sub().plan(), n -> n instanceof LogicalPlan.OuterDomain
                ? domain(outer, (LogicalPlan.OuterDomain) n, toPlan) : null);
        List<BoundExpr> conds = new ArrayList<>();
        for (BoundExpr c : u.sub().correlation()) {
            conds.add(Predicates.replaceRefs(c, r -> r.index() >= Scope.OUTER_BASE
                    ? toPlan.apply(new BoundExpr.InputRef(r.index() - Scope.OUTER_BASE, r.type()))
                    : new BoundExpr.InputRef(w + r.index(), r.type())));
        }
        Predicates.JoinCondition jc = Predicates.splitJoin(conds, w);
        if (u.kind() == Kind.IN) {
            // IN's NULL rules need the IN pair as the first key, also when the value reads no
            // column of the block (1 IN (SELECT ...)): the value side is the block's side.
            List<BoundExpr> leftKeys = new ArrayList<>();
            List<BoundExpr> rightKeys = new ArrayList<>();
            leftKeys.add(toPlan.apply(u.inValue()));
            rightKeys.add(new BoundExpr.InputRef(0, right.schema().type(0)));
            leftKeys.addAll(jc.leftKeys());
            rightKeys.addAll(jc.rightKeys());
            jc = new Predicates.JoinCondition(leftKeys, rightKeys, jc.residual());
        }
        boolean nullAware = u.kind() == Kind.IN && (kind == JoinKind.ANTI || kind == JoinKind.MARK);
        double rows = Estimates.rows(plan);
        if ((kind == JoinKind.SEMI || kind == JoinKind.ANTI) && !nullAware && !jc.leftKeys().isEmpty()
                && rows * 4 < Estimates.rows(right)) {
            // The outer rows are far fewer: they build, the subquery's rows probe and mark them.
            int rw = right.schema().size();
            BoundExpr residual = jc.residual() == null ? null
                    : Predicates.rewrite(jc.residual(), i -> i < w ? i + rw : i - w);
            JoinKind swapped = kind == JoinKind.SEMI ? JoinKind.RIGHT_SEMI : JoinKind.RIGHT_ANTI;
            return new LogicalPlan.Join(right, plan, swapped, jc.rightKeys(), jc.leftKeys(), residual, false,
                    plan.schema(), (long) (rows * 0.5));
        }
        Schema schema = LogicalPlan.Join.outputSchema(plan.schema(), right.schema(), kind);
        return new LogicalPlan.Join(plan, right, kind, jc.leftKeys(), jc.rightKeys(), jc.residual(), nullAware,
                schema, (long) (kind == JoinKind.SEMI || kind == JoinKind.ANTI ? rows * 0.5 : rows));
    }
}
