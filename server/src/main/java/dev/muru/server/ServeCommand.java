package dev.muru.server;

import dev.muru.Muru;
import dev.muru.MuruSettings;
import dev.muru.server.http.HttpServer;
import dev.muru.server.http.HttpSettings;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code muru serve [--port N] [--demo[=SF]]}: the HTTP endpoint and web console until the
 * process is stopped (Ctrl+C or SIGTERM), which lets running responses finish for a few seconds.
 */
final class ServeCommand {
    /** How long a stopping server waits for responses in flight. */
    static final Duration STOP_DEADLINE = Duration.ofSeconds(10);

    /** The parsed command line; a negative port means the configured one. */
    record Options(int port, double scaleFactor) {
    }

    private ServeCommand() {
    }

    static Options parse(List<String> args) {
        int port = -1;
        double scaleFactor = 0;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--demo")) {
                scaleFactor = MuruMain.DEFAULT_SCALE_FACTOR;
            } else if (arg.startsWith("--demo=")) {
                scaleFactor = MuruMain.parseScaleFactor(arg.substring("--demo=".length()));
            } else if (arg.equals("--port") || arg.startsWith("--port=")) {
                String value = arg.equals("--port") ? (++i < args.size() ? args.get(i) : null) : arg.substring("--port=".length());
                port = parsePort(value);
            } else {
                throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        return new Options(port, scaleFactor);
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--port needs a port number from 0 to 65535, got '" + text + "'");
    }

    static int run(Options options, PrintStream out, PrintStream err) {
        MuruSettings engineSettings = MuruSettings.load();
        HttpSettings settings = HttpSettings.fromConfig(engineSettings.config());
        if (options.port() >= 0) {
            settings = settings.withPort(options.port());
        }
        Muru muru = Muru.start(engineSettings);
        HttpServer server;
        try {
            if (options.scaleFactor() > 0) {
                MuruMain.loadDemo(muru, options.scaleFactor(), true);
            }
            server = HttpServer.start(muru, settings);
        } catch (RuntimeException e) {
            muru.close();
            err.println("muru: " + e.getMessage());
            return 1;
        }
        String url = "http://" + settings.host() + ":" + server.port() + "/";
        out.println("Muru serving " + url + " (web console at " + url + ", API under " + url + "v1/)"
                + (settings.authenticates() ? "; bearer token required" : ""));
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(STOP_DEADLINE);
            muru.close();
            stopped.countDown();
        }, "muru-serve-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
