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
    MARK;

    public boolean keepsOnlyLeft() {
        return this == SEMI || this == ANTI;
    }

    public boolean emitsUnmatchedRight() {
        return this == RIGHT || this == FULL;
    }
}
