package dev.muru.plan.binder;

import dev.muru.core.DataType;
import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;
import dev.muru.core.TypeKind;
import dev.muru.core.Values;
import dev.muru.parser.ast.Expr;
import dev.muru.parser.ast.Position;
import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.expr.BoundExpr.Call;
import dev.muru.plan.expr.BoundExpr.Constant;
import dev.muru.plan.expr.Function;
import dev.muru.plan.logical.AggregateCall;
import dev.muru.plan.logical.AggregateFunction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Binds AST expressions against a {@link Scope}: resolves columns, checks types and inserts
 * casts. Aggregates are allowed only when an {@link Aggregates} collector is given; each one
 * binds to {@code InputRef(AGGREGATE_BASE + i)}, which the binder later maps onto the output
 * of the aggregation.
 */
final class ExpressionBinder {
    static final int AGGREGATE_BASE = 1 << 20;

    /** Collects the distinct aggregate calls of a query block. */
    static final class Aggregates {
        final List<AggregateCall> calls = new ArrayList<>();
        /** Whether the query names an aggregate that is never computed (in a CASE branch never taken). */
        boolean unused;

        int add(AggregateCall call) {
            int i = calls.indexOf(call);
            if (i >= 0) {
                return i;
            }
            calls.add(call);
            return calls.size() - 1;
        }
    }

    private final Scope scope;
    private final Aggregates aggregates;
    private final String clause;
    /** The values of the statement's {@code ?} marks. */
    private final Parameters parameters;
    /** Whose value rules apply (the session's {@code compatibility}). */
    private final Dialect dialect;
    /** The CAST nodes the query wrote, which {@link ExactDivision} must not look through. */
    private final java.util.Set<BoundExpr> explicitCasts = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private boolean insideAggregate;
    /** Where subqueries are planned; null where the clause allows none. */
    private Subqueries subqueries;

    ExpressionBinder(Scope scope, Aggregates aggregates, String clause, Parameters parameters, Dialect dialect) {
        this.scope = scope;
        this.aggregates = aggregates;
        this.clause = clause;
        this.parameters = parameters;
        this.dialect = dialect;
    }

    ExpressionBinder(Scope scope, Aggregates aggregates, String clause, Parameters parameters, Dialect dialect,
                     Subqueries subqueries) {
        this(scope, aggregates, clause, parameters, dialect);
        this.subqueries = subqueries;
    }

    BoundExpr bind(Expr e) {
        try {
            return bindExpr(e);
        } catch (MuruException ex) {
            throw ex.at(e.pos().line(), e.pos().column());
        }
    }

    /** Binds a predicate and checks that it is BOOLEAN. */
    BoundExpr bindPredicate(Expr e) {
        BoundExpr b = bind(e);
        if (b.type().isNull()) {
            return new Constant(null, DataType.BOOLEAN);
        }
        if (b.type().kind() != TypeKind.BOOLEAN) {
            throw error(ErrorCode.DATATYPE_MISMATCH,
                    "argument of " + clause + " must be type BOOLEAN, not type " + b.type(), e.pos());
        }
        return b;
    }

