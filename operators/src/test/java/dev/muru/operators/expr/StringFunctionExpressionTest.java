package dev.muru.operators.expr;

import dev.muru.core.DataType;
import dev.muru.core.ErrorCode;
import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.expr.Function;
import org.junit.jupiter.api.Test;

import static dev.muru.operators.expr.ExprTesting.INT;
import static dev.muru.operators.expr.ExprTesting.TEXT;
import static dev.muru.operators.expr.ExprTesting.assertError;
import static dev.muru.operators.expr.ExprTesting.call;
import static dev.muru.operators.expr.ExprTesting.check;
import static dev.muru.operators.expr.ExprTesting.check1;
import static dev.muru.operators.expr.ExprTesting.check2;
import static dev.muru.operators.expr.ExprTesting.col;
import static dev.muru.operators.expr.ExprTesting.evalConstant;
import static dev.muru.operators.expr.ExprTesting.list;
import static dev.muru.operators.expr.ExprTesting.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;

class StringFunctionExpressionTest {
    private static final String EMOJI = "\uD83D\uDE00";

    private static String substring(String s, int start, Integer count) {
        BoundExpr e = count == null
                ? call(Function.SUBSTRING, TEXT, lit(s, TEXT), lit(start, INT))
                : call(Function.SUBSTRING, TEXT, lit(s, TEXT), lit(start, INT), lit(count, INT));
        return (String) evalConstant(e);
    }

    @Test
    void concat() {
        Object[][] rows = {{"ab", "cd"}, {"", "x"}, {null, "x"}, {"x", null}};
        check2(call(Function.CONCAT, TEXT, col(0, TEXT), col(1, TEXT)), TEXT, TEXT, rows, "abcd", "x", null, null);
        check1(call(Function.CONCAT, TEXT, col(0, TEXT), lit("!", TEXT)), TEXT, list("a", null), list("a!", null));
    }

    @Test
    void lengthCountsCodePoints() {
        check1(call(Function.LENGTH, INT, col(0, TEXT)), TEXT, list("abc", "", null, EMOJI + "a"), list(3, 0, null, 2));
    }

    @Test
    void upperAndLower() {
        check1(call(Function.UPPER, TEXT, col(0, TEXT)), TEXT, list("abc", "ÄbC", null), list("ABC", "ÄBC", null));
        check1(call(Function.LOWER, TEXT, col(0, TEXT)), TEXT, list("ABC", "ÄbC", null), list("abc", "äbc", null));
    }

    @Test
    void substringFollowsPostgres() {
        assertEquals("bc", substring("abcdef", 2, 2));
        assertEquals("bcdef", substring("abcdef", 2, null));
        assertEquals("a", substring("abcdef", 0, 2));
        assertEquals("", substring("abcdef", -5, 3));
        assertEquals("ab", substring("abcdef", -1, 4));
        assertEquals("", substring("abcdef", 10, 2));
        assertEquals("abcdef", substring("abcdef", 1, 100));
        assertEquals("", substring("abcdef", 3, 0));
        assertEquals(EMOJI + "b", substring("a" + EMOJI + "bc", 2, 2));
        assertEquals("abcdef", substring("abcdef", Integer.MIN_VALUE, null));
        assertEquals("f", substring("abcdef", 6, Integer.MAX_VALUE));
        Object[][] rows = {{"13-456", 1}, {"31-999", 1}, {null, 1}, {"abc", null}};
        check(call(Function.SUBSTRING, TEXT, col(0, TEXT), col(1, INT), lit(2, INT)), new DataType[] {TEXT, INT},
                java.util.Arrays.asList(rows), list("13", "31", null, null));
    }

    @Test
    void negativeSubstringLengthIsAnError() {
        assertError(ErrorCode.DATATYPE_MISMATCH, "negative substring length",
                call(Function.SUBSTRING, TEXT, lit("abc", TEXT), lit(1, INT), lit(-1, INT)));
        // but not for a NULL string
        check1(call(Function.SUBSTRING, TEXT, col(0, TEXT), lit(1, INT), lit(-1, INT)), TEXT, list((Object) null), list((Object) null));
    }

    @Test
    void trims() {
        var values = list("  a b  ", "", null, "xxaxx", "   ");
        check1(call(Function.TRIM, TEXT, col(0, TEXT)), TEXT, values, list("a b", "", null, "xxaxx", ""));
        check1(call(Function.LTRIM, TEXT, col(0, TEXT)), TEXT, values, list("a b  ", "", null, "xxaxx", ""));
        check1(call(Function.RTRIM, TEXT, col(0, TEXT)), TEXT, values, list("  a b", "", null, "xxaxx", ""));
        check1(call(Function.TRIM, TEXT, col(0, TEXT), lit("x ", TEXT)), TEXT, values, list("a b", "", null, "a", ""));
        check1(call(Function.LTRIM, TEXT, col(0, TEXT), lit("x", TEXT)), TEXT, values, list("  a b  ", "", null, "axx", "   "));
        check1(call(Function.RTRIM, TEXT, col(0, TEXT), lit("x", TEXT)), TEXT, values, list("  a b  ", "", null, "xxa", "   "));
        assertEquals("a", evalConstant(call(Function.TRIM, TEXT, lit(EMOJI + "a" + EMOJI, TEXT), lit(EMOJI, TEXT))));
    }
}
