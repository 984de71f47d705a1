package dev.muru.operators.expr;

import dev.muru.core.ErrorCode;
import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.expr.Function;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Random;

import static dev.muru.operators.expr.ExprTesting.BIGINT;
import static dev.muru.operators.expr.ExprTesting.DATE;
import static dev.muru.operators.expr.ExprTesting.INT;
import static dev.muru.operators.expr.ExprTesting.assertError;
import static dev.muru.operators.expr.ExprTesting.call;
import static dev.muru.operators.expr.ExprTesting.check1;
import static dev.muru.operators.expr.ExprTesting.check2;
import static dev.muru.operators.expr.ExprTesting.col;
import static dev.muru.operators.expr.ExprTesting.evalConstant;
import static dev.muru.operators.expr.ExprTesting.list;
import static dev.muru.operators.expr.ExprTesting.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DateFunctionExpressionTest {
    private static int day(String iso) {
        return (int) LocalDate.parse(iso).toEpochDay();
    }

    private static String addMonths(String iso, int months) {
        Object days = evalConstant(call(Function.DATE_ADD_MONTHS, DATE, lit(day(iso), DATE), lit(months, INT)));
        return LocalDate.ofEpochDay((Integer) days).toString();
    }

    @Test
    void civilDateAgreesWithLocalDate() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            int d = i < 100_000 ? i * 37 - 1_850_000 : random.nextInt();
            LocalDate expected = LocalDate.ofEpochDay(d);
            assertEquals(expected.getYear(), CivilDate.year(d), "year of " + d);
            assertEquals(expected.getMonthValue(), CivilDate.month(d), "month of " + d);
            assertEquals(expected.getDayOfMonth(), CivilDate.day(d), "day of " + d);
            assertEquals(d, CivilDate.toDays(expected.getYear(), expected.getMonthValue(), expected.getDayOfMonth()));
        }
        for (int d : new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE, -719528, -719529}) {
            LocalDate expected = LocalDate.ofEpochDay(d);
            assertEquals(expected.getYear(), CivilDate.year(d));
            assertEquals(expected.toString(), CivilDate.format(d));
        }
    }

    @Test
    void extractOnVectors() {
        var days = list(day("1998-12-01"), day("1969-12-31"), null, day("2024-02-29"), day("1900-03-01"), day("0001-01-01"));
        check1(call(Function.EXTRACT_YEAR, BIGINT, col(0, DATE)), DATE, days, list(1998L, 1969L, null, 2024L, 1900L, 1L));
        check1(call(Function.EXTRACT_MONTH, BIGINT, col(0, DATE)), DATE, days, list(12L, 12L, null, 2L, 3L, 1L));
        check1(call(Function.EXTRACT_DAY, BIGINT, col(0, DATE)), DATE, days, list(1L, 31L, null, 29L, 1L, 1L));
    }

    @Test
    void addMonthsClampsToTheMonthEnd() {
        assertEquals("2023-02-28", addMonths("2023-01-31", 1));
        assertEquals("2024-02-29", addMonths("2024-01-31", 1));
        assertEquals("2024-02-29", addMonths("2024-03-31", -1));
        assertEquals("2025-02-28", addMonths("2024-02-29", 12));
        assertEquals("2028-02-29", addMonths("2024-02-29", 48));
        assertEquals("1900-02-28", addMonths("1900-01-31", 1));
        assertEquals("2000-02-29", addMonths("2000-01-31", 1));
        assertEquals("1970-02-28", addMonths("1969-12-31", 2));
        assertEquals("1968-11-30", addMonths("1969-12-31", -13));
        assertEquals("0000-12-31", addMonths("0001-01-31", -1));
        assertEquals("1994-01-01", addMonths("1993-10-01", 3));
        Random random = new Random(11);
        for (int i = 0; i < 50_000; i++) {
            LocalDate start = LocalDate.ofEpochDay(random.nextInt(2_000_000) - 1_000_000);
            int months = random.nextInt(4001) - 2000;
            assertEquals(start.plusMonths(months).toEpochDay(), CivilDate.addMonths((int) start.toEpochDay(), months));
        }
    }

    @Test
    void addMonthsAndDaysOnVectors() {
        Object[][] rows = {{day("2024-01-31"), 1}, {day("1969-12-31"), -1}, {null, 1}, {day("2000-02-29"), null}};
        check2(call(Function.DATE_ADD_MONTHS, DATE, col(0, DATE), col(1, INT)), DATE, INT, rows,
                day("2024-02-29"), day("1969-11-30"), null, null);
        check2(call(Function.DATE_ADD_DAYS, DATE, col(0, DATE), col(1, INT)), DATE, INT, rows,
                day("2024-02-01"), day("1969-12-30"), null, null);
        check1(call(Function.DATE_ADD_DAYS, DATE, col(0, DATE), lit(-90, INT)), DATE, list(day("1998-12-01"), null),
                list(day("1998-09-02"), null));
        check1(call(Function.DATE_ADD_MONTHS, DATE, col(0, DATE), lit(3, INT)), DATE, list(day("1993-10-01"), null),
                list(day("1994-01-01"), null));
    }

    @Test
    void dateDiff() {
        Object[][] rows = {{day("2024-03-01"), day("2024-02-01")}, {day("1969-12-31"), day("1970-01-01")}, {null, 0}, {0, null}};
        check2(call(Function.DATE_DIFF_DAYS, INT, col(0, DATE), col(1, DATE)), DATE, DATE, rows, 29, -1, null, null);
    }

    @Test
    void outOfRangeDates() {
        BoundExpr max = lit(Integer.MAX_VALUE, DATE);
        assertError(ErrorCode.NUMERIC_OVERFLOW, "date out of range", call(Function.DATE_ADD_DAYS, DATE, max, lit(1, INT)));
        assertError(ErrorCode.NUMERIC_OVERFLOW, "date out of range",
                call(Function.DATE_ADD_MONTHS, DATE, lit(0, DATE), lit(Integer.MAX_VALUE, INT)));
        assertError(ErrorCode.NUMERIC_OVERFLOW, "integer out of range",
                call(Function.DATE_DIFF_DAYS, INT, max, lit(-1, DATE)));
    }
}
