package dev.muru;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;
import dev.muru.plan.binder.Dialect;

import java.time.Duration;

/**
 * The settings of one engine, read from the {@code muru} section of the configuration
 * (defaults in cluster-config's reference.conf) and the environment variable
 * {@code MURU_PARALLEL_THRESHOLD}. Thresholds are estimated input rows; {@link #NEVER} means
 * a pipeline never goes parallel. {@code compatibility} ({@code muru.sql.compatibility}) picks
 * PostgreSQL's or SQLite's value rules.
 */
public record MuruSettings(int morselRows, int parallelism, int aggregatePartitions, long scanThreshold,
                           long aggregateThreshold, long sortThreshold, long joinThreshold, boolean adaptive,
                           Duration statementTimeout, long queryMemoryLimit, long globalMemoryLimit,
                           Dialect compatibility, Config config) {

    public static final long NEVER = Long.MAX_VALUE;
    public static final String THRESHOLD_ENV = "MURU_PARALLEL_THRESHOLD";

    public MuruSettings {
        if (morselRows < 1) {
            throw new MuruException(ErrorCode.INVALID_SETTING, "muru.execution.morsel-rows must be at least 1, got " + morselRows);
        }
        if (parallelism < 1) {
            throw new MuruException(ErrorCode.INVALID_SETTING, "muru.execution.parallelism must be at least 1, got " + parallelism);
        }
        if (compatibility == null) {
            throw new MuruException(ErrorCode.INVALID_SETTING, "muru.sql.compatibility must be set");
        }
        if (queryMemoryLimit < 1 || globalMemoryLimit < 1) {
            throw new MuruException(ErrorCode.INVALID_SETTING, "memory limits must be at least 1 byte");
        }
    }

    /** Settings from the classpath configuration and the environment. */
    public static MuruSettings load() {
        return fromConfig(defaultConfig(), System.getenv(THRESHOLD_ENV));
    }

    /**
     * System properties, then application.conf, then Muru's Pekko preferences (muru-pekko.conf),
     * then every reference.conf.
     */
    public static Config defaultConfig() {
        ConfigFactory.invalidateCaches();
        return ConfigFactory.defaultOverrides()
                .withFallback(ConfigFactory.defaultApplication())
                .withFallback(ConfigFactory.parseResources("muru-pekko.conf"))
                .withFallback(ConfigFactory.defaultReference())
                .resolve();
    }

    public static MuruSettings fromConfig(Config config, String thresholdOverride) {
        Config c = config.getConfig("muru.execution");
        int cores = Runtime.getRuntime().availableProcessors();
        int parallelism = c.getInt("parallelism");
        if (parallelism == 0) {
            parallelism = cores;
        }
        int partitions = c.getInt("aggregate-partitions");
        long scan = parseThreshold(c.getString("parallel-threshold.scan"), "parallel-threshold.scan");
        long agg = parseThreshold(c.getString("parallel-threshold.aggregate"), "parallel-threshold.aggregate");
        long sort = parseThreshold(c.getString("parallel-threshold.sort"), "parallel-threshold.sort");
        long join = parseThreshold(c.getString("parallel-threshold.join"), "parallel-threshold.join");
        String override = c.getString("parallel-threshold-override");
        if (thresholdOverride != null && !thresholdOverride.isBlank()) {
            override = thresholdOverride;
        }
        boolean adaptive = c.getBoolean("adaptive");
        if (override != null && !override.isBlank()) {
            adaptive = false;
            long t = parseThreshold(override, THRESHOLD_ENV);
            scan = t;
            agg = t;
            sort = t;
            join = t;
        }
        Config m = config.getConfig("muru.memory");
        long heap = Runtime.getRuntime().maxMemory();
        long global = ByteSize.parse(m.getString("global-limit"), "muru.memory.global-limit");
        if (global == 0) {
            global = Math.max(1, (long) (heap * DEFAULT_GLOBAL_FRACTION));
        }
        long query = ByteSize.parse(m.getString("query-limit"), "muru.memory.query-limit");
        if (query == 0) {
            query = global;
        }
        Dialect compatibility = config.hasPath("muru.sql.compatibility")
                ? Dialect.parse(config.getString("muru.sql.compatibility"), "muru.sql.compatibility") : Dialect.POSTGRESQL;
        return new MuruSettings(c.getInt("morsel-rows"), parallelism, partitions, scan, agg, sort, join, adaptive,
                c.getDuration("statement-timeout"), query, global, compatibility, config);
    }

    /**
     * The default engine budget as a share of the heap: the rest covers table data, transient
     * copies (a hash table doubling holds old and new arrays) and the estimates' error.
     */
    public static final double DEFAULT_GLOBAL_FRACTION = 0.5;

    /** A threshold: a non-negative row count, or "max" for never. */
    public static long parseThreshold(String text, String what) {
        String t = text.trim();
        if (t.equalsIgnoreCase("max")) {
            return NEVER;
        }
        try {
            long v = Long.parseLong(t);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the error below
        }
        throw new MuruException(ErrorCode.INVALID_SETTING,
                what + " must be a row count >= 0 or \"max\", got \"" + text + "\"");
    }

    /** Aggregate actors per parallel aggregation. */
    public int effectiveAggregatePartitions() {
        return aggregatePartitions > 0 ? aggregatePartitions : parallelism;
    }

    public MuruSettings withMorselRows(int rows) {
        return new MuruSettings(rows, parallelism, aggregatePartitions, scanThreshold, aggregateThreshold,
                sortThreshold, joinThreshold, adaptive, statementTimeout, queryMemoryLimit, globalMemoryLimit, compatibility, config);
    }

    public MuruSettings withParallelism(int dop) {
        return new MuruSettings(morselRows, dop, aggregatePartitions, scanThreshold, aggregateThreshold,
                sortThreshold, joinThreshold, adaptive, statementTimeout, queryMemoryLimit, globalMemoryLimit, compatibility, config);
    }

    /**
     * The same threshold for every operation, which also turns the adaptive thresholds off:
     * 0 forces parallel, {@link #NEVER} sequential.
     */
    public MuruSettings withThreshold(long rows) {
        return new MuruSettings(morselRows, parallelism, aggregatePartitions, rows, rows, rows, rows, false,
                statementTimeout, queryMemoryLimit, globalMemoryLimit, compatibility, config);
    }

    /** The configured thresholds as starting points that the runtime statistics move. */
    public MuruSettings withAdaptiveThresholds() {
        Config c = config.getConfig("muru.execution");
        return new MuruSettings(morselRows, parallelism, aggregatePartitions,
                parseThreshold(c.getString("parallel-threshold.scan"), "parallel-threshold.scan"),
                parseThreshold(c.getString("parallel-threshold.aggregate"), "parallel-threshold.aggregate"),
                parseThreshold(c.getString("parallel-threshold.sort"), "parallel-threshold.sort"),
                parseThreshold(c.getString("parallel-threshold.join"), "parallel-threshold.join"), true,
                statementTimeout, queryMemoryLimit, globalMemoryLimit, compatibility, config);
    }

    public MuruSettings withStatementTimeout(Duration timeout) {
        return new MuruSettings(morselRows, parallelism, aggregatePartitions, scanThreshold, aggregateThreshold,
                sortThreshold, joinThreshold, adaptive, timeout, queryMemoryLimit, globalMemoryLimit, compatibility, config);
    }

    /** The most one query may reserve (hash tables, aggregate states, sort runs, buffered rows). */
    public MuruSettings withQueryMemoryLimit(long bytes) {
        return new MuruSettings(morselRows, parallelism, aggregatePartitions, scanThreshold, aggregateThreshold,
                sortThreshold, joinThreshold, adaptive, statementTimeout, bytes, globalMemoryLimit, compatibility, config);
    }

    /** Aggregate actors per parallel aggregation; 0 means the parallelism. */
    public MuruSettings withAggregatePartitions(int partitions) {
        return new MuruSettings(morselRows, parallelism, partitions, scanThreshold, aggregateThreshold,
                sortThreshold, joinThreshold, adaptive, statementTimeout, queryMemoryLimit, globalMemoryLimit, compatibility, config);
    }

    /** Whose value rules statements follow: PostgreSQL's (the default) or SQLite's (session setting compatibility). */
    public MuruSettings withCompatibility(Dialect dialect) {
        return new MuruSettings(morselRows, parallelism, aggregatePartitions, scanThreshold, aggregateThreshold,
                sortThreshold, joinThreshold, adaptive, statementTimeout, queryMemoryLimit, globalMemoryLimit, dialect, config);
    }

    /** The most all queries of the engine together may reserve. */
    public MuruSettings withGlobalMemoryLimit(long bytes) {
        return new MuruSettings(morselRows, parallelism, aggregatePartitions, scanThreshold, aggregateThreshold,
                sortThreshold, joinThreshold, adaptive, statementTimeout, queryMemoryLimit, bytes, compatibility, config);
    }
}
