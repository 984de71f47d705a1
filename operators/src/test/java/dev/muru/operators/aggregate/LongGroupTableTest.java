package dev.muru.operators.aggregate;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.LongVector;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The single-key table in both its modes: direct-mapped for narrow key spans, hashed otherwise. */
class LongGroupTableTest {

    /** Counts per key through HashAggregation, fed in morsels of 1000 rows. */
    private static Map<Long, Long> counts(long[] keys) {
        HashAggregation agg = new HashAggregation(List.of(DataType.BIGINT), List.of(AggregateSpec.countStar()));
        for (int from = 0; from < keys.length; from += 1000) {
            int n = Math.min(1000, keys.length - from);
            long[] chunk = new long[n];
            System.arraycopy(keys, from, chunk, 0, n);
            agg.add(new Morsel(new ColumnVector[]{new LongVector(DataType.BIGINT, chunk, null)}, n));
        }
        Map<Long, Long> out = new HashMap<>();
        for (Morsel m : agg.finish(4096)) {
            for (Object[] row : m.rows()) {
                out.put((Long) row[0], (Long) row[1]);
            }
        }
        return out;
    }

    private static Map<Long, Long> reference(long[] keys) {
        Map<Long, Long> out = new HashMap<>();
        for (long k : keys) {
            out.merge(k, 1L, Long::sum);
        }
        return out;
    }

    private static void check(long[] keys) {
        assertEquals(reference(keys), counts(keys));
    }

    @Test
    void narrowSpansStayCorrectWhileTheRangeWidensBothWays() {
        long[] keys = new long[20_000];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = (i % 2 == 0 ? 1 : -1) * (long) (i % 5000) - 3;
        }
        check(keys);
        long[] descending = new long[10_000];
        for (int i = 0; i < descending.length; i++) {
            descending[i] = 1_000_000 - i * 7L;
        }
        check(descending);
    }

    @Test
    void switchesToHashingWhenTheSpanGetsWide() {
        SplittableRandom r = new SplittableRandom(7);
        long[] keys = new long[30_000];
        for (int i = 0; i < keys.length; i++) {
            // First narrow, then a key far away forces the switch with groups already present.
            keys[i] = i < 10_000 ? r.nextInt(500) : (i == 10_000 ? 1L << 40 : r.nextInt(500) + (i % 3 == 0 ? 1L << 40 : 0));
        }
        check(keys);
    }

    @Test
    void extremeKeysDoNotOverflowTheRange() {
        check(new long[]{Long.MAX_VALUE, Long.MAX_VALUE - 1, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, 0, Long.MIN_VALUE});
        check(new long[]{Long.MIN_VALUE, Long.MIN_VALUE + 5, Long.MIN_VALUE + 2000, Long.MIN_VALUE + 5});
        check(new long[]{Long.MAX_VALUE - 3, Long.MAX_VALUE - 3000, Long.MAX_VALUE});
    }

    @Test
    void partitionsAgreeAcrossModes() {
        // One state stays direct-mapped, the other switched to hashing: equal keys must still meet.
        HashAggregation narrow = new HashAggregation(List.of(DataType.BIGINT), List.of(AggregateSpec.countStar()));
        HashAggregation wide = new HashAggregation(List.of(DataType.BIGINT), List.of(AggregateSpec.countStar()));
        long[] a = new long[1000];
        long[] b = new long[1001];
        for (int i = 0; i < 1000; i++) {
            a[i] = i;
            b[i] = i;
        }
        b[1000] = 1L << 50;
        narrow.add(new Morsel(new ColumnVector[]{new LongVector(DataType.BIGINT, a, null)}, a.length));
        wide.add(new Morsel(new ColumnVector[]{new LongVector(DataType.BIGINT, b, null)}, b.length));
        long total = 0;
        for (int p = 0; p < 4; p++) {
            HashAggregation part = HashAggregation.combinePartition(List.of(narrow, wide), p, 4);
            for (Morsel m : part.finish(4096)) {
                for (Object[] row : m.rows()) {
                    long expected = (Long) row[0] == 1L << 50 ? 1 : 2;
                    assertEquals(expected, row[1]);
                    total += (Long) row[1];
                }
            }
        }
        assertEquals(2001, total);
    }
}