    private BoundExpr bindExpr(Expr e) {
        if (e instanceof Expr.ColumnRef) {
            return scope.resolve((Expr.ColumnRef) e);
        }
        if (e instanceof Expr.Literal) {
            return literal((Expr.Literal) e);
        }
        if (e instanceof Expr.Parameter) {
            return parameters.bind((Expr.Parameter) e);
        }
        if (e instanceof Expr.Binary) {
            return binary((Expr.Binary) e);
        }
        if (e instanceof Expr.Unary) {
            return unary((Expr.Unary) e);
        }
        if (e instanceof Expr.IsNull) {
            Expr.IsNull n = (Expr.IsNull) e;
            return new Call(n.negated() ? Function.IS_NOT_NULL : Function.IS_NULL, List.of(bindExpr(n.operand())),
                    DataType.BOOLEAN);
        }
        if (e instanceof Expr.Between) {
            Expr.Between b = (Expr.Between) e;
            BoundExpr v = bindExpr(b.value());
            BoundExpr ge = compare(Function.GREATER_EQUAL, v, bindExpr(b.low()), b.pos());
            BoundExpr le = compare(Function.LESS_EQUAL, v, bindExpr(b.high()), b.pos());
            BoundExpr both = new Call(Function.AND, List.of(ge, le), DataType.BOOLEAN);
            return b.negated() ? new Call(Function.NOT, List.of(both), DataType.BOOLEAN) : both;
        }
        if (e instanceof Expr.InList) {
            return inList((Expr.InList) e);
        }
        if (e instanceof Expr.Like) {
            return like((Expr.Like) e);
        }
        if (e instanceof Expr.Case) {
            return caseExpr((Expr.Case) e);
        }
        if (e instanceof Expr.Cast) {
            Expr.Cast c = (Expr.Cast) e;
            BoundExpr in = bindExpr(c.operand());
            DataType target = TypeNames.resolve(c.type());
            if (!TypeCoercion.canCast(in.type(), target)) {
                throw error(ErrorCode.DATATYPE_MISMATCH, "cannot cast type " + in.type() + " to " + target, c.pos());
            }
            return explicitCast(in, target);
        }
        if (e instanceof Expr.FunctionCall) {
            return function((Expr.FunctionCall) e);
        }
        if (e instanceof Expr.ScalarSubquery || e instanceof Expr.Exists || e instanceof Expr.InSubquery) {
            if (subqueries == null || insideAggregate) {
                throw error(ErrorCode.FEATURE_NOT_SUPPORTED, "subqueries are not supported in "
                        + (insideAggregate ? "aggregate arguments" : clause), e.pos());
            }
            if (e instanceof Expr.ScalarSubquery) {
                return subqueries.scalar((Expr.ScalarSubquery) e, scope);
            }
            if (e instanceof Expr.Exists) {
                return subqueries.exists((Expr.Exists) e, scope);
            }
            Expr.InSubquery in = (Expr.InSubquery) e;
            return subqueries.in(in, bindExpr(in.value()), scope);
        }
        if (e instanceof Expr.IntervalLiteral) {
            throw error(ErrorCode.DATATYPE_MISMATCH, "an INTERVAL can only be added to or subtracted from a DATE",
                    e.pos());
        }
        throw error(ErrorCode.FEATURE_NOT_SUPPORTED, describe(e) + " is not supported yet", e.pos());
    }

    private static String describe(Expr e) {
        if (e instanceof Expr.InSubquery || e instanceof Expr.Exists || e instanceof Expr.ScalarSubquery) {
            return "a subquery";
        }
        return e.getClass().getSimpleName();
    }

    private BoundExpr literal(Expr.Literal l) {
        switch (l.kind()) {
            case NULL: return new Constant(null, DataType.NULL);
            case BOOLEAN: return new Constant(Boolean.parseBoolean(l.text()), DataType.BOOLEAN);
            case STRING: return new Constant(l.text(), DataType.VARCHAR);
            case DATE: return new Constant(Values.parseDate(l.text()), DataType.DATE);
            case DOUBLE: return new Constant(Double.parseDouble(l.text()), DataType.DOUBLE);
            case INTEGER: {
                BigDecimal v = new BigDecimal(l.text());
                if (v.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
                    return new Constant(v.intValue(), DataType.INTEGER);
                }
                if (v.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
                    return new Constant(v.longValue(), DataType.BIGINT);
                }
                return new Constant(v.doubleValue(), DataType.DOUBLE);
            }
            case DECIMAL: {
                BigDecimal v = new BigDecimal(l.text());
                int scale = Math.max(v.scale(), 0);
                int precision = Math.max(v.precision(), scale + 1);
                if (precision > DataType.MAX_DECIMAL_PRECISION) {
                    return new Constant(v.doubleValue(), DataType.DOUBLE);
                }
                return new Constant(v.setScale(scale).unscaledValue().longValueExact(), DataType.decimal(precision, scale));
            }
            default: throw new IllegalStateException(l.kind().name());
        }
    }

    private BoundExpr unary(Expr.Unary u) {
        BoundExpr in = bindExpr(u.operand());
        switch (u.operator()) {
            case NOT: return new Call(Function.NOT, List.of(boolArg(in, "NOT", u.pos())), DataType.BOOLEAN);
            case PLUS:
                // Unary plus is the identity on any type, as in SQLite and MySQL (sqllogictest relies on it).
                return in;
            case MINUS:
                if (in.type().isNull()) {
                    return in;
                }
                requireNumeric(in, "-", u.pos());
                BoundExpr folded = IntegerConstants.fold(Function.NEGATE, in, new Constant(0L, DataType.BIGINT), dialect);
                return folded != null ? folded : new Call(Function.NEGATE, List.of(in), in.type());
            default: throw new IllegalStateException(u.operator().name());
        }
    }

