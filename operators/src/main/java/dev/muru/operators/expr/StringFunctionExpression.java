package dev.muru.operators.expr;

import dev.muru.core.DataType;
import dev.muru.core.ErrorCode;
import dev.muru.core.Morsel;
import dev.muru.core.MuruException;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.IntVector;
import dev.muru.core.vector.NullMask;
import dev.muru.core.vector.StringVector;
import dev.muru.plan.expr.Function;

import java.util.Locale;

/**
 * CONCAT (||), LENGTH, UPPER, LOWER, SUBSTRING and TRIM/LTRIM/RTRIM. Lengths and positions count
 * code points, as PostgreSQL counts characters. Rows with a NULL argument are skipped: they are
 * NULL in the result and their slots may hold null references.
 */
final class StringFunctionExpression implements VectorExpression {
    private final Function function;
    private final VectorExpression[] args;
    private final DataType type;

    StringFunctionExpression(Function function, VectorExpression[] args, DataType type) {
        this.function = function;
        this.args = args;
        this.type = type;
    }

    @Override
    public ColumnVector evaluate(Morsel in) {
        ColumnVector[] vs = new ColumnVector[args.length];
        for (int i = 0; i < args.length; i++) {
            vs[i] = args[i].evaluate(in);
        }
        long[] nulls = Vectors.orNulls(vs, in.positions());
        String[] a = ((StringVector) vs[0]).values();
        int[] sel = in.selection();
        int n = in.size();
        if (function == Function.LENGTH) {
            int[] r = new int[in.positions()];
            for (int i = 0; i < n; i++) {
                int p = sel == null ? i : sel[i];
                if (!NullMask.isNull(nulls, p)) {
                    r[p] = a[p].codePointCount(0, a[p].length());
                }
            }
            return new IntVector(type, r, nulls);
        }
        String[] r = new String[in.positions()];
        for (int i = 0; i < n; i++) {
            int p = sel == null ? i : sel[i];
            if (!NullMask.isNull(nulls, p)) {
                r[p] = apply(a[p], vs, p);
            }
        }
        return new StringVector(type, r, nulls);
    }

    private String apply(String s, ColumnVector[] vs, int p) {
        switch (function) {
            case CONCAT: {
                if (vs.length == 2) {
                    return s.concat(((StringVector) vs[1]).get(p));
                }
                StringBuilder sb = new StringBuilder(s);
                for (int j = 1; j < vs.length; j++) {
                    sb.append(((StringVector) vs[j]).get(p));
                }
                return sb.toString();
            }
            case UPPER: return s.toUpperCase(Locale.ROOT);
            case LOWER: return s.toLowerCase(Locale.ROOT);
            case SUBSTRING:
                return substring(s, ((IntVector) vs[1]).get(p), vs.length > 2, vs.length > 2 ? ((IntVector) vs[2]).get(p) : 0);
            case TRIM: case LTRIM: case RTRIM: {
                String characters = vs.length > 1 ? ((StringVector) vs[1]).get(p) : " ";
                return trim(s, characters, function != Function.RTRIM, function != Function.LTRIM);
            }
            default:
                throw Errors.internal("not a string function: " + function);
        }
    }

    /**
     * PostgreSQL's SUBSTRING(s FROM start FOR count): characters [start, start + count) of the
     * 1-based string, clipped to it, so a start below 1 shortens what is returned.
     */
    static String substring(String s, int start, boolean hasCount, int count) {
        if (hasCount && count < 0) {
            throw new MuruException(ErrorCode.DATATYPE_MISMATCH, "negative substring length");
        }
        int length = s.codePointCount(0, s.length());
        long from = Math.max(start, 1L);
        long to = hasCount ? Math.min((long) start + count, length + 1L) : length + 1L;
        if (to <= from) {
            return "";
        }
        if (length == s.length()) {
            return s.substring((int) from - 1, (int) to - 1);
        }
        int begin = s.offsetByCodePoints(0, (int) from - 1);
        int end = s.offsetByCodePoints(begin, (int) (to - from));
        return s.substring(begin, end);
    }

    /** Strips the code points found in {@code characters} from the chosen ends. */
    static String trim(String s, String characters, boolean leading, boolean trailing) {
        int begin = 0;
        int end = s.length();
        if (leading) {
            while (begin < end) {
                int cp = s.codePointAt(begin);
                if (characters.indexOf(cp) < 0) {
                    break;
                }
                begin += Character.charCount(cp);
            }
        }
        if (trailing) {
            while (end > begin) {
                int cp = s.codePointBefore(end);
                if (characters.indexOf(cp) < 0) {
                    break;
                }
                end -= Character.charCount(cp);
            }
        }
        return s.substring(begin, end);
    }

    @Override
    public DataType type() {
        return type;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(function.name().toLowerCase()).append('(');
        for (int i = 0; i < args.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(args[i]);
        }
        return sb.append(')').toString();
    }
}
