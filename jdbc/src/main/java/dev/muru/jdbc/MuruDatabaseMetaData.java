package dev.muru.jdbc;

import dev.muru.core.Column;
import dev.muru.core.DataType;
import dev.muru.core.MuruException;
import dev.muru.core.Schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What Muru is and holds: product and version, SQL capabilities, and the tables with their
 * columns. Muru has no catalogs or schemas (TABLE_CAT and TABLE_SCHEM are null); tables are the
 * only objects listed (views are not yet). Keys and indexes are enforced by the engine but not
 * exposed to the driver, so getPrimaryKeys and getIndexInfo throw rather than answer "none".
 */
public final class MuruDatabaseMetaData implements DatabaseMetaData {
    private final MuruConnection connection;

    MuruDatabaseMetaData(MuruConnection connection) {
        this.connection = connection;
    }

    // ---------------------------------------------------------------- result sets of rows the driver makes

    private static final DataType INT = DataType.INTEGER;
    private static final DataType TEXT = DataType.VARCHAR;

    private static Schema columns(Object... namesAndTypes) {
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            cols.add(new Column((String) namesAndTypes[i], (DataType) namesAndTypes[i + 1]));
        }
        return new Schema(cols);
    }

    private ResultSet rows(Schema schema, List<Object[]> rows) throws SQLException {
        connection.checkOpen();
        return MuruResultSet.ofRows(schema, rows);
    }

    private ResultSet none(Schema schema) throws SQLException {
        return rows(schema, List.of());
    }

    /** A JDBC name pattern ('%' any run, '_' one character, '\' escapes) as a regex; null matches all. */
    static Pattern pattern(String jdbcPattern) {
        if (jdbcPattern == null) {
            return Pattern.compile(".*", Pattern.DOTALL);
        }
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < jdbcPattern.length(); i++) {
            char c = jdbcPattern.charAt(i);
            if (c == '\\' && i + 1 < jdbcPattern.length()) {
                re.append(Pattern.quote(String.valueOf(jdbcPattern.charAt(++i))));
            } else if (c == '%') {
                re.append(".*");
            } else if (c == '_') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    /** Tables exist in no schema or catalog: a pattern that needs one (not null, not '%') finds nothing. */
    private static boolean noSchemaWanted(String catalog, String schemaPattern) {
        return (catalog == null || catalog.isEmpty()) && (schemaPattern == null || pattern(schemaPattern).matcher("").matches());
    }

    private static final Schema TABLES = columns("TABLE_CAT", TEXT, "TABLE_SCHEM", TEXT, "TABLE_NAME", TEXT,
            "TABLE_TYPE", TEXT, "REMARKS", TEXT, "TYPE_CAT", TEXT, "TYPE_SCHEM", TEXT, "TYPE_NAME", TEXT,
            "SELF_REFERENCING_COL_NAME", TEXT, "REF_GENERATION", TEXT);

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        List<Object[]> out = new ArrayList<>();
        boolean tablesWanted = types == null || List.of(types).stream().anyMatch("TABLE"::equalsIgnoreCase);
        if (tablesWanted && noSchemaWanted(catalog, schemaPattern)) {
            Pattern p = pattern(tableNamePattern);
            for (String t : connection.muru().tables()) {
                if (p.matcher(t).matches()) {
                    out.add(new Object[]{null, null, t, "TABLE", null, null, null, null, null, null});
                }
            }
        }
        return rows(TABLES, out);
    }

    private static final Schema COLUMNS = columns("TABLE_CAT", TEXT, "TABLE_SCHEM", TEXT, "TABLE_NAME", TEXT,
            "COLUMN_NAME", TEXT, "DATA_TYPE", INT, "TYPE_NAME", TEXT, "COLUMN_SIZE", INT, "BUFFER_LENGTH", INT,
            "DECIMAL_DIGITS", INT, "NUM_PREC_RADIX", INT, "NULLABLE", INT, "REMARKS", TEXT, "COLUMN_DEF", TEXT,
            "SQL_DATA_TYPE", INT, "SQL_DATETIME_SUB", INT, "CHAR_OCTET_LENGTH", INT, "ORDINAL_POSITION", INT,
            "IS_NULLABLE", TEXT, "SCOPE_CATALOG", TEXT, "SCOPE_SCHEMA", TEXT, "SCOPE_TABLE", TEXT,
            "SOURCE_DATA_TYPE", INT, "IS_AUTOINCREMENT", TEXT, "IS_GENERATEDCOLUMN", TEXT);

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
            throws SQLException {
        List<Object[]> out = new ArrayList<>();
        if (noSchemaWanted(catalog, schemaPattern)) {
            Pattern tables = pattern(tableNamePattern);
            Pattern names = pattern(columnNamePattern);
            for (String t : connection.muru().tables()) {
                if (!tables.matcher(t).matches()) {
                    continue;
                }
                Schema schema;
                try {
                    schema = connection.muru().tableSchema(t);
                } catch (MuruException e) {
                    continue; // dropped since tables() listed it
                }
                for (int i = 0; i < schema.size(); i++) {
                    Column c = schema.column(i);
                    if (names.matcher(c.name()).matches()) {
                        out.add(columnRow(t, c, i + 1));
                    }
                }
            }
        }
        return rows(COLUMNS, out);
    }

    private static Object[] columnRow(String table, Column c, int ordinal) {
        DataType t = c.type();
        boolean number = t.isNumeric();
        Integer size = JdbcTypes.precision(t);
        Integer digits = number && t.kind() != dev.muru.core.TypeKind.DOUBLE ? JdbcTypes.scale(t) : null;
        Integer octets = t.isString() ? (size == Integer.MAX_VALUE ? Integer.MAX_VALUE : size * 4) : null;
        return new Object[]{null, null, table, c.name(), JdbcTypes.sqlType(t), JdbcTypes.typeName(t), size, null,
                digits, number ? 10 : null, c.nullable() ? columnNullable : columnNoNulls, null, null, null, null,
                octets, ordinal, c.nullable() ? "YES" : "NO", null, null, null, null, "NO", "NO"};
    }

    private static final Schema TABLE_TYPES = columns("TABLE_TYPE", TEXT);

    @Override
    public ResultSet getTableTypes() throws SQLException {
        return rows(TABLE_TYPES, List.<Object[]>of(new Object[]{"TABLE"}));
    }

    private static final Schema SCHEMAS = columns("TABLE_SCHEM", TEXT, "TABLE_CATALOG", TEXT);

    @Override
    public ResultSet getSchemas() throws SQLException {
        return none(SCHEMAS);
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
        return none(SCHEMAS);
    }

    @Override
    public ResultSet getCatalogs() throws SQLException {
        return none(columns("TABLE_CAT", TEXT));
    }

    private static final Schema TYPE_INFO = columns("TYPE_NAME", TEXT, "DATA_TYPE", INT, "PRECISION", INT,
            "LITERAL_PREFIX", TEXT, "LITERAL_SUFFIX", TEXT, "CREATE_PARAMS", TEXT, "NULLABLE", INT,
            "CASE_SENSITIVE", DataType.BOOLEAN, "SEARCHABLE", INT, "UNSIGNED_ATTRIBUTE", DataType.BOOLEAN,
            "FIXED_PREC_SCALE", DataType.BOOLEAN, "AUTO_INCREMENT", DataType.BOOLEAN, "LOCAL_TYPE_NAME", TEXT,
            "MINIMUM_SCALE", INT, "MAXIMUM_SCALE", INT, "SQL_DATA_TYPE", INT, "SQL_DATETIME_SUB", INT,
            "NUM_PREC_RADIX", INT);

    /** Muru's types, ordered by DATA_TYPE as JDBC asks. */
    @Override
    public ResultSet getTypeInfo() throws SQLException {
        List<Object[]> out = new ArrayList<>();
        out.add(typeRow(DataType.BIGINT, null, null, null));
        out.add(typeRow(DataType.character(1), "'", "'", "length"));
        out.add(typeRow(DataType.decimal(DataType.MAX_DECIMAL_PRECISION, 0), null, null, "precision,scale"));
        out.add(typeRow(DataType.INTEGER, null, null, null));
        out.add(typeRow(DataType.DOUBLE, null, null, null));
        out.add(typeRow(DataType.VARCHAR, "'", "'", "length"));
        out.add(typeRow(DataType.BOOLEAN, null, null, null));
        out.add(typeRow(DataType.DATE, "DATE '", "'", null));
        out.sort(java.util.Comparator.comparingInt(r -> (Integer) r[1]));
        return rows(TYPE_INFO, out);
    }

    private static Object[] typeRow(DataType t, String prefix, String suffix, String params) {
        boolean decimal = t.kind() == dev.muru.core.TypeKind.DECIMAL;
        int precision = t.isString() ? Integer.MAX_VALUE : JdbcTypes.precision(t);
        return new Object[]{JdbcTypes.typeName(t), JdbcTypes.sqlType(t), precision, prefix, suffix, params,
                typeNullable, t.isString(), typeSearchable, !t.isNumeric(), false, false, JdbcTypes.typeName(t),
                0, decimal ? DataType.MAX_DECIMAL_PRECISION : 0, null, null, t.isNumeric() ? 10 : null};
    }

    // ---------------------------------------------------------------- objects Muru does not have: truly empty

    @Override
    public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern) throws SQLException {
        return none(columns("PROCEDURE_CAT", TEXT, "PROCEDURE_SCHEM", TEXT, "PROCEDURE_NAME", TEXT, "RESERVED1", TEXT,
                "RESERVED2", TEXT, "RESERVED3", TEXT, "REMARKS", TEXT, "PROCEDURE_TYPE", INT, "SPECIFIC_NAME", TEXT));
    }

    @Override
    public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern,
                                         String columnNamePattern) throws SQLException {
        return none(columns("PROCEDURE_CAT", TEXT, "PROCEDURE_SCHEM", TEXT, "PROCEDURE_NAME", TEXT, "COLUMN_NAME", TEXT,
                "COLUMN_TYPE", INT, "DATA_TYPE", INT, "TYPE_NAME", TEXT, "PRECISION", INT, "LENGTH", INT, "SCALE", INT,
                "RADIX", INT, "NULLABLE", INT, "REMARKS", TEXT, "COLUMN_DEF", TEXT, "SQL_DATA_TYPE", INT,
                "SQL_DATETIME_SUB", INT, "CHAR_OCTET_LENGTH", INT, "ORDINAL_POSITION", INT, "IS_NULLABLE", TEXT,
                "SPECIFIC_NAME", TEXT));
    }

    private static final Schema KEY_REFERENCES = columns("PKTABLE_CAT", TEXT, "PKTABLE_SCHEM", TEXT, "PKTABLE_NAME", TEXT,
            "PKCOLUMN_NAME", TEXT, "FKTABLE_CAT", TEXT, "FKTABLE_SCHEM", TEXT, "FKTABLE_NAME", TEXT, "FKCOLUMN_NAME", TEXT,
            "KEY_SEQ", INT, "UPDATE_RULE", INT, "DELETE_RULE", INT, "FK_NAME", TEXT, "PK_NAME", TEXT, "DEFERRABILITY", INT);

    /** Muru has no foreign keys, so no table imports or exports one. */
    @Override
    public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
        return none(KEY_REFERENCES);
    }

    @Override
    public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
        return none(KEY_REFERENCES);
    }

    @Override
    public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
                                       String foreignCatalog, String foreignSchema, String foreignTable) throws SQLException {
        return none(KEY_REFERENCES);
    }

    @Override
    public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types) throws SQLException {
        return none(columns("TYPE_CAT", TEXT, "TYPE_SCHEM", TEXT, "TYPE_NAME", TEXT, "CLASS_NAME", TEXT,
                "DATA_TYPE", INT, "REMARKS", TEXT, "BASE_TYPE", INT));
    }

    @Override
    public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern) throws SQLException {
        return none(columns("TYPE_CAT", TEXT, "TYPE_SCHEM", TEXT, "TYPE_NAME", TEXT, "SUPERTYPE_CAT", TEXT,
                "SUPERTYPE_SCHEM", TEXT, "SUPERTYPE_NAME", TEXT));
    }

    @Override
    public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern) throws SQLException {
        return none(columns("TABLE_CAT", TEXT, "TABLE_SCHEM", TEXT, "TABLE_NAME", TEXT, "SUPERTABLE_NAME", TEXT));
    }

    @Override
    public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern,
                                   String attributeNamePattern) throws SQLException {
        return none(columns("TYPE_CAT", TEXT, "TYPE_SCHEM", TEXT, "TYPE_NAME", TEXT, "ATTR_NAME", TEXT,
                "DATA_TYPE", INT, "ATTR_TYPE_NAME", TEXT, "ATTR_SIZE", INT, "DECIMAL_DIGITS", INT, "NUM_PREC_RADIX", INT,
                "NULLABLE", INT, "REMARKS", TEXT, "ATTR_DEF", TEXT, "SQL_DATA_TYPE", INT, "SQL_DATETIME_SUB", INT,
                "CHAR_OCTET_LENGTH", INT, "ORDINAL_POSITION", INT, "IS_NULLABLE", TEXT, "SCOPE_CATALOG", TEXT,
                "SCOPE_SCHEMA", TEXT, "SCOPE_TABLE", TEXT, "SOURCE_DATA_TYPE", INT));
    }

    /** No column changes by itself when a row is updated. */
    @Override
    public ResultSet getVersionColumns(String catalog, String schema, String table) throws SQLException {
        return none(columns("SCOPE", INT, "COLUMN_NAME", TEXT, "DATA_TYPE", INT, "TYPE_NAME", TEXT,
                "COLUMN_SIZE", INT, "BUFFER_LENGTH", INT, "DECIMAL_DIGITS", INT, "PSEUDO_COLUMN", INT));
    }

    @Override
    public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern,
                                      String columnNamePattern) throws SQLException {
        return none(columns("TABLE_CAT", TEXT, "TABLE_SCHEM", TEXT, "TABLE_NAME", TEXT, "COLUMN_NAME", TEXT,
                "DATA_TYPE", INT, "COLUMN_SIZE", INT, "DECIMAL_DIGITS", INT, "NUM_PREC_RADIX", INT,
                "COLUMN_USAGE", TEXT, "REMARKS", TEXT, "CHAR_OCTET_LENGTH", INT, "IS_NULLABLE", TEXT));
    }

    @Override
    public ResultSet getClientInfoProperties() throws SQLException {
        return none(columns("NAME", TEXT, "MAX_LEN", INT, "DEFAULT_VALUE", TEXT, "DESCRIPTION", TEXT));
    }

    // ---------------------------------------------------------------- what the driver cannot tell

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        throw SqlErrors.unsupported("getPrimaryKeys: Muru enforces PRIMARY KEY but does not expose keys to JDBC yet");
    }

    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate)
            throws SQLException {
        throw SqlErrors.unsupported("getIndexInfo: Muru does not expose its indexes to JDBC yet");
    }

    @Override
    public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable)
            throws SQLException {
        throw SqlErrors.unsupported("getBestRowIdentifier: Muru does not expose keys to JDBC yet");
    }

    @Override
    public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnNamePattern)
            throws SQLException {
        throw SqlErrors.unsupported("Muru has no privileges");
    }

    @Override
    public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern) throws SQLException {
        throw SqlErrors.unsupported("Muru has no privileges");
    }

    @Override
    public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern) throws SQLException {
        throw SqlErrors.unsupported("getFunctions: Muru's built-in functions are listed in getNumericFunctions and getStringFunctions");
    }

    @Override
    public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern,
                                        String columnNamePattern) throws SQLException {
        throw SqlErrors.unsupported("getFunctionColumns: Muru does not describe function signatures");
    }

    // ---------------------------------------------------------------- product and driver

    @Override
    public String getDatabaseProductName() {
        return "Muru";
    }

    @Override
    public String getDatabaseProductVersion() {
        return MuruDriver.VERSION;
    }

    @Override
    public int getDatabaseMajorVersion() {
        return MuruDriver.versionPart(0);
    }

    @Override
    public int getDatabaseMinorVersion() {
        return MuruDriver.versionPart(1);
    }

    @Override
    public String getDriverName() {
        return "Muru JDBC driver";
    }

    @Override
    public String getDriverVersion() {
        return MuruDriver.VERSION;
    }

    @Override
    public int getDriverMajorVersion() {
        return MuruDriver.versionPart(0);
    }

    @Override
    public int getDriverMinorVersion() {
        return MuruDriver.versionPart(1);
    }

    @Override
    public int getJDBCMajorVersion() {
        return 4;
    }

    @Override
    public int getJDBCMinorVersion() {
        return 2;
    }

    @Override
    public String getURL() {
        return connection.url();
    }

    @Override
    public String getUserName() {
        return connection.user() == null ? "" : connection.user();
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public boolean usesLocalFiles() {
        return false;
    }

    @Override
    public boolean usesLocalFilePerTable() {
        return false;
    }

    // ---------------------------------------------------------------- identifiers (as PostgreSQL: unquoted fold to lower case)

    @Override
    public boolean supportsMixedCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean storesUpperCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean storesLowerCaseIdentifiers() {
        return true;
    }

    @Override
    public boolean storesMixedCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean supportsMixedCaseQuotedIdentifiers() {
        return true;
    }

    @Override
    public boolean storesUpperCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public boolean storesLowerCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public boolean storesMixedCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public String getIdentifierQuoteString() {
        return "\"";
    }

    /** Muru's keywords that SQL:2003 does not reserve. */
    @Override
    public String getSQLKeywords() {
        return "ANALYZE,COPY,DELIMITER,EXPLAIN,HEADER,LIMIT,OFFSET,REINDEX,SHOW";
    }

    @Override
    public String getNumericFunctions() {
        return "ABS,ROUND,TRUNC";
    }

    @Override
    public String getStringFunctions() {
        return "LENGTH,LOWER,SUBSTRING,TRIM,UPPER";
    }

    @Override
    public String getSystemFunctions() {
        return "";
    }

    @Override
    public String getTimeDateFunctions() {
        return "EXTRACT";
    }

    @Override
    public String getSearchStringEscape() {
        return "\\";
    }

    @Override
    public String getExtraNameCharacters() {
        return "";
    }

    @Override
    public String getSchemaTerm() {
        return "schema";
    }

    @Override
    public String getProcedureTerm() {
        return "procedure";
    }

    @Override
    public String getCatalogTerm() {
        return "catalog";
    }

    @Override
    public boolean isCatalogAtStart() {
        return true;
    }

    @Override
    public String getCatalogSeparator() {
        return ".";
    }

    // ---------------------------------------------------------------- SQL capabilities

    @Override
    public boolean allProceduresAreCallable() {
        return false;
    }

    @Override
    public boolean allTablesAreSelectable() {
        return true;
    }

    /** NULLs sort last in ascending order and first in descending, as in PostgreSQL. */
    @Override
    public boolean nullsAreSortedHigh() {
        return true;
    }

    @Override
    public boolean nullsAreSortedLow() {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtStart() {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtEnd() {
        return false;
    }

    @Override
    public boolean supportsAlterTableWithAddColumn() {
        return false;
    }

    @Override
    public boolean supportsAlterTableWithDropColumn() {
        return false;
    }

    @Override
    public boolean supportsColumnAliasing() {
        return true;
    }

    @Override
    public boolean nullPlusNonNullIsNull() {
        return true;
    }

    @Override
    public boolean supportsConvert() {
        return false;
    }

    @Override
    public boolean supportsConvert(int fromType, int toType) {
        return false;
    }

    @Override
    public boolean supportsTableCorrelationNames() {
        return true;
    }

    @Override
    public boolean supportsDifferentTableCorrelationNames() {
        return false;
    }

    @Override
    public boolean supportsExpressionsInOrderBy() {
        return true;
    }

    @Override
    public boolean supportsOrderByUnrelated() {
        return true;
    }

    @Override
    public boolean supportsGroupBy() {
        return true;
    }

    @Override
    public boolean supportsGroupByUnrelated() {
        return true;
    }

    @Override
    public boolean supportsGroupByBeyondSelect() {
        return true;
    }

    @Override
    public boolean supportsLikeEscapeClause() {
        return true;
    }

    @Override
    public boolean supportsMultipleResultSets() {
        return false;
    }

    @Override
    public boolean supportsMultipleTransactions() {
        return true;
    }

    @Override
    public boolean supportsNonNullableColumns() {
        return true;
    }

    @Override
    public boolean supportsMinimumSQLGrammar() {
        return true;
    }

    @Override
    public boolean supportsCoreSQLGrammar() {
        return false;
    }

    @Override
    public boolean supportsExtendedSQLGrammar() {
        return false;
    }

    @Override
    public boolean supportsANSI92EntryLevelSQL() {
        return false;
    }

    @Override
    public boolean supportsANSI92IntermediateSQL() {
        return false;
    }

    @Override
    public boolean supportsANSI92FullSQL() {
        return false;
    }

    @Override
    public boolean supportsIntegrityEnhancementFacility() {
        return false;
    }

    @Override
    public boolean supportsOuterJoins() {
        return true;
    }

    @Override
    public boolean supportsFullOuterJoins() {
        return true;
    }

    @Override
    public boolean supportsLimitedOuterJoins() {
        return true;
    }

    @Override
    public boolean supportsSchemasInDataManipulation() {
        return false;
    }

    @Override
    public boolean supportsSchemasInProcedureCalls() {
        return false;
    }

    @Override
    public boolean supportsSchemasInTableDefinitions() {
        return false;
    }

    @Override
    public boolean supportsSchemasInIndexDefinitions() {
        return false;
    }

    @Override
    public boolean supportsSchemasInPrivilegeDefinitions() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInDataManipulation() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInProcedureCalls() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInTableDefinitions() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInIndexDefinitions() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInPrivilegeDefinitions() {
        return false;
    }

    @Override
    public boolean supportsPositionedDelete() {
        return false;
    }

    @Override
    public boolean supportsPositionedUpdate() {
        return false;
    }

    @Override
    public boolean supportsSelectForUpdate() {
        return false;
    }

    @Override
    public boolean supportsStoredProcedures() {
        return false;
    }

    @Override
    public boolean supportsSubqueriesInComparisons() {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInExists() {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInIns() {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInQuantifieds() {
        return false;
    }

    @Override
    public boolean supportsCorrelatedSubqueries() {
        return true;
    }

    @Override
    public boolean supportsUnion() {
        return true;
    }

    @Override
    public boolean supportsUnionAll() {
        return true;
    }

    /** Result sets do not depend on commits: every statement has committed by the time its rows are read. */
    @Override
    public boolean supportsOpenCursorsAcrossCommit() {
        return true;
    }

    @Override
    public boolean supportsOpenCursorsAcrossRollback() {
        return true;
    }

    @Override
    public boolean supportsOpenStatementsAcrossCommit() {
        return true;
    }

    @Override
    public boolean supportsOpenStatementsAcrossRollback() {
        return true;
    }

    // ---------------------------------------------------------------- limits: 0 means none known

    @Override
    public int getMaxBinaryLiteralLength() {
        return 0;
    }

    @Override
    public int getMaxCharLiteralLength() {
        return 0;
    }

    @Override
    public int getMaxColumnNameLength() {
        return 0;
    }

    @Override
    public int getMaxColumnsInGroupBy() {
        return 0;
    }

    @Override
    public int getMaxColumnsInIndex() {
        return 0;
    }

    @Override
    public int getMaxColumnsInOrderBy() {
        return 0;
    }

    @Override
    public int getMaxColumnsInSelect() {
        return 0;
    }

    @Override
    public int getMaxColumnsInTable() {
        return 0;
    }

    @Override
    public int getMaxConnections() {
        return 0;
    }

    @Override
    public int getMaxCursorNameLength() {
        return 0;
    }

    @Override
    public int getMaxIndexLength() {
        return 0;
    }

    @Override
    public int getMaxSchemaNameLength() {
        return 0;
    }

    @Override
    public int getMaxProcedureNameLength() {
        return 0;
    }

    @Override
    public int getMaxCatalogNameLength() {
        return 0;
    }

    @Override
    public int getMaxRowSize() {
        return 0;
    }

    @Override
    public boolean doesMaxRowSizeIncludeBlobs() {
        return false;
    }

    @Override
    public int getMaxStatementLength() {
        return 0;
    }

    @Override
    public int getMaxStatements() {
        return 0;
    }

    @Override
    public int getMaxTableNameLength() {
        return 0;
    }

    @Override
    public int getMaxTablesInSelect() {
        return 0;
    }

    @Override
    public int getMaxUserNameLength() {
        return 0;
    }

    // ---------------------------------------------------------------- transactions: autocommit only (see MuruConnection)

    @Override
    public int getDefaultTransactionIsolation() {
        return Connection.TRANSACTION_READ_COMMITTED;
    }

    /** Every statement is an atomic transaction; none spans statements. */
    @Override
    public boolean supportsTransactions() {
        return true;
    }

    @Override
    public boolean supportsTransactionIsolationLevel(int level) {
        return level == Connection.TRANSACTION_READ_COMMITTED;
    }

    @Override
    public boolean supportsDataDefinitionAndDataManipulationTransactions() {
        return true;
    }

    @Override
    public boolean supportsDataManipulationTransactionsOnly() {
        return false;
    }

    @Override
    public boolean dataDefinitionCausesTransactionCommit() {
        return false;
    }

    @Override
    public boolean dataDefinitionIgnoredInTransactions() {
        return false;
    }

    @Override
    public boolean supportsSavepoints() {
        return false;
    }

    @Override
    public boolean autoCommitFailureClosesAllResultSets() {
        return false;
    }

    // ---------------------------------------------------------------- result sets and statements

    @Override
    public boolean supportsResultSetType(int type) {
        return type == ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public boolean supportsResultSetConcurrency(int type, int concurrency) {
        return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public boolean ownUpdatesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean ownDeletesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean ownInsertsAreVisible(int type) {
        return false;
    }

    @Override
    public boolean othersUpdatesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean othersDeletesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean othersInsertsAreVisible(int type) {
        return false;
    }

    @Override
    public boolean updatesAreDetected(int type) {
        return false;
    }

    @Override
    public boolean deletesAreDetected(int type) {
        return false;
    }

    @Override
    public boolean insertsAreDetected(int type) {
        return false;
    }

    @Override
    public boolean supportsBatchUpdates() {
        return true;
    }

    @Override
    public boolean supportsNamedParameters() {
        return false;
    }

    @Override
    public boolean supportsMultipleOpenResults() {
        return false;
    }

    @Override
    public boolean supportsGetGeneratedKeys() {
        return false;
    }

    @Override
    public boolean generatedKeyAlwaysReturned() {
        return false;
    }

    @Override
    public boolean supportsResultSetHoldability(int holdability) {
        return holdability == ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public int getResultSetHoldability() {
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public int getSQLStateType() {
        return sqlStateSQL;
    }

    @Override
    public boolean locatorsUpdateCopy() {
        return false;
    }

    @Override
    public boolean supportsStatementPooling() {
        return false;
    }

    @Override
    public RowIdLifetime getRowIdLifetime() {
        return RowIdLifetime.ROWID_UNSUPPORTED;
    }

    @Override
    public boolean supportsStoredFunctionsUsingCallSyntax() {
        return false;
    }

    @Override
    public boolean supportsRefCursors() {
        return false;
    }

    @Override
    public boolean supportsSharding() {
        return false;
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
