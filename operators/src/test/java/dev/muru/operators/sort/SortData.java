package dev.muru.operators.sort;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.operators.aggregate.VectorFixtures;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random rows of every physical type with many ties and NULLs, plus a row number column. */
final class SortData {
    /** Columns: BIGINT, INTEGER, DOUBLE, BOOLEAN, VARCHAR, DECIMAL(8,2), DATE, then row number. */
    static final List<DataType> TYPES = List.of(DataType.BIGINT, DataType.INTEGER, DataType.DOUBLE,
            DataType.BOOLEAN, DataType.VARCHAR, DataType.decimal(8, 2), DataType.DATE, DataType.BIGINT);
    static final int ROW_NUMBER = 7;

    private SortData() {
    }

    static List<Object[]> rows(Random r, int n, int domain) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Object[] row = new Object[TYPES.size()];
            row[0] = maybeNull(r, (long) r.nextInt(domain) - domain / 2);
            row[1] = maybeNull(r, r.nextInt(domain) - domain / 2);
            row[2] = maybeNull(r, r.nextInt(domain) / 2.0 - 1);
            row[3] = maybeNull(r, r.nextBoolean());
            row[4] = maybeNull(r, "s" + r.nextInt(domain));
            row[5] = maybeNull(r, (long) r.nextInt(domain) * 25);
            row[6] = maybeNull(r, 19_000 + r.nextInt(domain));
            row[7] = (long) i;
            rows.add(row);
        }
        return rows;
    }

    private static Object maybeNull(Random r, Object v) {
        return r.nextInt(8) == 0 ? null : v;
    }

    /** Morsels of random sizes over consecutive rows; some carry skipped junk rows. */
    static List<Morsel> morsels(List<Object[]> rows, Random r, int maxRows) {
        List<Morsel> out = new ArrayList<>();
        int i = 0;
        while (i < rows.size()) {
            int n = Math.min(rows.size() - i, 1 + r.nextInt(maxRows));
            List<Object[]> chunk = rows.subList(i, i + n);
            i += n;
            if (r.nextBoolean()) {
                out.add(VectorFixtures.morsel(TYPES, chunk));
                continue;
            }
            List<Object[]> physical = new ArrayList<>();
            int[] selection = new int[n];
            for (int j = 0; j < n; j++) {
                if (r.nextInt(3) == 0) {
                    physical.add(rows(r, 1, 5).get(0));
                }
                selection[j] = physical.size();
                physical.add(chunk.get(j));
            }
            out.add(VectorFixtures.morsel(TYPES, physical).withSelection(selection, n));
        }
        return out;
    }

    /** A random list of 1 to 3 keys over the value columns, in random directions. */
    static List<SortKey> randomKeys(Random r) {
        List<SortKey> keys = new ArrayList<>();
        int count = 1 + r.nextInt(3);
        for (int i = 0; i < count; i++) {
            keys.add(new SortKey(r.nextInt(ROW_NUMBER), r.nextBoolean(), r.nextBoolean()));
        }
        return keys;
    }

    /** The boxed rows of {@code morsels} in order, then stably sorted: the expected answer. */
    static List<Object[]> expected(List<Morsel> morsels, List<SortKey> keys) {
        List<Object[]> all = VectorFixtures.rows(morsels);
        all.sort(BoxedOrder.of(keys));
        return all;
    }
}
