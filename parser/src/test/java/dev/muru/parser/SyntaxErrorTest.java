package dev.muru.parser;

import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SyntaxErrorTest {

    private static MuruException error(String sql) {
        MuruException e = assertThrows(MuruException.class, () -> SqlParser.parseStatement(sql));
        assertEquals(ErrorCode.SYNTAX_ERROR, e.code(), e.getMessage());
        return e;
    }

    private static void assertError(String sql, int line, int column, String message) {
        MuruException e = error(sql);
        assertEquals(message, e.detail());
        assertEquals(line, e.line(), "line of " + e.getMessage());
        assertEquals(column, e.column(), "column of " + e.getMessage());
    }

    @Test
    void misspelledKeyword() {
        assertError("SELECT * FORM t", 1, 10, "syntax error at or near \"FORM\"");
    }

    @Test
    void errorOnALaterLine() {
        assertError("SELECT a,\n       b\nFROM t WHERE a = = 1", 3, 18, "syntax error at or near \"=\"");
    }

    @Test
    void missingClosingParenthesisAtEndOfInput() {
        assertError("SELECT (1 + 2", 1, 14, "syntax error at end of input");
        assertError("SELECT count(*\n", 2, 1, "syntax error at end of input");
    }

    @Test
    void unterminatedString() {
        assertError("SELECT 'abc", 1, 8, "unterminated quoted string at or near \"'abc\"");
        assertError("SELECT 1,\n  'it''s", 2, 3, "unterminated quoted string at or near \"'it''s\"");
    }

    @Test
    void unterminatedQuotedIdentifierAndComment() {
        assertError("SELECT \"abc", 1, 8, "unterminated quoted identifier at or near \"\"abc\"");
        assertError("SELECT 1 /* no end\n more", 1, 10, "unterminated /* comment at or near \"/* no end...\"");
    }

    @Test
    void unexpectedCharacter() {
        assertError("SELECT a # b", 1, 10, "syntax error at or near \"#\"");
    }

    @Test
    void emptyQuotedIdentifier() {
        assertError("SELECT \"\" FROM t", 1, 8, "zero-length quoted identifier");
    }

    @Test
    void unsupportedExtractFieldIsNamed() {
        MuruException e = assertThrows(MuruException.class,
                () -> SqlParser.parseStatement("SELECT extract(week FROM d)"));
        assertEquals(ErrorCode.FEATURE_NOT_SUPPORTED, e.code());
        assertEquals(16, e.column());
        assertEquals("EXTRACT field \"week\" is not supported, only YEAR, MONTH and DAY", e.detail());
    }

    @Test
    void moreThanOneStatement() {
        assertError("SELECT 1; SELECT 2", 1, 11, "syntax error at or near \"SELECT\"");
    }

    @Test
    void emptyStatement() {
        assertError("", 1, 1, "syntax error at end of input");
        assertError("  ;", 1, 3, "syntax error at or near \";\"");
    }

    @Test
    void scriptReportsThePositionInTheWholeScript() {
        MuruException e = assertThrows(MuruException.class,
                () -> SqlParser.parseScript("SELECT 1;\nSELECT 2;\nSELEC 3;"));
        assertEquals(3, e.line());
        assertEquals(1, e.column());
        assertEquals("syntax error at or near \"SELEC\"", e.detail());
    }

    @Test
    void messageCarriesCodeAndPosition() {
        assertEquals("SYNTAX_ERROR (42601) at line 1, column 10: syntax error at or near \"FORM\"",
                error("SELECT * FORM t").getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT a FROM t WHERE                     | 1 | 22",
        "SELECT a, FROM t                          | 1 | 11",
        "SELECT a FROM t GROUP a                   | 1 | 23",
        "SELECT CAST(a AS) FROM t                  | 1 | 17",
        "SELECT a FROM t JOIN u                    | 1 | 23",
        "SELECT a FROM (SELECT 1)                  | 1 | 25",
        "INSERT INTO t VALUES 1                    | 1 | 22",
        "CREATE TABLE t (a)                        | 1 | 18",
        "SELECT INTERVAL '3' WEEK                  | 1 | 17",
        "SELECT INTERVAL 'abc'                     | 1 | 17",
        "SELECT INTERVAL '1.5' DAY                 | 1 | 17",
        "SELECT a FROM t ORDER BY a NULLS          | 1 | 33",
        "SELECT a FROM t LIMIT                     | 1 | 22",
        "COPY t FROM f                             | 1 | 13",
        "SELECT CASE WHEN a THEN b                 | 1 | 26",
        "SELECT a NOT NULL                         | 1 | 14",
        "SET threads                               | 1 | 12",
        "SET threads =                             | 1 | 14",
        "SET = 4                                   | 1 | 5",
        "SET threads = 4 5                         | 1 | 17",
        "SET threads = -'4'                        | 1 | 16",
        "SET threads = (4)                         | 1 | 15",
        "SET threads == 4                          | 1 | 14",
        "SET SESSION                               | 1 | 12",
        "SET a. = 1                                | 1 | 8",
        "SHOW                                      | 1 | 5",
        "SHOW ALL threads                          | 1 | 10",
        "RESET                                     | 1 | 6",
        "RESET threads = 1                         | 1 | 15",
        "SELECT ??                                 | 1 | 9",
        "SELECT ?1                                 | 1 | 9",
        "SELECT a FROM ?                           | 1 | 15",
        "UPDATE t SET WHERE a = 1                  | 1 | 14",
    })
    void invalidStatements(String sql, int line, int column) {
        MuruException e = error(sql);
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
    }
}