    private BoundExpr binary(Expr.Binary b) {
        if (b.operator() == Expr.BinaryOperator.AND || b.operator() == Expr.BinaryOperator.OR) {
            Function f = b.operator() == Expr.BinaryOperator.AND ? Function.AND : Function.OR;
            String name = f.name();
            List<BoundExpr> args = new ArrayList<>();
            flatten(b, b.operator(), args, name);
            return new Call(f, args, DataType.BOOLEAN);
        }
        // DATE +/- INTERVAL is recognised before binding the interval, which has no type of its own.
        if (b.right() instanceof Expr.IntervalLiteral
                && (b.operator() == Expr.BinaryOperator.ADD || b.operator() == Expr.BinaryOperator.SUBTRACT)) {
            return dateInterval(bindExpr(b.left()), (Expr.IntervalLiteral) b.right(),
                    b.operator() == Expr.BinaryOperator.SUBTRACT, b.pos());
        }
        if (b.left() instanceof Expr.IntervalLiteral && b.operator() == Expr.BinaryOperator.ADD) {
            return dateInterval(bindExpr(b.right()), (Expr.IntervalLiteral) b.left(), false, b.pos());
        }
        BoundExpr l = bindExpr(b.left());
        BoundExpr r = bindExpr(b.right());
        switch (b.operator()) {
            case EQUAL: return compare(Function.EQUAL, l, r, b.pos());
            case NOT_EQUAL: return compare(Function.NOT_EQUAL, l, r, b.pos());
            case LESS: return compare(Function.LESS, l, r, b.pos());
            case LESS_EQUAL: return compare(Function.LESS_EQUAL, l, r, b.pos());
            case GREATER: return compare(Function.GREATER, l, r, b.pos());
            case GREATER_EQUAL: return compare(Function.GREATER_EQUAL, l, r, b.pos());
            case CONCAT:
                return new Call(Function.CONCAT, List.of(toText(l), toText(r)), DataType.VARCHAR);
            default: return arithmetic(b.operator(), l, r, b.pos());
        }
    }

    private void flatten(Expr e, Expr.BinaryOperator op, List<BoundExpr> out, String name) {
        if (e instanceof Expr.Binary && ((Expr.Binary) e).operator() == op) {
            flatten(((Expr.Binary) e).left(), op, out, name);
            flatten(((Expr.Binary) e).right(), op, out, name);
        } else {
            out.add(boolArg(bindExpr(e), name, e.pos()));
        }
    }

    private BoundExpr boolArg(BoundExpr e, String op, Position pos) {
        if (e.type().isNull()) {
            return new Constant(null, DataType.BOOLEAN);
        }
        if (e.type().kind() != TypeKind.BOOLEAN) {
            throw error(ErrorCode.DATATYPE_MISMATCH, "argument of " + op + " must be type BOOLEAN, not type " + e.type(), pos);
        }
        return e;
    }

    private static BoundExpr toText(BoundExpr e) {
        return e.type().isString() ? e : TypeCoercion.cast(e, DataType.VARCHAR);
    }

    private BoundExpr dateInterval(BoundExpr date, Expr.IntervalLiteral iv, boolean subtract, Position pos) {
        if (date.type().kind() != TypeKind.DATE) {
            date = coerceLiteral(date, DataType.DATE);
            if (date.type().kind() != TypeKind.DATE) {
                throw error(ErrorCode.DATATYPE_MISMATCH, "operator does not exist: " + date.type() + " + INTERVAL", pos);
            }
        }
        int n;
        try {
            n = Integer.parseInt(iv.value().trim());
        } catch (NumberFormatException ex) {
            throw error(ErrorCode.INVALID_DATETIME_FORMAT, "invalid INTERVAL value '" + iv.value() + "'", iv.pos());
        }
        if (subtract) {
            n = -n;
        }
        switch (iv.unit()) {
            case DAY: return new Call(Function.DATE_ADD_DAYS, List.of(date, new Constant(n, DataType.INTEGER)), DataType.DATE);
            case MONTH: return new Call(Function.DATE_ADD_MONTHS, List.of(date, new Constant(n, DataType.INTEGER)), DataType.DATE);
            case YEAR: return new Call(Function.DATE_ADD_MONTHS, List.of(date, new Constant(Math.multiplyExact(n, 12), DataType.INTEGER)), DataType.DATE);
            default: throw new IllegalStateException(iv.unit().name());
        }
    }

