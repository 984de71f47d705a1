package dev.muru.parser;

import dev.muru.parser.ast.Position;
import dev.muru.parser.ast.Query;
import dev.muru.parser.ast.QueryBody;
import dev.muru.parser.ast.QueryBody.SetOperator;
import dev.muru.parser.ast.Relation;
import dev.muru.parser.ast.Relation.JoinType;
import dev.muru.parser.ast.SelectItem;
import dev.muru.parser.ast.Statement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.muru.parser.Ast.P;
import static dev.muru.parser.Ast.binary;
import static dev.muru.parser.Ast.call;
import static dev.muru.parser.Ast.col;
import static dev.muru.parser.Ast.countStar;
import static dev.muru.parser.Ast.integer;
import static dev.muru.parser.Ast.item;
import static dev.muru.parser.Ast.query;
import static dev.muru.parser.Ast.select;
import static dev.muru.parser.Ast.selectFrom;
import static dev.muru.parser.Ast.simpleQuery;
import static dev.muru.parser.Ast.star;
import static dev.muru.parser.Ast.str;
import static dev.muru.parser.Ast.table;
import static dev.muru.parser.ast.Expr.BinaryOperator.EQUAL;
import static dev.muru.parser.ast.Expr.BinaryOperator.GREATER;
import static dev.muru.parser.ast.Expr.BinaryOperator.MULTIPLY;
import static dev.muru.parser.ast.Expr.BinaryOperator.SUBTRACT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryParserTest {

    // ---------------------------------------------------------------- SELECT blocks

    @Test
    void fullSelectBlock() {
        QueryBody.Select select = select(
                "SELECT DISTINCT a, count(*) AS n FROM t WHERE a > 1 GROUP BY a, b HAVING count(*) > 2");
        QueryBody.Select expected = new QueryBody.Select(true, List.of(item(col("a")), item(countStar(), "n")),
                List.of(table("t")), binary(GREATER, col("a"), integer("1")), List.of(col("a"), col("b")),
                binary(GREATER, countStar(), integer("2")), P);
        assertEquals(expected, select);
    }

    @Test
    void selectWithoutFrom() {
        assertEquals(selectFrom(List.of(item(integer("1"))), List.of()), select("SELECT 1"));
        assertFalse(select("SELECT ALL 1").distinct());
    }

    @Test
    void selectItems() {
        assertEquals(List.of(star(), new SelectItem.AllColumns("t", P), item(col("a"), "x"), item(col("b"), "y"),
                item(col("c"), "Quoted Alias"), item(col("d"), "year")),
                select("SELECT *, t.*, a AS x, b y, c AS \"Quoted Alias\", d year FROM t").items());
    }

    // ---------------------------------------------------------------- ORDER BY, LIMIT, OFFSET

    @Test
    void orderByDirectionsAndNulls() {
        assertEquals(List.of(new Query.OrderItem(col("a"), true, null, P),
                new Query.OrderItem(col("b"), false, null, P),
                new Query.OrderItem(col("c"), true, true, P),
                new Query.OrderItem(integer("1"), false, false, P)),
                query("SELECT a FROM t ORDER BY a, b DESC, c ASC NULLS FIRST, 1 DESC NULLS LAST").orderBy());
    }

    @Test
    void limitAndOffset() {
        Query query = query("SELECT a FROM t LIMIT 10 OFFSET 5");
        assertEquals(integer("10"), query.limit());
        assertEquals(integer("5"), query.offset());
        Query reversed = query("SELECT a FROM t OFFSET 5 ROWS LIMIT 10");
        assertEquals(integer("10"), reversed.limit());
        assertEquals(integer("5"), reversed.offset());
    }

    @Test
    void limitAllMeansNoLimit() {
        Query query = query("SELECT a FROM t LIMIT ALL OFFSET 2");
        assertNull(query.limit());
        assertEquals(integer("2"), query.offset());
    }

    // ---------------------------------------------------------------- set operations, VALUES, nesting

    @Test
    void intersectBindsTighterThanUnion() {
        QueryBody body = query("SELECT 1 UNION SELECT 2 INTERSECT SELECT 3").body();
        QueryBody.SetOperation union = assertInstanceOf(QueryBody.SetOperation.class, body);
        assertEquals(SetOperator.UNION, union.operator());
        assertEquals(selectFrom(List.of(item(integer("1"))), List.of()), union.left());
        QueryBody.SetOperation intersect = assertInstanceOf(QueryBody.SetOperation.class, union.right());
        assertEquals(SetOperator.INTERSECT, intersect.operator());
    }

    @Test
    void unionAndExceptAreLeftAssociative() {
        QueryBody body = query("SELECT 1 UNION ALL SELECT 2 EXCEPT SELECT 3").body();
        QueryBody.SetOperation except = assertInstanceOf(QueryBody.SetOperation.class, body);
        assertEquals(SetOperator.EXCEPT, except.operator());
        assertFalse(except.all());
        QueryBody.SetOperation union = assertInstanceOf(QueryBody.SetOperation.class, except.left());
        assertEquals(SetOperator.UNION, union.operator());
        assertTrue(union.all());
    }

    @Test
    void orderByAppliesToTheWholeSetOperation() {
        Query query = query("SELECT a FROM t UNION SELECT b FROM u ORDER BY 1 LIMIT 3");
        assertInstanceOf(QueryBody.SetOperation.class, query.body());
        assertEquals(1, query.orderBy().size());
        assertEquals(integer("3"), query.limit());
    }

    @Test
    void valuesAsQuery() {
        assertEquals(new QueryBody.Values(List.of(List.of(integer("1"), str("a")), List.of(integer("2"), str("b"))),
                P), query("VALUES (1, 'a'), (2, 'b')").body());
    }

    @Test
    void parenthesisedQueryIsNested() {
        QueryBody body = query("(SELECT a FROM t ORDER BY a LIMIT 1) UNION (SELECT b FROM u)").body();
        QueryBody.SetOperation union = assertInstanceOf(QueryBody.SetOperation.class, body);
        QueryBody.Nested left = assertInstanceOf(QueryBody.Nested.class, union.left());
        assertEquals(integer("1"), left.query().limit());
        assertInstanceOf(QueryBody.Nested.class, union.right());
    }

    // ---------------------------------------------------------------- WITH

    @Test
    void commonTableExpressions() {
        Query query = query("WITH a (x) AS (SELECT 1), b AS (SELECT x FROM a) SELECT * FROM b");
        assertEquals(List.of(
                new Query.Cte("a", List.of("x"), simpleQuery(selectFrom(List.of(item(integer("1"))), List.of())), P),
                new Query.Cte("b", List.of(), simpleQuery(selectFrom(List.of(item(col("x"))), List.of(table("a")))),
                        P)), query.with());
        assertEquals(selectFrom(List.of(star()), List.of(table("b"))), query.body());
    }

    // ---------------------------------------------------------------- FROM

    @Test
    void commaListAndAliases() {
        assertEquals(List.of(table("a"), table("b", "x"), table("c", "y"), table("Quoted")),
                select("SELECT 1 FROM a, b AS x, c y, \"Quoted\"").from());
    }

    @Test
    void joinTypes() {
        assertEquals(JoinType.INNER, join("SELECT 1 FROM a JOIN b ON a.x = b.x").type());
        assertEquals(JoinType.INNER, join("SELECT 1 FROM a INNER JOIN b ON a.x = b.x").type());
        assertEquals(JoinType.LEFT, join("SELECT 1 FROM a LEFT JOIN b ON a.x = b.x").type());
        assertEquals(JoinType.LEFT, join("SELECT 1 FROM a LEFT OUTER JOIN b ON a.x = b.x").type());
        assertEquals(JoinType.RIGHT, join("SELECT 1 FROM a RIGHT OUTER JOIN b ON a.x = b.x").type());
        assertEquals(JoinType.FULL, join("SELECT 1 FROM a FULL JOIN b ON a.x = b.x").type());
        assertEquals(new Relation.Join(JoinType.CROSS, table("a"), table("b"), null, List.of(), P),
                join("SELECT 1 FROM a CROSS JOIN b"));
    }

    @Test
    void joinConditions() {
        assertEquals(new Relation.Join(JoinType.INNER, table("a"), table("b", "bb"),
                binary(EQUAL, col("a", "x"), col("bb", "x")), List.of(), P),
                join("SELECT 1 FROM a JOIN b bb ON a.x = bb.x"));
        assertEquals(new Relation.Join(JoinType.LEFT, table("a"), table("b"), null, List.of("x", "y"), P),
                join("SELECT 1 FROM a LEFT JOIN b USING (x, y)"));
    }

    @Test
    void joinsAreLeftAssociative() {
        Relation.Join outer = join("SELECT 1 FROM a JOIN b ON p JOIN c ON q");
        assertEquals(table("c"), outer.right());
        assertEquals(col("q"), outer.on());
        Relation.Join inner = assertInstanceOf(Relation.Join.class, outer.left());
        assertEquals(table("a"), inner.left());
        assertEquals(table("b"), inner.right());
    }

    @Test
    void parenthesisedJoinLeavesNoNode() {
        Relation.Join outer = join("SELECT 1 FROM a JOIN (b JOIN c ON q) ON p");
        assertEquals(table("a"), outer.left());
        assertEquals(new Relation.Join(JoinType.INNER, table("b"), table("c"), col("q"), List.of(), P),
                outer.right());
        assertEquals(join("SELECT 1 FROM a JOIN b ON p"), join("SELECT 1 FROM (a JOIN b ON p)"));
    }

    @Test
    void subqueryInFrom() {
        Relation.Subquery subquery = assertInstanceOf(Relation.Subquery.class,
                select("SELECT * FROM (SELECT a, b FROM t) AS s (x, y)").from().get(0));
        assertEquals("s", subquery.alias());
        assertEquals(List.of("x", "y"), subquery.columnAliases());
        assertEquals(List.of(table("t")), ((QueryBody.Select) subquery.query().body()).from());
        Relation.Subquery withoutAs = assertInstanceOf(Relation.Subquery.class,
                select("SELECT * FROM (SELECT 1) s").from().get(0));
        assertEquals("s", withoutAs.alias());
        assertEquals(List.of(), withoutAs.columnAliases());
    }

    @Test
    void relationPositions() {
        Statement statement = SqlParser.parseStatement("SELECT *\nFROM a\n  LEFT JOIN b ON true");
        QueryBody.Select select = (QueryBody.Select) ((Statement.Select) statement).query().body();
        Relation.Join join = (Relation.Join) select.from().get(0);
        assertEquals(new Position(2, 6), join.pos());
        assertEquals(new Position(3, 13), join.right().pos());
        assertEquals(new Position(1, 8), select.items().get(0).pos());
    }

    private static Relation.Join join(String sql) {
        List<Relation> from = select(sql).from();
        assertEquals(1, from.size());
        return assertInstanceOf(Relation.Join.class, from.get(0));
    }

    @Test
    void aggregatesInTpchStyle() {
        SelectItem expected = item(call("sum", binary(MULTIPLY, col("l_extendedprice"),
                binary(SUBTRACT, integer("1"), col("l_discount")))), "revenue");
        assertEquals(expected,
                select("SELECT sum(l_extendedprice * (1 - l_discount)) AS revenue FROM lineitem").items().get(0));
    }
}
