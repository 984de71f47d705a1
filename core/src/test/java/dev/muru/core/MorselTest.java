package dev.muru.core;

import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.LongVector;
import dev.muru.core.vector.StringVector;
import dev.muru.core.vector.VectorBuilder;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MorselTest {
    private static Morsel sample() {
        LongVector ids = new LongVector(DataType.BIGINT, new long[]{10, 20, 30, 40, 50}, null);
        ColumnVector names = VectorBuilder.of(DataType.VARCHAR, Arrays.asList("a", null, "c", "d", null));
        return new Morsel(new ColumnVector[]{ids, names}, 5);
    }

    @Test
    void selectionNarrowsWithoutCopyingAndCompactGathers() {
        Morsel m = sample().withSelection(new int[]{1, 3, 4}, 3);
        assertEquals(3, m.size());
        assertEquals(5, m.positions());
        assertEquals(3, m.position(1));
        Morsel dense = m.compact();
        assertNull(dense.selection());
        assertArrayEquals(new long[]{20, 40, 50}, ((LongVector) dense.column(0)).values());
        assertTrue(dense.column(1).isNull(0));
        assertFalse(dense.column(1).isNull(1));
        assertTrue(dense.column(1).isNull(2));
        Morsel all = sample();
        assertSame(all, all.compact(), "a dense morsel compacts to itself");
    }

    @Test
    void rowsBoxValuesByType() {
        Morsel m = new Morsel(new ColumnVector[]{
                VectorBuilder.of(DataType.decimal(10, 2), List.of(1234L)),
                VectorBuilder.of(DataType.DATE, List.of(9131)),
                VectorBuilder.of(DataType.INTEGER, Arrays.asList((Object) null))}, 1);
        Object[] row = m.rows().get(0);
        assertEquals(new java.math.BigDecimal("12.34"), row[0]);
        assertEquals(java.time.LocalDate.of(1995, 1, 1), row[1]);
        assertNull(row[2]);
    }

    @Test
    void vectorsWithAndWithoutNulls() {
        ColumnVector noNulls = VectorBuilder.of(DataType.BIGINT, List.of(1L, 2L, 3L));
        assertFalse(noNulls.hasNulls(), "a vector without NULLs keeps no bitmap");
        ColumnVector withNulls = VectorBuilder.of(DataType.BIGINT, Arrays.asList(1L, null, 3L));
        assertTrue(withNulls.hasNulls());
        ColumnVector range = withNulls.copyRange(1, 2);
        assertTrue(range.isNull(0));
        assertEquals(3L, range.getObject(1));
        ColumnVector retyped = VectorBuilder.retype(VectorBuilder.of(DataType.VARCHAR, List.of("x")), DataType.varchar(5));
        assertEquals(DataType.varchar(5), retyped.type());
        assertEquals("x", ((StringVector) retyped).get(0));
        assertTrue(ColumnVector.allNull(DataType.DOUBLE, 100).isNull(99));
    }

    @Test
    void typesValidateTheirParameters() {
        assertEquals("DECIMAL(15,2)", DataType.decimal(15, 2).toString());
        assertEquals(ErrorCode.INVALID_TYPE, assertThrows(MuruException.class, () -> DataType.decimal(19, 2)).code());
        assertEquals(ErrorCode.INVALID_TYPE, assertThrows(MuruException.class, () -> DataType.decimal(5, 6)).code());
        assertEquals(ErrorCode.INVALID_TYPE, assertThrows(MuruException.class, () -> DataType.varchar(0)).code());
        assertEquals(PhysicalType.INT, DataType.DATE.physical());
        assertEquals(PhysicalType.LONG, DataType.decimal(18, 0).physical());
    }

    @Test
    void valuesParseFormatAndCompare() {
        assertEquals(1234L, Values.parseDecimal(" 12.34 ", 10, 2));
        assertEquals(1235L, Values.parseDecimal("12.345", 10, 2), "half away from zero");
        assertEquals(ErrorCode.NUMERIC_OVERFLOW, assertThrows(MuruException.class, () -> Values.parseDecimal("123.4", 3, 1)).code());
        assertEquals(ErrorCode.INVALID_TEXT_REPRESENTATION, assertThrows(MuruException.class, () -> Values.parseDecimal("x", 3, 1)).code());
        assertEquals(ErrorCode.INVALID_DATETIME_FORMAT, assertThrows(MuruException.class, () -> Values.parseDate("1995-13-01")).code());
        assertEquals("1995-01-01", Values.formatDate(Values.parseDate("1995-01-01")));
        assertEquals("3.0", Values.formatDouble(3.0));
        assertEquals("0.1", Values.formatDouble(0.1));
        // Code point order: U+FFFD sorts below U+1F600, which UTF-16 order gets wrong.
        assertTrue(Values.compareStrings("\uFFFD", "\uD83D\uDE00") < 0);
        assertTrue("\uFFFD".compareTo("\uD83D\uDE00") > 0);
        assertTrue(Values.compareStrings("ab", "abc") < 0);
        assertEquals(0, Values.compareStrings("x", "x"));
    }

    @Test
    void exceptionsPrintCodeAndPosition() {
        MuruException e = new MuruException(ErrorCode.SYNTAX_ERROR, "syntax error at or near \"FORM\"", 1, 10);
        assertEquals("SYNTAX_ERROR (42601) at line 1, column 10: syntax error at or near \"FORM\"", e.getMessage());
        MuruException noPos = new MuruException(ErrorCode.DIVISION_BY_ZERO, "division by zero");
        assertEquals("DIVISION_BY_ZERO (22012): division by zero", noPos.getMessage());
        assertEquals(3, noPos.at(3, 4).line());
        assertSame(e, e.at(5, 5), "a position once set is kept");
    }
}
