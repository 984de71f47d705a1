package dev.muru.plan.binder;

import dev.muru.core.Column;
import dev.muru.core.DataType;
import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;
import dev.muru.core.Schema;
import dev.muru.core.TypeKind;
import dev.muru.parser.ast.Expr;
import dev.muru.parser.ast.Position;
import dev.muru.parser.ast.Query;
import dev.muru.parser.ast.QueryBody;
import dev.muru.parser.ast.Relation;
import dev.muru.parser.ast.Statement;
import dev.muru.plan.catalog.CatalogReader;
import dev.muru.plan.catalog.TableInfo;
import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.logical.LogicalPlan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Turns parsed statements into bound statements and logical plans, checking names and types. */
public final class Binder {
    private final CatalogReader catalog;
    /** Whose value rules the statement follows (the session's {@code compatibility}). */
    private final Dialect dialect;
    /** The statement's parameter values; none while a view's query is bound. */
    private Parameters parameters;

    /** A binder for statements without positional parameters: a {@code ?} is an error. */
    public Binder(CatalogReader catalog) {
        this(catalog, List.of());
    }

    /**
     * A binder whose statements take {@code parameters} as the values of their {@code ?} marks,
     * in order (index 0 for the first {@code ?}); a value may be null. Each value binds as a
     * constant of its Java type: Integer, Short, Byte as INTEGER; Long as BIGINT; Double, Float as
     * DOUBLE; BigDecimal as DECIMAL(precision, scale); String as VARCHAR; Boolean as BOOLEAN;
     * LocalDate, java.sql.Date as DATE; null as NULL. A {@code ?} without a value, a value without
     * a {@code ?}, or a value of another class is a {@code MuruException(INVALID_PARAMETER)}.
     */
    public Binder(CatalogReader catalog, List<?> parameters) {
        this(catalog, parameters, Dialect.POSTGRESQL);
    }

    /** As {@link #Binder(CatalogReader, List)}, following {@code dialect}'s value rules. */
    public Binder(CatalogReader catalog, List<?> parameters, Dialect dialect) {
        this.catalog = catalog;
        this.parameters = new Parameters(parameters);
        this.dialect = dialect;
    }

    /** The values for the {@code ?} marks of the statement being bound. */
    Parameters parameters() {
        return parameters;
    }

    Dialect dialect() {
        return dialect;
    }

    /**
     * Binds one statement. Every {@code ?} in it must have a value and every value a {@code ?},
     * also where binding would not look (a WITH query that is never used).
     */
    public BoundStatement bind(Statement statement) {
        if (statement instanceof Statement.CreateView) {
            rejectViewParameters((Statement.CreateView) statement);
        }
        parameters.check(statement);
        return bindStatement(statement);
    }

    /**
     * A trigger fires on its table's rows; the statements of its body are bound when it fires, as
     * in SQLite. Muru runs no statement of a body yet, so it takes only bodies whose statements
     * are queries: their results are discarded, firing them changes nothing.
     */
    private BoundStatement createTrigger(Statement.CreateTrigger c) {
        TableInfo t = catalog.table(c.table());
        if (t == null) {
            throw ExpressionBinder.error(ErrorCode.UNDEFINED_TABLE, "table \"" + c.table() + "\" does not exist", c.pos());
        }
        for (Statement s : c.body()) {
            if (!(s instanceof Statement.Select)) {
                throw ExpressionBinder.error(ErrorCode.FEATURE_NOT_SUPPORTED,
                        "a trigger body may only hold queries (SELECT) in Muru", s.pos());
            }
        }
        return new BoundStatement.CreateTrigger(c.name(), t.name(), c.ifNotExists());
    }

    /** A view keeps its text, to be bound again whenever it is used: with no values then. */
    private static void rejectViewParameters(Statement.CreateView v) {
        List<Expr.Parameter> marks = dev.muru.parser.SqlParser.parameters(v);
        if (!marks.isEmpty()) {
            throw ExpressionBinder.error(ErrorCode.FEATURE_NOT_SUPPORTED, "a view cannot have parameters",
                    marks.get(0).pos());
        }
    }

