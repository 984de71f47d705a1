package dev.muru.server.sqllogictest;

import dev.muru.MuruSettings;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code muru sqllogictest [--mode sequential|parallel] [--verbose] FILE|DIR...}: one line per
 * file (records run, passed, failed, skipped), the failures (the first 5 per file unless
 * --verbose), a total line, and exit status 1 when any record failed.
 */
public final class SltCommand {
    private SltCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        String mode = "sequential";
        boolean verbose = false;
        List<Path> files = new ArrayList<>();
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.equals("--mode")) {
                    mode = i + 1 < args.size() ? args.get(++i) : "";
                } else if (a.startsWith("--mode=")) {
                    mode = a.substring("--mode=".length());
                } else if (a.equals("--verbose")) {
                    verbose = true;
                } else if (a.startsWith("-")) {
                    throw new IllegalArgumentException("unknown argument '" + a + "'");
                } else {
                    files.addAll(testFiles(Path.of(a)));
                }
            }
            if (!mode.equals("sequential") && !mode.equals("parallel")) {
                throw new IllegalArgumentException("--mode must be sequential or parallel, got '" + mode + "'");
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("no .test files given");
            }
        } catch (IllegalArgumentException | IOException e) {
            err.println("muru sqllogictest: " + e.getMessage());
            return 2;
        }
        MuruSettings settings = MuruSettings.load();
        // Parallel mode: every pipeline in parallel, on small morsels so that tiny tables still split.
        settings = mode.equals("parallel") ? settings.withThreshold(0).withMorselRows(4).withParallelism(Math.max(2,
                settings.parallelism())) : settings.withThreshold(MuruSettings.NEVER);
        SltRunner runner = new SltRunner(settings);
        long run = 0;
        long passed = 0;
        long failed = 0;
        long skipped = 0;
        long start = System.nanoTime();
        for (Path f : files) {
            SltRunner.FileResult r;
            try {
                r = runner.run(f);
            } catch (IOException | RuntimeException e) {
                err.println(f + ": cannot run: " + e);
                failed++;
                continue;
            }
            out.printf("%s: %d run, %d passed, %d failed, %d skipped%n", f, r.run(), r.passed(), r.failed(), r.skipped());
            int shown = 0;
            for (SltRunner.Failure x : r.failures()) {
                if (!verbose && shown++ >= 5) {
                    out.println("  ... " + (r.failed() - 5) + " more failures (--verbose shows all)");
                    break;
                }
                out.println("  " + x.toString().replace("\n", "\n  "));
            }
            run += r.run();
            passed += r.passed();
            failed += r.failed();
            skipped += r.skipped();
        }
        out.printf("%d passed, %d failed, %d skipped (%d run, %s mode, %.1f s)%n", passed, failed, skipped, run, mode,
                (System.nanoTime() - start) / 1e9);
        return failed > 0 ? 1 : 0;
    }

    private static List<Path> testFiles(Path p) throws IOException {
        if (Files.isDirectory(p)) {
            try (Stream<Path> s = Files.walk(p)) {
                return s.filter(f -> f.toString().endsWith(".test") && Files.isRegularFile(f)).sorted().toList();
            }
        }
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("no such file or directory: " + p);
        }
        return List.of(p);
    }
}
