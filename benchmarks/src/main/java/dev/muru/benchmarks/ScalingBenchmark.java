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
 * Muru only: the scan and the group-by at 10M rows (100k groups) with a forced degree of
 * parallelism: dop 1 never goes parallel, dop 2 always does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx12g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScalingBenchmark {
    static final long ROWS = 10_000_000L;
    static final int GROUPS = 100_000;

    @Param({"1", "2"})
    public int dop;

    private BenchEngine db;

    @Setup(Level.Trial)
    public void setup() {
        MuruSettings s = MuruSettings.load().withParallelism(dop)
                .withThreshold(dop == 1 ? MuruSettings.NEVER : 0);
        db = BenchEngine.open("muru", ROWS, GROUPS, s);
        Validate.scan("muru dop " + dop, db, ROWS);
        Validate.groupBy("muru dop " + dop, db, ROWS, GROUPS);
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
