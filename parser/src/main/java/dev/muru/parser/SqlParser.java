package dev.muru.parser;

import dev.muru.parser.ast.Statement;

import java.util.List;

/**
 * Entry point of the SQL front end: text in, AST out. Syntax errors are
 * {@code MuruException(SYNTAX_ERROR)} with the line and column of the offending token.
 */
public final class SqlParser {
    private SqlParser() {
    }

    /** Parses exactly one statement (a trailing ';' is allowed). */
    public static Statement parseStatement(String sql) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Parses a script of statements separated by ';'. */
    public static List<Statement> parseScript(String sql) {
        throw new UnsupportedOperationException("not built yet");
    }
}
