package dev.muru.storage;

import dev.muru.core.DataType;
import dev.muru.core.vector.IntVector;
import dev.muru.core.vector.NullMask;
import dev.muru.core.vector.StringVector;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DistinctSketchTest {
    @Test
    void estimatesWithinAFewPercent() {
        for (int distinct : new int[]{1, 25, 1000, 150_000}) {
            int rows = 600_000;
            int[] v = new int[rows];
            for (int i = 0; i < rows; i++) {
                v[i] = (int) ((long) i * 7919 % distinct) * 4 + 1; // sparse values, each repeated
            }
            long e = DistinctSketch.of(new IntVector(DataType.INTEGER, v, null), rows).estimate();
            assertTrue(Math.abs(e - distinct) <= Math.max(1, distinct * 0.05), distinct + " estimated as " + e);
        }
    }

    @Test
    void mergesAndSkipsNulls() {
        String[] a = {"x", "y", "z", null};
        long[] mask = new long[NullMask.words(4)];
        NullMask.set(mask, 3);
        DistinctSketch s1 = DistinctSketch.of(new StringVector(DataType.VARCHAR, a, mask), 4);
        DistinctSketch s2 = DistinctSketch.of(new StringVector(DataType.VARCHAR, new String[]{"z", "w"}, null), 2);
        assertEquals(3, s1.estimate());
        assertEquals(4, s1.merge(s2).estimate());
    }
}
