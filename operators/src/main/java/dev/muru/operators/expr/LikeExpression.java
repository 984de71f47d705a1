package dev.muru.operators.expr;

import dev.muru.core.DataType;
import dev.muru.core.ErrorCode;
import dev.muru.core.Morsel;
import dev.muru.core.MuruException;
import dev.muru.core.vector.BooleanVector;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.NullMask;
import dev.muru.core.vector.StringVector;

/**
 * value [NOT] LIKE pattern [ESCAPE e]. A constant pattern is compiled once into a
 * {@link LikePattern}; a pattern that varies per row is compiled per distinct consecutive value.
 */
final class LikeExpression implements VectorExpression, SelectionFilter {
    private final VectorExpression value;
    private final VectorExpression pattern;
    private final VectorExpression escape;
    private final boolean negated;
    /** The compiled pattern when pattern and escape are constants, else null. */
    private final LikePattern constantPattern;
    /** A malformed constant pattern: raised when a row meets it, like a per-row error. */
    private final MuruException patternError;

    LikeExpression(VectorExpression value, VectorExpression pattern, VectorExpression escape, boolean negated) {
        this.value = value;
        this.pattern = pattern;
        this.escape = escape;
        this.negated = negated;
        boolean constant = pattern instanceof ConstantExpression
                && (escape == null || escape instanceof ConstantExpression);
        LikePattern compiled = null;
        MuruException error = null;
        if (constant) {
            try {
                compiled = LikePattern.compile(((ConstantExpression) pattern).stringValue(),
                        escape == null ? -1 : escapeCodePoint(((ConstantExpression) escape).stringValue()));
            } catch (MuruException e) {
                error = e;
            }
        }
        this.constantPattern = compiled;
        this.patternError = error;
    }

    /** The ESCAPE argument: one character, or the empty string for none (as in PostgreSQL). */
    static int escapeCodePoint(String e) {
        if (e.isEmpty()) {
            return -1;
        }
        if (e.codePointCount(0, e.length()) != 1) {
            throw new MuruException(ErrorCode.INVALID_TEXT_REPRESENTATION,
                    "invalid escape string: ESCAPE must be empty or one character");
        }
        return e.codePointAt(0);
    }

    @Override
    public ColumnVector evaluate(Morsel in) {
        StringVector v = (StringVector) value.evaluate(in);
        if (patternError != null && in.size() > 0) {
            throw patternError;
        }
        boolean[] out = new boolean[in.positions()];
        if (constantPattern != null) {
            String[] a = v.values();
            LikePattern pat = constantPattern;
            boolean neg = negated;
            int[] sel = in.selection();
            for (int i = 0, n = in.size(); i < n; i++) {
                int p = sel == null ? i : sel[i];
                String s = a[p];
                out[p] = s != null && pat.matches(s) != neg;
            }
            return new BooleanVector(DataType.BOOLEAN, out, Vectors.copyNulls(v));
        }
        return evaluatePerRowPattern(v, in, out);
    }

    private ColumnVector evaluatePerRowPattern(StringVector v, Morsel in, boolean[] out) {
        StringVector patterns = (StringVector) pattern.evaluate(in);
        StringVector escapes = escape == null ? null : (StringVector) escape.evaluate(in);
        long[] nulls = Vectors.orNulls(v, patterns, in.positions());
        if (escapes != null) {
            nulls = NullMask.or(nulls, escapes.nullMask(), in.positions());
        }
        String lastPattern = null;
        String lastEscape = null;
        LikePattern compiled = null;
        for (int i = 0, n = in.size(); i < n; i++) {
            int p = in.position(i);
            if (NullMask.isNull(nulls, p)) {
                continue;
            }
            String pat = patterns.get(p);
            String esc = escapes == null ? "" : escapes.get(p);
            if (compiled == null || !pat.equals(lastPattern) || !esc.equals(lastEscape)) {
                compiled = LikePattern.compile(pat, escapeCodePoint(esc));
                lastPattern = pat;
                lastEscape = esc;
            }
            out[p] = compiled.matches(v.get(p)) != negated;
        }
        return new BooleanVector(DataType.BOOLEAN, out, nulls);
    }

    @Override
    public int select(Morsel in, int[] out) {
        if (constantPattern == null) {
            // A varying (or malformed) pattern goes through evaluate
            return FilterKernel.collectTrue((BooleanVector) evaluate(in), in, out);
        }
        StringVector v = (StringVector) value.evaluate(in);
        String[] a = v.values();
        long[] nulls = v.nullMask();
        LikePattern pat = constantPattern;
        boolean neg = negated;
        int[] sel = in.selection();
        int k = 0;
        for (int i = 0, n = in.size(); i < n; i++) {
            int p = sel == null ? i : sel[i];
            String s = a[p];
            if (s != null && pat.matches(s) != neg && !NullMask.isNull(nulls, p)) {
                out[k++] = p;
            }
        }
        return k;
    }

    @Override
    public DataType type() {
        return DataType.BOOLEAN;
    }

    @Override
    public String toString() {
        return (negated ? "not_like(" : "like(") + value + ", " + pattern + ")";
    }
}
