package dev.muru.plan.binder;

import dev.muru.core.Column;
import dev.muru.core.DataType;
import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;
import dev.muru.core.Schema;
import dev.muru.parser.SqlParser;
import dev.muru.plan.catalog.CatalogReader;
import dev.muru.plan.catalog.TableInfo;
import dev.muru.plan.logical.LogicalPlan;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BinderTest {
    static final Map<String, TableInfo> TABLES = Map.of(
            "t", new TableInfo("t", Schema.of(new Column("a", DataType.INTEGER), new Column("b", DataType.VARCHAR),
                    new Column("d", DataType.DATE), new Column("m", DataType.decimal(15, 2))), 100),
            "u", new TableInfo("u", Schema.of(new Column("a", DataType.BIGINT)), 10));

    static final CatalogReader CATALOG = new CatalogReader() {
        @Override
        public TableInfo table(String name) {
            return TABLES.get(name);
        }

        @Override
        public Set<String> tableNames() {
            return TABLES.keySet();
        }
    };

    static BoundStatement bind(String sql) {
        return new Binder(CATALOG).bind(SqlParser.parseStatement(sql));
    }

    static void assertError(ErrorCode code, int line, int column, String sql) {
        MuruException e = assertThrows(MuruException.class, () -> bind(sql), sql);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
    }

    @Test
    void nameErrorsHaveCodesAndPositions() {
        assertError(ErrorCode.UNDEFINED_TABLE, 1, 15, "SELECT * FROM nope");
        assertError(ErrorCode.UNDEFINED_COLUMN, 1, 8, "SELECT zz FROM t");
        assertError(ErrorCode.UNDEFINED_COLUMN, 2, 14, "SELECT a\nFROM t WHERE zz > 1");
        assertError(ErrorCode.UNDEFINED_TABLE, 1, 8, "SELECT x.a FROM t");
        assertError(ErrorCode.DUPLICATE_COLUMN, 1, 24, "CREATE TABLE n (a INT, a INT)");
        assertError(ErrorCode.INVALID_TYPE, 1, 19, "CREATE TABLE n (a WIBBLE)");
    }

    @Test
    void typeErrorsHaveCodesAndPositions() {
        assertError(ErrorCode.DATATYPE_MISMATCH, 1, 8, "SELECT a + b FROM t");
        assertError(ErrorCode.DATATYPE_MISMATCH, 1, 23, "SELECT a FROM t WHERE a");
        assertError(ErrorCode.DATATYPE_MISMATCH, 1, 8, "SELECT d = 3 FROM t");
        assertError(ErrorCode.UNDEFINED_FUNCTION, 1, 8, "SELECT sum(b) FROM t");
        assertError(ErrorCode.UNDEFINED_FUNCTION, 1, 8, "SELECT frobnicate(a) FROM t");
        assertError(ErrorCode.INSERT_COLUMN_MISMATCH, 1, 23, "INSERT INTO t VALUES (1, 'x')");
        assertError(ErrorCode.DATATYPE_MISMATCH, 1, 33, "INSERT INTO t (a, d) VALUES (1, 5)");
    }

    @Test
    void aggregateRules() {
        assertError(ErrorCode.AGGREGATE_IN_WHERE, 1, 23, "SELECT a FROM t WHERE count(*) > 1");
        assertError(ErrorCode.GROUPING_ERROR, 1, 8, "SELECT b, count(*) FROM t GROUP BY a");
        assertError(ErrorCode.NESTED_AGGREGATE, 1, 12, "SELECT sum(max(a)) FROM t");
        assertError(ErrorCode.INVALID_ORDINAL, 1, 36, "SELECT a, count(*) FROM t GROUP BY 3");
        assertError(ErrorCode.INVALID_ORDINAL, 1, 26, "SELECT a FROM t ORDER BY 2");
        assertError(ErrorCode.GROUPING_ERROR, 1, 50, "SELECT a FROM t GROUP BY a HAVING sum(a) > 1 AND b = 'x'");
    }

    @Test
    void groupByAcceptsExpressionsOrdinalsAndAliases() {
        for (String sql : new String[]{
                "SELECT a % 3, count(*) FROM t GROUP BY a % 3",
                "SELECT a % 3 AS k, count(*) FROM t GROUP BY k",
                "SELECT a % 3, count(*) FROM t GROUP BY 1 ORDER BY 2 DESC",
                "SELECT extract(year FROM d) AS y, sum(m) FROM t GROUP BY y HAVING sum(m) > 10 ORDER BY y"}) {
            LogicalPlan plan = ((BoundStatement.Query) bind(sql)).plan();
            assertEquals(2, plan.schema().size(), sql);
        }
    }

    @Test
    void typesFollowTheDialect() {
        Schema s = ((BoundStatement.Query) bind("SELECT a / 2, m * m, m / 2, sum(m), avg(a), count(*), d + 1, "
                + "d + INTERVAL '1' MONTH, 1.50, 1e3, 'x' || a FROM t GROUP BY a, m, d")).plan().schema();
        assertEquals(DataType.INTEGER, s.type(0));
        assertEquals(DataType.decimal(18, 4), s.type(1));
        assertEquals(DataType.DOUBLE, s.type(2));
        assertEquals(DataType.decimal(18, 2), s.type(3));
        assertEquals(DataType.DOUBLE, s.type(4));
        assertEquals(DataType.BIGINT, s.type(5));
        assertEquals(DataType.DATE, s.type(6));
        assertEquals(DataType.DATE, s.type(7));
        assertEquals(DataType.decimal(3, 2), s.type(8));
        assertEquals(DataType.DOUBLE, s.type(9));
        assertEquals(DataType.VARCHAR, s.type(10));
    }

    @Test
    void outputNamesComeFromAliasesColumnsAndFunctions() {
        Schema s = ((BoundStatement.Query) bind("SELECT a, b AS bee, count(*), a + 1 FROM t GROUP BY a, b")).plan().schema();
        assertEquals(java.util.List.of("a", "bee", "count", "?column?"), s.names());
    }

    @Test
    void statementsBind() {
        assertInstanceOf(BoundStatement.CreateTable.class, bind("CREATE TABLE IF NOT EXISTS n (a DECIMAL(15,2) NOT NULL, b CHAR(1))"));
        assertInstanceOf(BoundStatement.Insert.class, bind("INSERT INTO t (a, d) VALUES (1, '1995-01-01'), (NULL, NULL)"));
        assertInstanceOf(BoundStatement.Insert.class, bind("INSERT INTO u SELECT a FROM t"));
        assertInstanceOf(BoundStatement.Copy.class, bind("COPY t FROM 'x.csv' (DELIMITER '|', HEADER)"));
        assertInstanceOf(BoundStatement.Explain.class, bind("EXPLAIN SELECT * FROM t"));
    }

    @Test
    void sessionSettingsPassThrough() {
        assertEquals(new BoundStatement.SetOption("memory_limit", "64MB"), bind("SET memory_limit = '64MB'"));
        assertEquals(new BoundStatement.SetOption("threads", null), bind("SET SESSION threads TO DEFAULT"));
        assertEquals(new BoundStatement.SetOption("no_such_setting", "-1"), bind("SET no_such_setting = -1"));
        assertEquals(new BoundStatement.ShowOption("threads"), bind("SHOW threads"));
        assertEquals(new BoundStatement.ShowOption(null), bind("SHOW ALL"));
        assertEquals(new BoundStatement.ResetOption("a.b"), bind("RESET a.b"));
        assertEquals(new BoundStatement.ResetOption(null), bind("RESET ALL"));
    }
}
