package dev.muru.parser;

import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;
import org.antlr.v4.runtime.Token;

/** Builds the parser's errors: PostgreSQL-style one-line messages positioned at a token. */
final class SyntaxErrors {
    /** Offending text longer than this is cut, so that a message stays one short line. */
    private static final int MAX_NEAR_LENGTH = 40;

    private SyntaxErrors() {
    }

    /** {@code syntax error at or near "X"}, or {@code syntax error at end of input} at EOF. */
    static MuruException unexpected(Token token) {
        if (token.getType() == Token.EOF) {
            return at(token, "syntax error at end of input");
        }
        return at(token, "syntax error at or near " + near(token));
    }

    static MuruException at(Token token, String message) {
        return at(token, ErrorCode.SYNTAX_ERROR, message);
    }

    static MuruException at(Token token, ErrorCode code, String message) {
        return new MuruException(code, message, token.getLine(), token.getCharPositionInLine() + 1);
    }

    /** The token's text in double quotes, cut at the first line break or after a few dozen characters. */
    static String near(Token token) {
        String text = token.getText();
        int lineBreak = text.indexOf('\n');
        boolean cut = false;
        if (lineBreak >= 0) {
            text = text.substring(0, lineBreak).stripTrailing();
            cut = true;
        }
        if (text.length() > MAX_NEAR_LENGTH) {
            text = text.substring(0, MAX_NEAR_LENGTH);
            cut = true;
        }
        return '"' + text + (cut ? "..." : "") + '"';
    }
}
