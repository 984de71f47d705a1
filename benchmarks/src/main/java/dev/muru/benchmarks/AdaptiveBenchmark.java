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
 * Muru only: the scan at 1k rows under the adaptive thresholds (reference.conf), forced
 * sequential, and forced parallel. Reported in milliseconds like the rest (fractions of a ms).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx12g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AdaptiveBenchmark {
    static final long ROWS = 1_000L;

    @Param({"adaptive", "sequential", "parallel"})
    public String mode;

    private BenchEngine db;

    @Setup(Level.Trial)
    public void setup() {
        MuruSettings s = MuruSettings.load();
        switch (mode) {
            case "adaptive":
                break;
            case "sequential":
                s = s.withThreshold(MuruSettings.NEVER);
                break;
            case "parallel":
                s = s.withThreshold(0);
                break;
            default:
                throw new IllegalArgumentException("unknown mode " + mode);
        }
        db = BenchEngine.open("muru", ROWS, 100, s);
        Validate.scan("muru " + mode, db, ROWS);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        db.close();
    }

    @Benchmark
    public long scan() {
        return db.run(Queries.SCAN);
    }
}
