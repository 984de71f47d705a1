package dev.muru.server.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns shell input, line by line, into commands: a line starting with {@code .} outside a
 * statement is a dot command; everything else gathers into SQL statements ended by {@code ;}.
 * Scripts, {@code -c} and the interactive prompt all read through this, so they agree.
 */
public final class CommandReader {

    /** One unit of work: a dot command line or a SQL statement (without its {@code ;}). */
    public record Command(boolean dot, String text) {
    }

    private final StringBuilder pending = new StringBuilder();

    /** Adds one line of input (without its line terminator); returns the commands it completed. */
    public List<Command> addLine(String line) {
        List<Command> out = new ArrayList<>();
        if (isEmpty() && (line.strip().startsWith(".") || line.strip().startsWith("\\"))) {
            pending.setLength(0); // drop comments that preceded the dot command
            out.add(new Command(true, line.strip()));
            return out;
        }
        pending.append(line).append('\n');
        StatementSplitter.Split split = StatementSplitter.split(pending.toString());
        for (String statement : split.statements()) {
            out.add(new Command(false, statement));
        }
        pending.setLength(0);
        pending.append(split.remainder());
        return out;
    }

    /** Adds several lines at once, as a pasted block or a {@code -c} argument holds them. */
    public List<Command> addText(String text) {
        List<Command> out = new ArrayList<>();
        for (String line : text.split("\r\n|\r|\n", -1)) {
            out.addAll(addLine(line));
        }
        return out;
    }

    /** True when no statement is waiting for its {@code ;} (comments alone do not count). */
    public boolean isEmpty() {
        return StatementSplitter.isBlank(pending);
    }

    /** At end of input: the unterminated last statement, which a script still runs. */
    public Optional<Command> finish() {
        String rest = pending.toString();
        pending.setLength(0);
        return StatementSplitter.isBlank(rest) ? Optional.empty() : Optional.of(new Command(false, rest.strip()));
    }
}
