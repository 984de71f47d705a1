package dev.muru.operators.expr;

/**
 * An evaluator that may write each result into the same buffer. Parents that only read a
 * child's values within their own {@code evaluate} and never hand the child's array on
 * (arithmetic, comparisons) switch their children to it, saving a vector allocation per
 * morsel. A tree with such nodes must not be evaluated by two threads at once.
 */
interface TransientOutput {
    void reuseOutput();

    /** Marks {@code child} transient when it can be; returns it. */
    static VectorExpression child(VectorExpression child) {
        if (child instanceof TransientOutput) {
            ((TransientOutput) child).reuseOutput();
        }
        return child;
    }
}
