package dev.muru.parser.ast;

import java.util.List;

/**
 * An expression as written. Identifiers follow PostgreSQL: unquoted ones are folded to lower
 * case by the parser, {@code "Quoted"} ones keep their case.
 */
public sealed interface Expr {
    Position pos();

    /** A column, optionally qualified: {@code name} or {@code qualifier.name}. */
    record ColumnRef(String qualifier, String name, Position pos) implements Expr {
    }

    /**
     * A literal. {@code text} is the literal's value as written, without quotes and with
     * {@code ''} already unescaped: digits for INTEGER, {@code 1.50} for DECIMAL, {@code 1e3} for
     * DOUBLE, the string for STRING, {@code true/false} for BOOLEAN, {@code yyyy-mm-dd} for DATE,
     * null for NULL.
     */
    record Literal(LiteralKind kind, String text, Position pos) implements Expr {
    }

    enum LiteralKind { INTEGER, DECIMAL, DOUBLE, STRING, BOOLEAN, DATE, NULL }

    /**
     * A positional parameter {@code ?}; {@code index} is 0-based, counting the statement's
     * {@code ?} marks in the order they appear in its text. Its value is supplied when binding.
     */
    record Parameter(int index, Position pos) implements Expr {
    }

    /** INTERVAL 'value' unit, e.g. INTERVAL '3' MONTH is ("3", MONTH). */
    record IntervalLiteral(String value, IntervalUnit unit, Position pos) implements Expr {
    }

    enum IntervalUnit { DAY, MONTH, YEAR }

    record Unary(UnaryOperator operator, Expr operand, Position pos) implements Expr {
    }

    enum UnaryOperator { MINUS, PLUS, NOT }

    record Binary(BinaryOperator operator, Expr left, Expr right, Position pos) implements Expr {
    }

    enum BinaryOperator {
        ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO, CONCAT,
        EQUAL, NOT_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL,
        AND, OR
    }

    /** x IS [NOT] NULL. */
    record IsNull(Expr operand, boolean negated, Position pos) implements Expr {
    }

    /** x [NOT] BETWEEN low AND high. */
    record Between(Expr value, Expr low, Expr high, boolean negated, Position pos) implements Expr {
    }

    /** x [NOT] IN (a, b, ...). */
    record InList(Expr value, List<Expr> list, boolean negated, Position pos) implements Expr {
        public InList {
            list = List.copyOf(list);
        }
    }

    /** x [NOT] IN (query). */
    record InSubquery(Expr value, Query query, boolean negated, Position pos) implements Expr {
    }

    /** [NOT] EXISTS (query). */
    record Exists(Query query, boolean negated, Position pos) implements Expr {
    }

    /** (query) used as a value. */
    record ScalarSubquery(Query query, Position pos) implements Expr {
    }

    /** x [NOT] LIKE pattern [ESCAPE e]; {@code escape} is null when absent. */
    record Like(Expr value, Expr pattern, Expr escape, boolean negated, Position pos) implements Expr {
    }

    /**
     * CASE [operand] WHEN ... THEN ... [ELSE ...] END. {@code operand} is null for the searched
     * form; {@code elseResult} is null when absent.
     */
    record Case(Expr operand, List<When> whens, Expr elseResult, Position pos) implements Expr {
        public Case {
            whens = List.copyOf(whens);
        }
    }

    record When(Expr condition, Expr result) {
    }

    /** CAST(x AS type), also written x::type. */
    record Cast(Expr operand, TypeName type, Position pos) implements Expr {
    }

    /**
     * A function call, name folded to lower case. COUNT(*) has {@code star} true and no
     * arguments. Special syntaxes become plain calls: {@code substring(x FROM a FOR b)} is
     * substring(x, a, b); {@code trim([BOTH|LEADING|TRAILING] [chars] FROM x)} is trim/ltrim/rtrim
     * with arguments (x) or (x, chars); {@code EXTRACT(YEAR FROM d)} is extract_year(d), and
     * likewise extract_month and extract_day.
     */
    record FunctionCall(String name, List<Expr> args, boolean distinct, boolean star, Position pos) implements Expr {
        public FunctionCall {
            args = List.copyOf(args);
        }
    }
}
