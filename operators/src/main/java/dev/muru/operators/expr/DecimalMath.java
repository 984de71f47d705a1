package dev.muru.operators.expr;

import dev.muru.core.Values;

/** Arithmetic on unscaled DECIMAL longs: rescaling with HALF_UP rounding and precision checks. */
final class DecimalMath {
    private DecimalMath() {
    }

    /** {@code x / 10^digits} toward zero, for any digits >= 0. */
    static long divideTruncated(long x, int digits) {
        return digits > 18 ? 0 : x / Values.pow10(digits);
    }

    /** x / 10^digits rounded half away from zero (SQL's HALF_UP), for any digits >= 0. */
    static long divideRounded(long x, int digits) {
        if (digits == 0) {
            return x;
        }
        if (digits > 18) {
            // 10^19 is beyond a long: at 19 digits only |x| >= 5e18 rounds to one unit, beyond that all is 0
            long half = 5_000_000_000_000_000_000L;
            return digits > 19 ? 0 : x >= half ? 1 : x <= -half ? -1 : 0;
        }
        long factor = Values.pow10(digits);
        long quotient = x / factor;
        long remainder = x % factor;
        // |remainder| < 10^18, so doubling it cannot overflow
        if (Math.abs(remainder) * 2 >= factor) {
            quotient += x < 0 ? -1 : 1;
        }
        return quotient;
    }

    /** x * 10^digits; throws ArithmeticException when it leaves the long range. */
    static long multiplyPow10(long x, int digits) {
        if (digits > 18) {
            if (x == 0) {
                return 0;
            }
            throw new ArithmeticException("overflow");
        }
        return Math.multiplyExact(x, Values.pow10(digits));
    }

    /** An unscaled value moved from one scale to another; throws ArithmeticException on overflow. */
    static long rescale(long x, int fromScale, int toScale) {
        if (toScale >= fromScale) {
            return multiplyPow10(x, toScale - fromScale);
        }
        return divideRounded(x, fromScale - toScale);
    }

    /** Whether an unscaled value has at most {@code precision} digits. */
    static boolean fitsPrecision(long unscaled, int precision) {
        if (precision > 18) {
            return true;
        }
        long bound = Values.pow10(precision);
        return unscaled < bound && unscaled > -bound;
    }

    /** Plain text of an unscaled decimal with its scale, e.g. 150 at scale 2 is "1.50". */
    static String format(long unscaled, int scale) {
        if (scale == 0) {
            return Long.toString(unscaled);
        }
        if (unscaled == Long.MIN_VALUE) {
            return Values.formatDecimal(unscaled, scale);
        }
        long magnitude = Math.abs(unscaled);
        long factor = Values.pow10(scale);
        String fraction = Long.toString(magnitude % factor);
        StringBuilder sb = new StringBuilder(24);
        if (unscaled < 0) {
            sb.append('-');
        }
        sb.append(magnitude / factor).append('.');
        for (int i = fraction.length(); i < scale; i++) {
            sb.append('0');
        }
        return sb.append(fraction).toString();
    }
}
