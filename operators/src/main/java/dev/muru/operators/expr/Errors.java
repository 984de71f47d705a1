package dev.muru.operators.expr;

import dev.muru.core.DataType;
import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;

/** The runtime errors of expression evaluation, worded like PostgreSQL's. */
final class Errors {
    private Errors() {
    }

    /** NUMERIC_OVERFLOW "integer out of range" and its siblings for the other types. */
    static MuruException overflow(DataType type) {
        return new MuruException(ErrorCode.NUMERIC_OVERFLOW, rangeName(type) + " out of range");
    }

    static MuruException divisionByZero() {
        return new MuruException(ErrorCode.DIVISION_BY_ZERO, "division by zero");
    }

    /** INVALID_TEXT_REPRESENTATION {@code invalid input syntax for type integer: "abc"}. */
    static MuruException invalidText(DataType type, String text) {
        return new MuruException(ErrorCode.INVALID_TEXT_REPRESENTATION,
                "invalid input syntax for type " + sqlName(type) + ": \"" + text + "\"");
    }

    /** NUMERIC_OVERFLOW {@code value "99999999999" is out of range for type integer}. */
    static MuruException textOutOfRange(DataType type, String text) {
        return new MuruException(ErrorCode.NUMERIC_OVERFLOW,
                "value \"" + text + "\" is out of range for type " + sqlName(type));
    }

    /** A binder contract violation: a bug, not a user error. */
    static MuruException internal(String message) {
        return new MuruException(ErrorCode.INTERNAL_ERROR, message);
    }

    private static String rangeName(DataType type) {
        switch (type.kind()) {
            case INTEGER: return "integer";
            case BIGINT: return "bigint";
            case DECIMAL: return "decimal";
            case DATE: return "date";
            case DOUBLE: return "double precision";
            default: return type.toString().toLowerCase();
        }
    }

    /** PostgreSQL's name of a type in input-syntax errors. */
    private static String sqlName(DataType type) {
        switch (type.kind()) {
            case INTEGER: return "integer";
            case BIGINT: return "bigint";
            case DECIMAL: return "numeric";
            case DOUBLE: return "double precision";
            case BOOLEAN: return "boolean";
            case DATE: return "date";
            default: return type.toString().toLowerCase();
        }
    }
}
