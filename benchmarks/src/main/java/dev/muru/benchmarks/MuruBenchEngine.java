package dev.muru.benchmarks;

import dev.muru.Muru;
import dev.muru.MuruSettings;
import dev.muru.QueryResult;
import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.DoubleVector;
import dev.muru.core.vector.IntVector;
import dev.muru.core.vector.LongVector;

import java.util.ArrayList;
import java.util.List;

/** Muru through its embedding facade. */
final class MuruBenchEngine implements BenchEngine {
    /** Rows per append call; each call is one atomic append of whole morsels. */
    private static final int ROWS_PER_APPEND = 1 << 20;

    private final Muru muru;

    private MuruBenchEngine(Muru muru) {
        this.muru = muru;
    }

    /** Wraps an engine whose tables are already loaded; closing the wrapper closes it. */
    static MuruBenchEngine wrap(Muru muru) {
        return new MuruBenchEngine(muru);
    }

    static MuruBenchEngine open(MuruSettings settings, long rows, int groups) {
        Muru muru = Muru.start(settings);
        try {
            muru.execute(Queries.CREATE);
            int morselRows = muru.settings().morselRows();
            long perCall = Math.max(1, ROWS_PER_APPEND / morselRows) * (long) morselRows;
            for (long start = 0; start < rows; ) {
                long end = Math.min(rows, start + perCall);
                List<Morsel> chunk = new ArrayList<>();
                for (long from = start; from < end; from += morselRows) {
                    chunk.add(morsel(from, (int) Math.min(morselRows, end - from), groups));
                }
                muru.append("test", chunk);
                start = end;
            }
            return new MuruBenchEngine(muru);
        } catch (RuntimeException e) {
            muru.close();
            throw e;
        }
    }

    private static Morsel morsel(long from, int n, int groups) {
        long[] ids = new long[n];
        long[] values = new long[n];
        int[] cats = new int[n];
        for (int i = 0; i < n; i++) {
            long id = from + i;
            ids[i] = id;
            values[i] = BenchData.value(id);
            cats[i] = BenchData.category(id, groups);
        }
        return new Morsel(new ColumnVector[] {
                new LongVector(DataType.BIGINT, ids, null),
                new LongVector(DataType.BIGINT, values, null),
                new IntVector(DataType.INTEGER, cats, null)}, n);
    }

    @Override
    public long run(String sql) {
        QueryResult r = muru.query(sql);
        long h = 0;
        for (Morsel m : r.morsels()) {
            int size = m.size();
            for (int c = 0; c < m.columnCount(); c++) {
                ColumnVector v = m.column(c);
                for (int i = 0; i < size; i++) {
                    int p = m.position(i);
                    if (v.isNull(p)) {
                        continue;
                    }
                    if (v instanceof LongVector) {
                        h = h * 31 + ((LongVector) v).get(p);
                    } else if (v instanceof IntVector) {
                        h = h * 31 + ((IntVector) v).get(p);
                    } else if (v instanceof DoubleVector) {
                        h = h * 31 + Double.doubleToLongBits(((DoubleVector) v).get(p));
                    } else {
                        h = h * 31 + v.getObject(p).hashCode();
                    }
                }
            }
        }
        return h;
    }

    @Override
    public List<Object[]> rows(String sql) {
        return muru.query(sql).rows();
    }

    @Override
    public void close() {
        muru.close();
    }
}
