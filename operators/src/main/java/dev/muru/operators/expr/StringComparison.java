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

    /**
     * Code point order. String.compareTo orders UTF-16 units, which puts U+E000..U+FFFF after
     * the surrogates of supplementary characters; shifting both ranges at the first difference fixes it.
     */
    static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (x >= 0xD800 && y >= 0xD800) {
                    return codePointRank(x) - codePointRank(y);
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    /** Surrogates (D800..DFFF) move above E000..FFFF, which move down to make room. */
    private static int codePointRank(char c) {
        return c >= 0xE000 ? c - 0x800 : c + 0x2000;
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
