package dev.muru.benchmarks;

import dev.muru.MuruSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Muru only: the morsel-size sweep. Storage row groups are sized by morsel-rows, so the table
 * is loaded per setting. Uses the adaptive (default) thresholds and parallelism.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx12g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MorselSizeBenchmark {
    static final long ROWS = 10_000_000L;
    static final int GROUPS = 100_000;

    @Param({"4096", "16384", "65536", "262144"})
    public int morselRows;

    private BenchEngine db;

    @Setup(Level.Trial)
    public void setup() {
        db = BenchEngine.open("muru", ROWS, GROUPS, MuruSettings.load().withMorselRows(morselRows));
        Validate.scan("muru morsel " + morselRows, db, ROWS);
        Validate.groupBy("muru morsel " + morselRows, db, ROWS, GROUPS);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        db.close();
    }

    @Benchmark
    public long scan() {
        return db.run(Queries.SCAN);
    }

    @Benchmark
    public long groupBy() {
        return db.run(Queries.GROUP_BY);
    }
}
