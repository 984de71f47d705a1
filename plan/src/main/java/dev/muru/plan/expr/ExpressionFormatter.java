package dev.muru.plan.expr;

import dev.muru.core.Schema;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders a bound expression as SQL-like text with input column names, for EXPLAIN. */
public final class ExpressionFormatter {
    private ExpressionFormatter() {
    }

    public static String format(List<BoundExpr> exprs, Schema input) {
        return exprs.stream().map(e -> format(e, input)).collect(Collectors.joining(", "));
    }

    public static String format(BoundExpr e, Schema input) {
        if (e instanceof BoundExpr.InputRef) {
            int i = ((BoundExpr.InputRef) e).index();
            return input != null && i < input.size() ? input.name(i) : "#" + i;
        }
        if (e instanceof BoundExpr.Constant) {
            String text = e.toString();
            return e.type().isString() && ((BoundExpr.Constant) e).value() != null ? "'" + text.replace("'", "''") + "'"
                    : e.type().kind() == dev.muru.core.TypeKind.DATE && ((BoundExpr.Constant) e).value() != null
                    ? "DATE '" + text + "'" : text;
        }
        if (e instanceof BoundExpr.Cast) {
            return "CAST(" + format(((BoundExpr.Cast) e).input(), input) + " AS " + e.type() + ")";
        }
        if (e instanceof BoundExpr.InList) {
            BoundExpr.InList in = (BoundExpr.InList) e;
            return format(in.value(), input) + (in.negated() ? " NOT IN (" : " IN (") + format(in.list(), input) + ")";
        }
        if (e instanceof BoundExpr.Case) {
            BoundExpr.Case c = (BoundExpr.Case) e;
            StringBuilder sb = new StringBuilder("CASE");
            for (int i = 0; i < c.conditions().size(); i++) {
                sb.append(" WHEN ").append(format(c.conditions().get(i), input))
                        .append(" THEN ").append(format(c.results().get(i), input));
            }
            return sb.append(" ELSE ").append(format(c.elseResult(), input)).append(" END").toString();
        }
        BoundExpr.Call c = (BoundExpr.Call) e;
        String op = infix(c.function());
        List<BoundExpr> a = c.args();
        if (op != null && (a.size() == 2 || c.function() == Function.AND || c.function() == Function.OR)) {
            return a.stream().map(x -> wrap(x, input)).collect(Collectors.joining(" " + op + " "));
        }
        switch (c.function()) {
            case NEGATE: return "-" + wrap(a.get(0), input);
            case NOT: return "NOT " + wrap(a.get(0), input);
            case IS_NULL: return wrap(a.get(0), input) + " IS NULL";
            case IS_NOT_NULL: return wrap(a.get(0), input) + " IS NOT NULL";
            default: return c.function().name().toLowerCase(Locale.ROOT) + "(" + format(a, input) + ")";
        }
    }

    private static String wrap(BoundExpr e, Schema input) {
        String s = format(e, input);
        return e instanceof BoundExpr.Call && infix(((BoundExpr.Call) e).function()) != null ? "(" + s + ")" : s;
    }

    private static String infix(Function f) {
        switch (f) {
            case ADD: return "+";
            case SUBTRACT: return "-";
            case MULTIPLY: return "*";
            case DIVIDE: return "/";
            case MODULO: return "%";
            case EQUAL: return "=";
            case NOT_EQUAL: return "<>";
            case LESS: return "<";
            case LESS_EQUAL: return "<=";
            case GREATER: return ">";
            case GREATER_EQUAL: return ">=";
            case AND: return "AND";
            case OR: return "OR";
            case CONCAT: return "||";
            case LIKE: return "LIKE";
            case NOT_LIKE: return "NOT LIKE";
            default: return null;
        }
    }
}