    /** A string literal used where {@code target} is expected becomes a literal of that type. */
    private static BoundExpr coerceLiteral(BoundExpr e, DataType target) {
        if (TypeCoercion.isStringLiteral(e) && !target.isString()) {
            return TypeCoercion.cast(e, target);
        }
        return e;
    }

    BoundExpr compare(Function f, BoundExpr l, BoundExpr r, Position pos) {
        l = coerceLiteral(l, r.type());
        r = coerceLiteral(r, l.type());
        DataType t = TypeCoercion.commonType(l.type(), r.type());
        if (t == null) {
            throw error(ErrorCode.DATATYPE_MISMATCH, "operator does not exist: " + l.type() + " " + symbol(f) + " " + r.type(), pos);
        }
        if (t.isNull()) {
            return new Constant(null, DataType.BOOLEAN);
        }
        Long a = IntegerConstants.value(l);
        Long b = IntegerConstants.value(r);
        if (a != null && b != null) {
            return new Constant(IntegerConstants.compare(f, a, b), DataType.BOOLEAN);
        }
        return new Call(f, List.of(TypeCoercion.cast(l, t), TypeCoercion.cast(r, t)), DataType.BOOLEAN);
    }

    private static String symbol(Function f) {
        switch (f) {
            case EQUAL: return "=";
            case NOT_EQUAL: return "<>";
            case LESS: return "<";
            case LESS_EQUAL: return "<=";
            case GREATER: return ">";
            case GREATER_EQUAL: return ">=";
            default: return f.name();
        }
    }

    private BoundExpr arithmetic(Expr.BinaryOperator op, BoundExpr l, BoundExpr r, Position pos) {
        String sym = op == Expr.BinaryOperator.ADD ? "+" : op == Expr.BinaryOperator.SUBTRACT ? "-"
                : op == Expr.BinaryOperator.MULTIPLY ? "*" : op == Expr.BinaryOperator.DIVIDE ? "/" : "%";
        // Dates: DATE +/- INTEGER days, DATE - DATE.
        if (l.type().kind() == TypeKind.DATE || r.type().kind() == TypeKind.DATE) {
            l = coerceLiteral(l, r.type());
            r = coerceLiteral(r, l.type());
            if (l.type().kind() == TypeKind.DATE && r.type().kind() == TypeKind.DATE && op == Expr.BinaryOperator.SUBTRACT) {
                return new Call(Function.DATE_DIFF_DAYS, List.of(l, r), DataType.INTEGER);
            }
            if (l.type().kind() == TypeKind.DATE && r.type().isIntegral()
                    && (op == Expr.BinaryOperator.ADD || op == Expr.BinaryOperator.SUBTRACT)) {
                BoundExpr days = TypeCoercion.cast(r, DataType.INTEGER);
                if (op == Expr.BinaryOperator.SUBTRACT) {
                    days = new Call(Function.NEGATE, List.of(days), DataType.INTEGER);
                }
                return new Call(Function.DATE_ADD_DAYS, List.of(l, days), DataType.DATE);
            }
            if (r.type().kind() == TypeKind.DATE && l.type().isIntegral() && op == Expr.BinaryOperator.ADD) {
                return new Call(Function.DATE_ADD_DAYS, List.of(r, TypeCoercion.cast(l, DataType.INTEGER)), DataType.DATE);
            }
            throw error(ErrorCode.DATATYPE_MISMATCH, "operator does not exist: " + l.type() + " " + sym + " " + r.type(), pos);
        }
        l = coerceLiteral(l, r.type().isNull() ? DataType.INTEGER : r.type());
        r = coerceLiteral(r, l.type());
        if (l.type().isNull() && r.type().isNull()) {
            return new Constant(null, DataType.INTEGER);
        }
        if (l.type().isNull()) {
            l = new Constant(null, r.type());
        }
        if (r.type().isNull()) {
            r = new Constant(null, l.type());
        }
        if (!l.type().isNumeric() || !r.type().isNumeric()) {
            throw error(ErrorCode.DATATYPE_MISMATCH, "operator does not exist: " + l.type() + " " + sym + " " + r.type(), pos);
        }
        Function fn = op == Expr.BinaryOperator.ADD ? Function.ADD : op == Expr.BinaryOperator.SUBTRACT ? Function.SUBTRACT
                : op == Expr.BinaryOperator.MULTIPLY ? Function.MULTIPLY : op == Expr.BinaryOperator.DIVIDE ? Function.DIVIDE
                : Function.MODULO;
        BoundExpr folded = IntegerConstants.fold(fn, l, r, dialect);
        if (folded != null) {
            return folded;
        }
        DataType common = TypeCoercion.commonNumeric(l.type(), r.type());
        switch (op) {
            case ADD: case SUBTRACT: case MODULO: {
                DataType t = common;
                if (t.kind() == TypeKind.DECIMAL && op != Expr.BinaryOperator.MODULO) {
                    // One more integral digit for the carry, within the 18 digits a long holds.
                    t = DataType.decimal(Math.min(DataType.MAX_DECIMAL_PRECISION, t.precision() + 1), t.scale());
                }
                Function f = op == Expr.BinaryOperator.ADD ? Function.ADD
                        : op == Expr.BinaryOperator.SUBTRACT ? Function.SUBTRACT : Function.MODULO;
                return new Call(f, List.of(TypeCoercion.cast(l, t), TypeCoercion.cast(r, t)), t);
            }
            case MULTIPLY: {
                if (common.kind() == TypeKind.DECIMAL) {
                    DataType dl = TypeCoercion.asDecimal(l.type());
                    DataType dr = TypeCoercion.asDecimal(r.type());
                    int scale = dl.scale() + dr.scale();
                    if (scale > DataType.MAX_DECIMAL_PRECISION) {
                        return new Call(Function.MULTIPLY, List.of(TypeCoercion.cast(l, DataType.DOUBLE),
                                TypeCoercion.cast(r, DataType.DOUBLE)), DataType.DOUBLE);
                    }
                    int precision = Math.min(DataType.MAX_DECIMAL_PRECISION, Math.max(dl.precision() + dr.precision(), scale + 1));
                    return new Call(Function.MULTIPLY, List.of(TypeCoercion.cast(l, dl), TypeCoercion.cast(r, dr)),
                            DataType.decimal(precision, scale));
                }
                return new Call(Function.MULTIPLY, List.of(TypeCoercion.cast(l, common), TypeCoercion.cast(r, common)), common);
            }
            case DIVIDE: {
                // Like DuckDB, a division involving DECIMAL is computed in DOUBLE.
                DataType t = common.kind() == TypeKind.DECIMAL ? DataType.DOUBLE : common;
                Call div = new Call(Function.DIVIDE, List.of(TypeCoercion.cast(l, t), TypeCoercion.cast(r, t)), t);
                return t.kind() == TypeKind.DOUBLE && dialect == Dialect.SQLITE ? ExactDivision.apply(div, explicitCasts) : div;
            }
            default: throw new IllegalStateException(op.name());
        }
    }

