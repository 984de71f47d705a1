package dev.muru.jdbc;

import dev.muru.core.DataType;
import dev.muru.core.Schema;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * The columns of a result: names, JDBC types and sizes from the statement's {@link Schema}.
 * A result column does not know the table it came from, so table, schema and catalog names are
 * empty (as JDBC allows), and nullability is unknown: the engine tracks NOT NULL on tables only.
 */
public final class MuruResultSetMetaData implements ResultSetMetaData {
    private final Schema schema;

    MuruResultSetMetaData(Schema schema) {
        this.schema = schema;
    }

    private DataType type(int column) throws SQLException {
        if (column < 1 || column > schema.size()) {
            throw new SQLException("column index " + column + " is out of range 1.." + schema.size(), "07009");
        }
        return schema.type(column - 1);
    }

    @Override
    public int getColumnCount() {
        return schema.size();
    }

    @Override
    public boolean isAutoIncrement(int column) throws SQLException {
        type(column);
        return false;
    }

    /** String comparison is by code point, so 'a' and 'A' differ. */
    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        return type(column).isString();
    }

    @Override
    public boolean isSearchable(int column) throws SQLException {
        type(column);
        return true;
    }

    @Override
    public boolean isCurrency(int column) throws SQLException {
        type(column);
        return false;
    }

    @Override
    public int isNullable(int column) throws SQLException {
        type(column);
        return columnNullableUnknown;
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        return JdbcTypes.isSigned(type(column));
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        return JdbcTypes.displaySize(type(column));
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        type(column);
        return schema.name(column - 1);
    }

    @Override
    public String getColumnName(int column) throws SQLException {
        return getColumnLabel(column);
    }

    @Override
    public String getSchemaName(int column) throws SQLException {
        type(column);
        return "";
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        return JdbcTypes.precision(type(column));
    }

    @Override
    public int getScale(int column) throws SQLException {
        return JdbcTypes.scale(type(column));
    }

    @Override
    public String getTableName(int column) throws SQLException {
        type(column);
        return "";
    }

    @Override
    public String getCatalogName(int column) throws SQLException {
        type(column);
        return "";
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        return JdbcTypes.sqlType(type(column));
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException {
        return JdbcTypes.typeName(type(column));
    }

    @Override
    public boolean isReadOnly(int column) throws SQLException {
        type(column);
        return true;
    }

    @Override
    public boolean isWritable(int column) throws SQLException {
        type(column);
        return false;
    }

    @Override
    public boolean isDefinitelyWritable(int column) throws SQLException {
        type(column);
        return false;
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        return JdbcTypes.javaClass(type(column)).getName();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return SqlErrors.unwrap(this, iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
