package dev.muru.operators.expr;

import dev.muru.core.Values;

/**
 * Proleptic Gregorian calendar arithmetic on days since 1970-01-01, after Howard Hinnant's
 * civil_from_days / days_from_civil: a few integer divisions per row instead of a LocalDate.
 */
public final class CivilDate {
    private CivilDate() {
    }

    /** Packs year, month and day as year * 512 + month * 32 + day (year may be negative). */
    public static long civil(int days) {
        long z = (long) days + 719468;
        long era = Math.floorDiv(z, 146097);
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long day = doy - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        return year * 512 + month * 32 + day;
    }

    static int year(int days) {
        return (int) (civil(days) >> 9);
    }

    static int month(int days) {
        return (int) ((civil(days) >> 5) & 15);
    }

    static int day(int days) {
        return (int) (civil(days) & 31);
    }

    /** Days since 1970-01-01 of a valid year, month (1-12) and day. */
    static long toDays(long year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    static boolean isLeapYear(long year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    static int daysInMonth(long year, int month) {
        switch (month) {
            case 2: return isLeapYear(year) ? 29 : 28;
            case 4: case 6: case 9: case 11: return 30;
            default: return 31;
        }
    }

    /**
     * The date {@code months} months after {@code days}, clamped to the last day of the target
     * month (Jan 31 + 1 month = Feb 28/29); throws ArithmeticException when it leaves the int range.
     */
    static int addMonths(int days, int months) {
        long c = civil(days);
        long year = c >> 9;
        int month = (int) ((c >> 5) & 15);
        int day = (int) (c & 31);
        long total = year * 12 + (month - 1) + months;
        long newYear = Math.floorDiv(total, 12);
        int newMonth = Math.floorMod(total, 12) + 1;
        int newDay = Math.min(day, daysInMonth(newYear, newMonth));
        return Math.toIntExact(toDays(newYear, newMonth, newDay));
    }

    /** ISO yyyy-mm-dd, as Values.formatDate prints it. */
    static String format(int days) {
        long c = civil(days);
        long year = c >> 9;
        if (year < 0 || year > 9999) {
            return Values.formatDate(days);
        }
        int month = (int) ((c >> 5) & 15);
        int day = (int) (c & 31);
        int y = (int) year;
        char[] out = {
            (char) ('0' + y / 1000), (char) ('0' + y / 100 % 10), (char) ('0' + y / 10 % 10), (char) ('0' + y % 10),
            '-', (char) ('0' + month / 10), (char) ('0' + month % 10),
            '-', (char) ('0' + day / 10), (char) ('0' + day % 10)
        };
        return new String(out);
    }
}
