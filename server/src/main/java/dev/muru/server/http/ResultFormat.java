package dev.muru.server.http;

import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.model.MediaTypes;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** The formats a result can be sent in, chosen by {@code ?format=} or else the Accept header. */
enum ResultFormat {
    JSON("json", ContentTypes.APPLICATION_JSON, JsonResultEncoder::new),
    NDJSON("ndjson", ContentTypes.create(MediaTypes.applicationWithFixedCharset("x-ndjson", HttpCharsets.UTF_8)),
            NdjsonResultEncoder::new),
    CSV("csv", MediaTypes.TEXT_CSV.toContentType(HttpCharsets.UTF_8), CsvResultEncoder::new);

    private final String name;
    private final ContentType contentType;
    private final Supplier<ResultEncoder> encoder;

    ResultFormat(String name, ContentType contentType, Supplier<ResultEncoder> encoder) {
        this.name = name;
        this.contentType = contentType;
        this.encoder = encoder;
    }

    ContentType contentType() {
        return contentType;
    }

    ResultEncoder newEncoder() {
        return encoder.get();
    }

    /**
     * {@code ?format=json|ndjson|csv} wins; else the first media range of the Accept header that
     * names a format ({@code *}{@code /*} or none: JSON). A format named nowhere is a 4xx error.
     */
    static ResultFormat choose(Optional<String> formatParameter, Optional<String> accept) {
        if (formatParameter.isPresent()) {
            String wanted = formatParameter.get().trim().toLowerCase(Locale.ROOT);
            for (ResultFormat f : values()) {
                if (f.name.equals(wanted)) {
                    return f;
                }
            }
            throw new RequestError(400, RequestError.INVALID_REQUEST,
                    "unknown format '" + formatParameter.get() + "' (expected json, ndjson or csv)");
        }
        if (accept.isEmpty() || accept.get().isBlank()) {
            return JSON;
        }
        for (String range : accept.get().split(",")) {
            int semicolon = range.indexOf(';');
            String type = (semicolon < 0 ? range : range.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
            switch (type) {
                case "application/json": case "application/*": case "*/*": return JSON;
                case "application/x-ndjson": case "application/ndjson": case "application/jsonl": return NDJSON;
                case "text/csv": case "text/*": return CSV;
                default: break;
            }
        }
        throw new RequestError(406, HttpErrors.NOT_ACCEPTABLE,
                "none of the Accept header's types can be given (application/json, application/x-ndjson, text/csv)");
    }
}
