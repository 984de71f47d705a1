package dev.muru.operators.aggregate;

/** The aggregate functions a {@link HashAggregation} computes. */
public enum AggregateKind {
    COUNT_STAR,
    COUNT,
    SUM,
    AVG,
    MIN,
    MAX
}
