package dev.muru.core;

/**
 * The one exception type a Muru user sees: a stable {@link ErrorCode}, a one-line message
 * and, for errors in SQL text, the 1-based line and column (0 when unknown).
 */
public class MuruException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final int line;
    private final int column;

    public MuruException(ErrorCode code, String message) {
        this(code, message, 0, 0, null);
    }

    public MuruException(ErrorCode code, String message, int line, int column) {
        this(code, message, line, column, null);
    }

    public MuruException(ErrorCode code, String message, Throwable cause) {
        this(code, message, 0, 0, cause);
    }

    public MuruException(ErrorCode code, String message, int line, int column, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.line = line;
        this.column = column;
    }

    public ErrorCode code() {
        return code;
    }

    /** 1-based line in the SQL text, or 0 when the error has no position. */
    public int line() {
        return line;
    }

    /** 1-based column in the SQL text, or 0 when the error has no position. */
    public int column() {
        return column;
    }

    public boolean hasPosition() {
        return line > 0;
    }

    /** The message without code or position. */
    public String detail() {
        return super.getMessage();
    }

    /** Returns a copy with a position, unless this one has a position already. */
    public MuruException at(int line, int column) {
        if (hasPosition() || line <= 0) {
            return this;
        }
        return new MuruException(code, detail(), line, column, getCause());
    }

    @Override
    public String getMessage() {
        StringBuilder sb = new StringBuilder();
        sb.append(code.name()).append(" (").append(code.sqlState()).append(')');
        if (hasPosition()) {
            sb.append(" at line ").append(line).append(", column ").append(column);
        }
        return sb.append(": ").append(detail()).toString();
    }
}