    private BoundStatement bindStatement(Statement statement) {
        if (statement instanceof Statement.Select) {
            return new BoundStatement.Query(bindQuery(((Statement.Select) statement).query()));
        }
        if (statement instanceof Statement.CreateTable) {
            return createTable((Statement.CreateTable) statement);
        }
        if (statement instanceof Statement.DropTable) {
            Statement.DropTable d = (Statement.DropTable) statement;
            return new BoundStatement.DropTable(d.name(), d.ifExists());
        }
        if (statement instanceof Statement.CreateIndex) {
            Statement.CreateIndex c = (Statement.CreateIndex) statement;
            TableInfo t = catalog.table(c.table());
            if (t == null) {
                throw ExpressionBinder.error(ErrorCode.UNDEFINED_TABLE, "table \"" + c.table() + "\" does not exist", c.pos());
            }
            return new BoundStatement.CreateIndex(c.name(), t.name(), keyColumns(t.schema(), c.columns(), t.name(), c.pos()),
                    c.unique(), c.ifNotExists());
        }
        if (statement instanceof Statement.DropIndex) {
            Statement.DropIndex d = (Statement.DropIndex) statement;
            return new BoundStatement.DropIndex(d.name(), d.ifExists());
        }
        if (statement instanceof Statement.CreateTrigger) {
            return createTrigger((Statement.CreateTrigger) statement);
        }
        if (statement instanceof Statement.DropTrigger) {
            Statement.DropTrigger d = (Statement.DropTrigger) statement;
            return new BoundStatement.DropTrigger(d.name(), d.ifExists());
        }
        if (statement instanceof Statement.Reindex) {
            return new BoundStatement.Reindex(((Statement.Reindex) statement).name());
        }
        if (statement instanceof Statement.CreateView) {
            return createView((Statement.CreateView) statement);
        }
        if (statement instanceof Statement.DropView) {
            Statement.DropView d = (Statement.DropView) statement;
            return new BoundStatement.DropView(d.name(), d.ifExists());
        }
        if (statement instanceof Statement.Delete) {
            return delete((Statement.Delete) statement);
        }
        if (statement instanceof Statement.Update) {
            return update((Statement.Update) statement);
        }
        if (statement instanceof Statement.Insert) {
            return insert((Statement.Insert) statement);
        }
        if (statement instanceof Statement.Explain) {
            Statement.Explain e = (Statement.Explain) statement;
            return new BoundStatement.Explain(bindStatement(e.statement()), e.analyze());
        }
        if (statement instanceof Statement.Copy) {
            return copy((Statement.Copy) statement);
        }
        // Session settings: names and values are checked when the statement runs.
        if (statement instanceof Statement.SetOption) {
            Statement.SetOption s = (Statement.SetOption) statement;
            return new BoundStatement.SetOption(s.name(), s.value());
        }
        if (statement instanceof Statement.ShowOption) {
            return new BoundStatement.ShowOption(((Statement.ShowOption) statement).name());
        }
        if (statement instanceof Statement.ResetOption) {
            return new BoundStatement.ResetOption(((Statement.ResetOption) statement).name());
        }
        throw new MuruException(ErrorCode.FEATURE_NOT_SUPPORTED, "statement not supported: " + statement.getClass().getSimpleName());
    }

    public LogicalPlan bindQuery(Query q) {
        return bindSubquery(q, null, false).plan();
    }

    /** Common table expressions in scope, innermost last; a name being expanded is marked. */
    private final java.util.ArrayDeque<java.util.Map<String, Query.Cte>> ctes = new java.util.ArrayDeque<>();
    private final Set<String> expanding = new HashSet<>();

    /**
     * Binds a query. Inside another query ({@code outer} not null) correlated WHERE predicates
     * are pulled out for decorrelation; {@code exists}: the select list does not matter.
     */
    BoundSubquery bindSubquery(Query q, Scope outer, boolean exists) {
        if (!q.with().isEmpty()) {
            java.util.Map<String, Query.Cte> defs = new java.util.LinkedHashMap<>();
            for (Query.Cte c : q.with()) {
                if (defs.put(c.name(), c) != null) {
                    throw ExpressionBinder.error(ErrorCode.DUPLICATE_ALIAS, "WITH query name \"" + c.name()
                            + "\" specified more than once", c.pos());
                }
            }
            ctes.addLast(defs);
            try {
                return bindSubquery(new Query(List.of(), q.body(), q.orderBy(), q.limit(), q.offset(), q.pos()), outer, exists);
            } finally {
                ctes.removeLast();
            }
        }
        QueryBody body = q.body();
        if (body instanceof QueryBody.Select) {
            SelectBinder sb = new SelectBinder(this, (QueryBody.Select) body, q.orderBy(), q.limit(), q.offset(), outer, exists);
            LogicalPlan plan = sb.bind();
            return new BoundSubquery(plan, sb.valueColumns(), sb.correlation(), sb.emptyValue());
        }
        LogicalPlan plan = body(body);
        plan = SelectBinder.orderAndLimit(plan, q.orderBy(), q.limit(), q.offset(), parameters, dialect);
        return new BoundSubquery(plan, plan.schema().size(), List.of(), null);
    }

