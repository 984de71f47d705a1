package dev.muru.server.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts SQL text into statements at {@code ;}. A semicolon inside a 'string' (with '' escapes),
 * a "quoted identifier" (with "" escapes), a -- line comment or a non-nested block comment does
 * not end a statement: the same lexical rules as Muru's grammar, so the shell never cuts a
 * statement the parser would read as one.
 */
public final class StatementSplitter {

    /**
     * The outcome of splitting: the complete statements (without their {@code ;}, trimmed,
     * blank and comment-only ones dropped) and the text after the last {@code ;}, which is an
     * unfinished statement unless it is {@link #isBlank blank}.
     */
    public record Split(List<String> statements, String remainder) {
        public Split {
            statements = List.copyOf(statements);
        }

        /** True when the text ended at a statement boundary, so nothing waits for more input. */
        public boolean complete() {
            return isBlank(remainder);
        }
    }

    private enum State { CODE, STRING, IDENTIFIER, LINE_COMMENT, BLOCK_COMMENT }

    private StatementSplitter() {
    }

    public static Split split(String text) {
        List<String> statements = new ArrayList<>();
        State state = State.CODE;
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            char next = i + 1 < n ? text.charAt(i + 1) : '\0';
            switch (state) {
                case CODE:
                    if (c == ';') {
                        String statement = text.substring(start, i).trim();
                        if (!isBlank(statement)) {
                            statements.add(statement);
                        }
                        start = i + 1;
                    } else if (c == '\'') {
                        state = State.STRING;
                    } else if (c == '"') {
                        state = State.IDENTIFIER;
                    } else if (c == '-' && next == '-') {
                        state = State.LINE_COMMENT;
                        i++;
                    } else if (c == '/' && next == '*') {
                        state = State.BLOCK_COMMENT;
                        i++;
                    }
                    break;
                case STRING:
                case IDENTIFIER:
                    char quote = state == State.STRING ? '\'' : '"';
                    if (c == quote) {
                        if (next == quote) {
                            i++; // a doubled quote is an escaped quote, not the end
                        } else {
                            state = State.CODE;
                        }
                    }
                    break;
                case LINE_COMMENT:
                    if (c == '\n' || c == '\r') {
                        state = State.CODE;
                    }
                    break;
                case BLOCK_COMMENT:
                    if (c == '*' && next == '/') {
                        state = State.CODE;
                        i++;
                    }
                    break;
                default:
                    throw new IllegalStateException(state.name());
            }
        }
        return new Split(statements, text.substring(start));
    }

    /** All complete statements plus the unterminated last one, if any: what a script runs. */
    public static List<String> statements(String text) {
        Split split = split(text);
        if (split.complete()) {
            return split.statements();
        }
        List<String> all = new ArrayList<>(split.statements());
        all.add(split.remainder().trim());
        return all;
    }

    /**
     * True when the text holds nothing but whitespace and comments. An unterminated string,
     * identifier or block comment is not blank: it still waits for its closing characters.
     */
    public static boolean isBlank(CharSequence chars) {
        String text = chars.toString();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    return false;
                }
                i = end + 2;
            } else {
                return false;
            }
        }
        return true;
    }
}