    private void requireNumeric(BoundExpr e, String op, Position pos) {
        if (!e.type().isNumeric()) {
            throw error(ErrorCode.DATATYPE_MISMATCH, "operator does not exist: " + op + " " + e.type(), pos);
        }
    }

    private BoundExpr inList(Expr.InList in) {
        BoundExpr v = bindExpr(in.value());
        if (in.list().isEmpty()) {
            // As SQLite: x IN () is FALSE and x NOT IN () TRUE, whatever x is, NULL included
            return new Constant(in.negated(), DataType.BOOLEAN);
        }
        List<BoundExpr> items = new ArrayList<>();
        DataType t = v.type();
        for (Expr item : in.list()) {
            BoundExpr b = coerceLiteral(bindExpr(item), v.type());
            items.add(b);
            DataType next = TypeCoercion.commonType(t, b.type());
            if (next == null) {
                throw error(ErrorCode.DATATYPE_MISMATCH, "IN list item of type " + b.type() + " cannot be compared with " + v.type(), item.pos());
            }
            t = next;
        }
        if (t.isNull()) {
            return new Constant(null, DataType.BOOLEAN);
        }
        List<BoundExpr> cast = new ArrayList<>();
        for (BoundExpr b : items) {
            cast.add(TypeCoercion.cast(b, t));
        }
        return new BoundExpr.InList(TypeCoercion.cast(v, t), cast, in.negated());
    }

    private BoundExpr like(Expr.Like l) {
        BoundExpr v = toText(bindExpr(l.value()));
        BoundExpr p = toText(bindExpr(l.pattern()));
        List<BoundExpr> args = new ArrayList<>(List.of(v, p));
        if (l.escape() != null) {
            args.add(toText(bindExpr(l.escape())));
        }
        return new Call(l.negated() ? Function.NOT_LIKE : Function.LIKE, args, DataType.BOOLEAN);
    }

