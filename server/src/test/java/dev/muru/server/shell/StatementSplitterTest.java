package dev.muru.server.shell;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatementSplitterTest {

    @Test
    void splitsAtSemicolonsAndTrims() {
        StatementSplitter.Split split = StatementSplitter.split(" select 1 ;\nselect 2;  ");
        assertEquals(List.of("select 1", "select 2"), split.statements());
        assertTrue(split.complete());
    }

    @Test
    void keepsTheUnterminatedRest() {
        StatementSplitter.Split split = StatementSplitter.split("select 1; select\n  2");
        assertEquals(List.of("select 1"), split.statements());
        assertEquals(" select\n  2", split.remainder());
        assertFalse(split.complete());
    }

    @Test
    void semicolonInsideStringDoesNotSplit() {
        assertEquals(List.of("select 'a;b', 'it''s; fine'", "select 2"),
                StatementSplitter.split("select 'a;b', 'it''s; fine'; select 2;").statements());
    }

    @Test
    void semicolonInsideQuotedIdentifierDoesNotSplit() {
        assertEquals(List.of("select 1 as \"a;\"\"b\""),
                StatementSplitter.split("select 1 as \"a;\"\"b\";").statements());
    }

    @Test
    void semicolonInsideCommentsDoesNotSplit() {
        String sql = "select 1 -- not here; nor here\n, 2 /* nor; here */ ;";
        assertEquals(List.of("select 1 -- not here; nor here\n, 2 /* nor; here */"),
                StatementSplitter.split(sql).statements());
    }

    @Test
    void blockCommentsDoNotNestLikeTheGrammar() {
        // Muru's lexer ends a block comment at the first */, so the ; after it is a terminator.
        assertEquals(List.of("/* a /* b */ select 1", "select 2"),
                StatementSplitter.split("/* a /* b */ select 1; select 2;").statements());
    }

    @Test
    void openQuoteOrCommentWaitsForMoreInput() {
        assertFalse(StatementSplitter.split("select 'abc;").complete());
        assertFalse(StatementSplitter.split("select \"x;").complete());
        assertFalse(StatementSplitter.split("select 1 /* ; ").complete());
        assertTrue(StatementSplitter.split("select 1; -- trailing ; comment").complete());
    }

    @Test
    void dropsEmptyAndCommentOnlyStatements() {
        assertEquals(List.of("select 1"), StatementSplitter.split(";;\n-- note\n;/* x */; select 1;;").statements());
    }

    @Test
    void minusAndSlashAloneAreNotComments() {
        assertEquals(List.of("select 4 - 1 / 2 - -1"), StatementSplitter.split("select 4 - 1 / 2 - -1;").statements());
    }

    @Test
    void statementsIncludeTheUnterminatedLastOne() {
        assertEquals(List.of("select 1", "select 2"), StatementSplitter.statements("select 1;\nselect 2\n"));
        assertEquals(List.of("select 1"), StatementSplitter.statements("select 1; -- done\n"));
    }

    @Test
    void blankMeansOnlyWhitespaceAndComments() {
        assertTrue(StatementSplitter.isBlank(""));
        assertTrue(StatementSplitter.isBlank(" \n\t-- c\n/* d */ "));
        assertFalse(StatementSplitter.isBlank("/* open"));
        assertFalse(StatementSplitter.isBlank("- 1"));
        assertFalse(StatementSplitter.isBlank("x"));
    }
}
