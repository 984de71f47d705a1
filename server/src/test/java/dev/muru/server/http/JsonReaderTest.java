package dev.muru.server.http;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonReaderTest {

    @Test
    void readsValuesWithTheirJavaTypes() {
        Object v = JsonReader.parse(" {\"a\": [1, -2.50, 3e2, \"x\\n\\u00e9\\ud83d\\ude00\", true, false, null], \"b\": {}} ");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(Arrays.asList(1L, new BigDecimal("-2.50"), 300.0, "x\né😀", true, false, null), m.get("a"));
        assertEquals(Map.of(), m.get("b"));
        assertEquals(new BigDecimal("123456789012345678901"), JsonReader.parse("123456789012345678901"));
        assertEquals(Long.MIN_VALUE, JsonReader.parse("-9223372036854775808"));
        assertEquals(List.of(), JsonReader.parse("[]"));
    }

    @Test
    void refusesWhatRfc8259Refuses() {
        for (String bad : List.of("", "{", "[1,]", "{\"a\":1,}", "01", "1.", ".5", "+1", "1e", "\"a", "\"\\x\"", "\"\t\"",
                "tru", "nul", "{a:1}", "{\"a\" 1}", "[1] 2", "{\"a\":1,\"a\":2}", "1e400", "[".repeat(100) + "]".repeat(100))) {
            RequestError e = assertThrows(RequestError.class, () -> JsonReader.parse(bad), bad);
            assertEquals(RequestError.INVALID_JSON, e.code());
            assertEquals(400, e.status());
        }
    }

    @Test
    void errorsSayWhere() {
        RequestError e = assertThrows(RequestError.class, () -> JsonReader.parse("{\"sql\": 1,\n  \"x\": ]}"));
        assertEquals(2, e.line());
        assertEquals(8, e.column());
        assertEquals("invalid JSON body: unexpected ']'", e.getMessage());
    }
}
