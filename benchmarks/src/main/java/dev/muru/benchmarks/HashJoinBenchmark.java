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
 * An equi-join of two N-row tables on a shuffled unique key ({@link JoinData}):
 * {@code SELECT COUNT(*), SUM(t1.a + t2.b) FROM t1 JOIN t2 ON t1.id = t2.id}.
 * Engines: Muru forced sequential (muru-dop1: parallelism 1, threshold NEVER) and forced
 * parallel (muru-dop2: parallelism 2, threshold 0), DuckDB with threads = 2, H2 (one thread;
 * t2.id indexed, as H2 has no hash join). Every parameter combination runs in its own fork.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx12g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class HashJoinBenchmark {
    @Param({"muru-dop1", "muru-dop2", "duckdb", "h2"})
    public String engine;

    @Param({"100000", "1000000"})
    public int rows;

    private BenchEngine db;

    @Setup(Level.Trial)
    public void setup() {
        long t0 = System.nanoTime();
        JoinData.Table t1 = JoinData.t1(rows);
        JoinData.Table t2 = JoinData.t2(rows);
        switch (engine) {
            case "muru-dop1":
                db = JoinData.muru(MuruSettings.load().withParallelism(1).withThreshold(MuruSettings.NEVER), t1, t2);
                break;
            case "muru-dop2":
                db = JoinData.muru(MuruSettings.load().withParallelism(2).withThreshold(0), t1, t2);
                break;
            case "duckdb":
                db = JoinData.duckdb(2, t1, t2);
                break;
            case "h2":
                db = JoinData.h2(t1, t2, true);
                break;
            default:
                throw new IllegalArgumentException("unknown engine " + engine);
        }
        System.out.printf("%n[setup] %s: loaded 2 x %,d rows in %.1f s%n", engine, rows, (System.nanoTime() - t0) / 1e9);
        JoinData.validate(engine, db, JoinData.expected(t1, t2));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    @Benchmark
    public long join() {
        return db.run(JoinData.JOIN);
    }
}
