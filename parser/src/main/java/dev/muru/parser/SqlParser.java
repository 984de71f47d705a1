package dev.muru.parser;

import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;
import dev.muru.parser.ast.Expr;
import dev.muru.parser.ast.Position;
import dev.muru.parser.ast.Statement;
import dev.muru.parser.ast.TypeName;
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

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
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

    /** Statements parsed by {@link #parseCached}, by their text, and their parameters, by identity. */
    private static final java.util.concurrent.ConcurrentHashMap<String, Statement> CACHE = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Map<Statement, List<Expr.Parameter>> CACHED_PARAMETERS =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    static final int CACHE_SIZE = 1024;

    /**
     * As {@link #parseStatement}, remembering the statement by its text: a statement run again
     * (a point query with ? parameters) is parsed once. The AST is immutable, so it is shared.
     */
    public static Statement parseCached(String sql) {
        Statement cached = CACHE.get(sql);
        if (cached != null) {
            return cached;
        }
        Statement s = parseStatement(sql);
        if (CACHE.size() >= CACHE_SIZE) {
            // Bounded by clearing: simpler than LRU and enough for the repeated statements it serves.
            CACHE.clear();
            CACHED_PARAMETERS.clear();
        }
        CACHED_PARAMETERS.put(s, List.copyOf(parameters(s)));
        CACHE.put(sql, s);
        return s;
    }

    /** Parses a script of statements separated by ';'; empty statements are skipped. */
    public static List<Statement> parseScript(String sql) {
        return new AstBuilder().statements(parse(sql, MuruSqlParser::script));
    }

    /**
     * The number of positional parameters ({@code ?}) in one statement, e.g. for a JDBC
     * PreparedStatement; parses the text, so a syntax error is reported as by {@link #parseStatement}.
     */
    public static int parameterCount(String sql) {
        return parameterCount(parseStatement(sql));
    }

    /** The number of positional parameters ({@code ?}) in a parsed statement: its highest index + 1. */
    public static int parameterCount(Statement statement) {
        List<Expr.Parameter> parameters = parameters(statement);
        return parameters.isEmpty() ? 0 : parameters.get(parameters.size() - 1).index() + 1;
    }

    /** Every positional parameter of a parsed statement, ordered by index. */
    public static List<Expr.Parameter> parameters(Statement statement) {
        List<Expr.Parameter> known = CACHED_PARAMETERS.get(statement);
        if (known != null) {
            return known;
        }
        List<Expr.Parameter> found = new ArrayList<>();
        collectParameters(statement, found);
        found.sort(Comparator.comparingInt(Expr.Parameter::index));
        return found;
    }

    /** Walks the AST generically: every node is a record, a list of nodes, or a leaf value. */
    private static void collectParameters(Object node, List<Expr.Parameter> found) {
        if (node instanceof Expr.Parameter parameter) {
            found.add(parameter);
        } else if (node instanceof List<?> list) {
            for (Object element : list) {
                collectParameters(element, found);
            }
        } else if (node instanceof Record record && !isLeaf(record)) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    collectParameters(component.getAccessor().invoke(record), found);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + component + " of " + record.getClass(), e);
                }
            }
        }
    }

    /** Nodes that hold no expression, skipped without reflection: the bulk of a long VALUES list. */
    private static boolean isLeaf(Record node) {
        return node instanceof Expr.Literal || node instanceof Expr.ColumnRef || node instanceof Position
                || node instanceof TypeName;
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