    private BoundExpr caseExpr(Expr.Case c) {
        BoundExpr operand = c.operand() == null ? null : bindExpr(c.operand());
        List<BoundExpr> conditions = new ArrayList<>();
        List<BoundExpr> results = new ArrayList<>();
        List<BoundExpr> all = new ArrayList<>();
        boolean decided = false;
        for (Expr.When w : c.whens()) {
            BoundExpr condition = operand == null ? boolArg(bindExpr(w.condition()), "CASE WHEN", w.condition().pos())
                    : compare(Function.EQUAL, operand, bindExpr(w.condition()), w.condition().pos());
            if (decided || condition instanceof Constant k && !Boolean.TRUE.equals(k.value())) {
                // A branch never taken is checked, but its aggregates are never computed: as in
                // PostgreSQL, whose planner drops it, what it would raise (1 / 0) is not raised
                all.add(deadBranch(w.result()));
                continue;
            }
            BoundExpr result = bindExpr(w.result());
            all.add(result);
            conditions.add(condition);
            results.add(result);
            decided = condition instanceof Constant;
        }
        BoundExpr elseResult = c.elseResult() == null ? new Constant(null, DataType.NULL)
                : decided ? deadBranch(c.elseResult()) : bindExpr(c.elseResult());
        all.add(elseResult);
        DataType t = commonOf(all, "CASE", c.pos());
        if (decided) {
            // The last kept branch is always taken
            elseResult = results.remove(results.size() - 1);
            conditions.remove(conditions.size() - 1);
        }
        if (conditions.isEmpty()) {
            return TypeCoercion.cast(elseResult, t);
        }
        List<BoundExpr> cast = new ArrayList<>();
        for (BoundExpr r : results) {
            cast.add(TypeCoercion.cast(r, t));
        }
        return new BoundExpr.Case(conditions, cast, TypeCoercion.cast(elseResult, t), t);
    }

    /** ROUND or TRUNC of a number to {@code digits} decimal places; a DECIMAL keeps at most that scale. */
    private static BoundExpr roundTo(Function f, BoundExpr x, int digits) {
        DataType t = x.type();
        if (t.kind() == TypeKind.DECIMAL) {
            t = DataType.decimal(t.precision(), Math.max(0, Math.min(t.scale(), digits)));
        }
        return new Call(f, List.of(x, new Constant(digits, DataType.INTEGER)), t);
    }

    /**
     * An explicit CAST. A fraction cast to an integer type rounds half away from zero, as in
     * PostgreSQL; under SQLite's rules it truncates toward zero.
     */
    private BoundExpr explicitCast(BoundExpr in, DataType target) {
        if (dialect == Dialect.SQLITE && target.isIntegral()
                && (in.type().kind() == TypeKind.DOUBLE || in.type().kind() == TypeKind.DECIMAL)) {
            in = roundTo(Function.TRUNC, in, 0);
        }
        BoundExpr cast = TypeCoercion.cast(in, target);
        explicitCasts.add(cast);
        return cast;
    }

    /** Binds a CASE branch that is never taken, for its type and errors, without keeping its aggregates. */
    private BoundExpr deadBranch(Expr e) {
        ExpressionBinder scratch = new ExpressionBinder(scope, aggregates == null ? null : new Aggregates(), clause, parameters, dialect);
        scratch.insideAggregate = insideAggregate;
        scratch.subqueries = subqueries;
        BoundExpr bound = scratch.bindExpr(e);
        if (aggregates != null && (!scratch.aggregates.calls.isEmpty() || scratch.aggregates.unused)) {
            // Still an aggregate query: one row per group, even if no aggregate is computed
            aggregates.unused = true;
        }
        return bound;
    }

    private DataType commonOf(List<BoundExpr> exprs, String what, Position pos) {
        DataType t = DataType.NULL;
        for (BoundExpr e : exprs) {
            DataType next = TypeCoercion.commonType(t, e.type());
            if (next == null) {
                throw error(ErrorCode.DATATYPE_MISMATCH, what + " types " + t + " and " + e.type() + " cannot be matched", pos);
            }
            t = next;
        }
        return t.isNull() ? DataType.VARCHAR : t;
    }

