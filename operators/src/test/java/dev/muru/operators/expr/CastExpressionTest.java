package dev.muru.operators.expr;

import dev.muru.core.DataType;
import dev.muru.core.ErrorCode;
import dev.muru.plan.expr.BoundExpr;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static dev.muru.operators.expr.ExprTesting.BIGINT;
import static dev.muru.operators.expr.ExprTesting.BOOL;
import static dev.muru.operators.expr.ExprTesting.DATE;
import static dev.muru.operators.expr.ExprTesting.DOUBLE;
import static dev.muru.operators.expr.ExprTesting.INT;
import static dev.muru.operators.expr.ExprTesting.TEXT;
import static dev.muru.operators.expr.ExprTesting.assertError;
import static dev.muru.operators.expr.ExprTesting.check1;
import static dev.muru.operators.expr.ExprTesting.col;
import static dev.muru.operators.expr.ExprTesting.dec;
import static dev.muru.operators.expr.ExprTesting.evalConstant;
import static dev.muru.operators.expr.ExprTesting.list;
import static dev.muru.operators.expr.ExprTesting.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class CastExpressionTest {
    private static BoundExpr cast(BoundExpr e, DataType t) {
        return new BoundExpr.Cast(e, t);
    }

    private static void castColumn(DataType from, DataType to, List<Object> values, List<Object> expected) {
        check1(cast(col(0, from), to), from, values, expected);
    }

    private static int day(String iso) {
        return (int) LocalDate.parse(iso).toEpochDay();
    }

    @Test
    void integerToOtherTypes() {
        var values = list(1, -2, null, Integer.MAX_VALUE);
        castColumn(INT, BIGINT, values, list(1L, -2L, null, (long) Integer.MAX_VALUE));
        castColumn(INT, DOUBLE, values, list(1.0, -2.0, null, (double) Integer.MAX_VALUE));
        castColumn(INT, dec(12, 2), values, list(100L, -200L, null, Integer.MAX_VALUE * 100L));
        castColumn(INT, TEXT, values, list("1", "-2", null, "2147483647"));
        castColumn(INT, DataType.varchar(2), values, list("1", "-2", null, "21"));
        castColumn(INT, BOOL, list(1, 0, null, -5), list(true, false, null, true));
        assertError(ErrorCode.NUMERIC_OVERFLOW, "decimal out of range", cast(lit(1000, INT), dec(5, 2)));
    }

    @Test
    void bigintToOtherTypes() {
        var values = list(1L, -2L, null, 3_000_000_000L);
        castColumn(BIGINT, DOUBLE, values, list(1.0, -2.0, null, 3e9));
        castColumn(BIGINT, dec(18, 3), values, list(1000L, -2000L, null, 3_000_000_000_000L));
        castColumn(BIGINT, TEXT, values, list("1", "-2", null, "3000000000"));
        castColumn(BIGINT, INT, list(1L, -2L, null, (long) Integer.MIN_VALUE), list(1, -2, null, Integer.MIN_VALUE));
        assertError(ErrorCode.NUMERIC_OVERFLOW, "integer out of range", cast(lit(3_000_000_000L, BIGINT), INT));
        assertError(ErrorCode.NUMERIC_OVERFLOW, "decimal out of range", cast(lit(Long.MAX_VALUE, BIGINT), dec(18, 2)));
        assertError(ErrorCode.NUMERIC_OVERFLOW, "decimal out of range", cast(lit(100L, BIGINT), dec(2, 0)));
    }

    @Test
    void doubleToExactTypesRoundsHalfAwayFromZero() {
        var values = list(2.5, -2.5, 1.4999999, null, -0.5, 0.49999999999999994);
        castColumn(DOUBLE, INT, values, list(3, -3, 1, null, -1, 0));
        castColumn(DOUBLE, BIGINT, values, list(3L, -3L, 1L, null, -1L, 0L));
        castColumn(DOUBLE, dec(10, 2), list(1.005, -1.005, 2.675, 0.125, null, 12345678.9),
                list(101L, -101L, 268L, 13L, null, 1234567890L));
        castColumn(DOUBLE, dec(10, 0), list(2.5, -2.5), list(3L, -3L));
        assertError(ErrorCode.NUMERIC_OVERFLOW, "integer out of range", cast(lit(3e9, DOUBLE), INT));
        assertError(ErrorCode.NUMERIC_OVERFLOW, "integer out of range", cast(lit(Double.NaN, DOUBLE), INT));
        assertError(ErrorCode.NUMERIC_OVERFLOW, "bigint out of range", cast(lit(1e19, DOUBLE), BIGINT));
        assertError(ErrorCode.NUMERIC_OVERFLOW, "bigint out of range", cast(lit(Double.POSITIVE_INFINITY, DOUBLE), BIGINT));
        assertError(ErrorCode.NUMERIC_OVERFLOW, "decimal out of range", cast(lit(1e8, DOUBLE), dec(10, 2)));
        assertError(ErrorCode.NUMERIC_OVERFLOW, "decimal out of range", cast(lit(Double.NaN, DOUBLE), dec(10, 2)));
        assertEquals(Long.MIN_VALUE, evalConstant(cast(lit(-0x1p63, DOUBLE), BIGINT)));
    }

    @Test
    void doubleToText() {
        castColumn(DOUBLE, TEXT, list(1.0, 0.1, -2.5e-10, null, Double.NaN, Double.NEGATIVE_INFINITY),
                list("1.0", "0.1", "-2.5E-10", null, "NaN", "-Infinity"));
    }

    @Test
    void decimalToOtherTypes() {
        DataType d = dec(10, 2);
        var values = list(250L, -250L, 249L, null, -5L, 0L);
        castColumn(d, INT, values, list(3, -3, 2, null, 0, 0));
        castColumn(d, BIGINT, values, list(3L, -3L, 2L, null, 0L, 0L));
        castColumn(d, DOUBLE, values, list(2.5, -2.5, 2.49, null, -0.05, 0.0));
        castColumn(d, TEXT, values, list("2.50", "-2.50", "2.49", null, "-0.05", "0.00"));
        castColumn(d, dec(10, 1), list(125L, -125L, 124L, null), list(13L, -13L, 12L, null));
        castColumn(d, dec(12, 4), list(125L, -125L, null), list(12500L, -12500L, null));
        castColumn(d, dec(10, 0), list(99_999_999_50L, null), list(100_000_000L, null));
        assertError(ErrorCode.NUMERIC_OVERFLOW, "decimal out of range", cast(lit(1234L, d), dec(3, 2)));
        assertError(ErrorCode.NUMERIC_OVERFLOW, "decimal out of range", cast(lit(999L, d), dec(2, 1)));
        assertError(ErrorCode.NUMERIC_OVERFLOW, "integer out of range", cast(lit(Long.MAX_VALUE, dec(18, 0)), INT));
        assertEquals("-92233720368547758.08", evalConstant(cast(lit(Long.MIN_VALUE, dec(18, 2)), TEXT)));
    }

    @Test
    void decimalWideningSharesTheValues() {
        VectorExpression input = ExpressionCompiler.compile(col(0, dec(10, 2)));
        VectorExpression widened = CastExpression.create(input, dec(12, 2));
        var m = ExprTesting.morsel(ExprTesting.vector(dec(10, 2), 150L, null));
        assertSame(((dev.muru.core.vector.LongVector) m.column(0)).values(),
                ((dev.muru.core.vector.LongVector) widened.evaluate(m)).values());
        assertEquals(dec(12, 2), widened.evaluate(m).type());
        assertSame(input, CastExpression.create(input, dec(10, 2)));
    }

    @Test
    void textToNumbers() {
        castColumn(TEXT, INT, list(" 42 ", "-7", "+3", null, "-2147483648"), list(42, -7, 3, null, Integer.MIN_VALUE));
        castColumn(TEXT, BIGINT, list("9223372036854775807", "-9223372036854775808", null),
                list(Long.MAX_VALUE, Long.MIN_VALUE, null));
        castColumn(TEXT, DOUBLE, list("1.5", " -2e3 ", "NaN", "-Infinity", "inf", null, ".5"),
                list(1.5, -2000.0, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, null, 0.5));
        castColumn(TEXT, dec(5, 2), list("1.005", "-1.005", " 12 ", "1e2", null, "0.001"), list(101L, -101L, 1200L, 10000L, null, 0L));
        assertError(ErrorCode.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type integer: \"abc\"", cast(lit("abc", TEXT), INT));
        assertError(ErrorCode.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type integer: \"1.5\"", cast(lit("1.5", TEXT), INT));
        assertError(ErrorCode.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type integer: \"\"", cast(lit("", TEXT), INT));
        assertError(ErrorCode.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type bigint: \"-\"", cast(lit("-", TEXT), BIGINT));
        assertError(ErrorCode.NUMERIC_OVERFLOW, "value \"99999999999\" is out of range for type integer",
                cast(lit("99999999999", TEXT), INT));
        assertError(ErrorCode.NUMERIC_OVERFLOW, "value \"9223372036854775808\" is out of range for type bigint",
                cast(lit("9223372036854775808", TEXT), BIGINT));
        assertError(ErrorCode.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type double precision: \"1.5d\"",
                cast(lit("1.5d", TEXT), DOUBLE));
        assertError(ErrorCode.NUMERIC_OVERFLOW, null, cast(lit("1e400", TEXT), DOUBLE));
        assertError(ErrorCode.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type numeric: \"x1\"", cast(lit("x1", TEXT), dec(5, 2)));
        assertError(ErrorCode.NUMERIC_OVERFLOW, "decimal out of range", cast(lit("1000", TEXT), dec(5, 2)));
        assertError(ErrorCode.NUMERIC_OVERFLOW, "decimal out of range", cast(lit("999.999", TEXT), dec(5, 2)));
        assertError(ErrorCode.NUMERIC_OVERFLOW, "decimal out of range", cast(lit("1e999999", TEXT), dec(5, 2)));
    }

    @Test
    void textToBooleanAndDate() {
        castColumn(TEXT, BOOL, list("t", "TRUE", " yes ", "on", "1", "f", "false", "n", "off", "0", null),
                list(true, true, true, true, true, false, false, false, false, false, null));
        castColumn(TEXT, DATE, list("2024-02-29", " 1969-12-31 ", null), list(day("2024-02-29"), -1, null));
        assertError(ErrorCode.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type boolean: \"maybe\"", cast(lit("maybe", TEXT), BOOL));
        assertError(ErrorCode.INVALID_TEXT_REPRESENTATION, null, cast(lit("o", TEXT), BOOL));
        assertError(ErrorCode.INVALID_DATETIME_FORMAT, null, cast(lit("2023-02-29", TEXT), DATE));
        assertError(ErrorCode.INVALID_DATETIME_FORMAT, null, cast(lit("yesterday", TEXT), DATE));
    }

    @Test
    void toTextAndTruncation() {
        castColumn(BOOL, TEXT, list(true, false, null), list("true", "false", null));
        castColumn(BOOL, INT, list(true, false, null), list(1, 0, null));
        castColumn(DATE, TEXT, list(0, day("2024-02-29"), day("0999-01-01"), -719529, null),
                list("1970-01-01", "2024-02-29", "0999-01-01", LocalDate.ofEpochDay(-719529).toString(), null));
        castColumn(DATE, TEXT, list(day("+12345-06-07")), list(LocalDate.ofEpochDay(day("+12345-06-07")).toString()));
        castColumn(TEXT, DataType.varchar(3), list("abcdef", "ab", null, "\uD83D\uDE00bcd"), list("abc", "ab", null, "\uD83D\uDE00bc"));
        castColumn(TEXT, DataType.character(2), list("abc", "a", null), list("ab", "a", null));
        castColumn(DataType.varchar(10), TEXT, list("abc", null), list("abc", null));
        castColumn(dec(6, 3), DataType.varchar(4), list(1500L, -1L), list("1.50", "-0.0"));
    }

    @Test
    void nullToAnyType() {
        for (DataType t : new DataType[] {INT, BIGINT, DOUBLE, dec(5, 2), TEXT, BOOL, DATE}) {
            assertEquals(null, evalConstant(cast(lit(null, DataType.NULL), t)));
            castColumn(t, t, list((Object) null), list((Object) null));
        }
    }

    @Test
    void unsupportedPairsFailAtCompileTime() {
        assertError(ErrorCode.DATATYPE_MISMATCH, "cannot cast type DATE to INTEGER",
                () -> ExpressionCompiler.compile(cast(col(0, DATE), INT)));
        assertError(ErrorCode.DATATYPE_MISMATCH, "cannot cast type BOOLEAN to DOUBLE",
                () -> ExpressionCompiler.compile(cast(col(0, BOOL), DOUBLE)));
        assertError(ErrorCode.DATATYPE_MISMATCH, "cannot cast type DOUBLE to DATE",
                () -> ExpressionCompiler.compile(cast(col(0, DOUBLE), DATE)));
    }

    @Test
    void failingRowsUnderNullsOrDeadPositionsDoNotRaise() {
        // "abc" sits in a NULL slot and in a dead position: neither is parsed
        var v = ExprTesting.vector(TEXT, java.util.Arrays.asList("1", null, "abc"), "abc");
        var m = ExprTesting.morsel(v).withSelection(new int[] {0, 1}, 2);
        assertEquals(list(1, null), ExprTesting.evaluate(ExpressionCompiler.compile(cast(col(0, TEXT), INT)), m));
        var big = ExprTesting.vector(BIGINT, java.util.Arrays.asList(1L, null), Long.MAX_VALUE);
        assertEquals(list(1, null), ExprTesting.evaluate(ExpressionCompiler.compile(cast(col(0, BIGINT), INT)), ExprTesting.morsel(big)));
        assertEquals(list(100L, null),
                ExprTesting.evaluate(ExpressionCompiler.compile(cast(col(0, BIGINT), dec(10, 2))), ExprTesting.morsel(big)));
    }
}
