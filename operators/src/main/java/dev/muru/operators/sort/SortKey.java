package dev.muru.operators.sort;

/**
 * One ORDER BY key: the column, its direction, and where NULLs go. NULL placement does not
 * follow the direction; the binder sets PostgreSQL's default (NULLS LAST for ASC, FIRST for DESC).
 */
public record SortKey(int column, boolean ascending, boolean nullsFirst) {

    public SortKey {
        if (column < 0) {
            throw new IllegalArgumentException("sort column must be at least 0, got " + column);
        }
    }

    /** ASC NULLS LAST. */
    public static SortKey asc(int column) {
        return new SortKey(column, true, false);
    }

    /** DESC NULLS FIRST. */
    public static SortKey desc(int column) {
        return new SortKey(column, false, true);
    }
}
