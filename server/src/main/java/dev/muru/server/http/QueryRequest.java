package dev.muru.server.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /v1/query}: a JSON object {@code {"sql": ..., "params": [...],
 * "settings": {...}}} when it is sent as application/json, else the SQL text itself (text/plain,
 * or what curl -d sends). {@code settings} are session settings for this request, as SET takes
 * them ({@code {"threads": 1, "statement_timeout": "5s"}}).
 */
record QueryRequest(String sql, List<Object> params, Map<String, String> settings) {

    static QueryRequest parse(byte[] body, boolean json) {
        String text = utf8(body);
        if (!json) {
            return new QueryRequest(text, List.of(), Map.of());
        }
        Object value = JsonReader.parse(text);
        if (!(value instanceof Map)) {
            throw invalid("the JSON body must be an object {\"sql\": ..., \"params\": [...]}");
        }
        Map<?, ?> object = (Map<?, ?>) value;
        for (Object key : object.keySet()) {
            if (!key.equals("sql") && !key.equals("params") && !key.equals("settings")) {
                throw invalid("unknown key \"" + key + "\" in the JSON body (expected \"sql\", \"params\" and \"settings\")");
            }
        }
        if (!(object.get("sql") instanceof String)) {
            throw invalid("the JSON body needs \"sql\": a string");
        }
        Object params = object.get("params");
        if (params != null && !(params instanceof List)) {
            throw invalid("\"params\" must be an array of values");
        }
        @SuppressWarnings("unchecked")
        List<Object> values = params == null ? List.of() : (List<Object>) params;
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v instanceof Map || v instanceof List) {
                throw invalid("parameter " + (i + 1) + " must be a string, number, boolean or null");
            }
        }
        Object given = object.get("settings");
        if (given != null && !(given instanceof Map)) {
            throw invalid("\"settings\" must be an object of session settings, e.g. {\"threads\": 1}");
        }
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        if (given != null) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) given).entrySet()) {
                Object v = e.getValue();
                if (v instanceof Map || v instanceof List || v == null) {
                    throw invalid("setting \"" + e.getKey() + "\" must be a string, number or boolean");
                }
                settings.put((String) e.getKey(), v instanceof java.math.BigDecimal
                        ? ((java.math.BigDecimal) v).toPlainString() : v.toString());
            }
        }
        return new QueryRequest((String) object.get("sql"), values, settings);
    }

    /** The body as UTF-8, refusing malformed bytes instead of replacing them. */
    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw invalid("the request body is not valid UTF-8");
        }
    }

    private static RequestError invalid(String message) {
        return new RequestError(400, RequestError.INVALID_REQUEST, message);
    }
}