    private LogicalPlan body(QueryBody body) {
        if (body instanceof QueryBody.Values) {
            return values(((QueryBody.Values) body).rows(), body.pos());
        }
        if (body instanceof QueryBody.Nested) {
            return bindQuery(((QueryBody.Nested) body).query());
        }
        if (body instanceof QueryBody.Select) {
            return new SelectBinder(this, (QueryBody.Select) body, List.of(), null, null, null, false).bind();
        }
        return SetOperations.bind((QueryBody.SetOperation) body, this::body);
    }

    private BoundStatement createView(Statement.CreateView v) {
        rejectViewParameters(v); // also under EXPLAIN
        if (catalog.table(v.name()) != null) {
            throw ExpressionBinder.error(ErrorCode.DUPLICATE_TABLE, "a table named \"" + v.name() + "\" already exists", v.pos());
        }
        Schema schema = bindQuery(v.query()).schema();
        if (v.columns().size() > schema.size()) {
            throw ExpressionBinder.error(ErrorCode.SYNTAX_ERROR, "CREATE VIEW specifies more column names than columns", v.pos());
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < schema.size(); i++) {
            String n = i < v.columns().size() ? v.columns().get(i) : schema.name(i);
            if (!seen.add(n)) {
                throw ExpressionBinder.error(ErrorCode.DUPLICATE_COLUMN, "column \"" + n + "\" specified more than once", v.pos());
            }
            names.add(n);
        }
        return new BoundStatement.CreateView(v.name(), v.sql(), names, v.orReplace());
    }

