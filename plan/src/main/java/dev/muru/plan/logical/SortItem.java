package dev.muru.plan.logical;

/** Sort by input column {@code column}; nullsFirst is already resolved to PostgreSQL's default. */
public record SortItem(int column, boolean ascending, boolean nullsFirst) {
    @Override
    public String toString() {
        return "#" + column + (ascending ? " asc" : " desc") + (nullsFirst ? " nulls first" : " nulls last");
    }
}
