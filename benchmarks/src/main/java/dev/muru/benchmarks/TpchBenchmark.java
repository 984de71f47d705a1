package dev.muru.benchmarks;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the 22 TPC-H-derived queries on one engine per JVM and reports load time and per-query
 * medians (a main class, not JMH: the queries are long enough to time with System.nanoTime).
 *
 * <pre>
 * java -Xmx8g -cp benchmarks/target/benchmarks.jar dev.muru.benchmarks.TpchBenchmark \
 *     --engine muru|duckdb|h2 --sf 1 --runs 5 --timeout 60 \
 *     [--queries ../shared/tpch/queries] [--only 1,3,6] [--out results.json] \
 *     [--answers DIR|none] [--dop N] [--threads 2] [--h2-indexes true|false]
 * </pre>
 *
 * Data: the eight tables from {@code io.trino.tpch} at the scale factor, with the types of
 * Muru's TPC-H demo data (DECIMAL(15,2), DATE, INTEGER keys, BIGINT order keys). Per query: one
 * warmup run, then {@code --runs} timed runs; the median is reported. A run over
 * {@code --timeout} seconds is cancelled (JDBC: Statement.cancel; Muru, which has no cancel, is
 * waited for up to another timeout) and the query reported as "timeout" with no further runs.
 * A failing query is reported as "error: message" and the run goes on. The warmup run's result
 * is compared with the reference answers ({@code --answers}; by default
 * {@code <queries>/../answers-trino/sf<SF>} when it exists); a difference makes the status
 * "wrong: ..." (the timings are kept).
 *
 * <p>Timings of TPC-H-derived queries are not comparable with published TPC-H results.
 */
public final class TpchBenchmark {
    private static final Pattern QUERY_FILE = Pattern.compile("q(\\d+)\\.sql");

    private TpchBenchmark() {
    }

    /** One query's outcome. */
    static final class Outcome {
        String status = "ok";
        final List<Double> runsMs = new ArrayList<>();
        Double medianMs;
        Integer rows;
        String check = "not checked";
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = parseArgs(argv);
        String engineName = a.getOrDefault("engine", "");
        double sf = Double.parseDouble(a.getOrDefault("sf", "1"));
        int runs = Integer.parseInt(a.getOrDefault("runs", "5"));
        long timeoutMs = (long) (Double.parseDouble(a.getOrDefault("timeout", "60")) * 1000);
        Path queries = Paths.get(a.getOrDefault("queries", "../shared/tpch/queries"));
        String out = a.get("out");
        int dop = Integer.parseInt(a.getOrDefault("dop", "0"));
        int threads = Integer.parseInt(a.getOrDefault("threads", "2"));
        boolean h2Indexes = Boolean.parseBoolean(a.getOrDefault("h2-indexes", "true"));
        String sfText = BigDecimal.valueOf(sf).stripTrailingZeros().toPlainString();
        Path answers = null;
        String answersArg = a.get("answers");
        if (answersArg == null) {
            Path p = queries.toAbsolutePath().normalize().resolveSibling("answers-trino").resolve("sf" + sfText);
            answers = Files.isDirectory(p) ? p : null;
        } else if (!answersArg.equals("none")) {
            answers = Paths.get(answersArg);
        }
        if (runs < 1 || !(sf > 0) || timeoutMs < 1) {
            throw new IllegalArgumentException("--runs, --sf and --timeout must be positive");
        }

