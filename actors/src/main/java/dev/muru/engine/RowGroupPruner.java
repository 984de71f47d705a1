package dev.muru.engine;

import dev.muru.core.DataType;
import dev.muru.operators.expr.ConstantFolding;
import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.expr.Function;
import dev.muru.storage.RowGroup;
import dev.muru.storage.ZoneMap;

import java.util.ArrayList;
import java.util.List;

/**
 * Skips row groups whose zone maps prove that a scan's filter rejects every row. It reads
 * only the conjuncts of the form {@code column <op> constant}; anything else keeps the row
 * group, so pruning can only lose speed, never rows.
 */
final class RowGroupPruner {
    /** One conjunct: scanned column {@code column} (a table column index) compared with a constant. */
    private record Bound(int column, Function op, Object value, DataType type) {
    }

    private final List<Bound> bounds = new ArrayList<>();

    /** {@code tableColumns[i]} is the table column of the filter's input column i. */
    RowGroupPruner(BoundExpr filter, int[] tableColumns) {
        collect(ConstantFolding.fold(filter), tableColumns);
    }

    boolean prunes() {
        return !bounds.isEmpty();
    }

    private void collect(BoundExpr e, int[] tableColumns) {
        if (!(e instanceof BoundExpr.Call)) {
            return;
        }
        BoundExpr.Call c = (BoundExpr.Call) e;
        if (c.function() == Function.AND) {
            c.args().forEach(a -> collect(a, tableColumns));
            return;
        }
        if (c.args().size() != 2 || !isComparison(c.function())) {
            return;
        }
        BoundExpr l = c.args().get(0);
        BoundExpr r = c.args().get(1);
        if (l instanceof BoundExpr.InputRef && r instanceof BoundExpr.Constant && ((BoundExpr.Constant) r).value() != null) {
            bounds.add(new Bound(tableColumns[((BoundExpr.InputRef) l).index()], c.function(),
                    ((BoundExpr.Constant) r).value(), l.type()));
        } else if (r instanceof BoundExpr.InputRef && l instanceof BoundExpr.Constant && ((BoundExpr.Constant) l).value() != null) {
            bounds.add(new Bound(tableColumns[((BoundExpr.InputRef) r).index()], flip(c.function()),
                    ((BoundExpr.Constant) l).value(), r.type()));
        }
    }

    private static boolean isComparison(Function f) {
        return f == Function.EQUAL || f == Function.LESS || f == Function.LESS_EQUAL
                || f == Function.GREATER || f == Function.GREATER_EQUAL;
    }

    private static Function flip(Function f) {
        switch (f) {
            case LESS: return Function.GREATER;
            case LESS_EQUAL: return Function.GREATER_EQUAL;
            case GREATER: return Function.LESS;
            case GREATER_EQUAL: return Function.LESS_EQUAL;
            default: return f;
        }
    }

    /** False when the row group certainly has no row that passes the filter. */
    boolean mayMatch(RowGroup rg) {
        for (Bound b : bounds) {
            ZoneMap z = rg.zoneMap(b.column());
            if (z == null) {
                continue;
            }
            if (!z.hasValues()) {
                return false; // a comparison with NULL is never TRUE
            }
            if (!mayMatch(z, b)) {
                return false;
            }
        }
        return true;
    }

    private static boolean mayMatch(ZoneMap z, Bound b) {
        switch (b.type().physical()) {
            case INT:
            case LONG: {
                long v = ((Number) b.value()).longValue();
                switch (b.op()) {
                    case EQUAL: return z.mayContainLong(v, v);
                    case LESS: return v != Long.MIN_VALUE && z.mayContainLong(Long.MIN_VALUE, v - 1);
                    case LESS_EQUAL: return z.mayContainLong(Long.MIN_VALUE, v);
                    case GREATER: return v != Long.MAX_VALUE && z.mayContainLong(v + 1, Long.MAX_VALUE);
                    default: return z.mayContainLong(v, Long.MAX_VALUE);
                }
            }
            case DOUBLE: {
                double v = ((Number) b.value()).doubleValue();
                switch (b.op()) {
                    case EQUAL: return z.mayContainDouble(v, v);
                    case LESS: case LESS_EQUAL: return z.mayContainDouble(Double.NEGATIVE_INFINITY, v);
                    default: return z.mayContainDouble(v, Double.NaN);
                }
            }
            case STRING: {
                String v = (String) b.value();
                switch (b.op()) {
                    case EQUAL: return z.mayContainString(v, v);
                    case LESS: case LESS_EQUAL: return z.mayContainString(null, v);
                    default: return z.mayContainString(v, null);
                }
            }
            default:
                return true;
        }
    }
}
