package dev.muru.jdbc;

import dev.muru.core.MuruException;
import dev.muru.parser.SqlParser;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;

/**
 * A statement with {@code ?} parameters, bound by the engine (never spliced into the text).
 * The text is parsed when the statement is prepared, so a syntax error surfaces there and the
 * number of parameters is known; the engine's parse cache keeps it for the executions.
 */
public final class MuruPreparedStatement extends MuruStatement implements PreparedStatement {
    /** A parameter slot that no setter has filled yet (distinct from SQL NULL). */
    private static final Object UNSET = new Object();

    private final String sql;
    private final Object[] parameters;
    private final List<Object[]> batch = new ArrayList<>();

    MuruPreparedStatement(MuruConnection connection, String sql) throws SQLException {
        super(connection);
        this.sql = sql;
        try {
            this.parameters = new Object[SqlParser.parameterCount(SqlParser.parseCached(sql))];
        } catch (MuruException e) {
            throw SqlErrors.of(e);
        }
        Arrays.fill(parameters, UNSET);
    }

    private List<Object> boundParameters() throws SQLException {
        List<Object> out = new ArrayList<>(parameters.length);
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] == UNSET) {
                throw new SQLException("parameter " + (i + 1) + " of " + parameters.length + " has no value", "07001");
            }
            out.add(parameters[i]);
        }
        return out;
    }

    private void set(int index, Object engineValue) throws SQLException {
        checkOpen();
        if (index < 1 || index > parameters.length) {
            throw new SQLException("parameter index " + index + " is out of range 1.." + parameters.length, "07009");
        }
        parameters[index - 1] = engineValue;
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        return query(sql, boundParameters());
    }

    @Override
    public int executeUpdate() throws SQLException {
        return toInt(update(sql, boundParameters()));
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        return update(sql, boundParameters());
    }

    @Override
    public boolean execute() throws SQLException {
        return run(sql, boundParameters());
    }

    @Override
    public void clearParameters() throws SQLException {
        checkOpen();
        Arrays.fill(parameters, UNSET);
    }

    @Override
    public void addBatch() throws SQLException {
        checkOpen();
        batch.add(boundParameters().toArray());
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch.clear();
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        List<Object[]> sets = new ArrayList<>(batch);
        batch.clear();
        return runBatch(sets.size(), i -> update(sql, Arrays.asList(sets.get(i))));
    }

    /** The columns of the last result with rows; null before one, as JDBC allows. */
    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        dev.muru.core.Schema schema = lastResultSchema();
        return schema == null ? null : new MuruResultSetMetaData(schema);
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        throw SqlErrors.unsupported("Muru infers parameter types when it binds them: no ParameterMetaData");
    }

    // ---------------------------------------------------------------- setters

    @Override
    public void setNull(int parameterIndex, int sqlType) throws SQLException {
        set(parameterIndex, null);
    }

    @Override
    public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
        set(parameterIndex, null);
    }

    @Override
    public void setBoolean(int parameterIndex, boolean x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setByte(int parameterIndex, byte x) throws SQLException {
        set(parameterIndex, (int) x);
    }

    @Override
    public void setShort(int parameterIndex, short x) throws SQLException {
        set(parameterIndex, (int) x);
    }

    @Override
    public void setInt(int parameterIndex, int x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setLong(int parameterIndex, long x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setFloat(int parameterIndex, float x) throws SQLException {
        set(parameterIndex, JdbcTypes.toParameter(x));
    }

    @Override
    public void setDouble(int parameterIndex, double x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setString(int parameterIndex, String x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setNString(int parameterIndex, String value) throws SQLException {
        set(parameterIndex, value);
    }

    @Override
    public void setDate(int parameterIndex, Date x) throws SQLException {
        set(parameterIndex, x == null ? null : x.toLocalDate());
    }

    /** The day the instant falls on in the calendar's time zone. */
    @Override
    public void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
        if (x == null || cal == null) {
            setDate(parameterIndex, x);
            return;
        }
        set(parameterIndex, java.time.Instant.ofEpochMilli(x.getTime()).atZone(cal.getTimeZone().toZoneId()).toLocalDate());
    }

    @Override
    public void setObject(int parameterIndex, Object x) throws SQLException {
        set(parameterIndex, JdbcTypes.toParameter(x));
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
        set(parameterIndex, JdbcTypes.toParameter(x, targetSqlType));
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        Object v = JdbcTypes.toParameter(x, targetSqlType);
        if (v instanceof BigDecimal) {
            v = ((BigDecimal) v).setScale(scaleOrLength, java.math.RoundingMode.HALF_UP);
        }
        set(parameterIndex, v);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, int length) throws SQLException {
        setCharacterStream(parameterIndex, reader, (long) length);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException {
        set(parameterIndex, reader == null ? null : read(reader, length));
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
        setCharacterStream(parameterIndex, reader, -1L);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
        setCharacterStream(parameterIndex, value, length);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
        setCharacterStream(parameterIndex, value, -1L);
    }

    /** A VARCHAR value from a reader: {@code length} characters, or all when negative. */
    private static String read(Reader reader, long length) throws SQLException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        try {
            while (length < 0 || sb.length() < length) {
                int want = length < 0 ? buf.length : (int) Math.min(buf.length, length - sb.length());
                int n = reader.read(buf, 0, want);
                if (n < 0) {
                    break;
                }
                sb.append(buf, 0, n);
            }
        } catch (java.io.IOException e) {
            throw new SQLException("reading the parameter's characters failed: " + e, "58030", e);
        }
        return sb.toString();
    }

    @Override
    public void setTime(int parameterIndex, Time x) throws SQLException {
        throw noTimeType();
    }

    @Override
    public void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
        throw noTimeType();
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
        throw noTimeType();
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
        throw noTimeType();
    }

    private static SQLException noTimeType() {
        return SqlErrors.unsupported("Muru has no TIME or TIMESTAMP type (DATE binds with setDate or a LocalDate)");
    }

    private static SQLException noBinaryType() {
        return SqlErrors.unsupported("Muru has no binary or large-object types");
    }

    @Override
    public void setBytes(int parameterIndex, byte[] x) throws SQLException {
        throw noBinaryType();
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
        throw noBinaryType();
    }

    @Override
    @Deprecated
    public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
        throw noBinaryType();
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
        throw noBinaryType();
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
        throw noBinaryType();
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
        throw noBinaryType();
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
        throw noBinaryType();
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
        throw noBinaryType();
    }

    @Override
    public void setRef(int parameterIndex, Ref x) throws SQLException {
        throw SqlErrors.unsupported("Muru has no REF type");
    }

    @Override
    public void setBlob(int parameterIndex, Blob x) throws SQLException {
        throw noBinaryType();
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
        throw noBinaryType();
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
        throw noBinaryType();
    }

    @Override
    public void setClob(int parameterIndex, Clob x) throws SQLException {
        throw noBinaryType();
    }

    @Override
    public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
        throw noBinaryType();
    }

    @Override
    public void setClob(int parameterIndex, Reader reader) throws SQLException {
        throw noBinaryType();
    }

    @Override
    public void setNClob(int parameterIndex, NClob value) throws SQLException {
        throw noBinaryType();
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
        throw noBinaryType();
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader) throws SQLException {
        throw noBinaryType();
    }

    @Override
    public void setArray(int parameterIndex, Array x) throws SQLException {
        throw SqlErrors.unsupported("Muru has no ARRAY type");
    }

    @Override
    public void setURL(int parameterIndex, URL x) throws SQLException {
        throw SqlErrors.unsupported("Muru has no DATALINK type");
    }

    @Override
    public void setRowId(int parameterIndex, RowId x) throws SQLException {
        throw SqlErrors.unsupported("Muru has no ROWID");
    }

    @Override
    public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
        throw SqlErrors.unsupported("Muru has no XML type");
    }

    // ---------------------------------------------------------------- Statement's text methods do not apply

    private static SQLException textGiven() {
        return new SQLException("a PreparedStatement runs the text it was prepared with: call the method without SQL", "42000");
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        throw textGiven();
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        throw textGiven();
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        throw textGiven();
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        throw textGiven();
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        throw textGiven();
    }
}