        Map<String, String> sqls = readQueries(queries, a.get("only"));
        System.out.printf("TPC-H-derived queries (not comparable with published TPC-H results): %s, SF %s, "
                        + "%d queries, 1 warmup + %d runs, timeout %d s%n",
                engineName, sfText, sqls.size(), runs, timeoutMs / 1000);
        System.out.printf("JVM %s, %d cores, max heap %.1f GiB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024.0 * 1024 * 1024));

        long t0 = System.nanoTime();
        TpchEngine engine;
        switch (engineName) {
            case "muru":
                engine = new TpchEngine.MuruEngine(TpchEngine.MuruEngine.settings(dop, timeoutMs), sf, timeoutMs);
                break;
            case "duckdb":
                engine = TpchEngine.JdbcEngine.duckdb(sf, threads);
                break;
            case "h2":
                engine = TpchEngine.JdbcEngine.h2(sf, h2Indexes);
                break;
            default:
                throw new IllegalArgumentException("--engine must be muru, duckdb or h2, got \"" + engineName + "\"");
        }
        double loadMs = (System.nanoTime() - t0) / 1e6;
        System.out.printf("%s%nloaded SF %s in %.0f ms%s%n%n", engine.describe(), sfText, loadMs,
                answers == null ? "" : "; checking results against " + answers);

        Map<String, Outcome> results = new LinkedHashMap<>();
        System.out.printf("%-5s %12s %8s  %-8s %s%n", "query", "median ms", "rows", "check", "status / runs ms");
        for (Map.Entry<String, String> q : sqls.entrySet()) {
            Outcome o = runQuery(engine, q.getValue(), runs, timeoutMs, answers == null ? null : answers.resolve(q.getKey() + ".csv"));
            results.put(q.getKey(), o);
            System.out.printf("%-5s %12s %8s  %-8s %s%n", q.getKey(), o.medianMs == null ? "-" : fmt(o.medianMs),
                    o.rows == null ? "-" : o.rows.toString(), o.check.startsWith("wrong") ? "WRONG" : o.check.equals("ok") ? "ok" : "-",
                    o.status.equals("ok") ? o.runsMs.stream().map(TpchBenchmark::fmt).toList().toString() : abbreviate(o.status, 110));
        }
        engine.close();

        double sum = 0;
        int ok = 0;
        for (Outcome o : results.values()) {
            if (o.medianMs != null) {
                sum += o.medianMs;
                ok++;
            }
        }
        System.out.printf("%nsum of medians over %d/%d queries with a median: %s ms; load %.0f ms%n",
                ok, results.size(), fmt(sum), loadMs);
        if (out != null) {
            Files.writeString(Paths.get(out), json(engineName, sf, loadMs, runs, timeoutMs, engine.describe(), results),
                    StandardCharsets.UTF_8);
            System.out.println("wrote " + out);
        }
        // Abandoned query threads (a Muru query past its timeout) must not keep the JVM alive.
        System.exit(0);
    }

