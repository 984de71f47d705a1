package dev.muru.plan.expr;

/**
 * Scalar functions and operators. Unless a line says otherwise: NULL in any argument gives
 * NULL, and arguments arrive already cast to the types stated.
 */
public enum Function {
    /** a + b, a - b, a % b: both args and the result have the same type (INTEGER, BIGINT,
     *  DOUBLE, or DECIMAL with equal scales). Exact types raise NUMERIC_OVERFLOW instead of
     *  wrapping; % by zero raises DIVISION_BY_ZERO. */
    ADD, SUBTRACT, MODULO,
    /** a * b: INTEGER, BIGINT, DOUBLE with equal types; for DECIMAL the args may have any
     *  scales and the result scale is their sum (no rescale needed). Overflow is an error. */
    MULTIPLY,
    /** a / b: INTEGER or BIGINT (truncating toward zero, like PostgreSQL) or DOUBLE, same
     *  types. Division by zero raises DIVISION_BY_ZERO for all types, DOUBLE included. */
    DIVIDE,
    /** -a for INTEGER, BIGINT, DECIMAL (exact, overflow-checked), DOUBLE. */
    NEGATE,
    /** Comparisons: both args have the same physical type and, for DECIMAL, the same scale.
     *  Strings compare by code point; BOOLEAN false &lt; true. Result BOOLEAN. */
    EQUAL, NOT_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL,
    /** SQL three-valued logic: FALSE AND NULL = FALSE, TRUE OR NULL = TRUE. Any number of
     *  BOOLEAN args (at least 2). */
    AND, OR,
    /** NOT a, BOOLEAN. */
    NOT,
    /** Never NULL: BOOLEAN. */
    IS_NULL, IS_NOT_NULL,
    /** LIKE(value VARCHAR, pattern VARCHAR): % any run, _ one char; no escape character
     *  unless a third VARCHAR arg of length 1 is given. The pattern is usually a constant:
     *  compile it once. */
    LIKE, NOT_LIKE,
    /** a || b on VARCHAR. */
    CONCAT,
    /** ABS(x), same type as x (exact overflow checked). */
    ABS,
    /** ROUND(x, digits): x DECIMAL, DOUBLE, INTEGER or BIGINT, digits an INTEGER constant.
     *  DECIMAL(p,s) gives DECIMAL(p, min(s, digits)) with half away from zero; DOUBLE gives
     *  DOUBLE rounded half away from zero; integers are returned unchanged when digits &gt;= 0. */
    ROUND,
    /** TRUNC(x, digits): as ROUND, but toward zero. */
    TRUNC,
    /** LENGTH(VARCHAR) in characters (code points): INTEGER. */
    LENGTH,
    UPPER, LOWER,
    /** SUBSTRING(s, start INTEGER [, count INTEGER]) with PostgreSQL's 1-based rules: a start
     *  below 1 shortens the count; a negative count is an error (
     *  raise DATATYPE_MISMATCH "negative substring length"). */
    SUBSTRING,
    /** TRIM/LTRIM/RTRIM(s [, characters]): default characters is a single space. */
    TRIM, LTRIM, RTRIM,
    /** COALESCE(a, b, ...): first non-NULL; all args of the result type. */
    COALESCE,
    /** NULLIF(a, b): NULL when a = b, else a; both args of the same type. */
    NULLIF,
    /** EXTRACT(... FROM DATE): BIGINT. */
    EXTRACT_YEAR, EXTRACT_MONTH, EXTRACT_DAY,
    /** DATE_ADD_DAYS(DATE, INTEGER days) and DATE_ADD_MONTHS(DATE, INTEGER months): DATE. Month
     *  arithmetic clamps to the month's last day (Jan 31 + 1 month = Feb 28/29). */
    DATE_ADD_DAYS, DATE_ADD_MONTHS,
    /** DATE_DIFF_DAYS(a DATE, b DATE) = a - b in days: INTEGER. */
    DATE_DIFF_DAYS
}
