package dev.muru.engine;

import dev.muru.ByteSize;
import dev.muru.MuruSettings;
import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;
import dev.muru.plan.binder.Dialect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The settings of one session, changed by {@code SET name = value} and {@code RESET name} and
 * read by {@code SHOW name | ALL}, with PostgreSQL's and DuckDB's names. Every statement of the
 * session runs with the settings current when it starts. Thread-safe.
 */
public final class SessionSettings {

    /** A setting a session can show and, unless read-only, change. */
    private enum Setting {
        THREADS("threads", "workers of a parallel pipeline (DuckDB: threads)", false),
        PARALLEL_THRESHOLD("parallel_threshold",
                "input rows from which pipelines run in parallel: 0 always, max never, N, or auto (adaptive)", false),
        MEMORY_LIMIT("memory_limit", "what one query may reserve, e.g. '64MB' or '1GiB'", false),
        STATEMENT_TIMEOUT("statement_timeout", "how long a statement may run, e.g. '5s', '2min'; a number is milliseconds; 0 means none", false),
        AGGREGATE_PARTITIONS("aggregate_partitions", "aggregate actors of a parallel aggregation; 0 means threads", false),
        COMPATIBILITY("compatibility", "whose value rules statements follow: 'postgresql' or 'sqlite' (integer constants in "
                + "64 bits, CAST to integer truncates, declared string lengths not enforced, ...)", false),
        GLOBAL_MEMORY_LIMIT("global_memory_limit", "what all queries together may reserve (muru.memory.global-limit)", true),
        MORSEL_ROWS("morsel_rows", "rows per morsel and per stored row group (muru.execution.morsel-rows)", true);

        final String key;
        final String description;
        final boolean readOnly;

        Setting(String key, String description, boolean readOnly) {
            this.key = key;
            this.description = description;
            this.readOnly = readOnly;
        }
    }

    private final MuruSettings defaults;
    private final AtomicReference<MuruSettings> current;

    public SessionSettings(MuruSettings defaults) {
        this.defaults = defaults;
        this.current = new AtomicReference<>(defaults);
    }

    public MuruSettings current() {
        return current.get();
    }

    /** {@code SET name = value}; a null value means DEFAULT. */
    public void set(String name, String value) {
        Setting s = find(name);
        if (value == null) {
            reset(name);
            return;
        }
        if (s.readOnly) {
            throw new MuruException(ErrorCode.INVALID_SETTING, "setting \"" + s.key
                    + "\" cannot be changed in a session; it is an engine setting: " + s.description);
        }
        current.updateAndGet(c -> apply(c, s, value.trim()));
    }

    /** {@code RESET name}, or every setting for null (RESET ALL). */
    public void reset(String name) {
        if (name == null) {
            current.set(defaults);
            return;
        }
        Setting s = find(name);
        current.updateAndGet(c -> apply(c, s, show(defaults, s)));
    }

    /** The value {@code SHOW name} prints. */
    public String show(String name) {
        return show(current.get(), find(name));
    }

    /** Name, value and description of every setting, for {@code SHOW ALL}. */
    public List<String[]> showAll() {
        MuruSettings c = current.get();
        List<String[]> out = new ArrayList<>();
        for (Setting s : Setting.values()) {
            out.add(new String[]{s.key, show(c, s), s.description});
        }
        return out;
    }

    private static Setting find(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (Setting s : Setting.values()) {
            if (s.key.equals(n)) {
                return s;
            }
        }
        throw new MuruException(ErrorCode.UNDEFINED_SETTING, "unrecognized configuration parameter \"" + name
                + "\" (SHOW ALL lists them)");
    }

    private MuruSettings apply(MuruSettings c, Setting s, String value) {
        switch (s) {
            case THREADS:
                return c.withParallelism((int) positive(value, s, 1, 4096));
            case PARALLEL_THRESHOLD:
                if (value.equalsIgnoreCase("auto") || value.equalsIgnoreCase("adaptive")) {
                    return c.withAdaptiveThresholds();
                }
                return c.withThreshold(MuruSettings.parseThreshold(value, s.key));
            case MEMORY_LIMIT:
                long bytes = ByteSize.parse(value, s.key);
                if (bytes < 1) {
                    throw new MuruException(ErrorCode.INVALID_SETTING, "memory_limit must be at least 1 byte");
                }
                return c.withQueryMemoryLimit(bytes);
            case STATEMENT_TIMEOUT:
                return c.withStatementTimeout(duration(value));
            case AGGREGATE_PARTITIONS:
                return c.withAggregatePartitions((int) positive(value, s, 0, 4096));
            case COMPATIBILITY:
                return c.withCompatibility(Dialect.parse(value, s.key));
            default:
                throw new IllegalStateException(s.key);
        }
    }

    private static String show(MuruSettings c, Setting s) {
        switch (s) {
            case THREADS:
                return Integer.toString(c.parallelism());
            case PARALLEL_THRESHOLD:
                if (c.adaptive()) {
                    return "auto";
                }
                long t = c.scanThreshold();
                return t == MuruSettings.NEVER ? "max" : Long.toString(t);
            case MEMORY_LIMIT:
                return ByteSize.format(c.queryMemoryLimit());
            case STATEMENT_TIMEOUT:
                return c.statementTimeout().isZero() ? "0" : formatDuration(c.statementTimeout());
            case AGGREGATE_PARTITIONS:
                return Integer.toString(c.aggregatePartitions());
            case COMPATIBILITY:
                return c.compatibility().settingValue();
            case GLOBAL_MEMORY_LIMIT:
                return ByteSize.format(c.globalMemoryLimit());
            default:
                return Integer.toString(c.morselRows());
        }
    }

    private static long positive(String value, Setting s, long min, long max) {
        try {
            long v = Long.parseLong(value);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the error below
        }
        throw new MuruException(ErrorCode.INVALID_SETTING, s.key + " must be a whole number from " + min + " to " + max
                + ", got \"" + value + "\"");
    }

    /** PostgreSQL's forms: "5000" (ms), "5s", "5 s", "250ms", "2min", "1h", "1d". */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
        }
        if (i > 0 && i < 19) {
            long v = Long.parseLong(t.substring(0, i));
            switch (t.substring(i)) {
                case "": case "ms": return Duration.ofMillis(v);
                case "s": case "sec": case "second": case "seconds": return Duration.ofSeconds(v);
                case "min": case "minute": case "minutes": return Duration.ofMinutes(v);
                case "h": case "hour": case "hours": return Duration.ofHours(v);
                case "d": case "day": case "days": return Duration.ofDays(Math.min(v, 365));
                default: break;
            }
        }
        throw new MuruException(ErrorCode.INVALID_SETTING,
                "statement_timeout must be a duration such as 5s, 250ms or 2min, got \"" + text + "\"");
    }

    private static String formatDuration(Duration d) {
        long ms = d.toMillis();
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "min";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}
