package dev.muru.plan.logical;

/** Aggregate functions; DISTINCT is a flag of {@link AggregateCall}. */
public enum AggregateFunction {
    COUNT_STAR, COUNT, SUM, AVG, MIN, MAX
}
