package dev.muru.operators.aggregate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** A naive GROUP BY over boxed rows, the oracle for the randomised tests. */
final class ReferenceAggregation {
    private ReferenceAggregation() {
    }

    /** Result row (keys, then aggregates) per group key, computed with boxed Java values. */
    static Map<List<Object>, Object[]> compute(List<Object[]> rows, int keyCount, List<AggregateSpec> specs) {
        Map<List<Object>, List<Object[]>> groups = new HashMap<>();
        for (Object[] row : rows) {
            List<Object> key = new ArrayList<>();
            for (int k = 0; k < keyCount; k++) {
                key.add(row[k]);
            }
            groups.computeIfAbsent(key, x -> new ArrayList<>()).add(row);
        }
        if (keyCount == 0 && groups.isEmpty()) {
            groups.put(List.of(), List.of());
        }
        Map<List<Object>, Object[]> out = new HashMap<>();
        for (Map.Entry<List<Object>, List<Object[]>> e : groups.entrySet()) {
            Object[] result = new Object[keyCount + specs.size()];
            for (int k = 0; k < keyCount; k++) {
                result[k] = e.getKey().get(k);
            }
            for (int a = 0; a < specs.size(); a++) {
                result[keyCount + a] = aggregate(specs.get(a), e.getValue());
            }
            out.put(e.getKey(), result);
        }
        return out;
    }

    private static Object aggregate(AggregateSpec spec, List<Object[]> rows) {
        if (spec.kind() == AggregateKind.COUNT_STAR) {
            return (long) rows.size();
        }
        Collection<Object> values = spec.distinct() ? new LinkedHashSet<>() : new ArrayList<>();
        for (Object[] row : rows) {
            Object v = row[spec.inputColumn()];
            if (v != null) {
                values.add(v);
            }
        }
        switch (spec.kind()) {
            case COUNT:
                return (long) values.size();
            case SUM:
                return values.isEmpty() ? null : sum(values);
            case AVG:
                return values.isEmpty() ? null : toDouble(sum(values)) / values.size();
            case MIN:
            case MAX:
                return values.isEmpty() ? null : extreme(values, spec.kind() == AggregateKind.MAX);
            default:
                throw new IllegalStateException(spec.kind().name());
        }
    }

    private static Object sum(Collection<Object> values) {
        Object first = values.iterator().next();
        if (first instanceof Double) {
            double s = 0;
            for (Object v : values) {
                s += (Double) v;
            }
            return s;
        }
        if (first instanceof BigDecimal) {
            BigDecimal s = BigDecimal.valueOf(0, ((BigDecimal) first).scale());
            for (Object v : values) {
                s = s.add((BigDecimal) v);
            }
            return s;
        }
        BigInteger s = BigInteger.ZERO;
        for (Object v : values) {
            s = s.add(BigInteger.valueOf(((Number) v).longValue()));
        }
        return s.longValueExact();
    }

    private static double toDouble(Object sum) {
        return ((Number) sum).doubleValue();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object extreme(Collection<Object> values, boolean max) {
        Comparable best = null;
        for (Object v : values) {
            Comparable c = (Comparable) v;
            if (best == null || (max ? c.compareTo(best) > 0 : c.compareTo(best) < 0)) {
                best = c;
            }
        }
        return best;
    }
}
