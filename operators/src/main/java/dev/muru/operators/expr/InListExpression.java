package dev.muru.operators.expr;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.PhysicalType;
import dev.muru.core.vector.BooleanVector;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.DoubleVector;
import dev.muru.core.vector.IntVector;
import dev.muru.core.vector.LongVector;
import dev.muru.core.vector.NullMask;
import dev.muru.core.vector.StringVector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * value [NOT] IN (list) with SQL's rule: TRUE on a match, else NULL if the value or an item is
 * NULL, else FALSE; NOT IN flips TRUE and FALSE. A list of constants becomes a sorted array (or a
 * hash set of strings) probed once per row; other lists compare item by item.
 */
final class InListExpression implements VectorExpression, SelectionFilter {
    /** A short list is scanned; a longer one is binary-searched. */
    private static final int LINEAR_SCAN_LIMIT = 8;

    private final VectorExpression value;
    private final VectorExpression[] items;
    private final boolean negated;
    /** Whether every item is a constant, so the sets below answer membership. */
    private final boolean constantItems;
    private final boolean listHasNull;
    /** The non-NULL constant items in the form of the value's physical type (one of these is set). */
    private final long[] longKeys;
    private final int[] intKeys;
    private final double[] doubleKeys;
    private final Set<String> stringKeys;
    private final boolean hasTrue;
    private final boolean hasFalse;

    InListExpression(VectorExpression value, VectorExpression[] items, boolean negated) {
        this.value = value;
        this.items = items;
        this.negated = negated;
        boolean allConstant = true;
        boolean sawNull = false;
        List<Object> keys = new ArrayList<>();
        for (VectorExpression item : items) {
            if (!(item instanceof ConstantExpression)) {
                allConstant = false;
            } else if (((ConstantExpression) item).isNull()) {
                sawNull = true;
            } else {
                keys.add(((ConstantExpression) item).value());
            }
        }
        this.constantItems = allConstant;
        this.listHasNull = sawNull;
        PhysicalType physical = value.type().physical();
        boolean build = allConstant;
        this.longKeys = build && physical == PhysicalType.LONG
                ? keys.stream().mapToLong(k -> ((Number) k).longValue()).sorted().distinct().toArray() : null;
        this.intKeys = build && physical == PhysicalType.INT
                ? keys.stream().mapToInt(k -> ((Number) k).intValue()).sorted().distinct().toArray() : null;
        // + 0.0 turns -0.0 into 0.0; Arrays.binarySearch then finds NaN as equal to NaN
        this.doubleKeys = build && physical == PhysicalType.DOUBLE
                ? keys.stream().mapToDouble(k -> ((Number) k).doubleValue() + 0.0).sorted().distinct().toArray() : null;
        this.stringKeys = build && physical == PhysicalType.STRING ? new HashSet<>() : null;
        if (stringKeys != null) {
            keys.forEach(k -> stringKeys.add((String) k));
        }
        this.hasTrue = keys.contains(Boolean.TRUE);
        this.hasFalse = keys.contains(Boolean.FALSE);
    }

    @Override
    public ColumnVector evaluate(Morsel in) {
        ColumnVector v = value.evaluate(in);
        int positions = in.positions();
        boolean[] match = new boolean[positions];
        long[] nulls = Vectors.copyNulls(v);
        if (constantItems) {
            constantMatches(v, in, match);
            if (listHasNull) {
                nulls = markUnmatched(nulls, match, in, positions);
            }
        } else {
            nulls = listMatches(v, in, match, nulls);
        }
        if (negated) {
            for (int i = 0, n = in.size(); i < n; i++) {
                int p = in.position(i);
                match[p] = !match[p];
            }
        }
        return new BooleanVector(DataType.BOOLEAN, match, nulls);
    }

    @Override
    public int select(Morsel in, int[] out) {
        if (!constantItems) {
            return FilterKernel.collectTrue((BooleanVector) evaluate(in), in, out);
        }
        if (negated && listHasNull) {
            // NOT IN with a NULL item is never TRUE
            return 0;
        }
        ColumnVector v = value.evaluate(in);
        boolean[] match = new boolean[in.positions()];
        constantMatches(v, in, match);
        long[] nulls = v.nullMask();
        boolean wanted = !negated;
        int k = 0;
        for (int i = 0, n = in.size(); i < n; i++) {
            int p = in.position(i);
            if (match[p] == wanted && !NullMask.isNull(nulls, p)) {
                out[k++] = p;
            }
        }
        return k;
    }

