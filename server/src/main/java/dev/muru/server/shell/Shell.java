package dev.muru.server.shell;

import dev.muru.Muru;
import dev.muru.QueryResult;
import dev.muru.core.Column;
import dev.muru.core.DataType;
import dev.muru.core.ErrorCode;
import dev.muru.core.Morsel;
import dev.muru.core.MuruException;
import dev.muru.core.Schema;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.StringVector;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The SQL shell over one engine. Scripts ({@link #runScript}, {@link #runText}) print results
 * to {@code out} and errors with their code to {@code err}, go on after an error, and return
 * exit status 1 if any statement failed. {@link #runInteractive} is the JLine prompt.
 */
public final class Shell {
    static final String PROMPT = "muru> ";
    static final String CONTINUATION_PROMPT = "   ...> ";
    private static final Set<String> COUNTED_KINDS = Set.of("INSERT", "UPDATE", "DELETE", "COPY", "MERGE");
    private static final String HELP = String.join("\n",
            "Statements end with ; and may span lines. Commands:",
            "  .help                 show this help",
            "  .tables               list the tables",
            "  .schema [TABLE]       show the columns of a table (of all tables without one)",
            "  .mode table|csv|json  set the output format",
            "  .timer on|off         show how long each statement takes",
            "  .read FILE, \\i FILE   run the statements in a file",
            "  .quit, .exit          leave the shell");

    private final Muru muru;
    private final PrintStream out;
    private final PrintStream err;
    private OutputMode mode;
    private ResultPrinter printer;
    private boolean timer;
    private boolean interactive;
    private boolean quit;
    private boolean failed;
    private volatile Thread runningStatement;

    public Shell(Muru muru, OutputMode mode, boolean timer, PrintStream out, PrintStream err) {
        this.muru = muru;
        this.out = out;
        this.err = err;
        this.timer = timer;
        setMode(mode);
    }

    /** Runs every command read from {@code in} (UTF-8); returns 1 if any failed, else 0. */
    public int runScript(InputStream in) {
        CommandReader reader = new CommandReader();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while (!quit && (line = lines.readLine()) != null) {
                runAll(reader.addLine(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!quit) {
            reader.finish().ifPresent(this::run);
        }
        out.flush();
        return failed ? 1 : 0;
    }

    /** Runs the commands in {@code text}, as {@code muru shell -c} does; returns the exit status. */
    public int runText(String text) {
        CommandReader reader = new CommandReader();
        runAll(reader.addText(text));
        if (!quit) {
            reader.finish().ifPresent(this::run);
        }
        out.flush();
        return failed ? 1 : 0;
    }

    /**
     * The interactive prompt: history in {@code historyFile}, Ctrl-C clears the line or stops
     * waiting for the running statement, Ctrl-D or {@code .quit} leaves.
     */
    public void runInteractive(Terminal terminal, Path historyFile) {
        interactive = true;
        LineReader lineReader = LineReaderBuilder.builder()
                .appName("muru")
                .terminal(terminal)
                .parser(new SqlLineParser())
                .completer(new SqlCompleter(muru))
                .variable(LineReader.HISTORY_FILE, historyFile)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION_PROMPT)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        terminal.handle(Terminal.Signal.INT, signal -> {
            Thread t = runningStatement;
            if (t != null) {
                t.interrupt();
            }
        });
        out.println("Muru shell. Type .help for commands; end statements with ;");
        CommandReader reader = new CommandReader();
        while (!quit) {
            String input;
            try {
                out.flush();
                input = lineReader.readLine(reader.isEmpty() ? PROMPT : CONTINUATION_PROMPT);
            } catch (UserInterruptException e) {
                reader = new CommandReader();
                continue;
            } catch (EndOfFileException e) {
                break;
            }
            runAll(reader.addText(input));
        }
        out.flush();
        try {
            lineReader.getHistory().save();
        } catch (IOException e) {
            err.println("warning: could not save history to " + historyFile + ": " + e.getMessage());
        }
    }

    private void runAll(List<CommandReader.Command> commands) {
        for (CommandReader.Command command : commands) {
            if (quit) {
                return;
            }
            run(command);
        }
    }

    private void run(CommandReader.Command command) {
        if (command.dot()) {
            runDotCommand(command.text());
        } else {
            runStatement(command.text());
        }
        out.flush();
    }

    private void runStatement(String sql) {
        long start = System.nanoTime();
        try {
            QueryResult result = execute(sql);
            if (result.hasResultSet()) {
                printer.printRows(result, out);
            } else {
                printer.printStatus(status(result), out);
            }
            if (timer) {
                out.printf(Locale.ROOT, "Time: %.3f ms%n", (System.nanoTime() - start) / 1e6);
            }
        } catch (RuntimeException e) {
            reportError(sql, e);
        }
    }

    /** Runs a statement; at the prompt it waits interruptibly, so Ctrl-C gives the prompt back. */
    private QueryResult execute(String sql) {
        if (!interactive) {
            return muru.query(sql);
        }
        CompletableFuture<QueryResult> future = muru.queryAsync(sql).toCompletableFuture();
        runningStatement = Thread.currentThread();
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            throw new MuruException(ErrorCode.QUERY_CANCELLED, "statement cancelled by the user");
        } catch (ExecutionException e) {
            throw asRuntime(e.getCause());
        } finally {
            runningStatement = null;
            Thread.interrupted(); // a Ctrl-C that raced with completion must not hit the next statement
        }
    }

    private static RuntimeException asRuntime(Throwable t) {
        return t instanceof RuntimeException ? (RuntimeException) t : new CompletionException(t);
    }

    /** psql-style command tag: DML with its row count ({@code INSERT 3}), else the kind. */
    static String status(QueryResult result) {
        String kind = result.statementKind() == null ? "OK"
                : result.statementKind().trim().replace('_', ' ').toUpperCase(Locale.ROOT);
        return COUNTED_KINDS.contains(kind) ? kind + " " + result.updateCount() : kind;
    }

    private void runDotCommand(String line) {
        String[] words = line.trim().split("\\s+");
        String name = words[0].toLowerCase(Locale.ROOT);
        String arg = words.length > 1 ? words[1] : null;
        try {
            if (words.length > 2 && !name.equals(".schema")) {
                throw usage(name + " takes at most one argument");
            }
            switch (name) {
                case ".help":
                    out.println(HELP);
                    break;
                case ".quit":
                case ".exit":
                    quit = true;
                    break;
                case ".tables":
                    printer.printRows(listTables(), out);
                    break;
                case ".schema":
                    printer.printRows(describe(words), out);
                    break;
                case ".mode":
                    OutputMode m = arg == null ? null : OutputMode.parse(arg);
                    if (m == null) {
                        throw usage("usage: .mode table|csv|json (now " + mode.label() + ")");
                    }
                    setMode(m);
                    break;
                case ".read":
                case "\\i":
                    if (arg == null) {
                        throw usage("usage: " + name + " FILE");
                    }
                    readFile(java.nio.file.Path.of(arg));
                    break;
                case ".timer":
                    if ("on".equalsIgnoreCase(arg)) {
                        timer = true;
                    } else if ("off".equalsIgnoreCase(arg)) {
                        timer = false;
                    } else {
                        throw usage("usage: .timer on|off (now " + (timer ? "on" : "off") + ")");
                    }
                    break;
                default:
                    throw usage("unknown command " + words[0] + "; .help lists the commands");
            }
        } catch (RuntimeException e) {
            reportError(line, e);
        }
    }

    /** Runs a file's statements as if typed here; the file's errors count as this session's. */
    private void readFile(java.nio.file.Path file) {
        String text;
        try {
            text = java.nio.file.Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MuruException(ErrorCode.IO_ERROR, "cannot read " + file + ": " + e.getMessage());
        }
        CommandReader reader = new CommandReader();
        runAll(reader.addText(text));
        if (!quit) {
            reader.finish().ifPresent(this::run);
        }
    }

    private static MuruException usage(String message) {
        return new MuruException(ErrorCode.SYNTAX_ERROR, message);
    }

    private void setMode(OutputMode m) {
        mode = m;
        printer = m.printer();
    }

    private QueryResult listTables() {
        List<String[]> rows = new ArrayList<>();
        for (String table : muru.tables()) {
            rows.add(new String[] {table});
        }
        return textResult(List.of("table"), rows);
    }

    /** {@code .schema T}: one row per column; {@code .schema}: the same for every table. */
    private QueryResult describe(String[] words) {
        List<String> tables = words.length > 1 ? List.of(words).subList(1, words.length) : muru.tables();
        boolean many = words.length != 2;
        List<String[]> rows = new ArrayList<>();
        for (String table : tables) {
            for (Column c : muru.tableSchema(table).columns()) {
                String nullable = c.nullable() ? "YES" : "NO";
                rows.add(many ? new String[] {table, c.name(), c.type().toString(), nullable}
                        : new String[] {c.name(), c.type().toString(), nullable});
            }
        }
        List<String> header = many ? List.of("table", "column", "type", "nullable") : List.of("column", "type", "nullable");
        return textResult(header, rows);
    }

    /** A VARCHAR result built in the shell, so dot commands print in the current mode too. */
    static QueryResult textResult(List<String> names, List<String[]> rows) {
        List<Column> columns = new ArrayList<>();
        ColumnVector[] vectors = new ColumnVector[names.size()];
        for (int c = 0; c < names.size(); c++) {
            columns.add(new Column(names.get(c), DataType.VARCHAR, false));
            String[] values = new String[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                values[r] = rows.get(r)[c];
            }
            vectors[c] = new StringVector(DataType.VARCHAR, values, null);
        }
        return new QueryResult("SHOW", new Schema(columns), List.of(new Morsel(vectors, rows.size())), 0, 0);
    }

    /**
     * Prints {@code ERROR: CODE (SQLSTATE) ...: message} and, when the error has a position, the
     * offending line with a caret under the column, as psql does. Scripts write it to stderr.
     */
    private void reportError(String sql, RuntimeException e) {
        failed = true;
        out.flush();
        PrintStream to = interactive ? out : err;
        MuruException me = findMuruException(e);
        if (me == null) {
            to.println("ERROR: " + ErrorCode.INTERNAL_ERROR.name() + " (" + ErrorCode.INTERNAL_ERROR.sqlState() + "): " + e);
        } else {
            to.println("ERROR: " + me.getMessage());
            String[] lines = sql.split("\r\n|\r|\n", -1);
            if (me.hasPosition() && me.line() <= lines.length) {
                String prefix = "LINE " + me.line() + ": ";
                String text = lines[me.line() - 1];
                to.println(prefix + text);
                StringBuilder caret = new StringBuilder(" ".repeat(prefix.length()));
                // Copy tabs so the caret lines up however wide the terminal draws them.
                for (int i = 0; i < me.column() - 1 && i < text.length(); i++) {
                    caret.append(text.charAt(i) == '\t' ? '\t' : ' ');
                }
                to.println(caret.append('^'));
            }
        }
        to.flush();
    }

    private static MuruException findMuruException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MuruException) {
                return (MuruException) t;
            }
        }
        return null;
    }
}
