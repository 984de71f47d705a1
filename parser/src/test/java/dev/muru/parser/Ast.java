package dev.muru.parser;

import dev.muru.parser.ast.Expr;
import dev.muru.parser.ast.Expr.BinaryOperator;
import dev.muru.parser.ast.Expr.LiteralKind;
import dev.muru.parser.ast.Position;
import dev.muru.parser.ast.Query;
import dev.muru.parser.ast.QueryBody;
import dev.muru.parser.ast.Relation;
import dev.muru.parser.ast.SelectItem;
import dev.muru.parser.ast.Statement;
import dev.muru.parser.ast.TypeName;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Test helpers: AST factories without positions, and {@link #strip} which sets every position in
 * a tree to {@link Position#UNKNOWN}, so that parsed trees compare with record equality.
 */
final class Ast {
    static final Position P = Position.UNKNOWN;

    private Ast() {
    }

    /** A copy of the tree with every Position replaced by UNKNOWN. */
    @SuppressWarnings("unchecked")
    static <T> T strip(T node) {
        if (node instanceof Position) {
            return (T) P;
        }
        if (node instanceof List<?> list) {
            return (T) list.stream().map(Ast::strip).toList();
        }
        if (node instanceof Record record) {
            return (T) rebuild(record);
        }
        return node;
    }

    private static Record rebuild(Record record) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        try {
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = strip(components[i].getAccessor().invoke(record));
            }
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Constructor<?> constructor = record.getClass().getDeclaredConstructor(types);
            return (Record) constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot rebuild " + record, e);
        }
    }

    // ---------------------------------------------------------------- parsing shortcuts

    static Statement statement(String sql) {
        return strip(SqlParser.parseStatement(sql));
    }

    static Query query(String sql) {
        Statement statement = statement(sql);
        return assertInstanceOf(Statement.Select.class, statement).query();
    }

    static QueryBody.Select select(String sql) {
        return assertInstanceOf(QueryBody.Select.class, query(sql).body());
    }

    /** Parses {@code SELECT <expression>} and returns the expression, without positions. */
    static Expr expr(String expression) {
        return strip(rawExpr(expression));
    }

    /** Like {@link #expr} but keeps positions; the expression starts at column 8. */
    static Expr rawExpr(String expression) {
        Statement statement = SqlParser.parseStatement("SELECT " + expression);
        QueryBody.Select select = (QueryBody.Select) ((Statement.Select) statement).query().body();
        assertEquals(1, select.items().size(), "one select item");
        return ((SelectItem.Single) select.items().get(0)).expr();
    }

    // ---------------------------------------------------------------- factories

    static Expr col(String name) {
        return new Expr.ColumnRef(null, name, P);
    }

    static Expr col(String qualifier, String name) {
        return new Expr.ColumnRef(qualifier, name, P);
    }

    static Expr integer(String text) {
        return new Expr.Literal(LiteralKind.INTEGER, text, P);
    }

    static Expr decimal(String text) {
        return new Expr.Literal(LiteralKind.DECIMAL, text, P);
    }

    static Expr str(String text) {
        return new Expr.Literal(LiteralKind.STRING, text, P);
    }

    static Expr date(String text) {
        return new Expr.Literal(LiteralKind.DATE, text, P);
    }

    static Expr bool(boolean value) {
        return new Expr.Literal(LiteralKind.BOOLEAN, Boolean.toString(value), P);
    }

    static Expr nullLiteral() {
        return new Expr.Literal(LiteralKind.NULL, null, P);
    }

    static Expr binary(BinaryOperator operator, Expr left, Expr right) {
        return new Expr.Binary(operator, left, right, P);
    }

    static Expr unary(Expr.UnaryOperator operator, Expr operand) {
        return new Expr.Unary(operator, operand, P);
    }

    static Expr not(Expr operand) {
        return unary(Expr.UnaryOperator.NOT, operand);
    }

    static Expr call(String name, Expr... args) {
        return new Expr.FunctionCall(name, List.of(args), false, false, P);
    }

    static Expr countStar() {
        return new Expr.FunctionCall("count", List.of(), false, true, P);
    }

    static TypeName type(String name, Integer... parameters) {
        return new TypeName(name, List.of(parameters), P);
    }

    static Expr cast(Expr operand, TypeName type) {
        return new Expr.Cast(operand, type, P);
    }

    static SelectItem item(Expr expr) {
        return new SelectItem.Single(expr, null, P);
    }

    static SelectItem item(Expr expr, String alias) {
        return new SelectItem.Single(expr, alias, P);
    }

    static SelectItem star() {
        return new SelectItem.AllColumns(null, P);
    }

    static Relation table(String name) {
        return new Relation.Table(name, null, P);
    }

    static Relation table(String name, String alias) {
        return new Relation.Table(name, alias, P);
    }

    /** SELECT items FROM relations, nothing else. */
    static QueryBody selectFrom(List<SelectItem> items, List<Relation> from) {
        return new QueryBody.Select(false, items, from, null, List.of(), null, P);
    }

    /** A query of one body and nothing else. */
    static Query simpleQuery(QueryBody body) {
        return new Query(List.of(), body, List.of(), null, null, P);
    }
}