    /** Sets match[p] for the live rows whose value is in the constant list (NULL rows: garbage). */
    private void constantMatches(ColumnVector v, Morsel in, boolean[] match) {
        int[] sel = in.selection();
        int n = in.size();
        switch (value.type().physical()) {
            case LONG: {
                long[] a = ((LongVector) v).values();
                long[] keys = longKeys;
                boolean linear = keys.length <= LINEAR_SCAN_LIMIT;
                for (int i = 0; i < n; i++) {
                    int p = sel == null ? i : sel[i];
                    match[p] = linear ? containsLinear(keys, a[p]) : Arrays.binarySearch(keys, a[p]) >= 0;
                }
                return;
            }
            case INT: {
                int[] a = ((IntVector) v).values();
                int[] keys = intKeys;
                boolean linear = keys.length <= LINEAR_SCAN_LIMIT;
                for (int i = 0; i < n; i++) {
                    int p = sel == null ? i : sel[i];
                    match[p] = linear ? containsLinear(keys, a[p]) : Arrays.binarySearch(keys, a[p]) >= 0;
                }
                return;
            }
            case DOUBLE: {
                double[] a = ((DoubleVector) v).values();
                for (int i = 0; i < n; i++) {
                    int p = sel == null ? i : sel[i];
                    match[p] = Arrays.binarySearch(doubleKeys, a[p] + 0.0) >= 0;
                }
                return;
            }
            case STRING: {
                String[] a = ((StringVector) v).values();
                for (int i = 0; i < n; i++) {
                    int p = sel == null ? i : sel[i];
                    match[p] = a[p] != null && stringKeys.contains(a[p]);
                }
                return;
            }
            default: {
                boolean[] a = ((BooleanVector) v).values();
                for (int i = 0; i < n; i++) {
                    int p = sel == null ? i : sel[i];
                    match[p] = a[p] ? hasTrue : hasFalse;
                }
            }
        }
    }

    private static boolean containsLinear(long[] keys, long x) {
        boolean found = false;
        for (long key : keys) {
            found |= key == x;
        }
        return found;
    }

    private static boolean containsLinear(int[] keys, int x) {
        boolean found = false;
        for (int key : keys) {
            found |= key == x;
        }
        return found;
    }

    /** With a NULL item, every row without a match is NULL. */
    private static long[] markUnmatched(long[] nulls, boolean[] match, Morsel in, int positions) {
        long[] out = nulls == null ? new long[NullMask.words(positions)] : nulls;
        for (int i = 0, n = in.size(); i < n; i++) {
            int p = in.position(i);
            if (!match[p]) {
                NullMask.set(out, p);
            }
        }
        return out;
    }

    /**
     * Item-by-item comparison for lists with non-constant items; returns the result's null mask.
     * As x = a OR x = b OR ..., each item runs only on the rows no earlier item matched and whose
     * value is not NULL, so an item that would fail (1 / 0) fails only for rows that need it.
     */
    private long[] listMatches(ColumnVector v, Morsel in, boolean[] match, long[] nulls) {
        int[] undecided = new int[in.size()];
        int count = 0;
        for (int i = 0, n = in.size(); i < n; i++) {
            int p = in.position(i);
            if (!v.isNull(p)) {
                undecided[count++] = p;
            }
        }
        boolean[] sawNull = null;
        for (int j = 0; j < items.length && count > 0; j++) {
            ColumnVector item = items[j].evaluate(count == in.size() ? in : in.withSelection(undecided, count));
            int kept = 0;
            for (int i = 0; i < count; i++) {
                int p = undecided[i];
                if (item.isNull(p)) {
                    if (sawNull == null) {
                        sawNull = new boolean[in.positions()];
                    }
                    sawNull[p] = true;
                    undecided[kept++] = p;
                } else if (Vectors.equalAt(v, item, p)) {
                    match[p] = true;
                } else {
                    undecided[kept++] = p;
                }
            }
            count = kept;
        }
        long[] out = nulls;
        for (int i = 0; i < count && sawNull != null; i++) {
            int p = undecided[i];
            if (sawNull[p]) {
                if (out == null) {
                    out = new long[NullMask.words(in.positions())];
                }
                NullMask.set(out, p);
            }
        }
        return out;
    }

    @Override
    public DataType type() {
        return DataType.BOOLEAN;
    }
}
