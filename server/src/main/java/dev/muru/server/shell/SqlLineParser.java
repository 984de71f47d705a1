package dev.muru.server.shell;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;

/**
 * Tells JLine when the typed text is complete: a dot command, or SQL whose last statement
 * ended with {@code ;}. Until then Enter adds a line and shows the continuation prompt, so a
 * multi-line statement is edited and kept in history as one entry.
 */
final class SqlLineParser implements Parser {
    private final DefaultParser words = new DefaultParser();

    SqlLineParser() {
        // Backslashes are ordinary characters in SQL; JLine must not strip them.
        words.setEscapeChars(new char[0]);
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !isComplete(line)) {
            throw new EOFError(-1, -1, "statement not ended by ;", ";");
        }
        return words.parse(line, cursor, context);
    }

    @Override
    public boolean isEscapeChar(char ch) {
        return false;
    }

    static boolean isComplete(String text) {
        CommandReader reader = new CommandReader();
        reader.addText(text);
        return reader.isEmpty();
    }
}
