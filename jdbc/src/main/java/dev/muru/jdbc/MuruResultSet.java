package dev.muru.jdbc;

import dev.muru.ResultCursor;
import dev.muru.core.Morsel;
import dev.muru.core.MuruException;
import dev.muru.core.Schema;
import dev.muru.core.TypeKind;
import dev.muru.core.vector.BooleanVector;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.DoubleVector;
import dev.muru.core.vector.IntVector;
import dev.muru.core.vector.LongVector;
import dev.muru.core.vector.StringVector;
import dev.muru.core.vector.VectorBuilder;

import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.List;
import java.util.Map;

/**
 * A forward-only, read-only result that streams: it holds one morsel at a time and takes the
 * next from the statement's {@link ResultCursor} when the current one is read, so the engine
 * stays a few morsels ahead and memory does not grow with the result. Values are read straight
 * from the morsel's primitive vectors; only {@code getObject} and conversions box.
 */
public final class MuruResultSet implements ResultSet {
    /** Where the morsels come from: a statement's cursor, or rows the driver made (metadata). */
    interface MorselSource {
        /** The next morsel, null at the end; throws the statement's MuruException. */
        Morsel next();

        /** No more morsels are wanted: a statement still running is cancelled. */
        void close();

        static MorselSource of(ResultCursor cursor) {
            return new MorselSource() {
                @Override
                public Morsel next() {
                    return cursor.next();
                }

                @Override
                public void close() {
                    cursor.close();
                }
            };
        }
    }

    private final MuruStatement statement;
    private final MorselSource source;
    private final Schema schema;
    private final TypeKind[] kinds;
    private final long maxRows;
    private int fetchSize;

    /** The morsel holding the current row, its vectors (null when there is no current row), the row's place. */
    private Morsel morsel;
    private ColumnVector[] vectors;
    private int index = -1;
    private int position;
    /** A morsel read ahead by isLast/isBeforeFirst, handed out by the next next(). */
    private Morsel lookahead;
    private long row;
    /** The source gave its end (seen by a read-ahead); the current row may still be in use. */
    private boolean sourceDone;
    private boolean ended;
    private volatile boolean closed;
    private volatile boolean cancelled;
    private boolean wasNull;

