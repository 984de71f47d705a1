package dev.muru.jdbc;

import dev.muru.core.DataType;
import dev.muru.core.TypeKind;
import dev.muru.core.Values;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * How Muru's SQL types meet JDBC: the {@link Types} code, type name, Java class, precision and
 * display size of each {@link DataType}, and the conversions between the engine's Java values
 * (Integer, Long, Double, BigDecimal, String, Boolean, LocalDate) and what JDBC getters and
 * setters ask for. Conversions that would lose a value fail with SQLSTATE 22003/22018 instead.
 */
final class JdbcTypes {
    /** SQLSTATE of a value that does not fit the type asked for. */
    static final String NUMERIC_OUT_OF_RANGE = "22003";
    /** SQLSTATE of a value whose text is not of the type asked for. */
    static final String INVALID_CHARACTER_VALUE = "22018";

    private JdbcTypes() {
    }

    static int sqlType(DataType t) {
        switch (t.kind()) {
            case BOOLEAN: return Types.BOOLEAN;
            case INTEGER: return Types.INTEGER;
            case BIGINT: return Types.BIGINT;
            case DOUBLE: return Types.DOUBLE;
            case DECIMAL: return Types.DECIMAL;
            case VARCHAR: return Types.VARCHAR;
            case CHAR: return Types.CHAR;
            case DATE: return Types.DATE;
            case NULL: return Types.NULL;
            default: throw new IllegalStateException(t.kind().name());
        }
    }

    /** The type's name without its parameters, as DatabaseMetaData and ResultSetMetaData report it. */
    static String typeName(DataType t) {
        return t.kind().name();
    }

    /** The class {@code getObject} returns for the type. */
    static Class<?> javaClass(DataType t) {
        switch (t.kind()) {
            case BOOLEAN: return Boolean.class;
            case INTEGER: return Integer.class;
            case BIGINT: return Long.class;
            case DOUBLE: return Double.class;
            case DECIMAL: return BigDecimal.class;
            case VARCHAR: case CHAR: return String.class;
            case DATE: return java.sql.Date.class;
            default: return Object.class;
        }
    }

    /** Digits of numbers, characters of strings (Integer.MAX_VALUE when unbounded), 10 for dates. */
    static int precision(DataType t) {
        switch (t.kind()) {
            case BOOLEAN: return 1;
            case INTEGER: return 10;
            case BIGINT: return 19;
            case DOUBLE: return 17;
            case DECIMAL: return t.precision();
            case VARCHAR: case CHAR: return t.length() == DataType.UNBOUNDED ? Integer.MAX_VALUE : t.length();
            case DATE: return 10;
            default: return 0;
        }
    }

    static int scale(DataType t) {
        return t.kind() == TypeKind.DECIMAL ? t.scale() : 0;
    }

    /** Characters the widest value takes as text (sign and decimal point included). */
    static int displaySize(DataType t) {
        switch (t.kind()) {
            case BOOLEAN: return 5;
            case INTEGER: return 11;
            case BIGINT: return 20;
            case DOUBLE: return 24;
            case DECIMAL: return t.precision() + (t.scale() > 0 ? 2 : 1);
            case DATE: return 10;
            default: return precision(t);
        }
    }

    static boolean isSigned(DataType t) {
        return t.isNumeric();
    }

    // ---------------------------------------------------------------- values read from results

    /** The value as JDBC's getObject gives it: DATE becomes java.sql.Date, the rest as the engine boxes it. */
    static Object toJdbcObject(Object value) {
        return value instanceof LocalDate ? java.sql.Date.valueOf((LocalDate) value) : value;
    }

