package dev.muru.jdbc;

import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;

/**
 * Turns a {@link MuruException} into the {@link SQLException} subclass JDBC defines for its
 * SQLSTATE class, so that pools and frameworks classify it. The message is the engine's (code,
 * SQLSTATE, position, detail); the MuruException stays as the cause for its exact {@code code()}.
 */
final class SqlErrors {
    /** SQLSTATE of a call on a closed connection, statement or result set. */
    static final String CONNECTION_DOES_NOT_EXIST = "08003";
    /** SQLSTATE of a call on a closed statement or result set (PostgreSQL's object_not_in_prerequisite_state). */
    static final String OBJECT_NOT_IN_STATE = "55000";
    /** SQLSTATE of commit or rollback without a transaction (PostgreSQL's no_active_sql_transaction). */
    static final String NO_ACTIVE_TRANSACTION = "25P01";
    /** SQLSTATE of a call that is invalid in the object's state (no current row, wrong statement kind). */
    static final String INVALID_CURSOR_STATE = "24000";

    private SqlErrors() {
    }

    static SQLException of(MuruException e) {
        String state = e.code().sqlState();
        String message = e.getMessage();
        if (e.code() == ErrorCode.QUERY_TIMEOUT) {
            return new SQLTimeoutException(message, state, 0, e);
        }
        if (e.code() == ErrorCode.MEMORY_LIMIT || e.code() == ErrorCode.OUT_OF_MEMORY) {
            // The same statement may fit once other statements have released their memory.
            return new SQLTransientException(message, state, 0, e);
        }
        switch (state.substring(0, 2)) {
            case "42": return new SQLSyntaxErrorException(message, state, 0, e);
            case "22": return new SQLDataException(message, state, 0, e);
            case "23": return new SQLIntegrityConstraintViolationException(message, state, 0, e);
            case "0A": return new SQLFeatureNotSupportedException(message, state, 0, e);
            case "57":
                if (e.code() == ErrorCode.ENGINE_STOPPED) {
                    return new SQLNonTransientConnectionException(message, state, 0, e);
                }
                return new SQLException(message, state, 0, e);
            default: return new SQLException(message, state, 0, e);
        }
    }

    static SQLException connectionClosed() {
        return new SQLNonTransientConnectionException("the connection is closed", CONNECTION_DOES_NOT_EXIST);
    }

    /** A statement or result set used after its close. */
    static SQLException closed(String what) {
        return new SQLException("the " + what + " is closed", OBJECT_NOT_IN_STATE);
    }

    /** Result sets are forward-only: FETCH_FORWARD is the only direction. */
    static void checkFetchDirection(int direction) throws SQLException {
        if (direction != java.sql.ResultSet.FETCH_FORWARD) {
            throw unsupported("Muru result sets are forward-only: only FETCH_FORWARD");
        }
    }

    /** A fetch size is a hint (rows stream in morsels whatever it is); only a negative one is wrong. */
    static int checkFetchSize(int rows) throws SQLException {
        if (rows < 0) {
            throw new SQLException("fetch size must be >= 0, got " + rows, "22023");
        }
        return rows;
    }

    /** {@code Wrapper.unwrap}: the object itself when it is an {@code iface}; it wraps nothing else. */
    static <T> T unwrap(Object self, Class<T> iface) throws SQLException {
        if (iface.isInstance(self)) {
            return iface.cast(self);
        }
        throw new SQLException(self.getClass().getSimpleName() + " does not wrap " + iface.getName());
    }

    static SQLFeatureNotSupportedException unsupported(String what) {
        return new SQLFeatureNotSupportedException(what);
    }
}
