package dev.muru.parser;

import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;
import dev.muru.parser.ast.Position;
import dev.muru.parser.ast.QueryBody;
import dev.muru.parser.ast.Statement;
import dev.muru.parser.ast.Statement.ColumnDef;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.muru.parser.Ast.P;
import static dev.muru.parser.Ast.integer;
import static dev.muru.parser.Ast.statement;
import static dev.muru.parser.Ast.str;
import static dev.muru.parser.Ast.type;
import static dev.muru.parser.Ast.unary;
import static dev.muru.parser.ast.Expr.BinaryOperator.EQUAL;
import static dev.muru.parser.ast.Expr.UnaryOperator.MINUS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StatementParserTest {

    private static String setValue(String sql) {
        return assertInstanceOf(Statement.SetOption.class, statement(sql)).value();
    }

    // ---------------------------------------------------------------- DDL

    @Test
    void createTable() {
        assertEquals(new Statement.CreateTable("lineitem", false, List.of(
                new ColumnDef("l_orderkey", type("BIGINT"), true, P),
                new ColumnDef("l_price", type("DECIMAL", 15, 2), false, P),
                new ColumnDef("l_comment", type("VARCHAR", 44), false, P),
                new ColumnDef("l_shipdate", type("DATE"), true, P),
                new ColumnDef("l_ratio", type("DOUBLE PRECISION"), false, P),
                new ColumnDef("Text", type("TEXT"), false, P)), P),
                statement("CREATE TABLE lineitem (l_orderkey BIGINT NOT NULL, l_price decimal(15,2) NULL,"
                        + " l_comment varchar(44), l_shipdate date not null, l_ratio double precision,"
                        + " \"Text\" text)"));
    }

    @Test
    void createTableIfNotExists() {
        assertEquals(new Statement.CreateTable("t", true, List.of(new ColumnDef("year", type("INT"), false, P)), P),
                statement("create table if not exists T (year int);"));
    }

    @Test
    void dropTable() {
        assertEquals(new Statement.DropTable("t", false, P), statement("DROP TABLE t"));
        assertEquals(new Statement.DropTable("t", true, P), statement("drop table if exists t"));
    }

    // ---------------------------------------------------------------- INSERT

    @Test
    void insertValues() {
        assertEquals(new Statement.Insert("t", List.of("a", "b"),
                List.of(List.of(integer("1"), str("x")), List.of(unary(MINUS, integer("2")), str("y"))), null, P),
                statement("INSERT INTO t (a, b) VALUES (1, 'x'), (-2, 'y')"));
        Statement.Insert noColumns = assertInstanceOf(Statement.Insert.class, statement("INSERT INTO t VALUES (1)"));
        assertEquals(List.of(), noColumns.columns());
    }

    @Test
    void insertQuery() {
        Statement.Insert insert = assertInstanceOf(Statement.Insert.class,
                statement("INSERT INTO t (a) SELECT x FROM u WHERE x > 0"));
        assertNull(insert.values());
        assertEquals(List.of("a"), insert.columns());
        assertInstanceOf(QueryBody.Select.class, insert.query().body());
        Statement.Insert union = assertInstanceOf(Statement.Insert.class,
                statement("INSERT INTO t VALUES (1) UNION ALL VALUES (2)"));
        assertInstanceOf(QueryBody.SetOperation.class, union.query().body());
    }

    // ---------------------------------------------------------------- EXPLAIN

    @Test
    void explain() {
        Statement.Explain explain = assertInstanceOf(Statement.Explain.class, statement("EXPLAIN SELECT 1"));
        assertEquals(false, explain.analyze());
        assertInstanceOf(Statement.Select.class, explain.statement());
        Statement.Explain analyze = assertInstanceOf(Statement.Explain.class,
                statement("explain analyze insert into t values (1)"));
        assertEquals(true, analyze.analyze());
        assertInstanceOf(Statement.Insert.class, analyze.statement());
    }

    // ---------------------------------------------------------------- COPY

    @Test
    void copyWithDefaults() {
        assertEquals(new Statement.Copy("t", List.of(), "/data/t.csv", ',', false, "", P),
                statement("COPY t FROM '/data/t.csv'"));
    }

    @Test
    void copyWithParenthesisedOptions() {
        assertEquals(new Statement.Copy("t", List.of("a", "b"), "it's.tbl", '|', true, "NA", P),
                statement("COPY t (a, b) FROM 'it''s.tbl' WITH (DELIMITER '|', HEADER, NULL 'NA', FORMAT csv)"));
        assertEquals(new Statement.Copy("t", List.of(), "f", ',', false, "", P),
                statement("copy t from 'f' (header false)"));
        assertEquals(new Statement.Copy("t", List.of(), "f", ',', true, "", P),
                statement("copy t from 'f' (header true, format 'CSV')"));
    }

    @Test
    void copyWithPostgresBareOptions() {
        assertEquals(new Statement.Copy("t", List.of(), "f.tbl", '|', true, "", P),
                statement("COPY t FROM 'f.tbl' DELIMITER '|' CSV HEADER"));
        assertEquals(new Statement.Copy("t", List.of(), "f", ';', false, "\\N", P),
                statement("COPY t FROM 'f' WITH DELIMITER AS ';' NULL AS '\\N' CSV"));
    }

    @Test
    void copyRejectsBadOptions() {
        MuruException delimiter = assertThrows(MuruException.class,
                () -> SqlParser.parseStatement("COPY t FROM 'f' (DELIMITER '||')"));
        assertEquals(ErrorCode.SYNTAX_ERROR, delimiter.code());
        assertEquals(1, delimiter.line());
        assertEquals(28, delimiter.column());
        MuruException twice = assertThrows(MuruException.class,
                () -> SqlParser.parseStatement("COPY t FROM 'f' (HEADER, HEADER false)"));
        assertEquals(ErrorCode.SYNTAX_ERROR, twice.code());
        assertEquals(26, twice.column());
        MuruException format = assertThrows(MuruException.class,
                () -> SqlParser.parseStatement("COPY t FROM 'f' (FORMAT binary)"));
        assertEquals(ErrorCode.FEATURE_NOT_SUPPORTED, format.code());
    }

    // ---------------------------------------------------------------- UPDATE

    @Test
    void updateStillUsesSet() {
        assertEquals(new Statement.Update("t", List.of(
                        new Statement.Assignment("a", integer("1"), P),
                        new Statement.Assignment("b", str("x"), P)),
                        Ast.binary(EQUAL, Ast.col("c"), integer("2")), P),
                statement("UPDATE t SET a = 1, b = 'x' WHERE c = 2"));
        assertEquals(new Statement.Update("show", List.of(new Statement.Assignment("reset", integer("0"), P)), null, P),
                statement("update show set reset = 0"));
    }

    // ---------------------------------------------------------------- SET, SHOW, RESET

    @Test
    void setWithEqualsOrTo() {
        assertEquals(new Statement.SetOption("threads", "4", P), statement("SET threads = 4"));
        assertEquals(new Statement.SetOption("threads", "4", P), statement("set Threads TO 4;"));
        assertEquals(new Statement.SetOption("memory_limit", "64MB", P),
                statement("SET SESSION memory_limit = '64MB'"));
        assertEquals(new Statement.SetOption("statement_timeout", "5s", P),
                statement("set session statement_timeout to '5s'"));
    }

    @Test
    void setValueKinds() {
        assertEquals("-2", setValue("SET x = -2"));
        assertEquals("1.5", setValue("SET x = +1.5"));
        assertEquals("-1e3", setValue("SET x TO - 1e3"));
        assertEquals("it's", setValue("SET x = 'it''s'"));
        assertEquals("", setValue("SET x = ''"));
        assertEquals("max", setValue("SET x = MAX"));
        assertEquals("nulls_first", setValue("SET x = NULLS_FIRST"));
        assertEquals("on", setValue("SET x = ON"));
        assertEquals("off", setValue("SET x TO Off"));
        assertEquals("true", setValue("SET x = TRUE"));
        assertEquals("false", setValue("SET x = false"));
        assertEquals("Mixed", setValue("SET x = \"Mixed\""));
        assertEquals("DEFAULT", setValue("SET x = 'DEFAULT'"));
    }

    @Test
    void setToDefault() {
        assertEquals(new Statement.SetOption("threads", null, P), statement("SET threads = DEFAULT"));
        assertEquals(new Statement.SetOption("threads", null, P), statement("SET SESSION threads TO default"));
    }

    @Test
    void settingNamesAreLowerCaseAndMayBeDotted() {
        assertEquals(new Statement.SetOption("a.b", "1", P), statement("SET A.b = 1"));
        assertEquals(new Statement.SetOption("my.opt.x", "1", P), statement("SET \"My\".Opt.x = 1"));
        assertEquals(new Statement.SetOption("session", "1", P), statement("SET session = 1"));
        assertEquals(new Statement.SetOption("session", "1", P), statement("SET SESSION session = 1"));
        assertEquals(new Statement.SetOption("to", "1", P), statement("SET to TO 1"));
        assertEquals(new Statement.SetOption("default", "1", P), statement("SET default = 1"));
        assertEquals(new Statement.ShowOption("a.b", P), statement("SHOW a.B"));
    }

    @Test
    void showAndReset() {
        assertEquals(new Statement.ShowOption("threads", P), statement("SHOW threads"));
        assertEquals(new Statement.ShowOption(null, P), statement("show all;"));
        assertEquals(new Statement.ResetOption("memory_limit", P), statement("RESET Memory_Limit"));
        assertEquals(new Statement.ResetOption(null, P), statement("RESET ALL"));
    }

    @Test
    void settingStatementsInAScript() {
        List<Statement> statements = SqlParser.parseScript("SET threads = 2;\n  SHOW threads; RESET ALL; SELECT 1");
        assertEquals(4, statements.size());
        assertEquals(new Statement.SetOption("threads", "2", new Position(1, 1)), statements.get(0));
        assertEquals(new Statement.ShowOption("threads", new Position(2, 3)), statements.get(1));
        assertEquals(new Statement.ResetOption(null, new Position(2, 17)), statements.get(2));
    }

    @Test
    void settingKeywordsRemainNames() {
        assertEquals(new Statement.CreateTable("show", false, List.of(
                        new ColumnDef("reset", type("INT"), false, P),
                        new ColumnDef("session", type("INT"), false, P),
                        new ColumnDef("default", type("INT"), false, P),
                        new ColumnDef("to", type("INT"), false, P)), P),
                statement("CREATE TABLE show (reset INT, session INT, default INT, to INT)"));
        assertInstanceOf(Statement.Select.class,
                statement("SELECT show.reset, session AS show, default FROM show WHERE to = 1 ORDER BY reset"));
    }

    // ---------------------------------------------------------------- scripts and positions

    @Test
    void scriptSkipsEmptyStatements() {
        List<Statement> statements = SqlParser.parseScript(
                ";\nCREATE TABLE t (a INT);;\n-- a comment\nINSERT INTO t VALUES (1);\nSELECT a FROM t\n;  ");
        assertEquals(3, statements.size());
        assertInstanceOf(Statement.CreateTable.class, statements.get(0));
        assertInstanceOf(Statement.Insert.class, statements.get(1));
        assertInstanceOf(Statement.Select.class, statements.get(2));
        assertEquals(new Position(2, 1), statements.get(0).pos());
        assertEquals(new Position(4, 1), statements.get(1).pos());
        assertEquals(new Position(5, 1), statements.get(2).pos());
    }

    @Test
    void emptyScript() {
        assertEquals(List.of(), SqlParser.parseScript(""));
        assertEquals(List.of(), SqlParser.parseScript(" ; -- nothing\n ;"));
    }

    @Test
    void statementAllowsOneTrailingSemicolon() {
        assertInstanceOf(Statement.Select.class, SqlParser.parseStatement("SELECT 1;"));
        assertInstanceOf(Statement.Select.class, SqlParser.parseStatement("  SELECT 1 ;  -- done"));
    }

    @Test
    void statementPositions() {
        Statement.CreateTable create = assertInstanceOf(Statement.CreateTable.class,
                SqlParser.parseStatement("\n  CREATE TABLE t (\n    a INT,\n    b VARCHAR(3))"));
        assertEquals(new Position(2, 3), create.pos());
        assertEquals(new Position(3, 5), create.columns().get(0).pos());
        assertEquals(new Position(4, 7), create.columns().get(1).type().pos());
    }
}