    static String toText(Object value) {
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).toPlainString();
        }
        if (value instanceof Double) {
            return Values.formatDouble((Double) value);
        }
        return value.toString();
    }

    static long toLong(Object value, long min, long max) throws SQLException {
        long v;
        if (value instanceof Integer || value instanceof Long) {
            v = ((Number) value).longValue();
        } else if (value instanceof BigDecimal || value instanceof Double) {
            BigDecimal d = value instanceof BigDecimal ? (BigDecimal) value : BigDecimal.valueOf((Double) value);
            // Truncates the fraction, as a cast in Java does; a value out of range is an error.
            BigInteger whole = d.toBigInteger();
            if (whole.bitLength() > 63) {
                throw outOfRange(value, min, max);
            }
            v = whole.longValue();
        } else if (value instanceof Boolean) {
            v = (Boolean) value ? 1 : 0;
        } else if (value instanceof String) {
            try {
                v = new BigDecimal(((String) value).trim()).toBigIntegerExact().longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw notA("an integer", value);
            }
        } else {
            throw notA("a number", value);
        }
        if (v < min || v > max) {
            throw outOfRange(value, min, max);
        }
        return v;
    }

    static double toDouble(Object value) throws SQLException {
        if (value instanceof Number) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? 1 : 0;
        }
        if (value instanceof String) {
            try {
                return Double.parseDouble(((String) value).trim());
            } catch (NumberFormatException e) {
                throw notA("a number", value);
            }
        }
        throw notA("a number", value);
    }

    static BigDecimal toBigDecimal(Object value) throws SQLException {
        if (value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        if (value instanceof Integer || value instanceof Long) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double) {
            double d = (Double) value;
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw notA("a finite number", value);
            }
            return BigDecimal.valueOf(d);
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (value instanceof String) {
            try {
                return new BigDecimal(((String) value).trim());
            } catch (NumberFormatException e) {
                throw notA("a number", value);
            }
        }
        throw notA("a number", value);
    }

    static boolean toBoolean(Object value) throws SQLException {
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof Number) {
            return toBigDecimal(value).signum() != 0;
        }
        if (value instanceof String) {
            String s = ((String) value).trim().toLowerCase(java.util.Locale.ROOT);
            switch (s) {
                case "true": case "t": case "yes": case "y": case "on": case "1": return true;
                case "false": case "f": case "no": case "n": case "off": case "0": return false;
                default: throw notA("a boolean", value);
            }
        }
        throw notA("a boolean", value);
    }

    static LocalDate toLocalDate(Object value) throws SQLException {
        if (value instanceof LocalDate) {
            return (LocalDate) value;
        }
        if (value instanceof String) {
            try {
                return LocalDate.parse(((String) value).trim());
            } catch (java.time.format.DateTimeParseException e) {
                throw notA("a date (yyyy-mm-dd)", value);
            }
        }
        throw notA("a date", value);
    }

    /** The value converted to {@code type}, for {@code ResultSet.getObject(int, Class)}. */
    static <T> T convert(Object value, Class<T> type) throws SQLException {
        Object out;
        if (type == Object.class) {
            out = toJdbcObject(value);
        } else if (type == String.class) {
            out = toText(value);
        } else if (type == Integer.class) {
            out = (int) toLong(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
        } else if (type == Long.class) {
            out = toLong(value, Long.MIN_VALUE, Long.MAX_VALUE);
        } else if (type == Short.class) {
            out = (short) toLong(value, Short.MIN_VALUE, Short.MAX_VALUE);
        } else if (type == Byte.class) {
            out = (byte) toLong(value, Byte.MIN_VALUE, Byte.MAX_VALUE);
        } else if (type == Double.class) {
            out = toDouble(value);
        } else if (type == Float.class) {
            out = (float) toDouble(value);
        } else if (type == BigDecimal.class) {
            out = toBigDecimal(value);
        } else if (type == BigInteger.class) {
            out = BigInteger.valueOf(toLong(value, Long.MIN_VALUE, Long.MAX_VALUE));
        } else if (type == Boolean.class) {
            out = toBoolean(value);
        } else if (type == LocalDate.class) {
            out = toLocalDate(value);
        } else if (type == java.sql.Date.class) {
            out = java.sql.Date.valueOf(toLocalDate(value));
        } else if (type == LocalDateTime.class) {
            out = toLocalDate(value).atStartOfDay();
        } else if (type == java.sql.Timestamp.class) {
            out = java.sql.Timestamp.valueOf(toLocalDate(value).atStartOfDay());
        } else {
            throw new SQLFeatureNotSupportedException("getObject cannot convert to " + type.getName()
                    + "; Muru gives String, Integer, Long, Short, Byte, Double, Float, BigDecimal, BigInteger,"
                    + " Boolean, LocalDate, LocalDateTime, java.sql.Date, java.sql.Timestamp or Object");
        }
        return type.cast(out);
    }

    // ---------------------------------------------------------------- values bound to parameters

    /**
     * A JDBC parameter value as the engine binds it (Integer, Long, Double, BigDecimal, String,
     * Boolean, LocalDate or null). Types Muru has no column type for are refused, not guessed.
     */
    static Object toParameter(Object x) throws SQLException {
        if (x == null || x instanceof Integer || x instanceof Long || x instanceof Double || x instanceof BigDecimal
                || x instanceof String || x instanceof Boolean || x instanceof LocalDate) {
            return x;
        }
        if (x instanceof Short || x instanceof Byte) {
            return ((Number) x).intValue();
        }
        if (x instanceof Float) {
            // Through its text, so 0.1f binds as 0.1 and not as 0.10000000149011612.
            return Double.valueOf(x.toString());
        }
        if (x instanceof BigInteger) {
            return new BigDecimal((BigInteger) x);
        }
        if (x instanceof Character) {
            return x.toString();
        }
        if (x instanceof java.sql.Date) {
            return ((java.sql.Date) x).toLocalDate();
        }
        if (x instanceof java.sql.Timestamp || x instanceof java.sql.Time || x instanceof LocalDateTime
                || x instanceof java.time.LocalTime || x instanceof java.time.temporal.Temporal) {
            throw new SQLFeatureNotSupportedException("Muru has no TIME or TIMESTAMP type: cannot bind "
                    + x.getClass().getName() + " (bind a LocalDate or java.sql.Date for DATE)");
        }
        throw new SQLFeatureNotSupportedException("cannot bind a parameter of class " + x.getClass().getName());
    }

    /** {@code setObject(i, x, targetSqlType)}: x converted to the Java class of that JDBC type. */
    static Object toParameter(Object x, int targetSqlType) throws SQLException {
        if (x == null) {
            return null;
        }
        Object v = x instanceof java.sql.Date ? ((java.sql.Date) x).toLocalDate() : x;
        switch (targetSqlType) {
            case Types.TINYINT: case Types.SMALLINT: case Types.INTEGER:
                return (int) toLong(v, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case Types.BIGINT:
                return toLong(v, Long.MIN_VALUE, Long.MAX_VALUE);
            case Types.DOUBLE: case Types.FLOAT: case Types.REAL:
                return toDouble(v instanceof Float ? toParameter(v) : v);
            case Types.DECIMAL: case Types.NUMERIC:
                return toBigDecimal(v instanceof Float ? toParameter(v) : v);
            case Types.CHAR: case Types.VARCHAR: case Types.LONGVARCHAR: case Types.NCHAR: case Types.NVARCHAR:
            case Types.LONGNVARCHAR:
                return v instanceof String ? v : toText(toParameter(v));
            case Types.BOOLEAN: case Types.BIT:
                return toBoolean(v);
            case Types.DATE:
                return toLocalDate(v);
            case Types.NULL:
                return null;
            default:
                throw new SQLFeatureNotSupportedException("Muru has no column type for java.sql.Types code " + targetSqlType);
        }
    }

    private static SQLException outOfRange(Object value, long min, long max) {
        return new SQLDataException("value " + toText(value) + " is out of range [" + min + ", " + max + "]",
                NUMERIC_OUT_OF_RANGE);
    }

    private static SQLException notA(String what, Object value) {
        return new SQLDataException("value '" + toText(value) + "' is not " + what, INVALID_CHARACTER_VALUE);
    }
}
