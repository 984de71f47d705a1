package dev.muru.plan.binder;

import dev.muru.core.DataType;
import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;
import dev.muru.core.Schema;
import dev.muru.parser.SqlParser;
import dev.muru.plan.catalog.CatalogReader;
import dev.muru.plan.catalog.TableInfo;
import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.logical.LogicalPlan;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static dev.muru.plan.binder.BinderTest.CATALOG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ParameterBindingTest {

    private static BoundStatement bind(String sql, Object... values) {
        return new Binder(CATALOG, Arrays.asList(values)).bind(SqlParser.parseStatement(sql));
    }

    private static void assertError(ErrorCode code, int line, int column, String sql, Object... values) {
        MuruException e = assertThrows(MuruException.class, () -> bind(sql, values), sql);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
    }

    private static Schema schema(String sql, Object... values) {
        return ((BoundStatement.Query) bind(sql, values)).plan().schema();
    }

    /** The constant a lone {@code SELECT ?} binds the value to. */
    private static BoundExpr constant(Object value) {
        LogicalPlan plan = ((BoundStatement.Query) bind("SELECT ?", value)).plan();
        return assertInstanceOf(LogicalPlan.Project.class, plan).expressions().get(0);
    }

    @Test
    void valuesBindToTheTypesOfTheirJavaClasses() {
        Schema s = schema("SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?", 1, 2L, (short) 3, (byte) 4, 1.5, 2.5f,
                new BigDecimal("12.345"), "x", true, LocalDate.of(1995, 1, 1), java.sql.Date.valueOf("1995-01-02"),
                null);
        assertEquals(List.of(DataType.INTEGER, DataType.BIGINT, DataType.INTEGER, DataType.INTEGER, DataType.DOUBLE,
                        DataType.DOUBLE, DataType.decimal(5, 3), DataType.VARCHAR, DataType.BOOLEAN, DataType.DATE,
                        DataType.DATE, schema("SELECT NULL").type(0)),
                s.columns().stream().map(c -> c.type()).toList());
    }

    @Test
    void valuesBindAsConstants() {
        assertEquals(new BoundExpr.Constant(7, DataType.INTEGER), constant(7));
        assertEquals(new BoundExpr.Constant(7L, DataType.BIGINT), constant(7L));
        assertEquals(new BoundExpr.Constant(0.1, DataType.DOUBLE), constant(0.1f));
        assertEquals(new BoundExpr.Constant(1234L, DataType.decimal(4, 2)), constant(new BigDecimal("12.34")));
        assertEquals(new BoundExpr.Constant(5L, DataType.decimal(2, 1)), constant(new BigDecimal(".5")));
        assertEquals(new BoundExpr.Constant(1000L, DataType.decimal(4, 0)), constant(new BigDecimal("1E+3")));
        assertEquals(DataType.DOUBLE, constant(new BigDecimal("1234567890.1234567890")).type());
        assertEquals(new BoundExpr.Constant((int) LocalDate.of(1995, 3, 15).toEpochDay(), DataType.DATE),
                constant(LocalDate.of(1995, 3, 15)));
        assertEquals(new BoundExpr.Constant("it's", DataType.VARCHAR), constant("it's"));
    }

    @Test
    void parametersBindLikeTheLiteralsTheyStandFor() {
        assertEquals(BinderTest.bind("UPDATE t SET a = 7, b = 'y', m = 1.25 WHERE d = DATE '1995-01-01' AND a < 10"),
                bind("UPDATE t SET a = ?, b = ?, m = ? WHERE d = ? AND a < ?", 7, "y", new BigDecimal("1.25"),
                        LocalDate.of(1995, 1, 1), 10));
        // A string converts where a date is expected, as a quoted literal does.
        assertEquals(BinderTest.bind("DELETE FROM t WHERE d >= '1995-01-01' AND b = 'x'"),
                bind("DELETE FROM t WHERE d >= ? AND b = ?", "1995-01-01", "x"));
        assertEquals(BinderTest.bind("INSERT INTO t (a, b, d) VALUES (1, 'x', '1995-01-01'), (NULL, NULL, NULL)"),
                bind("INSERT INTO t (a, b, d) VALUES (?, ?, ?), (?, ?, ?)", 1, "x", "1995-01-01", null, null, null));
        assertEquals(BinderTest.bind("UPDATE t SET a = NULL WHERE a = 1"),
                bind("UPDATE t SET a = ? WHERE a = ?", null, 1));
    }

    @Test
    void valuesGoToTheParametersInTextOrder() {
        assertEquals(BinderTest.bind("UPDATE t SET b = 'x' WHERE a = 3"), bind("UPDATE t SET b = ? WHERE a = ?", "x", 3));
        assertEquals(BinderTest.bind("SELECT trim('a' FROM 'xx')"), bind("SELECT trim(? FROM ?)", "a", "xx"));
    }

    @Test
    void parametersWorkInEveryClause() {
        assertInstanceOf(BoundStatement.Query.class, bind(
                "SELECT a + ? FROM t WHERE b = ? GROUP BY a HAVING count(*) > ? ORDER BY a LIMIT ? OFFSET ?",
                1, "x", 2L, 10, 0));
        assertInstanceOf(BoundStatement.Query.class, bind(
                "SELECT t.a FROM t JOIN u ON t.a = u.a AND u.a > ? WHERE t.a IN (SELECT a FROM u WHERE a < ?)", 1, 9L));
        assertInstanceOf(BoundStatement.Query.class, bind(
                "SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.a = t.a AND u.a <> ?) AND ? LIMIT ?", 1, true, 3));
        assertInstanceOf(BoundStatement.Query.class, bind(
                "WITH w AS (SELECT a FROM t WHERE a > ?) SELECT a FROM w WHERE a < ? LIMIT ?", 1, 2, 3));
        Schema values = schema("VALUES (?), (?) LIMIT ?", 1, 2L, 1);
        assertEquals(DataType.BIGINT, values.type(0));
    }

    @Test
    void limitTakesAParameter() {
        LogicalPlan plan = ((BoundStatement.Query) bind("SELECT a FROM t LIMIT ? OFFSET ?", 5, 2L)).plan();
        while (!(plan instanceof LogicalPlan.Limit)) {
            plan = plan.inputs().get(0);
        }
        assertEquals(5, ((LogicalPlan.Limit) plan).limit());
        assertEquals(2, ((LogicalPlan.Limit) plan).offset());
    }

    @Test
    void aMissingValueIsAnErrorAtItsParameter() {
        assertError(ErrorCode.INVALID_PARAMETER, 1, 37, "SELECT a FROM t WHERE a = ? AND b = ?", 1);
        assertError(ErrorCode.INVALID_PARAMETER, 2, 18, "SELECT a\nFROM t WHERE a = ?");
        // Also in a WITH query that is never used.
        assertError(ErrorCode.INVALID_PARAMETER, 1, 19, "WITH w AS (SELECT ?) SELECT 1");
        MuruException e = assertThrows(MuruException.class,
                () -> new Binder(CATALOG).bind(SqlParser.parseStatement("UPDATE t SET a = ?")));
        assertEquals(ErrorCode.INVALID_PARAMETER, e.code());
        assertEquals(18, e.column());
        assertEquals("no value supplied for parameter 1", e.detail());
    }

    @Test
    void extraValuesAreAnError() {
        MuruException e = assertThrows(MuruException.class, () -> bind("SELECT ?", 1, 2));
        assertEquals(ErrorCode.INVALID_PARAMETER, e.code());
        assertEquals("2 parameter values supplied but the statement has 1 parameter", e.detail());
        assertEquals(ErrorCode.INVALID_PARAMETER,
                assertThrows(MuruException.class, () -> bind("SELECT 1", "x")).code());
    }

    @Test
    void aValueOfAnotherClassIsAnError() {
        assertError(ErrorCode.INVALID_PARAMETER, 1, 11, "SELECT 1, ?", new Object());
    }

    @Test
    void typeErrorsPointAtTheParameter() {
        assertError(ErrorCode.DATATYPE_MISMATCH, 1, 23, "SELECT a FROM t WHERE ?", 1);
        assertError(ErrorCode.DATATYPE_MISMATCH, 1, 23, "SELECT a FROM t LIMIT ?", "x");
    }

    @Test
    void aViewCannotHaveParameters() {
        assertError(ErrorCode.FEATURE_NOT_SUPPORTED, 1, 25, "CREATE VIEW v AS SELECT ?", 1);
        assertError(ErrorCode.FEATURE_NOT_SUPPORTED, 1, 25, "CREATE VIEW v AS SELECT ?");
    }

    @Test
    void aViewBindsWithoutTheStatementsValues() {
        CatalogReader withView = new CatalogReader() {
            @Override
            public TableInfo table(String name) {
                return CATALOG.table(name);
            }

            @Override
            public Set<String> tableNames() {
                return CATALOG.tableNames();
            }

            @Override
            public ViewInfo view(String name) {
                return name.equals("v") ? new ViewInfo("v", "SELECT a FROM t WHERE a > 1", List.of()) : null;
            }
        };
        BoundStatement bound = new Binder(withView, List.of(5)).bind(SqlParser.parseStatement("SELECT a FROM v WHERE a < ?"));
        assertInstanceOf(BoundStatement.Query.class, bound);
    }
}
