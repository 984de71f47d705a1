package dev.muru.operators.sort;

import java.util.Comparator;
import java.util.List;

/** The ORDER BY of boxed rows, the oracle for the sort tests. */
final class BoxedOrder {
    private BoxedOrder() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Comparator<Object[]> of(List<SortKey> keys) {
        return (a, b) -> {
            for (SortKey k : keys) {
                Object x = a[k.column()];
                Object y = b[k.column()];
                int c;
                if (x == null || y == null) {
                    if (x == null && y == null) {
                        continue;
                    }
                    c = (x == null) == k.nullsFirst() ? -1 : 1;
                    return c;
                }
                c = ((Comparable) x).compareTo(y);
                if (c != 0) {
                    return k.ascending() ? c : -c;
                }
            }
            return 0;
        };
    }
}
