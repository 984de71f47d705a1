package dev.muru.benchmarks;

import java.util.List;

/** One engine under test, with the benchmark table loaded. */
public interface BenchEngine extends AutoCloseable {

    /** Runs a query, reads every value of every result row and returns a checksum of them. */
    long run(String sql);

    /** Runs a query and returns its rows as boxed values, for validation. */
    List<Object[]> rows(String sql);

    @Override
    void close();

    /**
     * Opens engine {@code name} ("muru", "duckdb" or "h2") with a table of {@code rows} rows and
     * {@code groups} categories; {@code muruSettings} is used for Muru only.
     */
    static BenchEngine open(String name, long rows, int groups, dev.muru.MuruSettings muruSettings) {
        long t0 = System.nanoTime();
        BenchEngine e;
        switch (name) {
            case "muru":
                e = MuruBenchEngine.open(muruSettings, rows, groups);
                break;
            case "duckdb":
                e = JdbcBenchEngine.duckdb(rows, groups);
                break;
            case "h2":
                e = JdbcBenchEngine.h2(rows, groups);
                break;
            default:
                throw new IllegalArgumentException("unknown engine " + name);
        }
        System.out.printf("%n[setup] %s: loaded %,d rows (%,d groups) in %.1f s%n",
                name, rows, groups, (System.nanoTime() - t0) / 1e9);
        return e;
    }
}
