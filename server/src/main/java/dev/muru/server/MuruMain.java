package dev.muru.server;

import dev.muru.Muru;
import dev.muru.MuruSettings;
import dev.muru.server.demo.TpchDemoData;
import dev.muru.server.shell.OutputMode;
import dev.muru.server.shell.Shell;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.slf4j.LoggerFactory;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code muru} command line. {@code muru shell} opens the SQL shell: interactive when stdin
 * and stdout are a terminal, otherwise it runs the statements read from stdin (or {@code -c})
 * and exits 1 if any failed; {@code muru serve} runs the HTTP endpoint and web console (see
 * {@link ServeCommand}). Bad arguments print the usage to stderr and exit 2.
 */
public final class MuruMain {
    static final double DEFAULT_SCALE_FACTOR = 0.01;
    private static final String SIMPLE_LOGGER_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
    static final String USAGE = String.join("\n",
            "usage: muru shell [--demo[=SF]] [--mode table|csv|json] [-c SQL]",
            "       muru serve [--port N] [--demo[=SF]]",
            "       muru sqllogictest [--mode sequential|parallel] [--verbose] FILE|DIR...",
            "       muru --help",
            "",
            "  shell          SQL shell; interactive on a terminal, else runs the SQL read from stdin",
            "  --demo[=SF]    load the TPC-H tables at scale factor SF first (default " + DEFAULT_SCALE_FACTOR + ")",
            "  --mode MODE    output format: table (default), csv (RFC 4180, NULL as an empty field)",
            "                 or json (one array of row objects per statement)",
            "  -c SQL         run SQL (one or more statements ended by ;) and exit",
            "  serve          HTTP endpoint (POST /v1/query, GET /v1/queries, ...) and web console at /",
            "  --port N       port to listen on (default muru.http.port, 8080; 0 picks a free one)",
            "  sqllogictest   run SQLite sqllogictest scripts (as engine postgresql, with the setting",
            "                 compatibility = 'sqlite' for SQLite's value rules), each file in a",
            "                 fresh engine; one line per file, a total line, exit 1 if any record failed",
            "",
            "Without a terminal, results go to stdout and errors, with their code, to stderr; the",
            "exit status is 1 if any statement failed. In csv and json modes only result rows are",
            "printed. Engine settings come from the muru section of the configuration (-Dmuru...).");

    /** The parsed command line of {@code muru shell}. */
    record Options(double scaleFactor, OutputMode mode, String command) {
        boolean demo() {
            return scaleFactor > 0;
        }
    }

    private MuruMain() {
    }

    public static void main(String[] args) {
        // Pekko's "Slf4jLogger started" and shutdown notices are INFO in the SLF4J backend; the
        // shell's output is for results, so only warnings show unless the user asks for more.
        if (System.getProperty(SIMPLE_LOGGER_LEVEL) == null) {
            System.setProperty(SIMPLE_LOGGER_LEVEL, "warn");
        }
        // Bind SLF4J before Pekko's threads log concurrently, which makes SLF4J print replay warnings.
        LoggerFactory.getILoggerFactory();
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
            System.out.println(USAGE);
            return 0;
        }
        if (args.length > 0 && args[0].equals("serve")) {
            ServeCommand.Options serve;
            try {
                serve = ServeCommand.parse(java.util.Arrays.asList(args).subList(1, args.length));
            } catch (IllegalArgumentException e) {
                System.err.println("muru: " + e.getMessage());
                System.err.println(USAGE);
                return 2;
            }
            return ServeCommand.run(serve, System.out, System.err);
        }
        if (args.length > 0 && args[0].equals("sqllogictest")) {
            return dev.muru.server.sqllogictest.SltCommand.run(java.util.Arrays.asList(args).subList(1, args.length),
                    System.out, System.err);
        }
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("muru: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        return shell(options);
    }

    static Options parse(String[] args) {
        if (args.length == 0 || !args[0].equals("shell")) {
            throw new IllegalArgumentException(args.length == 0 ? "missing command" : "unknown command '" + args[0] + "'");
        }
        double scaleFactor = 0;
        OutputMode mode = OutputMode.TABLE;
        String command = null;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--demo")) {
                scaleFactor = DEFAULT_SCALE_FACTOR;
            } else if (arg.startsWith("--demo=")) {
                scaleFactor = parseScaleFactor(arg.substring("--demo=".length()));
            } else if (arg.equals("--mode") || arg.startsWith("--mode=")) {
                String name = arg.equals("--mode") ? value(args, ++i, "--mode") : arg.substring("--mode=".length());
                mode = OutputMode.parse(name);
                if (mode == null) {
                    throw new IllegalArgumentException("unknown mode '" + name + "'");
                }
            } else if (arg.equals("-c")) {
                command = value(args, ++i, "-c");
            } else {
                throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        return new Options(scaleFactor, mode, command);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    static double parseScaleFactor(String text) {
        try {
            double sf = Double.parseDouble(text);
            if (sf > 0 && !Double.isInfinite(sf)) {
                return sf;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--demo needs a positive scale factor, got '" + text + "'");
    }

    private static int shell(Options options) {
        // System.console() is non-null only when both stdin and stdout are a terminal.
        boolean interactive = options.command() == null && System.console() != null;
        try (Muru muru = Muru.start(MuruSettings.load())) {
            if (options.demo()) {
                loadDemo(muru, options.scaleFactor(), interactive);
            }
            if (interactive) {
                return interactive(muru, options.mode());
            }
            // Buffered and flushed per statement: big results do not pay a system call per line.
            PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                    false, StandardCharsets.UTF_8);
            PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
            Shell shell = new Shell(muru, options.mode(), false, out, err);
            int status = options.command() != null ? shell.runText(options.command()) : shell.runScript(System.in);
            out.flush();
            return status;
        } catch (RuntimeException e) {
            System.err.println("muru: " + e.getMessage());
            return 1;
        }
    }

    static void loadDemo(Muru muru, double scaleFactor, boolean verbose) {
        long start = System.nanoTime();
        if (verbose) {
            System.err.printf(Locale.ROOT, "Loading TPC-H demo data at scale factor %s...%n", format(scaleFactor));
        }
        Map<String, Long> counts = TpchDemoData.load(muru, scaleFactor);
        if (verbose) {
            long rows = counts.values().stream().mapToLong(Long::longValue).sum();
            System.err.printf(Locale.ROOT, "Loaded %d tables, %,d rows in %.1f s: %s%n", counts.size(), rows,
                    (System.nanoTime() - start) / 1e9, String.join(", ", counts.keySet()));
        }
    }

    private static String format(double scaleFactor) {
        return scaleFactor == Math.rint(scaleFactor) ? Long.toString((long) scaleFactor) : Double.toString(scaleFactor);
    }

    private static int interactive(Muru muru, OutputMode mode) {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            PrintStream out = new PrintStream(terminal.output(), true, terminal.encoding());
            Shell shell = new Shell(muru, mode, true, out, out);
            shell.runInteractive(terminal, Path.of(System.getProperty("user.home"), ".muru_history"));
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
