package dev.muru.plan.physical;

/** The kinds of work that have their own parallelism threshold. */
public enum OperationKind {
    SCAN, AGGREGATE, SORT,
    /** A hash join's build side. */
    JOIN
}
