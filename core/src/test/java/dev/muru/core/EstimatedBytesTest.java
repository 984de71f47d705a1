package dev.muru.core;

import dev.muru.core.vector.BooleanVector;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.DoubleVector;
import dev.muru.core.vector.IntVector;
import dev.muru.core.vector.LongVector;
import dev.muru.core.vector.StringVector;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EstimatedBytesTest {
    private static final int ROWS = 100_000;

    private static LongVector longs(int n) {
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        return new LongVector(DataType.BIGINT, values, null);
    }

    private static StringVector strings(int n, int maxLength) {
        String[] values = new String[n];
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.setLength(0);
            // Lengths vary with the row (not with the sampling stride) so the sample must average them.
            int len = (int) ((i * 2_654_435_761L) % (maxLength + 1));
            for (int j = 0; j < len; j++) {
                sb.append((char) ('a' + (i + j) % 26));
            }
            values[i] = sb.toString();
        }
        return new StringVector(DataType.VARCHAR, values, null);
    }

    /** Bytes of the strings counted one by one, with the JVM's layout: object, then byte[] header and chars. */
    private static long exactStringBytes(String[] values) {
        long bytes = 16L + (long) ColumnVector.REFERENCE_BYTES * values.length;
        for (String s : values) {
            if (s != null) {
                bytes += 24 + ((16 + s.length() + 7) & ~7L);
            }
        }
        return bytes;
    }

    private static void assertWithinFactorTwo(long real, long estimate) {
        assertTrue(estimate >= real / 2 && estimate <= real * 2, "estimate " + estimate + " vs real " + real);
    }

    @Test
    void primitiveVectorsCountTheirArrays() {
        assertWithinFactorTwo(8L * ROWS, longs(ROWS).estimatedBytes());
        assertWithinFactorTwo(4L * ROWS, new IntVector(DataType.INTEGER, new int[ROWS], null).estimatedBytes());
        assertWithinFactorTwo(8L * ROWS, new DoubleVector(DataType.DOUBLE, new double[ROWS], null).estimatedBytes());
        assertWithinFactorTwo(ROWS, new BooleanVector(DataType.BOOLEAN, new boolean[ROWS], null).estimatedBytes());
        assertTrue(longs(ROWS).estimatedBytes() > longs(1000).estimatedBytes());
    }

    @Test
    void stringVectorsCountTheStringsTheyReference() {
        StringVector v = strings(ROWS, 40);
        long exact = exactStringBytes(v.values());
        assertWithinFactorTwo(exact, v.estimatedBytes());
        // Far more than the reference array alone.
        assertTrue(v.estimatedBytes() > 4 * ColumnVector.arrayBytes(v.values()));
        assertTrue(strings(ROWS, 200).estimatedBytes() > v.estimatedBytes(), "longer strings, larger estimate");
    }

    @Test
    void smallStringVectorsAreCountedExactly() {
        StringVector v = strings(50, 30);
        long expected = ColumnVector.OBJECT_BYTES + ColumnVector.arrayBytes(v.values());
        for (String s : v.values()) {
            expected += ColumnVector.stringBytes(s);
        }
        assertEquals(expected, v.estimatedBytes());
    }

    @Test
    void nullMaskIsCounted() {
        LongVector v = longs(ROWS);
        long without = v.estimatedBytes();
        v.setNull(7);
        assertEquals(without + ColumnVector.arrayBytes(v.nullMask()), v.estimatedBytes());
    }

    @Test
    void viewsCountTheWholeArrayTheyHold() {
        LongVector all = longs(ROWS);
        LongVector view = new LongVector(DataType.BIGINT, all.values(), 10, null);
        assertEquals(all.estimatedBytes(), view.estimatedBytes());
        assertTrue(all.copyRange(0, 10).estimatedBytes() < 200);
    }

    @Test
    void morselSumsItsColumnsAndSelection() {
        ColumnVector a = longs(ROWS);
        ColumnVector b = strings(ROWS, 20);
        Morsel m = new Morsel(new ColumnVector[]{a, b}, ROWS);
        long columns = a.estimatedBytes() + b.estimatedBytes();
        assertTrue(m.estimatedBytes() >= columns && m.estimatedBytes() < columns + 100);
        int[] selection = new int[ROWS / 2];
        Morsel selected = m.withSelection(selection, selection.length);
        assertEquals(m.estimatedBytes() + ColumnVector.arrayBytes(selection), selected.estimatedBytes());
        assertTrue(m.compact() == m && selected.compact().estimatedBytes() < m.estimatedBytes());
    }
}
