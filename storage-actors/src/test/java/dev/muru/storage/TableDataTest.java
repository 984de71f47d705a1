package dev.muru.storage;

import dev.muru.core.Column;
import dev.muru.core.DataType;
import dev.muru.core.ErrorCode;
import dev.muru.core.Morsel;
import dev.muru.core.MuruException;
import dev.muru.core.Schema;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.DoubleVector;
import dev.muru.core.vector.IntVector;
import dev.muru.core.vector.LongVector;
import dev.muru.core.vector.StringVector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableDataTest {
    static final Schema SCHEMA = Schema.of(
            new Column("id", DataType.BIGINT, false),
            new Column("qty", DataType.INTEGER),
            new Column("name", DataType.varchar(5)),
            new Column("price", DataType.DOUBLE));

    /** A dense morsel of rows {@code from..from+n-1}: id = i, qty = i * 10, name = "n" + i % 100, price = i / 2. */
    static Morsel rows(long from, int n) {
        long[] ids = new long[n];
        int[] qty = new int[n];
        String[] names = new String[n];
        double[] price = new double[n];
        for (int i = 0; i < n; i++) {
            long v = from + i;
            ids[i] = v;
            qty[i] = (int) (v * 10);
            names[i] = "n" + (v % 100);
            price[i] = v / 2.0;
        }
        return new Morsel(new ColumnVector[] {
                new LongVector(DataType.BIGINT, ids, null),
                new IntVector(DataType.INTEGER, qty, null),
                new StringVector(DataType.varchar(5), names, null),
                new DoubleVector(DataType.DOUBLE, price, null)}, n);
    }

    static List<Object[]> allRows(TableSnapshot s) {
        List<Object[]> out = new ArrayList<>();
        for (RowGroup g : s.rowGroups()) {
            out.addAll(g.toMorsel().rows());
        }
        return out;
    }

    @Test
    void appendWithoutNulls() {
        TableData t = new TableData(SCHEMA, 100);
        TableSnapshot s = t.append(List.of(rows(0, 3)));
        assertEquals(1, s.version());
        assertEquals(3, s.rowCount());
        assertEquals(1, s.rowGroups().size());
        List<Object[]> r = allRows(s);
        assertArrayEquals(new Object[] {2L, 20, "n2", 1.0}, r.get(2));
        RowGroup g = s.rowGroups().get(0);
        assertEquals(3, g.column(0).length());
        assertFalse(g.column(0).hasNulls());
        Morsel m = g.toMorsel();
        assertEquals(3, m.positions());
        assertEquals(3, m.size());
    }

    @Test
    void appendWithNulls() {
        TableData t = new TableData(SCHEMA, 100);
        Morsel m = rows(0, 4);
        m.column(1).setNull(1);
        m.column(2).setNull(3);
        m.column(3).setNull(0);
        m.column(3).setNull(1);
        m.column(3).setNull(2);
        m.column(3).setNull(3);
        TableSnapshot s = t.append(List.of(m));
        List<Object[]> r = allRows(s);
        assertNull(r.get(1)[1]);
        assertEquals(20, r.get(2)[1]);
        assertNull(r.get(3)[2]);
        assertNull(r.get(0)[3]);
        RowGroup g = s.rowGroups().get(0);
        assertEquals(1, g.zoneMap(1).nullCount());
        assertEquals(0, g.zoneMap(1).minLong());
        assertEquals(30, g.zoneMap(1).maxLong());
        assertTrue(g.zoneMap(3).allNull());
        assertFalse(g.zoneMap(3).mayContainDouble(0, 100));
    }

    @Test
    void acrossRowGroupBoundaries() {
        TableData t = new TableData(SCHEMA, 10);
        t.append(List.of(rows(0, 7)));
        TableSnapshot s = t.append(List.of(rows(7, 25), rows(32, 3)));
        assertEquals(35, s.rowCount());
        assertEquals(4, s.rowGroups().size());
        assertEquals(List.of(10, 10, 10, 5), s.rowGroups().stream().map(RowGroup::rowCount).toList());
        List<Object[]> r = allRows(s);
        for (int i = 0; i < 35; i++) {
            assertEquals((long) i, r.get(i)[0]);
            assertEquals(i * 10, r.get(i)[1]);
        }
        assertEquals(10, s.rowGroups().get(1).zoneMap(0).minLong());
        assertEquals(19, s.rowGroups().get(1).zoneMap(0).maxLong());
        // Sealed groups are shared, not copied, by the next snapshot.
        TableSnapshot next = t.append(List.of(rows(35, 1)));
        assertSame(s.rowGroups().get(0), next.rowGroups().get(0));
    }

    @Test
    void bigAppendFillsManyGroupsAndGrowsTail() {
        TableData t = new TableData(SCHEMA, 5000);
        TableSnapshot s = null;
        long total = 0;
        for (int b = 0; b < 30; b++) {
            int n = 100 + b * 37;
            s = t.append(List.of(rows(total, n)));
            total += n;
        }
        assertEquals(total, s.rowCount());
        long sum = 0;
        for (RowGroup g : s.rowGroups()) {
            LongVector ids = (LongVector) g.column(0);
            for (int i = 0; i < g.rowCount(); i++) {
                sum += ids.get(i);
            }
        }
        assertEquals(total * (total - 1) / 2, sum);
    }

    @Test
    void selectionVectorIsRespected() {
        TableData t = new TableData(SCHEMA, 3);
        Morsel m = rows(0, 10);
        m.column(1).setNull(5);
        Morsel selected = m.withSelection(new int[] {1, 5, 8, 9}, 4);
        TableSnapshot s = t.append(List.of(selected));
        assertEquals(4, s.rowCount());
        List<Object[]> r = allRows(s);
        assertEquals(List.of(1L, 5L, 8L, 9L), r.stream().map(x -> x[0]).toList());
        assertNull(r.get(1)[1]);
        assertEquals(80, r.get(2)[1]);
        assertEquals(1, s.rowGroups().get(0).zoneMap(1).nullCount());
        assertEquals(1, s.rowGroups().get(0).zoneMap(0).minLong());
        assertEquals(8, s.rowGroups().get(0).zoneMap(0).maxLong());
    }

    @Test
    void zoneMapsAcrossAppendsAndTypes() {
        TableData t = new TableData(SCHEMA, 1000);
        t.append(List.of(rows(50, 10)));
        TableSnapshot s = t.append(List.of(rows(5, 3)));
        RowGroup g = s.rowGroups().get(0);
        ZoneMap id = g.zoneMap(0);
        assertEquals(5, id.minLong());
        assertEquals(59, id.maxLong());
        assertEquals(13, id.rowCount());
        assertTrue(id.mayContainLong(0, 5));
        assertTrue(id.mayContainLong(30, 40));
        assertFalse(id.mayContainLong(60, 100));
        assertFalse(id.mayContainLong(-10, 4));
        ZoneMap name = g.zoneMap(2);
        assertEquals("n5", name.minString());
        assertEquals("n7", name.maxString());
        assertFalse(name.mayContainString("o", null));
        assertTrue(name.mayContainString("n6", "n6"));
        ZoneMap price = g.zoneMap(3);
        assertEquals(2.5, price.minDouble());
        assertEquals(29.5, price.maxDouble());
        assertTrue(price.mayContainDouble(29.5, 100));
        assertFalse(price.mayContainDouble(30, 100));
    }

    @Test
    void stringZoneMapUsesCodePointOrder() {
        assertTrue(ZoneMap.compareStrings("\uFF5E", "\uD83D\uDE00") < 0);
        assertTrue(ZoneMap.compareStrings("ab", "abc") < 0);
        assertEquals(0, ZoneMap.compareStrings("x", "x"));
    }

    @Test
    void failedNotNullAppendChangesNothing() {
        TableData t = new TableData(SCHEMA, 4);
        TableSnapshot before = t.append(List.of(rows(0, 3)));
        Morsel bad = rows(3, 5);
        bad.column(0).setNull(4);
        MuruException e = assertThrows(MuruException.class, () -> t.append(List.of(rows(100, 6), bad)));
        assertEquals(ErrorCode.NOT_NULL_VIOLATION, e.code());
        assertEquals("null value in column \"id\" violates not-null constraint", e.detail());
        assertSame(before, t.snapshot());
        TableSnapshot after = t.append(List.of(rows(3, 2)));
        assertEquals(2, after.version());
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), allRows(after).stream().map(x -> x[0]).toList());
    }

    @Test
    void nullOutsideSelectionIsAccepted() {
        TableData t = new TableData(SCHEMA, 4);
        Morsel m = rows(0, 3);
        m.column(0).setNull(1);
        TableSnapshot s = t.append(List.of(m.withSelection(new int[] {0, 2}, 2)));
        assertEquals(List.of(0L, 2L), allRows(s).stream().map(x -> x[0]).toList());
    }

    @Test
    void tooLongStringChangesNothing() {
        TableData t = new TableData(SCHEMA, 4);
        Morsel bad = rows(0, 2);
        ((StringVector) bad.column(2)).values()[1] = "abcdef";
        MuruException e = assertThrows(MuruException.class, () -> t.append(List.of(bad)));
        assertEquals(ErrorCode.STRING_TOO_LONG, e.code());
        assertEquals("value too long for type VARCHAR(5)", e.detail());
        assertEquals(0, t.snapshot().version());
        assertEquals(0, t.snapshot().rowCount());
        // Five characters fit even when one of them needs two UTF-16 units.
        ((StringVector) bad.column(2)).values()[1] = "abc\uD83D\uDE00d";
        assertEquals(2, t.append(List.of(bad)).rowCount());
    }

    @Test
    void wrongTypesAndColumnCountAreRejected() {
        TableData t = new TableData(SCHEMA, 4);
        Morsel m = rows(0, 2);
        ColumnVector[] cols = m.columns().clone();
        cols[1] = new LongVector(DataType.BIGINT, new long[2], null);
        MuruException e = assertThrows(MuruException.class, () -> t.append(List.of(m.withColumns(cols))));
        assertEquals(ErrorCode.DATATYPE_MISMATCH, e.code());
        Morsel narrow = new Morsel(new ColumnVector[] {m.column(0)}, 2);
        assertEquals(ErrorCode.INSERT_COLUMN_MISMATCH,
                assertThrows(MuruException.class, () -> t.append(List.of(narrow))).code());
        assertEquals(0, t.snapshot().version());
    }

    @Test
    void oldSnapshotKeepsItsRowsAfterLaterAppends() {
        TableData t = new TableData(SCHEMA, 8);
        TableSnapshot s1 = t.append(List.of(rows(0, 3)));
        Morsel withNull = rows(3, 2);
        withNull.column(1).setNull(0);
        TableSnapshot s2 = t.append(List.of(withNull));
        Morsel withNull2 = rows(5, 30);
        withNull2.column(1).setNull(1);
        TableSnapshot s3 = t.append(List.of(withNull2));

        assertEquals(3, s1.rowCount());
        assertEquals(3, s1.rowGroups().get(0).column(0).length());
        assertFalse(s1.rowGroups().get(0).column(1).hasNulls());
        assertEquals(List.of(0L, 1L, 2L), allRows(s1).stream().map(x -> x[0]).toList());

        assertEquals(5, s2.rowCount());
        List<Object[]> r2 = allRows(s2);
        assertNull(r2.get(3)[1]);
        assertEquals(40, r2.get(4)[1]);
        assertEquals(1, s2.rowGroups().get(0).zoneMap(1).nullCount());
        assertEquals(4, s2.rowGroups().get(0).zoneMap(0).maxLong());

        assertEquals(35, s3.rowCount());
        List<Object[]> r3 = allRows(s3);
        assertNull(r3.get(3)[1]);
        assertNull(r3.get(6)[1]);
        assertEquals(70, r3.get(7)[1]);
        assertEquals(2, s3.rowGroups().get(0).zoneMap(1).nullCount());
        // s2 still sees only its own NULL, although the tail's mask word got a later bit.
        assertEquals(1, allRows(s2).stream().filter(x -> x[1] == null).count());
    }

    @Test
    void rowGroupOfComputesZoneMaps() {
        Morsel m = rows(10, 4);
        RowGroup g = RowGroup.of(m.columns(), 4);
        assertEquals(10, g.zoneMap(0).minLong());
        assertEquals(13, g.zoneMap(0).maxLong());
        assertThrows(IllegalArgumentException.class, () -> RowGroup.of(m.columns(), 3));
    }
}
