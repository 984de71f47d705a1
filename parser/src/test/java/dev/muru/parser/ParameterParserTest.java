package dev.muru.parser;

import dev.muru.parser.ast.Expr;
import dev.muru.parser.ast.Position;
import dev.muru.parser.ast.Query;
import dev.muru.parser.ast.Statement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.muru.parser.Ast.P;
import static dev.muru.parser.Ast.binary;
import static dev.muru.parser.Ast.call;
import static dev.muru.parser.Ast.col;
import static dev.muru.parser.Ast.expr;
import static dev.muru.parser.Ast.integer;
import static dev.muru.parser.Ast.statement;
import static dev.muru.parser.ast.Expr.BinaryOperator.ADD;
import static dev.muru.parser.ast.Expr.BinaryOperator.AND;
import static dev.muru.parser.ast.Expr.BinaryOperator.EQUAL;
import static dev.muru.parser.ast.Expr.BinaryOperator.GREATER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ParameterParserTest {

    private static Expr param(int index) {
        return new Expr.Parameter(index, P);
    }

    @Test
    void parameterIsAnExpression() {
        assertEquals(param(0), expr("?"));
        assertEquals(binary(ADD, param(0), integer("1")), expr("? + 1"));
        assertEquals(new Expr.Cast(param(0), Ast.type("DATE"), P), expr("?::date"));
        assertEquals(new Expr.Parameter(0, new Position(1, 8)), Ast.rawExpr("?"));
    }

    @Test
    void indexesFollowTheText() {
        assertEquals(binary(AND, binary(EQUAL, col("a"), param(0)), binary(GREATER, col("b"), param(1))),
                Ast.select("SELECT a FROM t WHERE a = ? AND b > ?").where());
        // trim(chars FROM source) keeps its arguments as (source, chars), but indexes follow the text.
        assertEquals(call("trim", param(1), param(0)), expr("trim(BOTH ? FROM ?)"));
        assertEquals(call("substring", param(0), param(1), param(2)), expr("substring(? FROM ? FOR ?)"));
    }

    @Test
    void parametersInStatements() {
        Statement.Insert insert = assertInstanceOf(Statement.Insert.class,
                statement("INSERT INTO t (a, b) VALUES (?, ?), (?, ?)"));
        assertEquals(List.of(List.of(param(0), param(1)), List.of(param(2), param(3))), insert.values());

        assertEquals(new Statement.Update("t", List.of(new Statement.Assignment("x", param(0), P)),
                        binary(EQUAL, col("id"), param(1)), P),
                statement("UPDATE t SET x = ? WHERE id = ?"));
        assertEquals(new Statement.Delete("t", binary(EQUAL, col("a"), param(0)), P),
                statement("DELETE FROM t WHERE a = ?"));

        Query query = Ast.query("SELECT ? FROM t WHERE a IN (SELECT b FROM u WHERE c = ?) LIMIT ? OFFSET ?");
        assertEquals(param(2), query.limit());
        assertEquals(param(3), query.offset());

        Statement.Explain explain = assertInstanceOf(Statement.Explain.class, statement("EXPLAIN SELECT ?, ?"));
        assertEquals(2, SqlParser.parameterCount(explain));
    }

    @Test
    void eachStatementOfAScriptCountsFromZero() {
        List<Statement> statements = SqlParser.parseScript("SELECT ?; SELECT ?, ?");
        assertEquals(List.of(0), SqlParser.parameters(statements.get(0)).stream().map(Expr.Parameter::index).toList());
        assertEquals(List.of(0, 1), SqlParser.parameters(statements.get(1)).stream().map(Expr.Parameter::index).toList());
    }

    @Test
    void parameterCount() {
        assertEquals(0, SqlParser.parameterCount("SELECT 1"));
        assertEquals(3, SqlParser.parameterCount("INSERT INTO t VALUES (?, ?, ?)"));
        assertEquals(2, SqlParser.parameterCount("WITH w AS (SELECT ? AS x) SELECT x FROM w WHERE x > ?"));
        // Question marks inside strings, quoted names and comments are not parameters.
        assertEquals(1, SqlParser.parameterCount("SELECT '?', \"?\" FROM t /* ? */ WHERE a = ? -- ?"));
        assertThrows(dev.muru.core.MuruException.class, () -> SqlParser.parameterCount("SELECT ? ?"));
    }

    @Test
    void parametersCarryTheirPositions() {
        List<Expr.Parameter> parameters = SqlParser.parameters(
                SqlParser.parseStatement("UPDATE t\nSET a = ?,\n    b = trim(? FROM ?)"));
        assertEquals(List.of(new Expr.Parameter(0, new Position(2, 9)), new Expr.Parameter(1, new Position(3, 14)),
                new Expr.Parameter(2, new Position(3, 21))), parameters);
    }
}
