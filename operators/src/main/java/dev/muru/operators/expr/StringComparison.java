package dev.muru.operators.expr;

import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.StringVector;
import dev.muru.plan.expr.Function;

/** Comparisons on VARCHAR/CHAR vectors, by code point as PostgreSQL's C collation orders them. */
final class StringComparison extends ComparisonExpression {
    private final String constant;

    StringComparison(Function op, VectorExpression left, VectorExpression right) {
        super(op, left, right, right instanceof ConstantExpression);
        this.constant = right instanceof ConstantExpression ? ((ConstantExpression) right).stringValue() : null;
    }

    /** SQL string order, by code point. */
    static int compare(String a, String b) {
        return dev.muru.core.Values.compareStrings(a, b);
    }

    private boolean holds(String a, String b) {
        switch (relation) {
            case EQUAL: return a.equals(b);
            case LESS: return compare(a, b) < 0;
            default: return compare(a, b) <= 0;
        }
    }

    @Override
    protected int selectValues(ColumnVector l, ColumnVector r, int[] sel, int n, int[] out) {
        String[] a = ((StringVector) l).values();
        String[] b = r == null ? null : ((StringVector) r).values();
        boolean neg = negate;
        int k = 0;
        for (int i = 0; i < n; i++) {
            int p = sel == null ? i : sel[i];
            String x = a[p];
            String y = b == null ? constant : b[p];
            // A NULL row may hold a null reference: skip it, its mask drops it anyway
            if (x != null && y != null && holds(x, y) != neg) {
                out[k++] = p;
            }
        }
        return k;
    }
}
