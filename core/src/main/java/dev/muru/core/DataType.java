package dev.muru.core;

import java.util.Objects;

/**
 * A SQL type. DECIMAL(p,s) with p up to 18 is a scaled {@code long}; DATE is days since
 * 1970-01-01 in an {@code int}; CHAR(n) is held like VARCHAR(n) without padding (as DuckDB does).
 */
public final class DataType {
    public static final int MAX_DECIMAL_PRECISION = 18;
    /** Length of VARCHAR/TEXT without a bound. */
    public static final int UNBOUNDED = -1;

    public static final DataType BOOLEAN = new DataType(TypeKind.BOOLEAN, 0, 0, 0);
    public static final DataType INTEGER = new DataType(TypeKind.INTEGER, 10, 0, 0);
    public static final DataType BIGINT = new DataType(TypeKind.BIGINT, 19, 0, 0);
    public static final DataType DOUBLE = new DataType(TypeKind.DOUBLE, 0, 0, 0);
    public static final DataType DATE = new DataType(TypeKind.DATE, 0, 0, 0);
    public static final DataType VARCHAR = new DataType(TypeKind.VARCHAR, 0, 0, UNBOUNDED);
    public static final DataType NULL = new DataType(TypeKind.NULL, 0, 0, 0);

    private final TypeKind kind;
    private final int precision;
    private final int scale;
    private final int length;

    private DataType(TypeKind kind, int precision, int scale, int length) {
        this.kind = kind;
        this.precision = precision;
        this.scale = scale;
        this.length = length;
    }

    public static DataType decimal(int precision, int scale) {
        if (precision < 1 || precision > MAX_DECIMAL_PRECISION) {
            throw new MuruException(ErrorCode.INVALID_TYPE,
                    "DECIMAL precision must be between 1 and " + MAX_DECIMAL_PRECISION + ", got " + precision);
        }
        if (scale < 0 || scale > precision) {
            throw new MuruException(ErrorCode.INVALID_TYPE,
                    "DECIMAL scale must be between 0 and the precision " + precision + ", got " + scale);
        }
        return new DataType(TypeKind.DECIMAL, precision, scale, 0);
    }

    public static DataType varchar(int length) {
        if (length == UNBOUNDED) {
            return VARCHAR;
        }
        if (length < 1) {
            throw new MuruException(ErrorCode.INVALID_TYPE, "VARCHAR length must be at least 1, got " + length);
        }
        return new DataType(TypeKind.VARCHAR, 0, 0, length);
    }

    public static DataType character(int length) {
        if (length < 1) {
            throw new MuruException(ErrorCode.INVALID_TYPE, "CHAR length must be at least 1, got " + length);
        }
        return new DataType(TypeKind.CHAR, 0, 0, length);
    }

    public TypeKind kind() {
        return kind;
    }

    public int precision() {
        return precision;
    }

    public int scale() {
        return scale;
    }

    /** Maximum length of a VARCHAR/CHAR, or {@link #UNBOUNDED}. */
    public int length() {
        return length;
    }

    public PhysicalType physical() {
        switch (kind) {
            case BOOLEAN: return PhysicalType.BOOLEAN;
            case INTEGER: case DATE: return PhysicalType.INT;
            case BIGINT: case DECIMAL: return PhysicalType.LONG;
            case DOUBLE: return PhysicalType.DOUBLE;
            case VARCHAR: case CHAR: return PhysicalType.STRING;
            case NULL: return PhysicalType.INT;
            default: throw new IllegalStateException(kind.name());
        }
    }

    public boolean isNumeric() {
        return kind == TypeKind.INTEGER || kind == TypeKind.BIGINT || kind == TypeKind.DOUBLE
                || kind == TypeKind.DECIMAL;
    }

    public boolean isExactNumeric() {
        return kind == TypeKind.INTEGER || kind == TypeKind.BIGINT || kind == TypeKind.DECIMAL;
    }

    public boolean isIntegral() {
        return kind == TypeKind.INTEGER || kind == TypeKind.BIGINT;
    }

    public boolean isString() {
        return kind == TypeKind.VARCHAR || kind == TypeKind.CHAR;
    }

    public boolean isNull() {
        return kind == TypeKind.NULL;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof DataType)) return false;
        DataType t = (DataType) o;
        return kind == t.kind && precision == t.precision && scale == t.scale && length == t.length;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, precision, scale, length);
    }

    /** The SQL spelling, as EXPLAIN, the shell and the API print it. */
    @Override
    public String toString() {
        switch (kind) {
            case DECIMAL: return "DECIMAL(" + precision + "," + scale + ")";
            case VARCHAR: return length == UNBOUNDED ? "VARCHAR" : "VARCHAR(" + length + ")";
            case CHAR: return "CHAR(" + length + ")";
            default: return kind.name();
        }
    }
}
