package dev.muru.operators.expr;

import dev.muru.core.Morsel;
import dev.muru.core.vector.BooleanVector;
import dev.muru.core.vector.NullMask;

/**
 * WHERE: narrows a morsel's selection to the rows where a predicate is TRUE, without copying
 * vectors. Predicates that are {@link SelectionFilter}s (comparisons, AND, IN, LIKE, IS NULL)
 * produce the selection directly; any other BOOLEAN expression is evaluated and its TRUE rows
 * collected.
 */
public final class FilterKernel {
    private static final int[] NO_ROWS = new int[0];

    private FilterKernel() {
    }

    /** The input with only the rows where {@code predicate} is TRUE; the input itself when all pass. */
    public static Morsel filter(Morsel input, VectorExpression predicate) {
        int n = input.size();
        if (n == 0) {
            return input;
        }
        if (predicate instanceof ConstantExpression) {
            ConstantExpression c = (ConstantExpression) predicate;
            return !c.isNull() && c.booleanValue() ? input : input.withSelection(NO_ROWS, 0);
        }
        int[] out = new int[n];
        int k = select(input, predicate, out);
        return k == n ? input : input.withSelection(out, k);
    }

    /**
     * Writes the positions of the live rows of {@code input} where {@code predicate} is TRUE into
     * {@code out} (at least {@code input.size()} long; it may be the input's own selection array)
     * and returns their count.
     */
    public static int select(Morsel input, VectorExpression predicate, int[] out) {
        if (predicate instanceof SelectionFilter) {
            return ((SelectionFilter) predicate).select(input, out);
        }
        return collectTrue((BooleanVector) predicate.evaluate(input), input, out);
    }

    /** The live positions where a boolean vector is TRUE and not NULL. */
    static int collectTrue(BooleanVector v, Morsel input, int[] out) {
        boolean[] values = v.values();
        long[] mask = v.nullMask();
        int[] sel = input.selection();
        int n = input.size();
        int k = 0;
        if (mask == null) {
            if (sel == null) { for (int p = 0; p < n; p++) { out[k] = p; k += values[p] ? 1 : 0; } }
            else { for (int i = 0; i < n; i++) { int p = sel[i]; out[k] = p; k += values[p] ? 1 : 0; } }
            return k;
        }
        for (int i = 0; i < n; i++) {
            int p = sel == null ? i : sel[i];
            if (values[p] && !NullMask.isNull(mask, p)) {
                out[k++] = p;
            }
        }
        return k;
    }
}
