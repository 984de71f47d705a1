package dev.muru.server.http;

import org.apache.pekko.event.LoggingAdapter;
import org.apache.pekko.http.ParsingErrorHandler;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.scaladsl.model.ErrorInfo;
import org.apache.pekko.http.scaladsl.model.StatusCode;
import org.apache.pekko.http.scaladsl.settings.ServerSettings;

/**
 * Answers requests too malformed to reach the routes (a broken request line, bad headers,
 * random bytes) with the same JSON error as everything else, instead of Pekko's plain text.
 * Named by {@code pekko.http.server.parsing.error-handler}.
 */
public final class JsonParsingErrorHandler extends ParsingErrorHandler {
    /** Pekko looks the handler up as a Scala object: by this field. */
    public static final JsonParsingErrorHandler MODULE$ = new JsonParsingErrorHandler();

    @Override
    public HttpResponse handle(StatusCode status, ErrorInfo info, LoggingAdapter log, ServerSettings settings) {
        String summary = info.summary().isEmpty() ? status.reason() : info.summary();
        int code = status.intValue();
        if (code == 501) {
            // A method HTTP does not know is the client's mistake like any other wrong method.
            return HttpErrors.response(405, HttpErrors.METHOD_NOT_ALLOWED, "malformed HTTP request: " + summary);
        }
        // Whatever Pekko's parser refuses came from the client: a 4xx, also where it says 505.
        int answer = code >= 400 && code < 500 ? code : 400;
        return HttpErrors.response(answer, answer == 413 ? HttpErrors.PAYLOAD_TOO_LARGE : RequestError.INVALID_REQUEST,
                "malformed HTTP request: " + summary);
    }
}
