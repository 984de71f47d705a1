package dev.muru.plan.logical;

/**
 * How a join combines its two inputs. In a physical hash join the left input probes and the
 * right input builds, so LEFT keeps unmatched probe rows and RIGHT unmatched build rows.
 */
public enum JoinKind {
    /** Pairs whose keys match and whose residual condition is TRUE. Output: left ++ right. */
    INNER,
    /** INNER plus each left row without a match, its right columns NULL. */
    LEFT,
    /** INNER plus each right row without a match, its left columns NULL. */
    RIGHT,
    /** LEFT and RIGHT together. */
    FULL,
    /** Left rows with at least one match (each once). Output: left. */
    SEMI,
    /** Left rows with no match. Output: left. With null-awareness: NOT IN's rule. */
    ANTI,
    /**
     * Every left row once, plus a BOOLEAN column: TRUE if it has a match, else FALSE (with
     * null-awareness, IN's rule: NULL when the left key is NULL or the right side has a NULL key).
     */
    MARK,
    /**
     * Right rows with at least one match (each once). Output: right. A semi join with the
     * sides swapped, so that the smaller side builds and the larger one probes.
     */
    RIGHT_SEMI,
    /** Right rows with no match. Output: right. */
    RIGHT_ANTI;

    public boolean keepsOnlyLeft() {
        return this == SEMI || this == ANTI;
    }

    public boolean keepsOnlyRight() {
        return this == RIGHT_SEMI || this == RIGHT_ANTI;
    }

    /** The build rows no probe row matched follow the probe output. */
    public boolean emitsUnmatchedRight() {
        return this == RIGHT || this == FULL || this == RIGHT_ANTI;
    }

    /** The build rows some probe row matched are the output (the probe itself emits nothing). */
    public boolean emitsMatchedRight() {
        return this == RIGHT_SEMI;
    }
}
