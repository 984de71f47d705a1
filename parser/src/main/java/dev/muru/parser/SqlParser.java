package dev.muru.parser;

import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;
import dev.muru.parser.ast.Statement;
import dev.muru.parser.grammar.MuruSqlLexer;
import dev.muru.parser.grammar.MuruSqlParser;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import java.util.List;
import java.util.function.Function;

/**
 * Entry point of the SQL front end: text in, AST out. Syntax errors are
 * {@code MuruException(SYNTAX_ERROR)} with the line and column of the offending token.
 * Thread-safe: every call builds its own lexer and parser (ANTLR shares the DFA cache).
 */
public final class SqlParser {
    private SqlParser() {
    }

    /** Parses exactly one statement (a trailing ';' is allowed). */
    public static Statement parseStatement(String sql) {
        return new AstBuilder().statement(parse(sql, MuruSqlParser::singleStatement).statement());
    }

    /** Parses a script of statements separated by ';'; empty statements are skipped. */
    public static List<Statement> parseScript(String sql) {
        return new AstBuilder().statements(parse(sql, MuruSqlParser::script));
    }

    /**
     * Parses with fast SLL prediction first; only if that fails is the text parsed again with full
     * LL prediction, which is exact and reports the first syntax error.
     */
    private static <T> T parse(String sql, Function<MuruSqlParser, T> rule) {
        CommonTokenStream tokens = tokenize(sql);
        MuruSqlParser parser = new MuruSqlParser(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        try {
            return rule.apply(parser);
        } catch (ParseCancellationException e) {
            tokens.seek(0);
            parser.reset();
            parser.addErrorListener(ThrowingErrorListener.INSTANCE);
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            return rule.apply(parser);
        }
    }

    /** Lexes the whole text up front, so that lexical errors are reported before any parsing. */
    private static CommonTokenStream tokenize(String sql) {
        MuruSqlLexer lexer = new MuruSqlLexer(CharStreams.fromString(sql));
        lexer.removeErrorListeners();
        lexer.addErrorListener(ThrowingErrorListener.INSTANCE);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        for (Token token : tokens.getTokens()) {
            checkLexical(token);
        }
        return tokens;
    }

    private static void checkLexical(Token token) {
        String problem = switch (token.getType()) {
            case MuruSqlLexer.UNTERMINATED_STRING -> "unterminated quoted string";
            case MuruSqlLexer.UNTERMINATED_QUOTED_IDENTIFIER -> "unterminated quoted identifier";
            case MuruSqlLexer.UNTERMINATED_COMMENT -> "unterminated /* comment";
            case MuruSqlLexer.UNEXPECTED_CHARACTER -> "syntax error";
            default -> null;
        };
        if (problem != null) {
            throw SyntaxErrors.at(token, problem + " at or near " + SyntaxErrors.near(token));
        }
    }

    /** Turns the first error ANTLR reports into a MuruException instead of printing it. */
    private static final class ThrowingErrorListener extends BaseErrorListener {
        static final ThrowingErrorListener INSTANCE = new ThrowingErrorListener();

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line,
                                int charPositionInLine, String msg, RecognitionException e) {
            if (offendingSymbol instanceof Token token) {
                throw SyntaxErrors.unexpected(token);
            }
            // Lexers report no token; the grammar's catch-all rule means this should not happen.
            throw new MuruException(ErrorCode.SYNTAX_ERROR,
                    "syntax error: " + msg, line, charPositionInLine + 1);
        }
    }
}