    private BoundExpr function(Expr.FunctionCall f) {
        String name = f.name().toLowerCase(Locale.ROOT);
        AggregateFunction agg = aggregateFunction(name, f);
        if (agg != null) {
            return aggregate(agg, f);
        }
        if (f.distinct() || f.star()) {
            throw error(ErrorCode.SYNTAX_ERROR, "DISTINCT and * are only allowed in aggregate functions", f.pos());
        }
        List<BoundExpr> args = new ArrayList<>();
        for (Expr a : f.args()) {
            args.add(bindExpr(a));
        }
        switch (name) {
            case "abs":
                arity(f, args, 1, 1);
                requireNumeric(args.get(0), "abs", f.pos());
                return new Call(Function.ABS, args, args.get(0).type());
            case "round": case "trunc": {
                arity(f, args, 1, 2);
                BoundExpr x = args.get(0);
                requireNumeric(x, name, f.pos());
                int digits = 0;
                if (args.size() == 2) {
                    if (!(args.get(1) instanceof Constant) || !args.get(1).type().isIntegral()) {
                        throw error(ErrorCode.DATATYPE_MISMATCH, name + "() digits must be an integer constant", f.args().get(1).pos());
                    }
                    digits = ((Number) ((Constant) args.get(1)).value()).intValue();
                }
                return roundTo(name.equals("trunc") ? Function.TRUNC : Function.ROUND, x, digits);
            }
            case "length": case "char_length": case "character_length":
                arity(f, args, 1, 1);
                return new Call(Function.LENGTH, List.of(toText(args.get(0))), DataType.INTEGER);
            case "upper": case "lower":
                arity(f, args, 1, 1);
                return new Call(name.equals("upper") ? Function.UPPER : Function.LOWER, List.of(toText(args.get(0))), DataType.VARCHAR);
            case "substring": case "substr": {
                arity(f, args, 2, 3);
                List<BoundExpr> a = new ArrayList<>();
                a.add(toText(args.get(0)));
                for (int i = 1; i < args.size(); i++) {
                    a.add(integerArg(args.get(i), name, f.args().get(i).pos()));
                }
                return new Call(Function.SUBSTRING, a, DataType.VARCHAR);
            }
            case "trim": case "ltrim": case "rtrim": case "btrim": {
                arity(f, args, 1, 2);
                List<BoundExpr> a = new ArrayList<>();
                for (BoundExpr x : args) {
                    a.add(toText(x));
                }
                Function fn = name.equals("ltrim") ? Function.LTRIM : name.equals("rtrim") ? Function.RTRIM : Function.TRIM;
                return new Call(fn, a, DataType.VARCHAR);
            }
            case "coalesce": {
                arity(f, args, 1, Integer.MAX_VALUE);
                DataType t = commonOf(args, "COALESCE", f.pos());
                List<BoundExpr> a = new ArrayList<>();
                for (BoundExpr x : args) {
                    a.add(TypeCoercion.cast(coerceLiteral(x, t), t));
                }
                return new Call(Function.COALESCE, a, t);
            }
            case "nullif": {
                arity(f, args, 2, 2);
                BoundExpr a = args.get(0);
                BoundExpr b = coerceLiteral(args.get(1), a.type());
                DataType t = TypeCoercion.commonType(a.type(), b.type());
                if (t == null) {
                    throw error(ErrorCode.DATATYPE_MISMATCH, "NULLIF types " + a.type() + " and " + b.type() + " cannot be matched", f.pos());
                }
                if (t.isNull()) {
                    t = DataType.VARCHAR;
                }
                if (!a.type().isNull() && !a.type().equals(t)) {
                    // The SQL standard's CASE WHEN a = b THEN NULL ELSE a END: compared in the
                    // common type, the result keeps a's type (NULLIF(53, 2.5) is the INTEGER 53)
                    BoundExpr equal = new Call(Function.EQUAL, List.of(TypeCoercion.cast(a, t), TypeCoercion.cast(b, t)),
                            DataType.BOOLEAN);
                    return new BoundExpr.Case(List.of(equal), List.of(new Constant(null, a.type())), a, a.type());
                }
                return new Call(Function.NULLIF, List.of(TypeCoercion.cast(a, t), TypeCoercion.cast(b, t)), t);
            }
            case "extract_year": case "extract_month": case "extract_day": {
                arity(f, args, 1, 1);
                BoundExpr d = coerceLiteral(args.get(0), DataType.DATE);
                if (d.type().kind() != TypeKind.DATE) {
                    throw error(ErrorCode.DATATYPE_MISMATCH, "EXTRACT needs a DATE, not " + d.type(), f.args().get(0).pos());
                }
                Function fn = name.equals("extract_year") ? Function.EXTRACT_YEAR
                        : name.equals("extract_month") ? Function.EXTRACT_MONTH : Function.EXTRACT_DAY;
                return new Call(fn, List.of(d), DataType.BIGINT);
            }
            default:
                throw error(ErrorCode.UNDEFINED_FUNCTION, "function " + name + "(" + args.size() + " arguments) does not exist", f.pos());
        }
    }

