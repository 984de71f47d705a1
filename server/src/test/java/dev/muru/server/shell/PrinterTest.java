package dev.muru.server.shell;

import dev.muru.QueryResult;
import dev.muru.core.Column;
import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.Schema;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.DoubleVector;
import dev.muru.core.vector.IntVector;
import dev.muru.core.vector.LongVector;
import dev.muru.core.vector.NullMask;
import dev.muru.core.vector.StringVector;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PrinterTest {

    /** Three rows over two morsels, with NULLs, quotes, commas and a newline in the text. */
    private static QueryResult sample() {
        Schema schema = Schema.of(new Column("id", DataType.INTEGER), new Column("name", DataType.varchar(20)),
                new Column("price", DataType.decimal(15, 2)), new Column("day", DataType.DATE),
                new Column("ratio", DataType.DOUBLE));
        long[] nullSecond = new long[NullMask.words(2)];
        NullMask.set(nullSecond, 1);
        int day = (int) LocalDate.of(1998, 9, 2).toEpochDay();
        Morsel first = new Morsel(new ColumnVector[] {
            new IntVector(DataType.INTEGER, new int[] {1, 22}, null),
            new StringVector(DataType.varchar(20), new String[] {"plain", null}, nullSecond),
            new LongVector(DataType.decimal(15, 2), new long[] {1234, -5}, null),
            new IntVector(DataType.DATE, new int[] {day, 0}, nullSecond),
            new DoubleVector(DataType.DOUBLE, new double[] {0.5, 2}, null)}, 2);
        Morsel second = new Morsel(new ColumnVector[] {
            new IntVector(DataType.INTEGER, new int[] {333}, null),
            new StringVector(DataType.varchar(20), new String[] {"say \"hi\", bye\nnow"}, null),
            new LongVector(DataType.decimal(15, 2), new long[] {100000}, null),
            new IntVector(DataType.DATE, new int[] {day}, null),
            new DoubleVector(DataType.DOUBLE, new double[] {0}, new long[] {1L})}, 1);
        return new QueryResult("SELECT", schema, List.of(first, second), 0, 0);
    }

    private static String print(ResultPrinter printer, QueryResult result) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        printer.printRows(result, out);
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    @Test
    void tableAlignsNumbersRightAndShowsNull() {
        String expected = String.join("\n",
                "  id | name               |   price | day        | ratio",
                "-----+--------------------+---------+------------+-------",
                "   1 | plain              |   12.34 | 1998-09-02 |   0.5",
                "  22 | NULL               |   -0.05 | NULL       |   2.0",
                " 333 | say \"hi\", bye\\nnow | 1000.00 | 1998-09-02 |  NULL",
                "(3 rows)",
                "");
        assertEquals(expected, print(new TablePrinter(), sample()));
    }

    @Test
    void tableOfNoRowsAndOneRow() {
        Schema schema = Schema.of(new Column("n", DataType.BIGINT));
        QueryResult none = new QueryResult("SELECT", schema, List.of(), 0, 0);
        assertEquals(" n\n---\n(0 rows)\n", print(new TablePrinter(), none));
        QueryResult one = new QueryResult("SELECT", schema,
                List.of(new Morsel(new ColumnVector[] {new LongVector(DataType.BIGINT, new long[] {60175}, null)}, 1)), 0, 0);
        assertEquals("     n\n-------\n 60175\n(1 row)\n", print(new TablePrinter(), one));
    }

    @Test
    void tableHonoursSelectionVector() {
        Schema schema = Schema.of(new Column("v", DataType.VARCHAR));
        Morsel m = new Morsel(new ColumnVector[] {new StringVector(DataType.VARCHAR, new String[] {"a", "bbb", "c"}, null)}, 3)
                .withSelection(new int[] {0, 2}, 2);
        assertEquals(" v\n---\n a\n c\n(2 rows)\n", print(new TablePrinter(), new QueryResult("SELECT", schema, List.of(m), 0, 0)));
    }

    @Test
    void csvQuotesWhenNeededAndLeavesNullEmpty() {
        String expected = "id,name,price,day,ratio\n"
                + "1,plain,12.34,1998-09-02,0.5\n"
                + "22,,-0.05,,2.0\n"
                + "333,\"say \"\"hi\"\", bye\nnow\",1000.00,1998-09-02,\n";
        assertEquals(expected, print(new CsvPrinter(), sample()));
    }

    @Test
    void csvTellsEmptyStringFromNull() {
        StringBuilder sb = new StringBuilder();
        CsvPrinter.appendField(sb, "");
        assertEquals("\"\"", sb.toString());
    }

    @Test
    void jsonArrayOfObjectsWithEscapes() {
        String expected = "[{\"id\":1,\"name\":\"plain\",\"price\":12.34,\"day\":\"1998-09-02\",\"ratio\":0.5},\n"
                + "{\"id\":22,\"name\":null,\"price\":-0.05,\"day\":null,\"ratio\":2.0},\n"
                + "{\"id\":333,\"name\":\"say \\\"hi\\\", bye\\nnow\",\"price\":1000.00,\"day\":\"1998-09-02\",\"ratio\":null}]\n";
        assertEquals(expected, print(new JsonPrinter(), sample()));
    }

    @Test
    void jsonEmptyResultAndSpecialValues() {
        Schema schema = Schema.of(new Column("x", DataType.DOUBLE), new Column("s", DataType.VARCHAR));
        assertEquals("[]\n", print(new JsonPrinter(), new QueryResult("SELECT", schema, List.of(), 0, 0)));
        Morsel m = new Morsel(new ColumnVector[] {
            new DoubleVector(DataType.DOUBLE, new double[] {Double.NaN}, null),
            new StringVector(DataType.VARCHAR, new String[] {"tab\there\u0001\\"}, null)}, 1);
        assertEquals("[{\"x\":\"NaN\",\"s\":\"tab\\there\\u0001\\\\\"}]\n",
                print(new JsonPrinter(), new QueryResult("SELECT", schema, List.of(m), 0, 0)));
    }
}
