package dev.muru.benchmarks;

/** The benchmark statements, identical for every engine. */
public final class Queries {
    public static final String CREATE = "CREATE TABLE test (id BIGINT, value BIGINT, category INT)";
    public static final String SCAN = "SELECT COUNT(*), SUM(value) FROM test WHERE id % 2 = 0";
    public static final String GROUP_BY = "SELECT category, COUNT(*), AVG(value) FROM test GROUP BY category";

    private Queries() {
    }
}
