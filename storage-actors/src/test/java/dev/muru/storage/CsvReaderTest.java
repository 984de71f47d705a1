package dev.muru.storage;

import dev.muru.core.Column;
import dev.muru.core.DataType;
import dev.muru.core.ErrorCode;
import dev.muru.core.Morsel;
import dev.muru.core.MuruException;
import dev.muru.core.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvReaderTest {
    static final Schema SCHEMA = Schema.of(
            new Column("id", DataType.INTEGER, false),
            new Column("value", DataType.BIGINT),
            new Column("name", DataType.varchar(10)),
            new Column("price", DataType.decimal(12, 2)),
            new Column("day", DataType.DATE),
            new Column("ok", DataType.BOOLEAN),
            new Column("ratio", DataType.DOUBLE));

    @TempDir
    Path dir;

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    static List<Object[]> rows(List<Morsel> morsels) {
        List<Object[]> out = new ArrayList<>();
        for (Morsel m : morsels) {
            out.addAll(m.rows());
        }
        return out;
    }

    List<Object[]> read(String text, char delimiter, boolean header) throws IOException {
        return rows(CsvReader.read(write("data.csv", text), SCHEMA, null, delimiter, header, null, 1000));
    }

    MuruException fail(String text) throws IOException {
        Path p = write("data.csv", text);
        return assertThrows(MuruException.class, () -> CsvReader.read(p, SCHEMA, null, ',', false, null, 1000));
    }

    @Test
    void goodFile() throws IOException {
        List<Object[]> r = read("1,10,apple,1.5,1998-12-01,true,0.25\n"
                + "2,-7,pear,-0.05,2024-02-29,F,1e3\n", ',', false);
        assertEquals(2, r.size());
        assertArrayEquals(new Object[] {1, 10L, "apple", new BigDecimal("1.50"), LocalDate.of(1998, 12, 1), true, 0.25},
                r.get(0));
        assertArrayEquals(new Object[] {2, -7L, "pear", new BigDecimal("-0.05"), LocalDate.of(2024, 2, 29), false, 1000.0},
                r.get(1));
    }

    @Test
    void quotedFieldsWithDelimiterNewlinesAndQuotes() throws IOException {
        List<Object[]> r = read("1,2,\"a,b\",3,,,\r\n"
                + "2,3,\"l1\nl2\",4,,,\r\n"
                + "3,4,\"say \"\"hi\"\"\",5,,,\r\n"
                + "4,5,\"\",\"6.125\",,,\n"
                + "5,6,ab\"c,7,,,\n", ',', false);
        assertEquals(5, r.size());
        assertEquals("a,b", r.get(0)[2]);
        assertEquals("l1\nl2", r.get(1)[2]);
        assertEquals("say \"hi\"", r.get(2)[2]);
        assertEquals("", r.get(3)[2]);
        assertEquals(new BigDecimal("6.13"), r.get(3)[3]);
        assertEquals("ab\"c", r.get(4)[2]);
    }

    @Test
    void headerIsSkipped() throws IOException {
        List<Object[]> r = read("id,value,name,price,day,ok,ratio\n1,2,x,3,2000-01-01,yes,4\n", ',', true);
        assertEquals(1, r.size());
        assertEquals(1, r.get(0)[0]);
    }

    @Test
    void pipeDelimiterWithTrailingDelimiter() throws IOException {
        List<Object[]> r = read("1|2|x|3.00|2000-01-01|t|4|\n2|3|y|4|2000-01-02|f|5|\n", '|', false);
        assertEquals(2, r.size());
        assertArrayEquals(new Object[] {2, 3L, "y", new BigDecimal("4.00"), LocalDate.of(2000, 1, 2), false, 5.0},
                r.get(1));
    }

    @Test
    void twoTrailingDelimitersAreAnError() throws IOException {
        Path p = write("data.tbl", "1|2|x|3|2000-01-01|t|4||\n");
        MuruException e = assertThrows(MuruException.class,
                () -> CsvReader.read(p, SCHEMA, null, '|', false, null, 10));
        assertEquals(ErrorCode.CSV_FORMAT_ERROR, e.code());
        assertTrue(e.detail().contains("line 1, column 8"), e.detail());
    }

    @Test
    void nulls() throws IOException {
        Path p = write("data.csv", "1,,,NULL,,,\n2,NULL,\"NULL\",,,,\n");
        List<Object[]> r = rows(CsvReader.read(p, SCHEMA, null, ',', false, "NULL", 1000));
        assertArrayEquals(new Object[] {1, null, null, null, null, null, null}, r.get(0));
        assertArrayEquals(new Object[] {2, null, "NULL", null, null, null, null}, r.get(1));
    }

    @Test
    void targetColumnsFillTheRestWithNull() throws IOException {
        Path p = write("data.csv", "x,7\ny,8\n");
        List<Morsel> ms = CsvReader.read(p, SCHEMA, new int[] {2, 0}, ',', false, null, 1000);
        List<Object[]> r = rows(ms);
        assertArrayEquals(new Object[] {7, null, "x", null, null, null, null}, r.get(0));
        assertArrayEquals(new Object[] {8, null, "y", null, null, null, null}, r.get(1));
        assertEquals(DataType.BIGINT, ms.get(0).column(1).type());
    }

    @Test
    void morselsAreCut() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2500; i++) {
            sb.append(i).append(',').append(i * 2L).append(",n,1,2000-01-01,t,0\n");
        }
        List<Morsel> ms = CsvReader.read(write("big.csv", sb.toString()), SCHEMA, null, ',', false, null, 1024);
        assertEquals(List.of(1024, 1024, 452), ms.stream().map(Morsel::size).toList());
        assertEquals(452, ms.get(2).column(0).length());
        assertEquals(2499 * 2L, ms.get(2).rows().get(451)[1]);
    }

    @Test
    void blankLinesAndMissingFinalNewline() throws IOException {
        List<Object[]> r = read("\n1,2,a,3,,,\n\n2,3,b,4,,,", ',', false);
        assertEquals(2, r.size());
        assertEquals("b", r.get(1)[2]);
    }

    @Test
    void badNumberNamesFileLineAndColumn() throws IOException {
        MuruException e = fail("1,2,a,3,,,\n2,3,b,4,,,\n3,abc,c,5,,,\n");
        assertEquals(ErrorCode.CSV_FORMAT_ERROR, e.code());
        assertTrue(e.detail().contains("data.csv line 3, column 2 (value): invalid input for BIGINT: \"abc\""),
                e.detail());
    }

    @Test
    void lineNumbersCountQuotedNewlines() throws IOException {
        MuruException e = fail("1,2,\"a\nb\",3,,,\n2,x,b,4,,,\n");
        assertTrue(e.detail().contains("line 3, column 2 (value)"), e.detail());
    }

    @Test
    void integerOutOfRange() throws IOException {
        MuruException e = fail("3000000000,1,a,1,,,\n");
        assertEquals(ErrorCode.CSV_FORMAT_ERROR, e.code());
        assertTrue(e.detail().contains("line 1, column 1 (id): value \"3000000000\" is out of range for INTEGER"),
                e.detail());
    }

    @Test
    void wrongFieldCount() throws IOException {
        MuruException e = fail("1,2,a,3,,,\n2,3,b\n");
        assertEquals(ErrorCode.CSV_FORMAT_ERROR, e.code());
        assertTrue(e.detail().contains("data.csv line 2, column 4 (price): missing field: expected 7 fields, got 3"),
                e.detail());
        MuruException extra = fail("1,2,a,3,,,,,\n");
        assertTrue(extra.detail().contains("line 1, column 8: extra field"), extra.detail());
    }

    @Test
    void badDate() throws IOException {
        MuruException e = fail("1,2,a,3,2001-02-30,,\n");
        assertEquals(ErrorCode.CSV_FORMAT_ERROR, e.code());
        assertTrue(e.detail().contains("data.csv line 1, column 5 (day): invalid input for DATE: \"2001-02-30\""),
                e.detail());
    }

    @Test
    void badDecimalBooleanDoubleAndLength() throws IOException {
        assertTrue(fail("1,2,a,1.2.3,,,\n").detail().contains("column 4 (price): invalid input for DECIMAL(12,2)"));
        assertTrue(fail("1,2,a,12345678901,,,\n").detail().contains("does not fit DECIMAL(12,2)"));
        assertTrue(fail("1,2,a,1,,maybe,\n").detail().contains("column 6 (ok): invalid input for BOOLEAN"));
        assertTrue(fail("1,2,a,1,,,0x10\n").detail().contains("column 7 (ratio): invalid input for DOUBLE"));
        MuruException tooLong = fail("1,2,abcdefghijk,1,,,\n");
        assertEquals(ErrorCode.CSV_FORMAT_ERROR, tooLong.code());
        assertTrue(tooLong.detail().contains("column 3 (name): value too long for type VARCHAR(10)"));
    }

    @Test
    void nullInNotNullColumnNamesTheLine() throws IOException {
        MuruException e = fail("1,2,a,1,,,\n,2,a,1,,,\n");
        assertEquals(ErrorCode.NOT_NULL_VIOLATION, e.code());
        assertTrue(e.detail().contains("data.csv line 2, column 1 (id): null value in column \"id\""), e.detail());
    }

    @Test
    void unterminatedQuote() throws IOException {
        MuruException e = fail("1,2,a,1,,,\n2,3,\"abc,1,,,\n");
        assertEquals(ErrorCode.CSV_FORMAT_ERROR, e.code());
        assertTrue(e.detail().contains("data.csv line 2: unterminated quoted field"), e.detail());
    }

    @Test
    void missingFile() {
        Path p = dir.resolve("nope.csv");
        MuruException e = assertThrows(MuruException.class,
                () -> CsvReader.read(p, SCHEMA, null, ',', false, null, 10));
        assertEquals(ErrorCode.IO_ERROR, e.code());
        assertTrue(e.detail().contains(p.toString()), e.detail());
    }

    @Test
    void invalidUtf8() throws IOException {
        Path p = dir.resolve("bad.csv");
        Files.write(p, new byte[] {'1', ',', '2', ',', (byte) 0xC3, (byte) 0x28, ',', '1', ',', ',', ',', '\n'});
        MuruException e = assertThrows(MuruException.class,
                () -> CsvReader.read(p, SCHEMA, null, ',', false, null, 10));
        assertEquals(ErrorCode.CSV_FORMAT_ERROR, e.code());
        assertTrue(e.detail().contains("invalid UTF-8"), e.detail());
    }

    @Test
    void byteOrderMarkIsIgnored() throws IOException {
        List<Object[]> r = read("\uFEFF7,1,a,1,,,\n", ',', false);
        assertEquals(7, r.get(0)[0]);
    }

    @Test
    void duplicateTargetColumn() throws IOException {
        Path p = write("data.csv", "1,2\n");
        MuruException e = assertThrows(MuruException.class,
                () -> CsvReader.read(p, SCHEMA, new int[] {0, 0}, ',', false, null, 10));
        assertEquals(ErrorCode.DUPLICATE_COLUMN, e.code());
    }

    /** Large enough to cross the reader's 64K buffer in every kind of field and line ending. */
    @Test
    void fieldsAcrossBufferBoundaries() throws IOException {
        Schema schema = Schema.of(new Column("id", DataType.INTEGER), new Column("text", DataType.VARCHAR));
        StringBuilder sb = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 20000; i++) {
            String text = switch (i % 4) {
                case 0 -> "plain" + i;
                case 1 -> "quo,ted\n\"" + i + "\"";
                case 2 -> "";
                default -> "x".repeat(i % 50) + "\r" + i;
            };
            expected.add(i % 4 == 2 ? null : text);
            String field = i % 4 == 1 ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
            sb.append(i).append(',').append(field).append(i % 2 == 0 ? "\r\n" : "\n");
        }
        List<Object[]> r = rows(CsvReader.read(write("big.csv", sb.toString()), schema, null, ',', false, null, 777));
        assertEquals(20000, r.size());
        for (int i = 0; i < 20000; i++) {
            assertEquals(i, r.get(i)[0]);
            assertEquals(expected.get(i), r.get(i)[1], "row " + i);
        }
        // Line numbers stay right after thousands of quoted newlines.
        Path bad = write("bad.csv", sb + "20000,ok\nnope,x\n");
        MuruException e = assertThrows(MuruException.class, () -> CsvReader.read(bad, schema, null, ',', false, null, 100));
        assertTrue(e.detail().contains("bad.csv line 25002, column 1 (id)"), e.detail());
    }
}
