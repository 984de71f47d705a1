package dev.muru.server.http;

import dev.muru.core.DataType;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.DoubleVector;
import dev.muru.core.vector.IntVector;
import dev.muru.core.vector.LongVector;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ResponseBufferTest {

    private static String json(ColumnVector v, int p) {
        return new ResponseBuffer(4).jsonValue(v, p).toString();
    }

    @Test
    void numbersDecimalsAndDatesAreWrittenFromThePrimitives() {
        LongVector longs = new LongVector(DataType.BIGINT, new long[]{0, -7, Long.MAX_VALUE, Long.MIN_VALUE}, null);
        assertEquals("0 -7 9223372036854775807 -9223372036854775808",
                json(longs, 0) + " " + json(longs, 1) + " " + json(longs, 2) + " " + json(longs, 3));
        LongVector decimals = new LongVector(DataType.decimal(18, 3), new long[]{5, -1234, 100000, Long.MIN_VALUE}, null);
        assertEquals("0.005 -1.234 100.000 -9223372036854775.808",
                json(decimals, 0) + " " + json(decimals, 1) + " " + json(decimals, 2) + " " + json(decimals, 3));
        int[] days = {0, -1, 11016, 2932896, -719528, (int) LocalDate.of(10000, 1, 1).toEpochDay()};
        IntVector dates = new IntVector(DataType.DATE, days, null);
        for (int i = 0; i < days.length; i++) {
            assertEquals("\"" + LocalDate.ofEpochDay(days[i]) + "\"", json(dates, i));
        }
        DoubleVector doubles = new DoubleVector(DataType.DOUBLE, new double[]{1.5, Double.NaN, Double.NEGATIVE_INFINITY}, null);
        assertEquals("1.5 \"NaN\" \"-Infinity\"", json(doubles, 0) + " " + json(doubles, 1) + " " + json(doubles, 2));
        longs.setNull(1);
        assertEquals("null", json(longs, 1));
        assertEquals("", new ResponseBuffer(4).csvValue(longs, 1).toString());
    }

    @Test
    void stringsAreEscapedForJsonAndQuotedForCsv() {
        assertEquals("\"a\\\"b\\\\c\\n\\u0001é😀\"", new ResponseBuffer(4).jsonString("a\"b\\c\n\u0001é😀").toString());
        assertEquals("\"\\ufffd\"".replace("\\ufffd", "\uFFFD"), new ResponseBuffer(4).jsonString("\uD800").toString());
        assertEquals("plain", new ResponseBuffer(4).csvField("plain").toString());
        assertEquals("\"\"", new ResponseBuffer(4).csvField("").toString());
        assertEquals("\"a,\"\"b\"\"\nü\"", new ResponseBuffer(4).csvField("a,\"b\"\nü").toString());
    }
}
