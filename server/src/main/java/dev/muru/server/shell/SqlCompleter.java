package dev.muru.server.shell;

import dev.muru.Muru;
import dev.muru.core.Column;
import dev.muru.core.MuruException;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import java.util.List;
import java.util.Locale;

/**
 * Tab completion at the prompt: dot commands at the start of a line, otherwise SQL keywords
 * and the current tables and their columns, read from the catalog on each Tab.
 */
final class SqlCompleter implements Completer {
    static final List<String> DOT_COMMANDS = List.of(".help", ".tables", ".schema", ".mode", ".timer", ".quit", ".exit");
    // Single words only: JLine would quote a candidate with a space in it.
    private static final List<String> KEYWORDS = List.of("select", "from", "where", "group", "order", "by",
            "having", "limit", "offset", "join", "left", "inner", "on", "as", "and", "or", "not", "null", "is",
            "in", "between", "like", "case", "when", "then", "else", "end", "distinct", "count", "sum", "avg",
            "min", "max", "date", "interval", "extract", "substring", "exists", "union", "all", "with", "insert",
            "into", "values", "create", "drop", "table", "copy", "explain", "analyze", "integer", "bigint",
            "double", "decimal", "varchar", "char", "boolean", "asc", "desc");

    private final Muru muru;

    SqlCompleter(Muru muru) {
        this.muru = muru;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        if (line.wordIndex() == 0 && line.word().startsWith(".")) {
            DOT_COMMANDS.forEach(c -> candidates.add(new Candidate(c)));
            return;
        }
        KEYWORDS.forEach(k -> candidates.add(new Candidate(k)));
        for (String table : muru.tables()) {
            candidates.add(new Candidate(table, table, "tables", null, null, null, true));
            try {
                for (Column c : muru.tableSchema(table).columns()) {
                    String name = c.name().toLowerCase(Locale.ROOT);
                    candidates.add(new Candidate(name, name, "columns", null, null, null, true));
                }
            } catch (MuruException dropped) {
                // The table went away between tables() and tableSchema(): nothing to offer.
            }
        }
    }
}