    MuruResultSet(MuruStatement statement, MorselSource source, Schema schema, long maxRows) {
        this.statement = statement;
        this.source = source;
        this.schema = schema;
        this.maxRows = maxRows;
        this.kinds = new TypeKind[schema.size()];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = schema.type(i).kind();
        }
    }

    /** A result of rows made by the driver (DatabaseMetaData), each value in its column type's Java class. */
    static MuruResultSet ofRows(Schema schema, List<Object[]> rows) {
        ColumnVector[] columns = new ColumnVector[schema.size()];
        for (int c = 0; c < columns.length; c++) {
            int col = c;
            columns[c] = VectorBuilder.of(schema.type(c), rows.stream().map(r -> r[col]).toList());
        }
        Morsel[] only = {new Morsel(columns, rows.size())};
        return new MuruResultSet(null, new MorselSource() {
            @Override
            public Morsel next() {
                Morsel m = only[0];
                only[0] = null;
                return m;
            }

            @Override
            public void close() {
                only[0] = null;
            }
        }, schema, 0);
    }

    Schema schema() {
        return schema;
    }

    /** Stops the statement from another thread: the reader's next call fails with QUERY_CANCELLED. */
    void cancel() {
        cancelled = true;
        source.close();
    }

    // ---------------------------------------------------------------- moving

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        if (ended) {
            return false;
        }
        if (maxRows > 0 && row >= maxRows) {
            // Enough rows: the statement is cancelled rather than run to its end.
            finish();
            return false;
        }
        if (morsel != null && index + 1 < morsel.size()) {
            index++;
            position = morsel.position(index);
            row++;
            return true;
        }
        Morsel m = fetch();
        if (m == null) {
            finish();
            return false;
        }
        morsel = m;
        vectors = m.columns();
        index = 0;
        position = m.position(0);
        row++;
        return true;
    }

    /** The next non-empty morsel, or null at the end. */
    private Morsel fetch() throws SQLException {
        if (lookahead != null) {
            Morsel m = lookahead;
            lookahead = null;
            return m;
        }
        if (sourceDone) {
            return null;
        }
        // Drop the read morsel before waiting for the next, so only one is held at a time.
        morsel = null;
        vectors = null;
        try {
            while (true) {
                Morsel m = source.next();
                if (cancelled) {
                    throw cancelledError();
                }
                if (m == null || m.size() > 0) {
                    return m;
                }
            }
        } catch (MuruException e) {
            finish();
            throw cancelled ? cancelledError() : SqlErrors.of(e);
        } catch (SQLException e) {
            finish();
            throw e;
        }
    }

    private void finish() {
        ended = true;
        morsel = null;
        vectors = null;
        lookahead = null;
        source.close();
    }

    private static SQLException cancelledError() {
        return new SQLException("QUERY_CANCELLED (57014): the statement was cancelled", "57014");
    }

    /** Whether another row comes, reading ahead one morsel if needed. */
    private boolean hasMoreRows() throws SQLException {
        if (ended || (maxRows > 0 && row >= maxRows)) {
            return false;
        }
        if (morsel != null && index + 1 < morsel.size()) {
            return true;
        }
        if (lookahead == null) {
            Morsel current = morsel;
            ColumnVector[] currentVectors = vectors;
            Morsel m = fetch();
            morsel = current;
            vectors = currentVectors;
            if (m == null) {
                sourceDone = true;
                return false;
            }
            lookahead = m;
        }
        return true;
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        checkOpen();
        return row == 0 && hasMoreRows();
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        checkOpen();
        return ended && row > 0;
    }

    @Override
    public boolean isFirst() throws SQLException {
        checkOpen();
        return row == 1 && vectors != null;
    }

    @Override
    public boolean isLast() throws SQLException {
        checkOpen();
        return vectors != null && !hasMoreRows();
    }

    @Override
    public int getRow() throws SQLException {
        checkOpen();
        return vectors == null ? 0 : (int) Math.min(row, Integer.MAX_VALUE);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        morsel = null;
        vectors = null;
        lookahead = null;
        source.close();
        if (statement != null) {
            statement.resultSetClosed(this);
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw SqlErrors.closed("result set");
        }
    }

    // ---------------------------------------------------------------- reading values

    /** The current row's vector of a 1-based column. */
    private ColumnVector vector(int columnIndex) throws SQLException {
        ColumnVector[] v = vectors;
        if (v == null) {
            checkOpen();
            throw new SQLException(row == 0 ? "no current row: call next() first" : "no current row: the result has ended",
                    SqlErrors.INVALID_CURSOR_STATE);
        }
        if (columnIndex < 1 || columnIndex > v.length) {
            throw new SQLException("column index " + columnIndex + " is out of range 1.." + v.length, "07009");
        }
        return v[columnIndex - 1];
    }

    /** The boxed value (null for NULL, setting wasNull): the path of conversions and getObject. */
    private Object value(int columnIndex) throws SQLException {
        ColumnVector v = vector(columnIndex);
        if (v.isNull(position)) {
            wasNull = true;
            return null;
        }
        wasNull = false;
        return v.getObject(position);
    }

    /** Sets wasNull; true when the value is NULL. */
    private boolean isNull(ColumnVector v) {
        wasNull = v.isNull(position);
        return wasNull;
    }

    @Override
    public boolean wasNull() throws SQLException {
        checkOpen();
        return wasNull;
    }

    @Override
    public String getString(int columnIndex) throws SQLException {
        ColumnVector v = vector(columnIndex);
        if (isNull(v)) {
            return null;
        }
        if (v instanceof StringVector) {
            return ((StringVector) v).get(position);
        }
        return JdbcTypes.toText(v.getObject(position));
    }

    @Override
    public boolean getBoolean(int columnIndex) throws SQLException {
        ColumnVector v = vector(columnIndex);
        if (isNull(v)) {
            return false;
        }
        if (v instanceof BooleanVector) {
            return ((BooleanVector) v).get(position);
        }
        return JdbcTypes.toBoolean(v.getObject(position));
    }

    @Override
    public byte getByte(int columnIndex) throws SQLException {
        return (byte) integral(columnIndex, Byte.MIN_VALUE, Byte.MAX_VALUE);
    }

    @Override
    public short getShort(int columnIndex) throws SQLException {
        return (short) integral(columnIndex, Short.MIN_VALUE, Short.MAX_VALUE);
    }

    @Override
    public int getInt(int columnIndex) throws SQLException {
        ColumnVector v = vector(columnIndex);
        if (isNull(v)) {
            return 0;
        }
        if (kinds[columnIndex - 1] == TypeKind.INTEGER) {
            return ((IntVector) v).get(position);
        }
        return (int) JdbcTypes.toLong(v.getObject(position), Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    @Override
    public long getLong(int columnIndex) throws SQLException {
        return integral(columnIndex, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** An integer value in [min, max], read without boxing from INTEGER and BIGINT columns. */
    private long integral(int columnIndex, long min, long max) throws SQLException {
        ColumnVector v = vector(columnIndex);
        if (isNull(v)) {
            return 0;
        }
        long x;
        switch (kinds[columnIndex - 1]) {
            case INTEGER: x = ((IntVector) v).get(position); break;
            case BIGINT: x = ((LongVector) v).get(position); break;
            default: return JdbcTypes.toLong(v.getObject(position), min, max);
        }
        if (x < min || x > max) {
            return JdbcTypes.toLong(x, min, max); // throws the out-of-range error
        }
        return x;
    }

    @Override
    public float getFloat(int columnIndex) throws SQLException {
        return (float) getDouble(columnIndex);
    }

    @Override
    public double getDouble(int columnIndex) throws SQLException {
        ColumnVector v = vector(columnIndex);
        if (isNull(v)) {
            return 0;
        }
        switch (kinds[columnIndex - 1]) {
            case DOUBLE: return ((DoubleVector) v).get(position);
            case INTEGER: return ((IntVector) v).get(position);
            case BIGINT: return ((LongVector) v).get(position);
            default: return JdbcTypes.toDouble(v.getObject(position));
        }
    }

    @Override
    public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
        ColumnVector v = vector(columnIndex);
        if (isNull(v)) {
            return null;
        }
        if (kinds[columnIndex - 1] == TypeKind.DECIMAL) {
            return BigDecimal.valueOf(((LongVector) v).get(position), v.type().scale());
        }
        return JdbcTypes.toBigDecimal(v.getObject(position));
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
        BigDecimal d = getBigDecimal(columnIndex);
        return d == null ? null : d.setScale(scale, RoundingMode.HALF_UP);
    }

    @Override
    public Date getDate(int columnIndex) throws SQLException {
        return getDate(columnIndex, null);
    }

    @Override
    public Date getDate(int columnIndex, Calendar cal) throws SQLException {
        LocalDate d = localDate(columnIndex);
        if (d == null) {
            return null;
        }
        return cal == null ? Date.valueOf(d) : new Date(midnight(d, cal));
    }

    /** Milliseconds of the date's midnight in the calendar's time zone. */
    private static long midnight(LocalDate d, Calendar cal) {
        Calendar c = (Calendar) cal.clone();
        c.clear();
        c.set(d.getYear(), d.getMonthValue() - 1, d.getDayOfMonth());
        return c.getTimeInMillis();
    }

    private LocalDate localDate(int columnIndex) throws SQLException {
        ColumnVector v = vector(columnIndex);
        if (isNull(v)) {
            return null;
        }
        if (kinds[columnIndex - 1] == TypeKind.DATE) {
            return LocalDate.ofEpochDay(((IntVector) v).get(position));
        }
        return JdbcTypes.toLocalDate(v.getObject(position));
    }

    @Override
    public Time getTime(int columnIndex) throws SQLException {
        throw noTime();
    }

    @Override
    public Time getTime(int columnIndex, Calendar cal) throws SQLException {
        throw noTime();
    }

    private static SQLException noTime() {
        return new SQLFeatureNotSupportedException("Muru has no TIME type");
    }

    @Override
    public Timestamp getTimestamp(int columnIndex) throws SQLException {
        return getTimestamp(columnIndex, null);
    }

    /** A DATE as its midnight: the conversion JDBC defines from DATE to TIMESTAMP. */
    @Override
    public Timestamp getTimestamp(int columnIndex, Calendar cal) throws SQLException {
        LocalDate d = localDate(columnIndex);
        if (d == null) {
            return null;
        }
        return cal == null ? Timestamp.valueOf(d.atStartOfDay()) : new Timestamp(midnight(d, cal));
    }

    @Override
    public Object getObject(int columnIndex) throws SQLException {
        Object v = value(columnIndex);
        return v == null ? null : JdbcTypes.toJdbcObject(v);
    }

    @Override
    public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
        if (type == null) {
            throw new SQLException("getObject: the type is null", "22023");
        }
        Object v = value(columnIndex);
        return v == null ? null : JdbcTypes.convert(v, type);
    }

    @Override
    public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
        if (map != null && !map.isEmpty()) {
            throw new SQLFeatureNotSupportedException("Muru has no user-defined types to map");
        }
        return getObject(columnIndex);
    }

    @Override
    public Reader getCharacterStream(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        return s == null ? null : new StringReader(s);
    }

    @Override
    public Reader getNCharacterStream(int columnIndex) throws SQLException {
        return getCharacterStream(columnIndex);
    }

    @Override
    public String getNString(int columnIndex) throws SQLException {
        return getString(columnIndex);
    }

    @Override
    public byte[] getBytes(int columnIndex) throws SQLException {
        throw noBinary();
    }

    @Override
    public InputStream getAsciiStream(int columnIndex) throws SQLException {
        throw noBinary();
    }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(int columnIndex) throws SQLException {
        throw noBinary();
    }

    @Override
    public InputStream getBinaryStream(int columnIndex) throws SQLException {
        throw noBinary();
    }

    private static SQLException noBinary() {
        return new SQLFeatureNotSupportedException("Muru has no binary types: read text with getString or getCharacterStream");
    }

    @Override
    public Ref getRef(int columnIndex) throws SQLException {
        throw SqlErrors.unsupported("Muru has no REF type");
    }

    @Override
    public Blob getBlob(int columnIndex) throws SQLException {
        throw SqlErrors.unsupported("Muru has no BLOB type");
    }

    @Override
    public Clob getClob(int columnIndex) throws SQLException {
        throw SqlErrors.unsupported("Muru has no CLOB type: read text with getString");
    }

    @Override
    public NClob getNClob(int columnIndex) throws SQLException {
        throw SqlErrors.unsupported("Muru has no NCLOB type: read text with getString");
    }

    @Override
    public Array getArray(int columnIndex) throws SQLException {
        throw SqlErrors.unsupported("Muru has no ARRAY type");
    }

    @Override
    public URL getURL(int columnIndex) throws SQLException {
        throw SqlErrors.unsupported("Muru has no DATALINK type");
    }

    @Override
    public RowId getRowId(int columnIndex) throws SQLException {
        throw SqlErrors.unsupported("Muru has no ROWID");
    }

    @Override
    public SQLXML getSQLXML(int columnIndex) throws SQLException {
        throw SqlErrors.unsupported("Muru has no XML type");
    }

    // ---------------------------------------------------------------- by label

    @Override
    public int findColumn(String columnLabel) throws SQLException {
        checkOpen();
        int i = schema.indexOf(columnLabel);
        if (i < 0) {
            throw new SQLException("no column \"" + columnLabel + "\" in the result; its columns are " + schema.names(), "42703");
        }
        return i + 1;
    }

    @Override
    public String getString(String columnLabel) throws SQLException {
        return getString(findColumn(columnLabel));
    }

    @Override
    public boolean getBoolean(String columnLabel) throws SQLException {
        return getBoolean(findColumn(columnLabel));
    }

    @Override
    public byte getByte(String columnLabel) throws SQLException {
        return getByte(findColumn(columnLabel));
    }

    @Override
    public short getShort(String columnLabel) throws SQLException {
        return getShort(findColumn(columnLabel));
    }

    @Override
    public int getInt(String columnLabel) throws SQLException {
        return getInt(findColumn(columnLabel));
    }

    @Override
    public long getLong(String columnLabel) throws SQLException {
        return getLong(findColumn(columnLabel));
    }

    @Override
    public float getFloat(String columnLabel) throws SQLException {
        return getFloat(findColumn(columnLabel));
    }

    @Override
    public double getDouble(String columnLabel) throws SQLException {
        return getDouble(findColumn(columnLabel));
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(String columnLabel, int scale) throws SQLException {
        return getBigDecimal(findColumn(columnLabel), scale);
    }

    @Override
    public BigDecimal getBigDecimal(String columnLabel) throws SQLException {
        return getBigDecimal(findColumn(columnLabel));
    }

    @Override
    public byte[] getBytes(String columnLabel) throws SQLException {
        return getBytes(findColumn(columnLabel));
    }

    @Override
    public Date getDate(String columnLabel) throws SQLException {
        return getDate(findColumn(columnLabel));
    }

    @Override
    public Date getDate(String columnLabel, Calendar cal) throws SQLException {
        return getDate(findColumn(columnLabel), cal);
    }

    @Override
    public Time getTime(String columnLabel) throws SQLException {
        return getTime(findColumn(columnLabel));
    }

    @Override
    public Time getTime(String columnLabel, Calendar cal) throws SQLException {
        return getTime(findColumn(columnLabel), cal);
    }

    @Override
    public Timestamp getTimestamp(String columnLabel) throws SQLException {
        return getTimestamp(findColumn(columnLabel));
    }

    @Override
    public Timestamp getTimestamp(String columnLabel, Calendar cal) throws SQLException {
        return getTimestamp(findColumn(columnLabel), cal);
    }

    @Override
    public InputStream getAsciiStream(String columnLabel) throws SQLException {
        return getAsciiStream(findColumn(columnLabel));
    }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(String columnLabel) throws SQLException {
        return getUnicodeStream(findColumn(columnLabel));
    }

    @Override
    public InputStream getBinaryStream(String columnLabel) throws SQLException {
        return getBinaryStream(findColumn(columnLabel));
    }

    @Override
    public Object getObject(String columnLabel) throws SQLException {
        return getObject(findColumn(columnLabel));
    }

    @Override
    public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
        return getObject(findColumn(columnLabel), type);
    }

    @Override
    public Object getObject(String columnLabel, Map<String, Class<?>> map) throws SQLException {
        return getObject(findColumn(columnLabel), map);
    }

    @Override
    public Reader getCharacterStream(String columnLabel) throws SQLException {
        return getCharacterStream(findColumn(columnLabel));
    }

    @Override
    public Reader getNCharacterStream(String columnLabel) throws SQLException {
        return getNCharacterStream(findColumn(columnLabel));
    }

    @Override
    public String getNString(String columnLabel) throws SQLException {
        return getNString(findColumn(columnLabel));
    }

    @Override
    public Ref getRef(String columnLabel) throws SQLException {
        return getRef(findColumn(columnLabel));
    }

    @Override
    public Blob getBlob(String columnLabel) throws SQLException {
        return getBlob(findColumn(columnLabel));
    }

    @Override
    public Clob getClob(String columnLabel) throws SQLException {
        return getClob(findColumn(columnLabel));
    }

    @Override
    public NClob getNClob(String columnLabel) throws SQLException {
        return getNClob(findColumn(columnLabel));
    }

    @Override
    public Array getArray(String columnLabel) throws SQLException {
        return getArray(findColumn(columnLabel));
    }

    @Override
    public URL getURL(String columnLabel) throws SQLException {
        return getURL(findColumn(columnLabel));
    }

    @Override
    public RowId getRowId(String columnLabel) throws SQLException {
        return getRowId(findColumn(columnLabel));
    }

    @Override
    public SQLXML getSQLXML(String columnLabel) throws SQLException {
        return getSQLXML(findColumn(columnLabel));
    }

    // ---------------------------------------------------------------- about the result

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return new MuruResultSetMetaData(schema);
    }

    @Override
    public Statement getStatement() throws SQLException {
        checkOpen();
        return statement;
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
    }

    @Override
    public String getCursorName() throws SQLException {
        throw SqlErrors.unsupported("Muru has no named cursors (positioned UPDATE/DELETE)");
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        SqlErrors.checkFetchDirection(direction);
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return FETCH_FORWARD;
    }

    /** A hint only: rows arrive in morsels whose size the engine's morsel-rows setting fixes. */
    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        fetchSize = SqlErrors.checkFetchSize(rows);
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    @Override
    public int getType() throws SQLException {
        checkOpen();
        return TYPE_FORWARD_ONLY;
    }

    @Override
    public int getConcurrency() throws SQLException {
        checkOpen();
        return CONCUR_READ_ONLY;
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return SqlErrors.unwrap(this, iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    // ---------------------------------------------------------------- not for a forward-only, read-only result

    private static SQLFeatureNotSupportedException forwardOnly() {
        return new SQLFeatureNotSupportedException("a Muru result set is forward-only: use next()");
    }

    private static SQLFeatureNotSupportedException readOnly() {
        return new SQLFeatureNotSupportedException("a Muru result set is read-only: change rows with UPDATE, INSERT or DELETE");
    }

    @Override
    public void beforeFirst() throws SQLException {
        throw forwardOnly();
    }

    @Override
    public void afterLast() throws SQLException {
        throw forwardOnly();
    }

    @Override
    public boolean first() throws SQLException {
        throw forwardOnly();
    }

    @Override
    public boolean last() throws SQLException {
        throw forwardOnly();
    }

    @Override
    public boolean absolute(int row) throws SQLException {
        throw forwardOnly();
    }

    @Override
    public boolean relative(int rows) throws SQLException {
        throw forwardOnly();
    }

    @Override
    public boolean previous() throws SQLException {
        throw forwardOnly();
    }

    @Override
    public boolean rowUpdated() throws SQLException {
        throw readOnly();
    }

    @Override
    public boolean rowInserted() throws SQLException {
        throw readOnly();
    }

    @Override
    public boolean rowDeleted() throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNull(int columnIndex) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBoolean(int columnIndex, boolean x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateByte(int columnIndex, byte x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateShort(int columnIndex, short x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateInt(int columnIndex, int x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateLong(int columnIndex, long x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateFloat(int columnIndex, float x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateDouble(int columnIndex, double x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBigDecimal(int columnIndex, BigDecimal x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateString(int columnIndex, String x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBytes(int columnIndex, byte[] x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateDate(int columnIndex, Date x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateTime(int columnIndex, Time x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateTimestamp(int columnIndex, Timestamp x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateAsciiStream(int columnIndex, InputStream x, int length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBinaryStream(int columnIndex, InputStream x, int length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateCharacterStream(int columnIndex, Reader x, int length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateObject(int columnIndex, Object x, int scaleOrLength) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateObject(int columnIndex, Object x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNull(String columnLabel) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBoolean(String columnLabel, boolean x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateByte(String columnLabel, byte x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateShort(String columnLabel, short x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateInt(String columnLabel, int x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateLong(String columnLabel, long x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateFloat(String columnLabel, float x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateDouble(String columnLabel, double x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBigDecimal(String columnLabel, BigDecimal x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateString(String columnLabel, String x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBytes(String columnLabel, byte[] x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateDate(String columnLabel, Date x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateTime(String columnLabel, Time x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateTimestamp(String columnLabel, Timestamp x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateAsciiStream(String columnLabel, InputStream x, int length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBinaryStream(String columnLabel, InputStream x, int length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateCharacterStream(String columnLabel, Reader reader, int length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateObject(String columnLabel, Object x, int scaleOrLength) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateObject(String columnLabel, Object x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void insertRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public void deleteRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public void refreshRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public void cancelRowUpdates() throws SQLException {
        throw readOnly();
    }

    @Override
    public void moveToInsertRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public void moveToCurrentRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateRef(int columnIndex, Ref x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateRef(String columnLabel, Ref x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBlob(int columnIndex, Blob x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBlob(String columnLabel, Blob x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateClob(int columnIndex, Clob x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateClob(String columnLabel, Clob x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateArray(int columnIndex, Array x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateArray(String columnLabel, Array x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateRowId(int columnIndex, RowId x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateRowId(String columnLabel, RowId x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNString(int columnIndex, String nString) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNString(String columnLabel, String nString) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNClob(int columnIndex, NClob nClob) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNClob(String columnLabel, NClob nClob) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateSQLXML(int columnIndex, SQLXML xmlObject) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateSQLXML(String columnLabel, SQLXML xmlObject) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNCharacterStream(int columnIndex, Reader x, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNCharacterStream(String columnLabel, Reader reader, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateAsciiStream(int columnIndex, InputStream x, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBinaryStream(int columnIndex, InputStream x, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateCharacterStream(int columnIndex, Reader x, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateAsciiStream(String columnLabel, InputStream x, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBinaryStream(String columnLabel, InputStream x, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateCharacterStream(String columnLabel, Reader reader, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBlob(int columnIndex, InputStream inputStream, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBlob(String columnLabel, InputStream inputStream, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateClob(int columnIndex, Reader reader, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateClob(String columnLabel, Reader reader, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNClob(int columnIndex, Reader reader, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNClob(String columnLabel, Reader reader, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNCharacterStream(int columnIndex, Reader x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNCharacterStream(String columnLabel, Reader reader) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateAsciiStream(int columnIndex, InputStream x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBinaryStream(int columnIndex, InputStream x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateCharacterStream(int columnIndex, Reader x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateAsciiStream(String columnLabel, InputStream x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBinaryStream(String columnLabel, InputStream x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateCharacterStream(String columnLabel, Reader reader) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBlob(int columnIndex, InputStream inputStream) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBlob(String columnLabel, InputStream inputStream) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateClob(int columnIndex, Reader reader) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateClob(String columnLabel, Reader reader) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNClob(int columnIndex, Reader reader) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNClob(String columnLabel, Reader reader) throws SQLException {
        throw readOnly();
    }
}
