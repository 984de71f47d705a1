package dev.muru.server.http;

import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Every error the server answers with, as JSON {@code {"code","message","line","column"}}
 * (plus {@code sqlState} for SQL errors; line and column are null without a position):
 * 400 for the user's errors, 500 only for the engine's own, never a stack trace.
 */
final class HttpErrors {
    static final String NOT_FOUND = "NOT_FOUND";
    static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    static final String NOT_ACCEPTABLE = "NOT_ACCEPTABLE";
    static final String TOO_MANY_QUERIES = "TOO_MANY_QUERIES";
    static final String UNAUTHORIZED = "UNAUTHORIZED";
    static final String SHUTTING_DOWN = "SHUTTING_DOWN";
    static final String QUERY_NOT_FOUND = "QUERY_NOT_FOUND";

    private HttpErrors() {
    }

    /** The response for a failure: a refused request, a SQL error, or anything else (500). */
    static HttpResponse response(Throwable failure) {
        Throwable e = unwrap(failure);
        if (e instanceof RequestError) {
            RequestError r = (RequestError) e;
            return response(r.status(), body(r.code(), null, r.getMessage(), r.line(), r.column()));
        }
        MuruException m = toMuruException(e);
        return response(status(m.code()), body(m));
    }

    static HttpResponse response(int status, String code, String message) {
        return response(status, body(code, null, message, 0, 0));
    }

    private static HttpResponse response(int status, String json) {
        return HttpResponse.create().withStatus(StatusCodes.get(status))
                .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, json));
    }

    /**
     * The statement's own mistakes (syntax, types, limits, cancellation, timeout) are the
     * client's: 400; an engine that is stopping: 503; an internal error: 500.
     */
    static int status(ErrorCode code) {
        switch (code) {
            case INTERNAL_ERROR: return 500;
            case ENGINE_STOPPED: return 503;
            default: return 400;
        }
    }

    static MuruException toMuruException(Throwable failure) {
        Throwable e = unwrap(failure);
        if (e instanceof MuruException) {
            return (MuruException) e;
        }
        // The message of an unexpected exception is no business of the client's; the type says enough.
        return new MuruException(ErrorCode.INTERNAL_ERROR, "internal error (" + e.getClass().getSimpleName() + ")", e);
    }

    static String body(MuruException e) {
        return body(e.code().name(), e.code().sqlState(), e.detail(), e.line(), e.column());
    }

    static String body(String code, String sqlState, String message, int line, int column) {
        ResponseBuffer out = new ResponseBuffer(128);
        write(out, code, sqlState, message, line, column);
        return out.toString();
    }

    /** The error object, as the body of an error response or after rows that a failure cut off. */
    static void write(ResponseBuffer out, String code, String sqlState, String message, int line, int column) {
        out.ascii("{\"code\":").jsonString(code);
        if (sqlState != null) {
            out.ascii(",\"sqlState\":").jsonString(sqlState);
        }
        out.ascii(",\"message\":").jsonString(message == null ? code : oneLine(message));
        out.ascii(",\"line\":");
        if (line > 0) {
            out.number(line).ascii(",\"column\":").number(column);
        } else {
            out.ascii("null,\"column\":null");
        }
        out.put('}');
    }

    static void write(ResponseBuffer out, MuruException e) {
        write(out, e.code().name(), e.code().sqlState(), e.detail(), e.line(), e.column());
    }

    private static String oneLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static Throwable unwrap(Throwable e) {
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