    private Query.Cte cte(String name) {
        java.util.Iterator<java.util.Map<String, Query.Cte>> it = ctes.descendingIterator();
        while (it.hasNext()) {
            Query.Cte c = it.next().get(name);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    TableInfo table(String name, Position pos) {
        TableInfo t = catalog.table(name);
        if (t == null) {
            throw ExpressionBinder.error(ErrorCode.UNDEFINED_TABLE, "table \"" + name + "\" does not exist", pos);
        }
        return t;
    }

    /** FROM items: one table or derived table for now; joins arrive with the join issue. */
    LogicalPlan relation(Relation r, List<Scope.Entry> scope) {
        if (r instanceof Relation.Table) {
            Relation.Table t = (Relation.Table) r;
            Query.Cte cte = cte(t.name());
            if (cte != null) {
                if (!expanding.add(t.name())) {
                    throw ExpressionBinder.error(ErrorCode.FEATURE_NOT_SUPPORTED, "recursive WITH query \"" + t.name()
                            + "\" is not supported", t.pos());
                }
                try {
                    return derived(bindQuery(cte.query()), t.alias() != null ? t.alias() : t.name(), cte.columns(), t.pos(), scope);
                } finally {
                    expanding.remove(t.name());
                }
            }
            CatalogReader.ViewInfo view = catalog.table(t.name()) == null ? catalog.view(t.name()) : null;
            if (view != null) {
                if (!expanding.add("view " + t.name())) {
                    throw ExpressionBinder.error(ErrorCode.FEATURE_NOT_SUPPORTED, "view \"" + t.name()
                            + "\" refers to itself", t.pos());
                }
                Parameters statementParameters = parameters;
                parameters = Parameters.NONE;
                try {
                    Statement parsed = dev.muru.parser.SqlParser.parseStatement(view.sql());
                    LogicalPlan plan = bindQuery(((Statement.Select) parsed).query());
                    return derived(plan, t.alias() != null ? t.alias() : t.name(), view.columns(), t.pos(), scope);
                } catch (MuruException e) {
                    throw ExpressionBinder.error(e.code(), "view \"" + t.name() + "\" no longer binds: " + e.getMessage(), t.pos());
                } finally {
                    parameters = statementParameters;
                    expanding.remove("view " + t.name());
                }
            }
            TableInfo info = table(t.name(), t.pos());
            int[] all = new int[info.schema().size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            scope.addAll(Scope.entriesOf(t.alias() != null ? t.alias() : t.name(), info.schema()));
            return new LogicalPlan.Scan(info.name(), all, info.schema(), info.rowCount(), info.distinct());
        }
        if (r instanceof Relation.Subquery) {
            Relation.Subquery s = (Relation.Subquery) r;
            return derived(bindQuery(s.query()), s.alias(), s.columnAliases(), s.pos(), scope);
        }
        throw ExpressionBinder.error(ErrorCode.FEATURE_NOT_SUPPORTED, "this FROM item is not supported", r.pos());
    }

    /** A query used as a relation, its columns renamed by {@code aliases} where given. */
    private static LogicalPlan derived(LogicalPlan plan, String alias, List<String> aliases, Position pos, List<Scope.Entry> scope) {
        Schema schema = plan.schema();
        if (!aliases.isEmpty()) {
            if (aliases.size() > schema.size()) {
                throw ExpressionBinder.error(ErrorCode.SYNTAX_ERROR, "table \"" + alias + "\" has "
                        + schema.size() + " columns available but " + aliases.size() + " columns specified", pos);
            }
            List<Column> cols = new ArrayList<>();
            for (int i = 0; i < schema.size(); i++) {
                String n = i < aliases.size() ? aliases.get(i) : schema.name(i);
                cols.add(new Column(n, schema.type(i)));
            }
            schema = new Schema(cols);
            plan = identityProject(plan, schema);
        }
        scope.addAll(Scope.entriesOf(alias, schema));
        return plan;
    }

    /** The first {@code width} columns of {@code plan}. */
    static LogicalPlan identityProject(LogicalPlan plan, int width) {
        return identityProject(plan, new Schema(plan.schema().columns().subList(0, width)));
    }

    static LogicalPlan identityProject(LogicalPlan plan, Schema schema) {
        List<BoundExpr> exprs = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) {
            exprs.add(new BoundExpr.InputRef(i, schema.type(i)));
        }
        return new LogicalPlan.Project(plan, exprs, schema);
    }

    private LogicalPlan values(List<List<Expr>> rows, Position pos) {
        ExpressionBinder eb = new ExpressionBinder(Scope.empty(), null, "VALUES", parameters, dialect);
        List<List<BoundExpr>> bound = new ArrayList<>();
        int width = rows.get(0).size();
        DataType[] types = new DataType[width];
        java.util.Arrays.fill(types, DataType.NULL);
        for (List<Expr> row : rows) {
            if (row.size() != width) {
                throw ExpressionBinder.error(ErrorCode.SYNTAX_ERROR, "VALUES lists must all be the same length", row.isEmpty() ? pos : row.get(0).pos());
            }
            List<BoundExpr> b = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                BoundExpr e = eb.bind(row.get(c));
                DataType t = TypeCoercion.commonType(types[c], e.type());
                if (t == null) {
                    throw ExpressionBinder.error(ErrorCode.DATATYPE_MISMATCH, "VALUES types " + types[c] + " and " + e.type() + " cannot be matched", row.get(c).pos());
                }
                types[c] = t;
                b.add(e);
            }
            bound.add(b);
        }
        List<Column> cols = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            if (types[c].isNull()) {
                types[c] = DataType.VARCHAR;
            }
            cols.add(new Column("column" + (c + 1), types[c]));
        }
        List<List<BoundExpr>> cast = new ArrayList<>();
        for (List<BoundExpr> row : bound) {
            List<BoundExpr> r = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                r.add(TypeCoercion.cast(row.get(c), types[c]));
            }
            cast.add(r);
        }
        return new LogicalPlan.Values(cast, new Schema(cols));
    }

    private BoundStatement createTable(Statement.CreateTable c) {
        List<Column> cols = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Statement.ColumnDef d : c.columns()) {
            if (!names.add(d.name())) {
                throw ExpressionBinder.error(ErrorCode.DUPLICATE_COLUMN, "column \"" + d.name() + "\" specified more than once", d.pos());
            }
            cols.add(new Column(d.name(), TypeNames.resolve(d.type()), !d.notNull()));
        }
        Schema schema = new Schema(cols);
        List<BoundStatement.Key> keys = new ArrayList<>();
        boolean primary = false;
        for (Statement.KeyDef k : c.keys()) {
            if (k.primary() && primary) {
                throw ExpressionBinder.error(ErrorCode.INVALID_TABLE_DEFINITION, "multiple primary keys for table \""
                        + c.name() + "\" are not allowed", k.pos());
            }
            primary |= k.primary();
            int[] columns = keyColumns(schema, k.columns(), c.name(), k.pos());
            if (k.primary()) {
                // A primary key's columns are NOT NULL, also when named in a table constraint.
                for (int col : columns) {
                    Column old = cols.get(col);
                    cols.set(col, new Column(old.name(), old.type(), false));
                }
            }
            keys.add(new BoundStatement.Key(k.primary() ? c.name() + "_pkey" : c.name() + "_" + String.join("_", k.columns())
                    + "_key", columns));
        }
        return new BoundStatement.CreateTable(c.name(), new Schema(cols), c.ifNotExists(), keys);
    }

    /** Positions of key columns in a table; an unknown name is an error at {@code pos}. */
    private static int[] keyColumns(Schema schema, List<String> names, String table, Position pos) {
        int[] out = new int[names.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = schema.indexOf(names.get(i));
            if (out[i] < 0) {
                throw ExpressionBinder.error(ErrorCode.UNDEFINED_COLUMN, "column \"" + names.get(i) + "\" of table \""
                        + table + "\" does not exist", pos);
            }
        }
        return out;
    }

    private int[] targetColumns(TableInfo t, List<String> columns, Position pos) {
        if (columns.isEmpty()) {
            int[] all = new int[t.schema().size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] out = new int[columns.size()];
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < out.length; i++) {
            int idx = indexOfExact(t.schema(), columns.get(i));
            if (idx < 0) {
                throw ExpressionBinder.error(ErrorCode.UNDEFINED_COLUMN, "column \"" + columns.get(i) + "\" of table \"" + t.name() + "\" does not exist", pos);
            }
            if (!seen.add(idx)) {
                throw ExpressionBinder.error(ErrorCode.DUPLICATE_COLUMN, "column \"" + columns.get(i) + "\" specified more than once", pos);
            }
            out[i] = idx;
        }
        return out;
    }

    static int indexOfExact(Schema s, String name) {
        for (int i = 0; i < s.size(); i++) {
            if (s.name(i).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private BoundStatement insert(Statement.Insert ins) {
        TableInfo t = table(ins.table(), ins.pos());
        int[] targets = targetColumns(t, ins.columns(), ins.pos());
        LogicalPlan source;
        List<Position> positions = new ArrayList<>();
        if (ins.values() != null) {
            for (List<Expr> row : ins.values()) {
                if (row.size() != targets.length) {
                    throw ExpressionBinder.error(ErrorCode.INSERT_COLUMN_MISMATCH, "INSERT has " + row.size()
                            + " expressions but " + targets.length + " target columns", row.isEmpty() ? ins.pos() : row.get(0).pos());
                }
            }
            source = values(ins.values(), ins.pos());
            for (Expr e : ins.values().get(0)) {
                positions.add(e.pos());
            }
        } else {
            source = bindQuery(ins.query());
            if (source.schema().size() != targets.length) {
                throw ExpressionBinder.error(ErrorCode.INSERT_COLUMN_MISMATCH, "INSERT has " + source.schema().size()
                        + " expressions but " + targets.length + " target columns", ins.query().pos());
            }
            for (int i = 0; i < targets.length; i++) {
                positions.add(ins.query().pos());
            }
        }
        Schema ts = t.schema();
        List<BoundExpr> exprs = new ArrayList<>();
        for (int c = 0; c < ts.size(); c++) {
            exprs.add(new BoundExpr.Constant(null, ts.type(c)));
        }
        for (int i = 0; i < targets.length; i++) {
            DataType from = source.schema().type(i);
            Column col = ts.column(targets[i]);
            boolean literal = source instanceof LogicalPlan.Values && allStringConstants((LogicalPlan.Values) source, i);
            exprs.set(targets[i], assign(new BoundExpr.InputRef(i, from), literal, col, positions.get(i)));
        }
        return new BoundStatement.Insert(t.name(), new LogicalPlan.Project(source, exprs, ts), ins.orReplace(),
                dialect == Dialect.POSTGRESQL);
    }

    /** An assignment cast: numbers to numbers, strings kept (storage checks lengths), literals parsed. */
    private static BoundExpr assign(BoundExpr value, boolean literal, Column target, Position pos) {
        DataType from = value.type();
        DataType to = target.type();
        if (from.equals(to) || from.isNull()) {
            return TypeCoercion.cast(value, to);
        }
        if (from.isString() && to.isString()) {
            return value;
        }
        if (from.isNumeric() && to.isNumeric() || literal && TypeCoercion.canCast(from, to)
                || to.isString() && from.kind() != TypeKind.BOOLEAN) {
            return TypeCoercion.cast(value, to);
        }
        throw ExpressionBinder.error(ErrorCode.DATATYPE_MISMATCH, "column \"" + target.name() + "\" is of type " + to
                + " but expression is of type " + from, pos);
    }

    private static boolean allStringConstants(LogicalPlan.Values v, int column) {
        for (List<BoundExpr> row : v.rows()) {
            BoundExpr e = row.get(column);
            if (!(e instanceof BoundExpr.Constant) || !(e.type().isString() || e.type().isNull())) {
                return false;
            }
        }
        return true;
    }

    private BoundStatement delete(Statement.Delete d) {
        TableInfo t = table(d.table(), d.pos());
        Scope scope = new Scope(Scope.entriesOf(t.name(), t.schema()));
        BoundExpr where = d.where() == null ? null : new ExpressionBinder(scope, null, "WHERE", parameters, dialect).bindPredicate(d.where());
        return new BoundStatement.Delete(t.name(), where);
    }

    /**
     * Each row's new values: an assigned column becomes CASE WHEN where THEN value ELSE column END.
     * A column assigned more than once is an error, as in PostgreSQL; under SQLite's rules the
     * rightmost value wins.
     */
    private BoundStatement update(Statement.Update u) {
        TableInfo t = table(u.table(), u.pos());
        Schema ts = t.schema();
        Scope scope = new Scope(Scope.entriesOf(t.name(), ts));
        BoundExpr where = u.where() == null ? null : new ExpressionBinder(scope, null, "WHERE", parameters, dialect).bindPredicate(u.where());
        List<BoundExpr> row = new ArrayList<>();
        for (int c = 0; c < ts.size(); c++) {
            row.add(new BoundExpr.InputRef(c, ts.type(c)));
        }
        Set<Integer> seen = new HashSet<>();
        for (Statement.Assignment a : u.assignments()) {
            int c = indexOfExact(ts, a.column());
            if (c < 0) {
                throw ExpressionBinder.error(ErrorCode.UNDEFINED_COLUMN, "column \"" + a.column() + "\" of table \""
                        + t.name() + "\" does not exist", a.pos());
            }
            if (!seen.add(c) && dialect == Dialect.POSTGRESQL) {
                throw ExpressionBinder.error(ErrorCode.DUPLICATE_COLUMN, "multiple assignments to same column \""
                        + a.column() + "\"", a.pos());
            }
            BoundExpr value = new ExpressionBinder(scope, null, "UPDATE", parameters, dialect).bind(a.value());
            boolean literal = value instanceof BoundExpr.Constant && (value.type().isString() || value.type().isNull());
            value = assign(value, literal, ts.column(c), a.value().pos());
            // Strings stay unbounded here: the store checks lengths, as INSERT does, instead of truncating.
            DataType type = ts.type(c).isString() ? DataType.VARCHAR : ts.type(c);
            row.set(c, where == null ? value : new BoundExpr.Case(List.of(where), List.of(value),
                    new BoundExpr.InputRef(c, ts.type(c)), type));
        }
        List<Integer> lengthChecked = dialect == Dialect.POSTGRESQL ? List.copyOf(seen) : List.of();
        return new BoundStatement.Update(t.name(), row, where, lengthChecked);
    }

    private BoundStatement copy(Statement.Copy c) {
        TableInfo t = table(c.table(), c.pos());
        int[] targets = targetColumns(t, c.columns(), c.pos());
        return new BoundStatement.Copy(t.name(), t.schema(), targets, c.path(), c.delimiter(), c.header(), c.nullText(),
                dialect == Dialect.POSTGRESQL);
    }
}