    private BoundExpr integerArg(BoundExpr e, String fn, Position pos) {
        if (e.type().isNull()) {
            return new Constant(null, DataType.INTEGER);
        }
        if (!e.type().isIntegral()) {
            throw error(ErrorCode.DATATYPE_MISMATCH, fn + "() needs INTEGER arguments, not " + e.type(), pos);
        }
        return TypeCoercion.cast(e, DataType.INTEGER);
    }

    private void arity(Expr.FunctionCall f, List<BoundExpr> args, int min, int max) {
        if (args.size() < min || args.size() > max) {
            throw error(ErrorCode.UNDEFINED_FUNCTION,
                    "function " + f.name() + "(" + args.size() + " arguments) does not exist", f.pos());
        }
    }

    private static AggregateFunction aggregateFunction(String name, Expr.FunctionCall f) {
        switch (name) {
            case "count": return f.star() ? AggregateFunction.COUNT_STAR : AggregateFunction.COUNT;
            case "sum": return AggregateFunction.SUM;
            case "avg": return AggregateFunction.AVG;
            case "min": return AggregateFunction.MIN;
            case "max": return AggregateFunction.MAX;
            default: return null;
        }
    }

    private BoundExpr aggregate(AggregateFunction fn, Expr.FunctionCall f) {
        if (aggregates == null) {
            ErrorCode code = clause.equals("WHERE") ? ErrorCode.AGGREGATE_IN_WHERE : ErrorCode.GROUPING_ERROR;
            throw error(code, "aggregate functions are not allowed in " + clause, f.pos());
        }
        if (insideAggregate) {
            throw error(ErrorCode.NESTED_AGGREGATE, "aggregate function calls cannot be nested", f.pos());
        }
        if (fn == AggregateFunction.COUNT_STAR) {
            return aggRef(new AggregateCall(fn, false, null, DataType.BIGINT));
        }
        if (f.args().size() != 1) {
            throw error(ErrorCode.UNDEFINED_FUNCTION, "function " + f.name() + "(" + f.args().size() + " arguments) does not exist", f.pos());
        }
        insideAggregate = true;
        BoundExpr arg;
        try {
            arg = bindExpr(f.args().get(0));
        } finally {
            insideAggregate = false;
        }
        DataType in = arg.type();
        if (in.isNull()) {
            in = fn == AggregateFunction.COUNT || fn == AggregateFunction.MIN || fn == AggregateFunction.MAX
                    ? DataType.VARCHAR : DataType.INTEGER;
            arg = new Constant(null, in);
        }
        DataType result;
        switch (fn) {
            case COUNT: result = DataType.BIGINT; break;
            case MIN: case MAX: result = in; break;
            case SUM:
            case AVG:
                if (!in.isNumeric()) {
                    throw error(ErrorCode.UNDEFINED_FUNCTION, "function " + fn.name().toLowerCase() + "(" + in + ") does not exist", f.pos());
                }
                if (fn == AggregateFunction.AVG || in.kind() == TypeKind.DOUBLE) {
                    result = DataType.DOUBLE;
                } else if (in.kind() == TypeKind.DECIMAL) {
                    result = DataType.decimal(DataType.MAX_DECIMAL_PRECISION, in.scale());
                } else {
                    result = DataType.BIGINT;
                }
                break;
            default: throw new IllegalStateException(fn.name());
        }
        boolean distinct = f.distinct() && fn != AggregateFunction.MIN && fn != AggregateFunction.MAX;
        return aggRef(new AggregateCall(fn, distinct, arg, result));
    }

    private BoundExpr aggRef(AggregateCall call) {
        return new BoundExpr.InputRef(AGGREGATE_BASE + aggregates.add(call), call.type());
    }

    static MuruException error(ErrorCode code, String message, Position pos) {
        return new MuruException(code, message, pos.line(), pos.column());
    }
}
