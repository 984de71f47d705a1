package dev.muru.parser;

import dev.muru.parser.ast.Expr;
import dev.muru.parser.ast.Expr.IntervalUnit;
import dev.muru.parser.ast.Expr.LiteralKind;
import dev.muru.parser.ast.Position;
import dev.muru.parser.ast.QueryBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.muru.parser.Ast.P;
import static dev.muru.parser.Ast.binary;
import static dev.muru.parser.Ast.bool;
import static dev.muru.parser.Ast.call;
import static dev.muru.parser.Ast.cast;
import static dev.muru.parser.Ast.col;
import static dev.muru.parser.Ast.countStar;
import static dev.muru.parser.Ast.date;
import static dev.muru.parser.Ast.decimal;
import static dev.muru.parser.Ast.expr;
import static dev.muru.parser.Ast.integer;
import static dev.muru.parser.Ast.not;
import static dev.muru.parser.Ast.nullLiteral;
import static dev.muru.parser.Ast.rawExpr;
import static dev.muru.parser.Ast.str;
import static dev.muru.parser.Ast.type;
import static dev.muru.parser.Ast.unary;
import static dev.muru.parser.ast.Expr.BinaryOperator.ADD;
import static dev.muru.parser.ast.Expr.BinaryOperator.AND;
import static dev.muru.parser.ast.Expr.BinaryOperator.CONCAT;
import static dev.muru.parser.ast.Expr.BinaryOperator.DIVIDE;
import static dev.muru.parser.ast.Expr.BinaryOperator.EQUAL;
import static dev.muru.parser.ast.Expr.BinaryOperator.GREATER;
import static dev.muru.parser.ast.Expr.BinaryOperator.GREATER_EQUAL;
import static dev.muru.parser.ast.Expr.BinaryOperator.LESS;
import static dev.muru.parser.ast.Expr.BinaryOperator.LESS_EQUAL;
import static dev.muru.parser.ast.Expr.BinaryOperator.MODULO;
import static dev.muru.parser.ast.Expr.BinaryOperator.MULTIPLY;
import static dev.muru.parser.ast.Expr.BinaryOperator.NOT_EQUAL;
import static dev.muru.parser.ast.Expr.BinaryOperator.OR;
import static dev.muru.parser.ast.Expr.BinaryOperator.SUBTRACT;
import static dev.muru.parser.ast.Expr.UnaryOperator.MINUS;
import static dev.muru.parser.ast.Expr.UnaryOperator.PLUS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class ExpressionParserTest {

    // ---------------------------------------------------------------- literals

    @Test
    void numericLiterals() {
        assertEquals(integer("42"), expr("42"));
        assertEquals(integer("12345678901234567890"), expr("12345678901234567890"));
        assertEquals(decimal("1.50"), expr("1.50"));
        assertEquals(decimal(".5"), expr(".5"));
        assertEquals(new Expr.Literal(LiteralKind.DOUBLE, "1e3", P), expr("1e3"));
        assertEquals(new Expr.Literal(LiteralKind.DOUBLE, "2.5E-3", P), expr("2.5E-3"));
        assertEquals(unary(MINUS, integer("7")), expr("-7"));
    }

    @Test
    void stringLiteralsUnescapeDoubledQuotes() {
        assertEquals(str("it's"), expr("'it''s'"));
        assertEquals(str(""), expr("''"));
        assertEquals(str("a\nb -- not a comment"), expr("'a\nb -- not a comment'"));
    }

    @Test
    void booleanNullAndDateLiterals() {
        assertEquals(bool(true), expr("TRUE"));
        assertEquals(bool(false), expr("false"));
        assertEquals(nullLiteral(), expr("NULL"));
        assertEquals(date("1998-12-01"), expr("DATE '1998-12-01'"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "INTERVAL '3' MONTH       | 3  | MONTH",
        "interval '90' day        | 90 | DAY",
        "INTERVAL '1' YEAR        | 1  | YEAR",
        "INTERVAL '2' years       | 2  | YEAR",
        "INTERVAL '3 days'        | 3  | DAY",
        "INTERVAL ' 1 Month '     | 1  | MONTH",
        "INTERVAL '-2 years'      | -2 | YEAR",
    })
    void intervalLiterals(String sql, String value, IntervalUnit unit) {
        assertEquals(new Expr.IntervalLiteral(value, unit, P), expr(sql));
    }

    @Test
    void intervalArithmetic() {
        assertEquals(binary(SUBTRACT, date("1998-12-01"), new Expr.IntervalLiteral("90", IntervalUnit.DAY, P)),
                expr("date '1998-12-01' - interval '90' day"));
    }

    // ---------------------------------------------------------------- precedence

    @Test
    void multiplicationBindsTighterThanAddition() {
        assertEquals(binary(ADD, integer("1"), binary(MULTIPLY, integer("2"), integer("3"))), expr("1+2*3"));
        assertEquals(binary(MULTIPLY, binary(ADD, integer("1"), integer("2")), integer("3")), expr("(1+2)*3"));
    }

    @Test
    void arithmeticIsLeftAssociative() {
        assertEquals(binary(SUBTRACT, binary(SUBTRACT, col("a"), col("b")), col("c")), expr("a - b - c"));
        assertEquals(binary(MODULO, binary(DIVIDE, col("a"), col("b")), col("c")), expr("a / b % c"));
    }

    @Test
    void andBindsTighterThanOr() {
        assertEquals(binary(OR, col("a"), binary(AND, col("b"), col("c"))), expr("a OR b AND c"));
        assertEquals(binary(OR, binary(AND, col("a"), col("b")), col("c")), expr("a AND b OR c"));
    }

    @Test
    void notIsBelowComparison() {
        assertEquals(not(binary(EQUAL, col("a"), col("b"))), expr("NOT a = b"));
        assertEquals(binary(AND, not(col("a")), col("b")), expr("NOT a AND b"));
    }

    @Test
    void unaryMinusBindsTighterThanMultiplication() {
        assertEquals(binary(MULTIPLY, unary(MINUS, col("x")), col("y")), expr("-x*y"));
        assertEquals(unary(MINUS, unary(PLUS, unary(MINUS, integer("5")))), expr("- + - 5"));
    }

    @Test
    void concatenationIsBelowAddition() {
        assertEquals(binary(CONCAT, str("a"), binary(ADD, integer("1"), integer("2"))), expr("'a' || 1 + 2"));
    }

    @Test
    void comparisonIsBelowConcatenation() {
        assertEquals(binary(EQUAL, binary(CONCAT, col("a"), col("b")), str("xy")), expr("a || b = 'xy'"));
    }

    @Test
    void castOperatorBindsTightest() {
        assertEquals(unary(MINUS, cast(col("x"), type("INT"))), expr("-x::int"));
        assertEquals(cast(cast(col("x"), type("TEXT")), type("VARCHAR", 10)), expr("x::text::varchar(10)"));
        assertEquals(binary(ADD, col("a"), cast(col("b"), type("DECIMAL", 15, 2))), expr("a + b::decimal(15, 2)"));
    }

    @Test
    void predicatesApplyLeftToRight() {
        assertEquals(new Expr.IsNull(binary(EQUAL, col("a"), col("b")), false, P), expr("a = b IS NULL"));
    }

    @ParameterizedTest
    @CsvSource({"=, EQUAL", "<>, NOT_EQUAL", "!=, NOT_EQUAL", "<, LESS", "<=, LESS_EQUAL", ">, GREATER",
        ">=, GREATER_EQUAL"})
    void comparisonOperators(String operator, Expr.BinaryOperator expected) {
        assertEquals(binary(expected, col("a"), binary(ADD, col("b"), integer("1"))),
                expr("a " + operator + " b + 1"));
    }

    @Test
    void comparisonOperatorsWithoutSpaces() {
        assertEquals(binary(LESS_EQUAL, col("a"), integer("1")), expr("a<=1"));
        assertEquals(binary(GREATER_EQUAL, col("a"), integer("1")), expr("a>=1"));
        assertEquals(binary(LESS, col("a"), unary(MINUS, integer("1"))), expr("a<-1"));
        assertEquals(binary(GREATER, col("a"), integer("1")), expr("a>1"));
        assertEquals(binary(NOT_EQUAL, col("a"), integer("1")), expr("a<>1"));
    }

    // ---------------------------------------------------------------- predicates

    @Test
    void isNull() {
        assertEquals(new Expr.IsNull(col("a"), false, P), expr("a IS NULL"));
        assertEquals(new Expr.IsNull(col("a"), true, P), expr("a is not null"));
    }

    @Test
    void between() {
        assertEquals(binary(AND, new Expr.Between(col("x"), integer("1"), binary(ADD, integer("2"), integer("3")),
                false, P), col("y")), expr("x BETWEEN 1 AND 2 + 3 AND y"));
        assertEquals(new Expr.Between(col("x"), col("a"), col("b"), true, P), expr("x NOT BETWEEN a AND b"));
    }

    @Test
    void inList() {
        assertEquals(new Expr.InList(col("x"), List.of(integer("1"), str("a")), false, P), expr("x IN (1, 'a')"));
        assertEquals(new Expr.InList(col("x"), List.of(integer("1")), true, P), expr("x NOT IN (1)"));
    }

    @Test
    void inSubquery() {
        Expr in = expr("x NOT IN (SELECT y FROM t)");
        Expr.InSubquery subquery = assertInstanceOf(Expr.InSubquery.class, in);
        assertEquals(col("x"), subquery.value());
        assertEquals(true, subquery.negated());
        assertEquals(List.of(Ast.table("t")), ((QueryBody.Select) subquery.query().body()).from());
    }

    @Test
    void like() {
        assertEquals(new Expr.Like(col("p"), str("%green%"), null, false, P), expr("p LIKE '%green%'"));
        assertEquals(new Expr.Like(col("p"), str("a!%"), str("!"), true, P), expr("p NOT LIKE 'a!%' ESCAPE '!'"));
    }

    @Test
    void existsAndNotExists() {
        Expr.Exists exists = assertInstanceOf(Expr.Exists.class, expr("EXISTS (SELECT 1)"));
        assertEquals(false, exists.negated());
        Expr.Exists notExists = assertInstanceOf(Expr.Exists.class, expr("NOT EXISTS (SELECT 1)"));
        assertEquals(true, notExists.negated());
    }

    @Test
    void scalarSubqueryAndParentheses() {
        Expr.ScalarSubquery subquery = assertInstanceOf(Expr.ScalarSubquery.class, expr("(SELECT max(x) FROM t)"));
        assertEquals(List.of(Ast.item(call("max", col("x")))),
                ((QueryBody.Select) subquery.query().body()).items());
        assertEquals(col("a"), expr("((a))"));
    }

    // ---------------------------------------------------------------- calls and special forms

    @Test
    void functionCalls() {
        assertEquals(call("sum", binary(MULTIPLY, col("a"), col("b"))), expr("SUM(a * b)"));
        assertEquals(call("now"), expr("now()"));
        assertEquals(call("coalesce", col("a"), integer("0")), expr("COALESCE(a, 0)"));
        assertEquals(countStar(), expr("COUNT(*)"));
        assertEquals(new Expr.FunctionCall("count", List.of(col("x")), true, false, P), expr("count(DISTINCT x)"));
        assertEquals(call("sum", col("x")), expr("sum(ALL x)"));
        assertEquals(call("left", col("s"), integer("2")), expr("left(s, 2)"));
    }

    @Test
    void caseExpressions() {
        assertEquals(new Expr.Case(null, List.of(new Expr.When(binary(EQUAL, col("a"), integer("1")), str("one"))),
                str("other"), P), expr("CASE WHEN a = 1 THEN 'one' ELSE 'other' END"));
        assertEquals(new Expr.Case(col("a"), List.of(new Expr.When(integer("1"), str("one")),
                new Expr.When(integer("2"), str("two"))), null, P),
                expr("case a when 1 then 'one' when 2 then 'two' end"));
    }

    @Test
    void castFunction() {
        assertEquals(cast(str("1998-09-02"), type("DATE")), expr("CAST('1998-09-02' AS date)"));
        assertEquals(cast(col("x"), type("DOUBLE PRECISION")), expr("cast(x as double precision)"));
        assertEquals(cast(col("x"), type("CHARACTER VARYING", 20)), expr("cast(x as character varying(20))"));
        assertEquals(cast(col("x"), type("NUMERIC", 10)), expr("cast(x as Numeric(10))"));
    }

    @Test
    void extractBecomesFunctionCall() {
        assertEquals(call("extract_year", col("d")), expr("EXTRACT(YEAR FROM d)"));
        assertEquals(call("extract_month", col("d")), expr("extract(month from d)"));
        assertEquals(call("extract_day", col("d")), expr("extract(Day from d)"));
    }

    @Test
    void substringForms() {
        assertEquals(call("substring", col("s"), integer("1"), integer("2")), expr("SUBSTRING(s FROM 1 FOR 2)"));
        assertEquals(call("substring", col("s"), integer("3")), expr("substring(s from 3)"));
        assertEquals(call("substring", col("s"), integer("1"), integer("2")), expr("substring(s, 1, 2)"));
    }

    @Test
    void trimForms() {
        assertEquals(call("trim", col("s")), expr("TRIM(s)"));
        assertEquals(call("trim", col("s")), expr("trim(FROM s)"));
        assertEquals(call("trim", col("s"), str("x")), expr("trim(BOTH 'x' FROM s)"));
        assertEquals(call("ltrim", col("s")), expr("trim(leading from s)"));
        assertEquals(call("rtrim", col("s"), str(" ")), expr("trim(TRAILING ' ' FROM s)"));
    }

    // ---------------------------------------------------------------- identifiers and lexing

    @Test
    void unquotedIdentifiersFoldToLowerCaseAndQuotedKeepCase() {
        assertEquals(col("t", "abc"), expr("T.ABC"));
        assertEquals(col("MyTable", "My Col"), expr("\"MyTable\".\"My Col\""));
        assertEquals(col("a\"b"), expr("\"a\"\"b\""));
        assertEquals(col("select"), expr("\"select\""));
    }

    @Test
    void nonReservedKeywordsAreIdentifiers() {
        for (String name : List.of("year", "month", "day", "date", "text", "value", "key", "first", "last", "header",
                "delimiter", "format", "csv", "rows", "nulls")) {
            assertEquals(col(name), expr(name.toUpperCase()), name);
        }
        assertEquals(binary(ADD, col("year"), col("t", "date")), expr("year + t.date"));
    }

    @Test
    void keywordsAreCaseInsensitive() {
        assertEquals(expr("CASE WHEN a IS NOT NULL THEN CAST(a AS INT) END"),
                expr("cAsE wHeN a iS nOt NuLl ThEn CaSt(a As InT) eNd"));
    }

    @Test
    void commentsAreSkipped() {
        assertEquals(binary(ADD, integer("1"), integer("2")), expr("1 -- one\n + /* two,\n still two */ 2"));
    }

    // ---------------------------------------------------------------- positions

    @Test
    void positionsPointAtTheFirstTokenOfEachConstruct() {
        Expr.Binary or = assertInstanceOf(Expr.Binary.class, rawExpr("a OR\n  f(b) * -c"));
        assertEquals(new Position(1, 8), or.pos());
        Expr.Binary times = assertInstanceOf(Expr.Binary.class, or.right());
        assertEquals(new Position(2, 3), times.pos());
        assertEquals(new Position(2, 3), times.left().pos());
        Expr.Unary minus = assertInstanceOf(Expr.Unary.class, times.right());
        assertEquals(new Position(2, 10), minus.pos());
        assertEquals(new Position(2, 11), minus.operand().pos());
    }

    @Test
    void castOperatorIsPositionedAtItsOperand() {
        assertEquals(new Position(1, 10), ((Expr.Binary) rawExpr("1+x::int")).right().pos());
    }
}
