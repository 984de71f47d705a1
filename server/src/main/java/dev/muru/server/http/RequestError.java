package dev.muru.server.http;

/**
 * A request the server refuses before any SQL runs: its HTTP status, a stable code, a one-line
 * message and, for errors inside a JSON body, the line and column there (0 when none).
 */
final class RequestError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    static final String INVALID_REQUEST = "INVALID_REQUEST";
    static final String INVALID_JSON = "INVALID_JSON";

    private final int status;
    private final String code;
    private final int line;
    private final int column;

    RequestError(int status, String code, String message) {
        this(status, code, message, 0, 0);
    }

    RequestError(int status, String code, String message, int line, int column) {
        // No stack trace: these are answers to bad input, made often and never logged.
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.line = line;
        this.column = column;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    int line() {
        return line;
    }

    int column() {
        return column;
    }
}
