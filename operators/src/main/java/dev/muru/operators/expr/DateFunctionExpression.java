package dev.muru.operators.expr;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.IntVector;
import dev.muru.core.vector.LongVector;
import dev.muru.core.vector.NullMask;
import dev.muru.plan.expr.Function;

/**
 * EXTRACT(YEAR/MONTH/DAY FROM date) as BIGINT, DATE_ADD_DAYS, DATE_ADD_MONTHS (clamped to the
 * month's last day) and DATE_DIFF_DAYS, on dates as int days since 1970-01-01. Calendar fields
 * come from {@link CivilDate}'s integer arithmetic, never from a LocalDate per row.
 */
final class DateFunctionExpression implements VectorExpression {
    private final Function function;
    private final VectorExpression date;
    private final VectorExpression other;
    private final DataType type;

    DateFunctionExpression(Function function, VectorExpression date, VectorExpression other, DataType type) {
        this.function = function;
        this.date = date;
        this.other = other;
        this.type = type;
    }

    @Override
    public ColumnVector evaluate(Morsel in) {
        IntVector d = (IntVector) date.evaluate(in);
        int[] days = d.values();
        int[] sel = in.selection();
        int n = in.size();
        switch (function) {
            case EXTRACT_YEAR: case EXTRACT_MONTH: case EXTRACT_DAY: {
                // Any int is a valid day number, so the garbage under a NULL is harmless
                long[] r = new long[in.positions()];
                for (int i = 0; i < n; i++) {
                    int p = sel == null ? i : sel[i];
                    r[p] = extract(days[p]);
                }
                return new LongVector(type, r, Vectors.copyNulls(d));
            }
            case DATE_ADD_DAYS: case DATE_ADD_MONTHS: case DATE_DIFF_DAYS: {
                IntVector o = (IntVector) other.evaluate(in);
                int[] b = o.values();
                long[] nulls = Vectors.orNulls(d, o, in.positions());
                int[] r = new int[in.positions()];
                for (int i = 0; i < n; i++) {
                    int p = sel == null ? i : sel[i];
                    if (!NullMask.isNull(nulls, p)) {
                        r[p] = combine(days[p], b[p]);
                    }
                }
                return new IntVector(type, r, nulls);
            }
            default:
                throw Errors.internal("not a date function: " + function);
        }
    }

    private long extract(int days) {
        long civil = CivilDate.civil(days);
        switch (function) {
            case EXTRACT_YEAR: return civil >> 9;
            case EXTRACT_MONTH: return (civil >> 5) & 15;
            default: return civil & 31;
        }
    }

    private int combine(int days, int operand) {
        try {
            switch (function) {
                case DATE_ADD_DAYS: return Math.addExact(days, operand);
                case DATE_ADD_MONTHS: return CivilDate.addMonths(days, operand);
                default: return Math.subtractExact(days, operand);
            }
        } catch (ArithmeticException e) {
            throw Errors.overflow(type);
        }
    }

    @Override
    public DataType type() {
        return type;
    }

    @Override
    public String toString() {
        return function.name().toLowerCase() + "(" + date + (other == null ? "" : ", " + other) + ")";
    }
}