    private static Outcome runQuery(TpchEngine engine, String sql, int runs, long timeoutMs, Path answer) {
        Outcome o = new Outcome();
        try {
            List<Object[]> rows = engine.run(sql, timeoutMs);
            o.rows = rows.size();
            if (answer != null && Files.exists(answer)) {
                String diff = AnswerCheck.compare(rows, answer);
                o.check = diff == null ? "ok" : "wrong: " + diff;
            }
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                engine.run(sql, timeoutMs);
                o.runsMs.add((System.nanoTime() - t) / 1e6);
            }
            double[] sorted = o.runsMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int n = sorted.length;
            o.medianMs = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            if (o.check.startsWith("wrong")) {
                o.status = o.check;
            }
        } catch (TimeoutException e) {
            o.status = "timeout";
        } catch (Throwable e) {
            o.status = "error: " + message(e);
        }
        return o;
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName();
        }
        return oneLine(m);
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() > 300 ? t.substring(0, 300) + "..." : t;
    }

    private static String abbreviate(String s, int max) {
        return s.length() > max ? s.substring(0, max - 3) + "..." : s;
    }

    static String fmt(double ms) {
        if (ms >= 100) {
            return String.format(Locale.ROOT, "%.0f", ms);
        }
        if (ms >= 10) {
            return String.format(Locale.ROOT, "%.1f", ms);
        }
        return String.format(Locale.ROOT, "%.2f", ms);
    }

    /** q01..q22 from the directory, keyed "qNN", the trailing ';' removed; --only keeps some. */
    static Map<String, String> readQueries(Path dir, String only) throws IOException {
        TreeSet<Integer> wanted = null;
        if (only != null && !only.isBlank()) {
            wanted = new TreeSet<>();
            for (String s : only.split(",")) {
                wanted.add(Integer.parseInt(s.trim().replaceFirst("^[qQ]", "")));
            }
        }
        TreeSet<Integer> found = new TreeSet<>();
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Matcher m = QUERY_FILE.matcher(p.getFileName().toString());
                if (m.matches()) {
                    found.add(Integer.parseInt(m.group(1)));
                }
            }
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no qNN.sql files in " + dir.toAbsolutePath());
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int n : wanted == null ? found : wanted) {
            if (!found.contains(n)) {
                throw new IllegalArgumentException("no query " + n + " in " + dir.toAbsolutePath());
            }
            String name = String.format(Locale.ROOT, "q%02d", n);
            String sql = Files.readString(dir.resolve(name + ".sql"), StandardCharsets.UTF_8).trim();
            while (sql.endsWith(";")) {
                sql = sql.substring(0, sql.length() - 1).trim();
            }
            out.put(name, sql);
        }
        return out;
    }

    private static Map<String, String> parseArgs(String[] argv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < argv.length; i++) {
            String k = argv[i];
            if (k.equals("-h") || k.equals("--help")) {
                System.out.println("usage: TpchBenchmark --engine muru|duckdb|h2 [--sf 1] [--runs 5] [--timeout 60]"
                        + " [--queries ../shared/tpch/queries] [--only 1,3,...] [--out results.json]"
                        + " [--answers DIR|none] [--dop N (muru)] [--threads 2 (duckdb)] [--h2-indexes true|false]");
                System.exit(0);
            }
            if (!k.startsWith("--") || i + 1 >= argv.length) {
                throw new IllegalArgumentException("expected --name value, got " + Arrays.toString(argv));
            }
            m.put(k.substring(2), argv[++i]);
        }
        return m;
    }

    private static String json(String engine, double sf, double loadMs, int runs, long timeoutMs, String settings,
                               Map<String, Outcome> results) {
        StringBuilder b = new StringBuilder();
        b.append("{\n  \"engine\": ").append(str(engine))
                .append(",\n  \"sf\": ").append(BigDecimal.valueOf(sf).stripTrailingZeros().toPlainString())
                .append(",\n  \"loadMs\": ").append(num(loadMs))
                .append(",\n  \"runs\": ").append(runs)
                .append(",\n  \"timeoutS\": ").append(num(timeoutMs / 1000.0))
                .append(",\n  \"settings\": ").append(str(settings))
                .append(",\n  \"jvm\": ").append(str(System.getProperty("java.version")))
                .append(",\n  \"cores\": ").append(Runtime.getRuntime().availableProcessors())
                .append(",\n  \"date\": ").append(str(Instant.now().toString()))
                .append(",\n  \"note\": ").append(str("derived from TPC-H; not comparable with published TPC-H results"))
                .append(",\n  \"queries\": {");
        boolean first = true;
        for (Map.Entry<String, Outcome> e : results.entrySet()) {
            Outcome o = e.getValue();
            b.append(first ? "\n" : ",\n").append("    ").append(str(e.getKey())).append(": {")
                    .append("\"medianMs\": ").append(o.medianMs == null ? "null" : num(o.medianMs))
                    .append(", \"runsMs\": [");
            for (int i = 0; i < o.runsMs.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(num(o.runsMs.get(i)));
            }
            b.append("], \"status\": ").append(str(o.status))
                    .append(", \"rows\": ").append(o.rows == null ? "null" : o.rows.toString())
                    .append(", \"check\": ").append(str(o.check)).append("}");
            first = false;
        }
        return b.append("\n  }\n}\n").toString();
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }

    private static String str(String s) {
        return BenchSupport.str(s);
    }
}
