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

/** Hash aggregation over many groups, Muru against DuckDB and H2. Shape is ROWSxGROUPS. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx12g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class GroupByBenchmark {
    @Param({"muru", "duckdb", "h2"})
    public String engine;

    @Param({"1000000x10000", "10000000x100000"})
    public String shape;

    private BenchEngine db;

    @Setup(Level.Trial)
    public void setup() {
        long[] s = BenchData.parseShape(shape);
        db = BenchEngine.open(engine, s[0], (int) s[1], MuruSettings.load());
        Validate.groupBy(engine, db, s[0], (int) s[1]);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        db.close();
    }

    @Benchmark
    public long groupBy() {
        return db.run(Queries.GROUP_BY);
    }
}
