package dev.muru.core;

/**
 * Stable error codes. The SQLSTATE follows PostgreSQL so that JDBC tools understand it;
 * the enum name is what Muru prints and what tests match on.
 */
public enum ErrorCode {
    SYNTAX_ERROR("42601"),
    UNDEFINED_TABLE("42P01"),
    UNDEFINED_COLUMN("42703"),
    AMBIGUOUS_COLUMN("42702"),
    DUPLICATE_TABLE("42P07"),
    DUPLICATE_COLUMN("42701"),
    DUPLICATE_ALIAS("42712"),
    DATATYPE_MISMATCH("42804"),
    UNDEFINED_FUNCTION("42883"),
    AGGREGATE_IN_WHERE("42803"),
    NESTED_AGGREGATE("42803"),
    GROUPING_ERROR("42803"),
    INVALID_ORDINAL("42P10"),
    INSERT_COLUMN_MISMATCH("42601"),
    INVALID_TYPE("42704"),
    DIVISION_BY_ZERO("22012"),
    NUMERIC_OVERFLOW("22003"),
    INVALID_TEXT_REPRESENTATION("22P02"),
    INVALID_DATETIME_FORMAT("22007"),
    STRING_TOO_LONG("22001"),
    NOT_NULL_VIOLATION("23502"),
    CSV_FORMAT_ERROR("22P04"),
    IO_ERROR("58030"),
    FEATURE_NOT_SUPPORTED("0A000"),
    SUBQUERY_MULTIPLE_ROWS("21000"),
    SUBQUERY_COLUMN_COUNT("42601"),
    SET_OPERATION_MISMATCH("42601"),
    INVALID_SETTING("22023"),
    UNIQUE_VIOLATION("23505"),
    INVALID_TABLE_DEFINITION("42P16"),
    UNDEFINED_INDEX("42704"),
    DUPLICATE_INDEX("42P07"),
    UNDEFINED_TRIGGER("42704"),
    DUPLICATE_TRIGGER("42710"),
    /** A positional parameter ({@code ?}) has no value or one of a Java class with no SQL type, or a value has no {@code ?}. */
    INVALID_PARAMETER("22023"),
    QUERY_CANCELLED("57014"),
    OUT_OF_MEMORY("53200"),
    MEMORY_LIMIT("53200"),
    UNDEFINED_SETTING("42704"),
    ENGINE_STOPPED("57P01"),
    QUERY_TIMEOUT("57014"),
    INTERNAL_ERROR("XX000");

    private final String sqlState;

    ErrorCode(String sqlState) {
        this.sqlState = sqlState;
    }

    public String sqlState() {
        return sqlState;
    }
}
