package dev.muru.operators.aggregate;

import dev.muru.core.DataType;
import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;
import dev.muru.core.TypeKind;

/**
 * Arithmetic on 128-bit two's complement integers held as a (hi, lo) pair of longs, so exact
 * sums never wrap and need no BigInteger in the hot loops.
 */
final class Int128 {
    private static final double TWO_POW_64 = 18446744073709551616.0;

    private Int128() {
    }

    /** The carry out of the unsigned addition {@code lo + v = sum}: 0 or 1. */
    static long carry(long lo, long v, long sum) {
        return ((lo & v) | ((lo | v) & ~sum)) >>> 63;
    }

    /** The high word to add for a sign-extended 64-bit addend {@code v} plus the carry. */
    static long hiIncrement(long lo, long v, long sum) {
        return (v >> 63) + carry(lo, v, sum);
    }

    static boolean fitsLong(long hi, long lo) {
        return hi == (lo >> 63);
    }

    static double toDouble(long hi, long lo) {
        if (fitsLong(hi, lo)) {
            return lo;
        }
        double unsignedLo = (double) (lo >>> 1) * 2.0 + (lo & 1);
        return hi * TWO_POW_64 + unsignedLo;
    }

    /** The sum as a long of {@code resultType}, or NUMERIC_OVERFLOW when it does not fit. */
    static long toLongExact(long hi, long lo, DataType resultType) {
        if (!fitsLong(hi, lo)) {
            String target = resultType.kind() == TypeKind.DECIMAL
                    ? "DECIMAL(" + DataType.MAX_DECIMAL_PRECISION + "," + resultType.scale() + ")"
                    : "BIGINT";
            throw new MuruException(ErrorCode.NUMERIC_OVERFLOW, "sum out of range for " + target);
        }
        return lo;
    }
}
