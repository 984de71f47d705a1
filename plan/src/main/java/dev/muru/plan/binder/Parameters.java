package dev.muru.plan.binder;

import dev.muru.core.DataType;
import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;
import dev.muru.parser.SqlParser;
import dev.muru.parser.ast.Expr;
import dev.muru.parser.ast.Statement;
import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.expr.BoundExpr.Constant;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The values of a statement's positional parameters ({@code ?}), by 0-based index. A parameter
 * binds as the constant a literal of its value would: Integer, Short and Byte as INTEGER, Long
 * as BIGINT, Double and Float as DOUBLE, BigDecimal as DECIMAL of its precision and scale,
 * String as VARCHAR (so, like a quoted literal, it converts where a DATE or number is expected),
 * Boolean as BOOLEAN, LocalDate and java.sql.Date as DATE, null as an untyped NULL.
 */
final class Parameters {
    static final Parameters NONE = new Parameters(List.of());

    private final List<Object> values;

    Parameters(List<?> values) {
        // Not List.copyOf: a value may be null.
        this.values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /**
     * Checks a whole statement before binding it: every {@code ?} has a value, also one in a part
     * that binding skips (an unused WITH query), and no value is left over.
     */
    void check(Statement statement) {
        List<Expr.Parameter> marks = SqlParser.parameters(statement);
        for (Expr.Parameter mark : marks) {
            if (mark.index() >= values.size()) {
                throw missing(mark);
            }
        }
        int count = marks.isEmpty() ? 0 : marks.get(marks.size() - 1).index() + 1;
        if (values.size() > count) {
            throw new MuruException(ErrorCode.INVALID_PARAMETER, values.size() + " parameter values supplied but the"
                    + " statement has " + count + " parameter" + (count == 1 ? "" : "s"));
        }
    }

    BoundExpr bind(Expr.Parameter mark) {
        if (mark.index() >= values.size()) {
            throw missing(mark);
        }
        return constant(values.get(mark.index()), mark);
    }

    private static MuruException missing(Expr.Parameter mark) {
        return ExpressionBinder.error(ErrorCode.INVALID_PARAMETER,
                "no value supplied for parameter " + (mark.index() + 1), mark.pos());
    }

    private static BoundExpr constant(Object value, Expr.Parameter mark) {
        if (value == null) {
            return new Constant(null, DataType.NULL);
        }
        if (value instanceof Boolean) {
            return new Constant(value, DataType.BOOLEAN);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return new Constant(((Number) value).intValue(), DataType.INTEGER);
        }
        if (value instanceof Long) {
            return new Constant(value, DataType.BIGINT);
        }
        if (value instanceof Double) {
            return new Constant(value, DataType.DOUBLE);
        }
        if (value instanceof Float) {
            // Through its decimal text, so that 0.1f is 0.1 and not 0.10000000149011612.
            return new Constant(Double.parseDouble(value.toString()), DataType.DOUBLE);
        }
        if (value instanceof BigDecimal) {
            return decimal((BigDecimal) value);
        }
        if (value instanceof BigInteger) {
            BigInteger v = (BigInteger) value;
            return v.bitLength() < Long.SIZE ? new Constant(v.longValue(), DataType.BIGINT)
                    : new Constant(v.doubleValue(), DataType.DOUBLE);
        }
        if (value instanceof String) {
            return new Constant(value, DataType.VARCHAR);
        }
        if (value instanceof Character) {
            return new Constant(value.toString(), DataType.VARCHAR);
        }
        if (value instanceof java.sql.Date) {
            return date(((java.sql.Date) value).toLocalDate(), mark);
        }
        if (value instanceof LocalDate) {
            return date((LocalDate) value, mark);
        }
        throw ExpressionBinder.error(ErrorCode.INVALID_PARAMETER, "parameter " + (mark.index() + 1) + " is a "
                + value.getClass().getName() + ", which has no SQL type", mark.pos());
    }

    /** As a DECIMAL literal: precision and scale of the value, DOUBLE beyond 18 digits. */
    private static BoundExpr decimal(BigDecimal v) {
        if (v.scale() < 0) {
            v = v.setScale(0);
        }
        int scale = v.scale();
        int precision = Math.max(v.precision(), scale + 1);
        if (precision > DataType.MAX_DECIMAL_PRECISION) {
            return new Constant(v.doubleValue(), DataType.DOUBLE);
        }
        return new Constant(v.unscaledValue().longValueExact(), DataType.decimal(precision, scale));
    }

    /** A DATE is days since 1970-01-01 in an int. */
    private static BoundExpr date(LocalDate date, Expr.Parameter mark) {
        long days = date.toEpochDay();
        if (days != (int) days) {
            throw ExpressionBinder.error(ErrorCode.INVALID_PARAMETER, "parameter " + (mark.index() + 1) + ": date "
                    + date + " is out of range", mark.pos());
        }
        return new Constant((int) days, DataType.DATE);
    }
}
