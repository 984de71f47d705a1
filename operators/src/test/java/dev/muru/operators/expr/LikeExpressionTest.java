package dev.muru.operators.expr;

import dev.muru.core.ErrorCode;
import dev.muru.core.Morsel;
import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.expr.Function;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.muru.operators.expr.ExprTesting.BOOL;
import static dev.muru.operators.expr.ExprTesting.TEXT;
import static dev.muru.operators.expr.ExprTesting.assertError;
import static dev.muru.operators.expr.ExprTesting.call;
import static dev.muru.operators.expr.ExprTesting.check1;
import static dev.muru.operators.expr.ExprTesting.check2;
import static dev.muru.operators.expr.ExprTesting.col;
import static dev.muru.operators.expr.ExprTesting.list;
import static dev.muru.operators.expr.ExprTesting.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LikeExpressionTest {
    private static boolean like(String s, String pattern) {
        return LikePattern.compile(pattern, -1).matches(s);
    }

    private static BoundExpr likeColumn(String pattern, boolean negated) {
        return call(negated ? Function.NOT_LIKE : Function.LIKE, BOOL, col(0, TEXT), lit(pattern, TEXT));
    }

    @Test
    void fastPathShapes() {
        assertEquals(LikePattern.Shape.EXACT, LikePattern.compile("abc", -1).shape());
        assertEquals(LikePattern.Shape.PREFIX, LikePattern.compile("abc%", -1).shape());
        assertEquals(LikePattern.Shape.SUFFIX, LikePattern.compile("%abc", -1).shape());
        assertEquals(LikePattern.Shape.CONTAINS, LikePattern.compile("%abc%", -1).shape());
        assertEquals(LikePattern.Shape.CONTAINS, LikePattern.compile("%%abc%%%", -1).shape());
        assertEquals(LikePattern.Shape.ANY, LikePattern.compile("%", -1).shape());
        assertEquals(LikePattern.Shape.GENERAL, LikePattern.compile("a_c", -1).shape());
        assertEquals(LikePattern.Shape.GENERAL, LikePattern.compile("a%c", -1).shape());
    }

    @Test
    void fastPathsMatch() {
        assertTrue(like("abc", "abc"));
        assertFalse(like("abcd", "abc"));
        assertTrue(like("abcdef", "abc%"));
        assertTrue(like("abc", "abc%"));
        assertFalse(like("xabc", "abc%"));
        assertTrue(like("xxabc", "%abc"));
        assertFalse(like("abcx", "%abc"));
        assertTrue(like("xxabcxx", "%abc%"));
        assertTrue(like("abc", "%abc%"));
        assertFalse(like("ab", "%abc%"));
        assertTrue(like("", "%"));
        assertTrue(like("", ""));
        assertFalse(like("a", ""));
    }

    @Test
    void generalPatterns() {
        assertTrue(like("abc", "a_c"));
        assertFalse(like("ac", "a_c"));
        assertFalse(like("abbc", "a_c"));
        assertTrue(like("abc", "___"));
        assertFalse(like("abcd", "___"));
        assertTrue(like("abcd", "___%"));
        assertTrue(like("a-b-c", "a%b%c"));
        assertFalse(like("a-b-", "a%b%c"));
        assertTrue(like("abab", "%ab"));
        assertTrue(like("aXbXcab", "a%b%ab"));
        assertFalse(like("ab", "a%b%ab"));
        assertTrue(like("xay", "%a_"));
        assertFalse(like("xa", "%a_"));
        assertTrue(like("special requests", "%special%requests%"));
        assertFalse(like("requests special", "%special%requests%"));
        // The overlapping tail: "%aa" against "aaa" and "a%aa" against "aa"
        assertTrue(like("aaa", "%aa"));
        assertFalse(like("aa", "a%aa"));
        assertTrue(like("aaa", "a%aa"));
    }

    @Test
    void underscoreMatchesOneCodePoint() {
        String emoji = "\uD83D\uDE00";
        assertTrue(like("a" + emoji + "c", "a_c"));
        assertTrue(like(emoji, "_"));
        assertFalse(like(emoji + emoji, "_"));
        assertTrue(like("x" + emoji, "%_"));
        assertTrue(like(emoji + "b" + emoji, "%b_"));
        assertTrue(like(emoji + "ab", "_a%"));
    }

    @Test
    void generalMatcherAgreesWithRegexOnRandomInputs() {
        java.util.Random random = new java.util.Random(42);
        String[] patternChars = {"a", "b", "%", "_", "\uD83D\uDE00"};
        String[] textChars = {"a", "b", "\uD83D\uDE00"};
        for (int round = 0; round < 20_000; round++) {
            StringBuilder pattern = new StringBuilder();
            StringBuilder regex = new StringBuilder();
            for (int i = random.nextInt(6); i > 0; i--) {
                String c = patternChars[random.nextInt(patternChars.length)];
                pattern.append(c);
                regex.append(c.equals("%") ? ".*" : c.equals("_") ? "." : java.util.regex.Pattern.quote(c));
            }
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(7); i > 0; i--) {
                text.append(textChars[random.nextInt(textChars.length)]);
            }
            boolean expected = java.util.regex.Pattern.compile(regex.toString(), java.util.regex.Pattern.DOTALL)
                    .matcher(text).matches();
            assertEquals(expected, like(text.toString(), pattern.toString()), "'" + text + "' LIKE '" + pattern + "'");
        }
    }

    @Test
    void escapeCharacter() {
        assertTrue(LikePattern.compile("100!%", '!').matches("100%"));
        assertFalse(LikePattern.compile("100!%", '!').matches("1000"));
        assertTrue(LikePattern.compile("a!_c", '!').matches("a_c"));
        assertFalse(LikePattern.compile("a!_c", '!').matches("abc"));
        assertTrue(LikePattern.compile("a!!%", '!').matches("a!xyz"));
        check1(call(Function.LIKE, BOOL, col(0, TEXT), lit("%!%%", TEXT), lit("!", TEXT)), TEXT,
                list("50% off", "50 off", null), list(true, false, null));
        assertError(ErrorCode.INVALID_TEXT_REPRESENTATION, "LIKE pattern must not end with escape character",
                call(Function.LIKE, BOOL, lit("a", TEXT), lit("a!", TEXT), lit("!", TEXT)));
        assertError(ErrorCode.INVALID_TEXT_REPRESENTATION, null,
                call(Function.LIKE, BOOL, lit("a", TEXT), lit("a", TEXT), lit("!!", TEXT)));
    }

    @Test
    void likeAndNotLikeOnVectors() {
        List<Object> values = list("PROMO BRUSHED", "STANDARD", null, "PROMO", "", "xPROMO");
        check1(likeColumn("PROMO%", false), TEXT, values, list(true, false, null, true, false, false));
        check1(likeColumn("PROMO%", true), TEXT, values, list(false, true, null, false, true, true));
        check1(likeColumn("%PROMO", false), TEXT, values, list(false, false, null, true, false, true));
        check1(likeColumn("%AN%", false), TEXT, values, list(false, true, null, false, false, false));
        check1(likeColumn("PROMO", false), TEXT, values, list(false, false, null, true, false, false));
        check1(likeColumn("_R%", false), TEXT, values, list(true, false, null, true, false, false));
        check1(likeColumn("%", false), TEXT, values, list(true, true, null, true, true, true));
    }

    @Test
    void patternFromAColumn() {
        Object[][] rows = {{"abc", "a%"}, {"abc", "b%"}, {null, "a%"}, {"abc", null}, {"xyz", "x_z"}, {"xyz", "x_z"}};
        check2(call(Function.LIKE, BOOL, col(0, TEXT), col(1, TEXT)), TEXT, TEXT, rows, true, false, null, null, true, true);
        check2(call(Function.NOT_LIKE, BOOL, col(0, TEXT), col(1, TEXT)), TEXT, TEXT, rows, false, true, null, null, false, false);
    }

    @Test
    void likeIsASelectionFilter() {
        VectorExpression e = ExpressionCompiler.compile(likeColumn("a%", false));
        assertTrue(e instanceof SelectionFilter);
        Morsel m = ExprTesting.morsel(ExprTesting.vector(TEXT, "ab", null, "ba", "a"));
        Morsel out = FilterKernel.filter(m, e);
        assertEquals(2, out.size());
        assertEquals(0, out.position(0));
        assertEquals(3, out.position(1));
    }
}
