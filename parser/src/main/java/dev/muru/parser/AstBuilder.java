package dev.muru.parser;

import dev.muru.core.ErrorCode;
import dev.muru.parser.ast.Expr;
import dev.muru.parser.ast.Expr.BinaryOperator;
import dev.muru.parser.ast.Expr.LiteralKind;
import dev.muru.parser.ast.Expr.UnaryOperator;
import dev.muru.parser.ast.Position;
import dev.muru.parser.ast.Query;
import dev.muru.parser.ast.QueryBody;
import dev.muru.parser.ast.Relation;
import dev.muru.parser.ast.SelectItem;
import dev.muru.parser.ast.Statement;
import dev.muru.parser.ast.TypeName;
import dev.muru.parser.grammar.MuruSqlBaseVisitor;
import dev.muru.parser.grammar.MuruSqlParser;
import dev.muru.parser.grammar.MuruSqlParser.*;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a parse tree into AST records. Every node's position is the first token of its
 * construct; for binary operators and predicates that is the left operand's first token.
 * Parentheses leave no node: {@code (a)} is {@code a}, and {@code (a JOIN b)} is the join.
 */
final class AstBuilder extends MuruSqlBaseVisitor<Object> {
    private static final Set<String> EXTRACT_FIELDS = Set.of("year", "month", "day");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern INTERVAL_WITH_UNIT =
            Pattern.compile("\\s*([+-]?\\d+)\\s*(years?|months?|days?)\\s*", Pattern.CASE_INSENSITIVE);

    /** The 0-based ordinal of each {@code ?} of the top-level statement being built, by token index. */
    private Map<Integer, Integer> parameterOrdinals = Map.of();

    // ---------------------------------------------------------------- statements

    List<Statement> statements(ScriptContext ctx) {
        return ctx.statement().stream().map(this::statement).toList();
    }

    /** Builds one top-level statement; its {@code ?} marks are numbered from 0. */
    Statement statement(StatementContext ctx) {
        parameterOrdinals = new HashMap<>();
        collectParameters(ctx, parameterOrdinals);
        return (Statement) visit(ctx);
    }

    /** Numbers the {@code ?} tokens under {@code tree} in text order (a parse tree keeps its tokens in order). */
    private static void collectParameters(ParseTree tree, Map<Integer, Integer> ordinals) {
        if (tree instanceof TerminalNode terminal) {
            if (terminal.getSymbol().getType() == MuruSqlParser.QUESTION) {
                ordinals.put(terminal.getSymbol().getTokenIndex(), ordinals.size());
            }
            return;
        }
        for (int i = 0; i < tree.getChildCount(); i++) {
            collectParameters(tree.getChild(i), ordinals);
        }
    }

    @Override
    public Statement visitSelectStatement(SelectStatementContext ctx) {
        return new Statement.Select(query(ctx.query()), pos(ctx));
    }

    @Override
    public Statement visitCreateTable(CreateTableContext ctx) {
        List<Statement.ColumnDef> columns = new java.util.ArrayList<>();
        List<Statement.KeyDef> keys = new java.util.ArrayList<>();
        for (TableElementContext e : ctx.tableElement()) {
            if (e.columnDefinition() != null) {
                ColumnDefinitionContext c = e.columnDefinition();
                String name = identifier(c.identifier());
                boolean notNull = false;
                for (ColumnConstraintContext k : c.columnConstraint()) {
                    if (k instanceof NotNullConstraintContext) {
                        notNull = true;
                    } else if (k instanceof PrimaryKeyConstraintContext || k instanceof UniqueConstraintContext) {
                        boolean primary = k instanceof PrimaryKeyConstraintContext;
                        notNull |= primary;
                        keys.add(new Statement.KeyDef(primary, List.of(name), pos(k)));
                    }
                }
                columns.add(new Statement.ColumnDef(name, typeName(c.typeName()), notNull, pos(c)));
            } else {
                TableConstraintContext t = e.tableConstraint();
                keys.add(new Statement.KeyDef(t.PRIMARY() != null,
                        t.identifier().stream().map(AstBuilder::identifier).toList(), pos(t)));
            }
        }
        return new Statement.CreateTable(identifier(ctx.identifier()), ctx.EXISTS() != null, columns, keys, pos(ctx));
    }

    @Override
    public Statement visitCreateIndex(CreateIndexContext ctx) {
        return new Statement.CreateIndex(identifier(ctx.identifier(0)), identifier(ctx.identifier(1)),
                ctx.indexColumn().stream().map(c -> identifier(c.identifier())).toList(), ctx.UNIQUE() != null,
                ctx.EXISTS() != null, pos(ctx));
    }

    @Override
    public Statement visitDropIndex(DropIndexContext ctx) {
        return new Statement.DropIndex(identifier(ctx.identifier()), ctx.EXISTS() != null, pos(ctx));
    }

    @Override
    public Statement visitCreateTrigger(CreateTriggerContext ctx) {
        List<Statement> body = new java.util.ArrayList<>();
        for (TriggerStatementContext t : ctx.triggerStatement()) {
            body.add((Statement) visit(t.statement()));
        }
        String event = ctx.triggerEvent().DELETE() != null ? "DELETE" : ctx.triggerEvent().INSERT() != null ? "INSERT" : "UPDATE";
        return new Statement.CreateTrigger(identifier(ctx.name), ctx.EXISTS() != null, identifier(ctx.table), event, body,
                pos(ctx));
    }

    @Override
    public Statement visitDropTrigger(DropTriggerContext ctx) {
        return new Statement.DropTrigger(identifier(ctx.identifier()), ctx.EXISTS() != null, pos(ctx));
    }

    @Override
    public Statement visitReindex(ReindexContext ctx) {
        return new Statement.Reindex(ctx.identifier() == null ? null : identifier(ctx.identifier()), pos(ctx));
    }

    @Override
    public Statement visitDropTable(DropTableContext ctx) {
        return new Statement.DropTable(identifier(ctx.identifier()), ctx.EXISTS() != null, pos(ctx));
    }

    @Override
    public Statement visitCreateView(CreateViewContext ctx) {
        org.antlr.v4.runtime.misc.Interval span = org.antlr.v4.runtime.misc.Interval.of(
                ctx.query().start.getStartIndex(), ctx.query().stop.getStopIndex());
        String sql = ctx.query().start.getInputStream().getText(span);
        return new Statement.CreateView(identifier(ctx.identifier()), columnList(ctx.columnList()),
                query(ctx.query()), sql, ctx.REPLACE() != null, pos(ctx));
    }

    @Override
    public Statement visitDelete(DeleteContext ctx) {
        Expr where = ctx.whereClause() == null ? null : expr(ctx.whereClause().expression());
        return new Statement.Delete(identifier(ctx.identifier()), where, pos(ctx));
    }

    @Override
    public Statement visitUpdate(UpdateContext ctx) {
        List<Statement.Assignment> sets = new java.util.ArrayList<>();
        for (AssignmentContext a : ctx.assignment()) {
            sets.add(new Statement.Assignment(identifier(a.identifier()), expr(a.expression()), pos(a)));
        }
        Expr where = ctx.whereClause() == null ? null : expr(ctx.whereClause().expression());
        return new Statement.Update(identifier(ctx.identifier()), sets, where, pos(ctx));
    }

    @Override
    public Statement visitDropView(DropViewContext ctx) {
        return new Statement.DropView(identifier(ctx.identifier()), ctx.EXISTS() != null, pos(ctx));
    }

    @Override
    public Statement visitInsert(InsertContext ctx) {
        String table = identifier(ctx.identifier());
        List<String> columns = columnList(ctx.columnList());
        boolean orReplace = ctx.orReplace != null || ctx.replace != null;
        if (ctx.insertSource() instanceof InsertValuesContext values) {
            return new Statement.Insert(table, columns, rows(values.row()), null, orReplace, pos(ctx));
        }
        Query query = query(((InsertQueryContext) ctx.insertSource()).query());
        return new Statement.Insert(table, columns, null, query, orReplace, pos(ctx));
    }

    @Override
    public Statement visitExplain(ExplainContext ctx) {
        return new Statement.Explain((Statement) visit(ctx.statement()), ctx.ANALYZE() != null, pos(ctx));
    }

    // ---------------------------------------------------------------- session settings

    @Override
    public Statement visitSetOption(SetOptionContext ctx) {
        return new Statement.SetOption(settingName(ctx.settingName()), settingValue(ctx.settingValue()), pos(ctx));
    }

    @Override
    public Statement visitResetOption(ResetOptionContext ctx) {
        String name = ctx.ALL() != null ? null : settingName(ctx.settingName());
        return new Statement.ResetOption(name, pos(ctx));
    }

    @Override
    public Statement visitShowOption(ShowOptionContext ctx) {
        String name = ctx.ALL() != null ? null : settingName(ctx.settingName());
        return new Statement.ShowOption(name, pos(ctx));
    }

    /** Setting names are case-insensitive, quoted or not: lower case, dotted parts joined by '.'. */
    private static String settingName(SettingNameContext ctx) {
        StringBuilder name = new StringBuilder();
        for (IdentifierContext part : ctx.identifier()) {
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(identifier(part).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }

    /** The value's text as the setting will parse it; null for DEFAULT. */
    private static String settingValue(SettingValueContext ctx) {
        if (ctx instanceof NumericSettingContext number) {
            String digits = number.getChild(number.getChildCount() - 1).getText();
            return number.sign != null && number.sign.getType() == MuruSqlParser.MINUS ? "-" + digits : digits;
        }
        if (ctx instanceof StringSettingContext text) {
            return string(text.string());
        }
        if (ctx instanceof WordSettingContext word) {
            NonReservedContext keyword = word.identifier().nonReserved();
            if (keyword != null && keyword.DEFAULT() != null) {
                return null;
            }
            return identifier(word.identifier());
        }
        return ctx.getText().toLowerCase(Locale.ROOT);
    }

    @Override
    public Statement visitCopy(CopyContext ctx) {
        CopyOptions options = new CopyOptions();
        if (ctx.copyOptions() != null) {
            ctx.copyOptions().copyOption().forEach(options::apply);
        }
        return new Statement.Copy(identifier(ctx.identifier()), columnList(ctx.columnList()), string(ctx.string()),
                options.delimiter, options.header, options.nullText, pos(ctx));
    }

    /** COPY options with their defaults; each option may be given once. */
    private final class CopyOptions {
        private final Set<String> seen = new HashSet<>();
        private char delimiter = ',';
        private boolean header;
        private String nullText = "";

        void apply(CopyOptionContext ctx) {
            if (ctx instanceof DelimiterOptionContext delimiterOption) {
                once("DELIMITER", ctx);
                delimiter = delimiter(delimiterOption.string());
            } else if (ctx instanceof HeaderOptionContext headerOption) {
                once("HEADER", ctx);
                header = headerOption.FALSE() == null;
            } else if (ctx instanceof NullOptionContext nullOption) {
                once("NULL", ctx);
                nullText = string(nullOption.string());
            } else if (ctx instanceof FormatOptionContext formatOption) {
                once("FORMAT", ctx);
                requireCsv(formatOption);
            } else {
                once("FORMAT", ctx);
            }
        }

        private void once(String option, CopyOptionContext ctx) {
            if (!seen.add(option)) {
                throw SyntaxErrors.at(ctx.getStart(), "COPY option " + option + " is given more than once");
            }
        }

        private char delimiter(StringContext ctx) {
            String text = string(ctx);
            if (text.length() != 1) {
                throw SyntaxErrors.at(ctx.getStart(), "COPY delimiter must be a single character");
            }
            return text.charAt(0);
        }

        private void requireCsv(FormatOptionContext ctx) {
            String format = ctx.identifier() != null ? identifier(ctx.identifier()) : string(ctx.string());
            if (!format.equalsIgnoreCase("csv")) {
                throw SyntaxErrors.at(ctx.getStart(), ErrorCode.FEATURE_NOT_SUPPORTED,
                        "COPY format \"" + format + "\" is not supported, only CSV");
            }
        }
    }

    // ---------------------------------------------------------------- queries

    Query query(QueryContext ctx) {
        List<Query.Cte> with = ctx.withClause() == null ? List.of()
                : ctx.withClause().commonTableExpression().stream().map(this::cte).toList();
        List<Query.OrderItem> orderBy = ctx.orderByClause() == null ? List.of()
                : ctx.orderByClause().orderItem().stream().map(this::orderItem).toList();
        // LIMIT ALL means no limit, as in PostgreSQL.
        Expr limit = ctx.limitClause() == null || ctx.limitClause().ALL() != null ? null
                : expr(ctx.limitClause().expression());
        Expr offset = ctx.offsetClause() == null ? null : expr(ctx.offsetClause().expression());
        return new Query(with, body(ctx.queryBody()), orderBy, limit, offset, pos(ctx));
    }

    private Query.Cte cte(CommonTableExpressionContext ctx) {
        return new Query.Cte(identifier(ctx.identifier()), columnList(ctx.columnList()), query(ctx.query()), pos(ctx));
    }

    private Query.OrderItem orderItem(OrderItemContext ctx) {
        Boolean nullsFirst = ctx.nulls == null ? null : ctx.nulls.getType() == MuruSqlParser.FIRST;
        return new Query.OrderItem(expr(ctx.expression()), ctx.DESC() == null, nullsFirst, pos(ctx));
    }

    private QueryBody body(QueryBodyContext ctx) {
        return (QueryBody) visit(ctx);
    }

    @Override
    public QueryBody visitPrimaryBody(PrimaryBodyContext ctx) {
        return (QueryBody) visit(ctx.queryPrimary());
    }

    @Override
    public QueryBody visitIntersectBody(IntersectBodyContext ctx) {
        return setOperation(QueryBody.SetOperator.INTERSECT, ctx.setQuantifier(), ctx.left, ctx.right, ctx);
    }

    @Override
    public QueryBody visitUnionExceptBody(UnionExceptBodyContext ctx) {
        QueryBody.SetOperator operator = ctx.op.getType() == MuruSqlParser.UNION
                ? QueryBody.SetOperator.UNION : QueryBody.SetOperator.EXCEPT;
        return setOperation(operator, ctx.setQuantifier(), ctx.left, ctx.right, ctx);
    }

    private QueryBody setOperation(QueryBody.SetOperator operator, SetQuantifierContext quantifier,
                                   QueryBodyContext left, QueryBodyContext right, ParserRuleContext ctx) {
        boolean all = quantifier != null && quantifier.ALL() != null;
        return new QueryBody.SetOperation(operator, all, body(left), body(right), pos(ctx));
    }

    @Override
    public QueryBody visitSelectQuery(SelectQueryContext ctx) {
        boolean distinct = ctx.setQuantifier() != null && ctx.setQuantifier().DISTINCT() != null;
        List<SelectItem> items = ctx.selectItem().stream().map(item -> (SelectItem) visit(item)).toList();
        List<Relation> from = ctx.fromClause() == null ? List.of()
                : ctx.fromClause().relation().stream().map(this::relation).toList();
        Expr where = ctx.whereClause() == null ? null : expr(ctx.whereClause().expression());
        List<Expr> groupBy = ctx.groupByClause() == null ? List.of() : exprs(ctx.groupByClause().expression());
        Expr having = ctx.havingClause() == null ? null : expr(ctx.havingClause().expression());
        return new QueryBody.Select(distinct, items, from, where, groupBy, having, pos(ctx));
    }

    @Override
    public QueryBody visitValuesQuery(ValuesQueryContext ctx) {
        return new QueryBody.Values(rows(ctx.row()), pos(ctx));
    }

    @Override
    public QueryBody visitNestedQuery(NestedQueryContext ctx) {
        return new QueryBody.Nested(query(ctx.query()), pos(ctx));
    }

    private List<List<Expr>> rows(List<RowContext> rows) {
        return rows.stream().map(row -> exprs(row.expression())).toList();
    }

    @Override
    public SelectItem visitAllColumns(AllColumnsContext ctx) {
        return new SelectItem.AllColumns(null, pos(ctx));
    }

    @Override
    public SelectItem visitQualifiedAllColumns(QualifiedAllColumnsContext ctx) {
        return new SelectItem.AllColumns(identifier(ctx.identifier()), pos(ctx));
    }

    @Override
    public SelectItem visitSingleColumn(SingleColumnContext ctx) {
        String alias = ctx.identifier() == null ? null : identifier(ctx.identifier());
        return new SelectItem.Single(expr(ctx.expression()), alias, pos(ctx));
    }

    // ---------------------------------------------------------------- relations

    private Relation relation(ParserRuleContext ctx) {
        return (Relation) visit(ctx);
    }

    @Override
    public Relation visitPrimaryRelation(PrimaryRelationContext ctx) {
        return relation(ctx.relationPrimary());
    }

    @Override
    public Relation visitCrossJoin(CrossJoinContext ctx) {
        return new Relation.Join(Relation.JoinType.CROSS, relation(ctx.left), relation(ctx.right), null, List.of(),
                pos(ctx));
    }

    @Override
    public Relation visitQualifiedJoin(QualifiedJoinContext ctx) {
        JoinCriteriaContext criteria = ctx.joinCriteria();
        Expr on = criteria.ON() == null ? null : expr(criteria.expression());
        List<String> using = columnList(criteria.columnList());
        return new Relation.Join(joinType(ctx.joinType()), relation(ctx.left), relation(ctx.right), on, using,
                pos(ctx));
    }

    private static Relation.JoinType joinType(JoinTypeContext ctx) {
        if (ctx == null || ctx.INNER() != null) {
            return Relation.JoinType.INNER;
        }
        if (ctx.LEFT() != null) {
            return Relation.JoinType.LEFT;
        }
        return ctx.RIGHT() != null ? Relation.JoinType.RIGHT : Relation.JoinType.FULL;
    }

    @Override
    public Relation visitTableRelation(TableRelationContext ctx) {
        String alias = ctx.alias == null ? null : identifier(ctx.alias);
        return new Relation.Table(identifier(ctx.identifier(0)), alias, pos(ctx));
    }

    @Override
    public Relation visitSubqueryRelation(SubqueryRelationContext ctx) {
        return new Relation.Subquery(query(ctx.query()), identifier(ctx.alias), columnList(ctx.columnList()),
                pos(ctx));
    }

    @Override
    public Relation visitParenthesizedRelation(ParenthesizedRelationContext ctx) {
        return relation(ctx.relation());
    }

    // ---------------------------------------------------------------- types

    TypeName typeName(TypeNameContext ctx) {
        String name;
        if (ctx.PRECISION() != null) {
            name = "DOUBLE PRECISION";
        } else if (ctx.VARYING() != null) {
            name = "CHARACTER VARYING";
        } else {
            name = identifier(ctx.identifier()).toUpperCase(Locale.ROOT);
        }
        return new TypeName(name, typeParameters(ctx.typeParameters()), pos(ctx));
    }

    private static List<Integer> typeParameters(TypeParametersContext ctx) {
        if (ctx == null) {
            return List.of();
        }
        List<Integer> parameters = new ArrayList<>();
        for (TerminalNode value : ctx.INTEGER_VALUE()) {
            try {
                parameters.add(Integer.parseInt(value.getText()));
            } catch (NumberFormatException e) {
                throw SyntaxErrors.at(value.getSymbol(), "type parameter " + value.getText() + " is out of range");
            }
        }
        return parameters;
    }

    // ---------------------------------------------------------------- boolean expressions and predicates

    Expr expr(ParserRuleContext ctx) {
        return (Expr) visit(ctx);
    }

    private List<Expr> exprs(List<? extends ParserRuleContext> contexts) {
        return contexts.stream().map(this::expr).toList();
    }

    @Override
    public Expr visitExpression(ExpressionContext ctx) {
        return expr(ctx.booleanExpression());
    }

    @Override
    public Expr visitLogicalNot(LogicalNotContext ctx) {
        Expr operand = expr(ctx.booleanExpression());
        // NOT EXISTS is Exists(negated), as the record's javadoc promises.
        if (operand instanceof Expr.Exists exists) {
            return new Expr.Exists(exists.query(), !exists.negated(), pos(ctx));
        }
        return new Expr.Unary(UnaryOperator.NOT, operand, pos(ctx));
    }

    @Override
    public Expr visitLogicalAnd(LogicalAndContext ctx) {
        return new Expr.Binary(BinaryOperator.AND, expr(ctx.left), expr(ctx.right), pos(ctx));
    }

    @Override
    public Expr visitLogicalOr(LogicalOrContext ctx) {
        return new Expr.Binary(BinaryOperator.OR, expr(ctx.left), expr(ctx.right), pos(ctx));
    }

    /** Applies the predicates left to right, each to the result of the previous ones. */
    @Override
    public Expr visitPredicated(PredicatedContext ctx) {
        Expr result = expr(ctx.valueExpression());
        Position pos = pos(ctx);
        for (PredicateContext predicate : ctx.predicate()) {
            result = predicate(result, predicate, pos);
        }
        return result;
    }

    private Expr predicate(Expr value, PredicateContext ctx, Position pos) {
        if (ctx instanceof ComparisonPredicateContext comparison) {
            return new Expr.Binary(comparisonOperator(comparison.comparisonOperator()), value,
                    expr(comparison.right), pos);
        }
        if (ctx instanceof NullPredicateContext isNull) {
            return new Expr.IsNull(value, isNull.NOT() != null, pos);
        }
        if (ctx instanceof BetweenPredicateContext between) {
            return new Expr.Between(value, expr(between.lower), expr(between.upper), between.NOT() != null, pos);
        }
        if (ctx instanceof InSubqueryPredicateContext in) {
            return new Expr.InSubquery(value, query(in.query()), in.NOT() != null, pos);
        }
        if (ctx instanceof InListPredicateContext in) {
            return new Expr.InList(value, exprs(in.expression()), in.NOT() != null, pos);
        }
        LikePredicateContext like = (LikePredicateContext) ctx;
        Expr escape = like.escape == null ? null : expr(like.escape);
        return new Expr.Like(value, expr(like.pattern), escape, like.NOT() != null, pos);
    }

    private static BinaryOperator comparisonOperator(ComparisonOperatorContext ctx) {
        return switch (ctx.getStart().getType()) {
            case MuruSqlParser.EQ -> BinaryOperator.EQUAL;
            case MuruSqlParser.NEQ -> BinaryOperator.NOT_EQUAL;
            case MuruSqlParser.LT -> BinaryOperator.LESS;
            case MuruSqlParser.LTE -> BinaryOperator.LESS_EQUAL;
            case MuruSqlParser.GT -> BinaryOperator.GREATER;
            case MuruSqlParser.GTE -> BinaryOperator.GREATER_EQUAL;
            default -> throw new IllegalStateException("comparison operator " + ctx.getText());
        };
    }

    // ---------------------------------------------------------------- value expressions

    @Override
    public Expr visitPrimaryValue(PrimaryValueContext ctx) {
        return expr(ctx.primaryExpression());
    }

    /** {@code x::type} is a Cast positioned at x, like a binary operator. */
    @Override
    public Expr visitCastOperator(CastOperatorContext ctx) {
        return new Expr.Cast(expr(ctx.valueExpression()), typeName(ctx.typeName()), pos(ctx));
    }

    @Override
    public Expr visitUnaryValue(UnaryValueContext ctx) {
        UnaryOperator operator = ctx.op.getType() == MuruSqlParser.MINUS
                ? UnaryOperator.MINUS : UnaryOperator.PLUS;
        return new Expr.Unary(operator, expr(ctx.valueExpression()), pos(ctx));
    }

    @Override
    public Expr visitMultiplicative(MultiplicativeContext ctx) {
        BinaryOperator operator = switch (ctx.op.getType()) {
            case MuruSqlParser.STAR -> BinaryOperator.MULTIPLY;
            case MuruSqlParser.SLASH -> BinaryOperator.DIVIDE;
            default -> BinaryOperator.MODULO;
        };
        return new Expr.Binary(operator, expr(ctx.left), expr(ctx.right), pos(ctx));
    }

    @Override
    public Expr visitAdditive(AdditiveContext ctx) {
        BinaryOperator operator = ctx.op.getType() == MuruSqlParser.PLUS
                ? BinaryOperator.ADD : BinaryOperator.SUBTRACT;
        return new Expr.Binary(operator, expr(ctx.left), expr(ctx.right), pos(ctx));
    }

    @Override
    public Expr visitConcatenation(ConcatenationContext ctx) {
        return new Expr.Binary(BinaryOperator.CONCAT, expr(ctx.left), expr(ctx.right), pos(ctx));
    }

    // ---------------------------------------------------------------- literals

    @Override
    public Expr visitNullLiteral(NullLiteralContext ctx) {
        return new Expr.Literal(LiteralKind.NULL, null, pos(ctx));
    }

    @Override
    public Expr visitParameter(ParameterContext ctx) {
        Token mark = ctx.QUESTION().getSymbol();
        Integer index = parameterOrdinals.get(mark.getTokenIndex());
        if (index == null) {
            throw new IllegalStateException("parameter outside the statement being built at " + pos(ctx));
        }
        return new Expr.Parameter(index, pos(ctx));
    }

    @Override
    public Expr visitBooleanLiteral(BooleanLiteralContext ctx) {
        return new Expr.Literal(LiteralKind.BOOLEAN, ctx.TRUE() != null ? "true" : "false", pos(ctx));
    }

    @Override
    public Expr visitIntegerLiteral(IntegerLiteralContext ctx) {
        return new Expr.Literal(LiteralKind.INTEGER, ctx.getText(), pos(ctx));
    }

    @Override
    public Expr visitDecimalLiteral(DecimalLiteralContext ctx) {
        return new Expr.Literal(LiteralKind.DECIMAL, ctx.getText(), pos(ctx));
    }

    @Override
    public Expr visitDoubleLiteral(DoubleLiteralContext ctx) {
        return new Expr.Literal(LiteralKind.DOUBLE, ctx.getText(), pos(ctx));
    }

    @Override
    public Expr visitStringLiteral(StringLiteralContext ctx) {
        return new Expr.Literal(LiteralKind.STRING, string(ctx.string()), pos(ctx));
    }

    @Override
    public Expr visitHexLiteral(HexLiteralContext ctx) {
        String hex = ctx.HEX_STRING().getText();
        hex = hex.substring(2, hex.length() - 1);
        if (hex.length() % 2 != 0) {
            throw SyntaxErrors.at(ctx.getStart(), "hexadecimal string needs an even number of digits");
        }
        StringBuilder text = new StringBuilder(hex.length() / 2);
        for (int i = 0; i < hex.length(); i += 2) {
            text.append((char) Integer.parseInt(hex.substring(i, i + 2), 16));
        }
        return new Expr.Literal(LiteralKind.STRING, text.toString(), pos(ctx));
    }

    @Override
    public Expr visitDateLiteral(DateLiteralContext ctx) {
        return new Expr.Literal(LiteralKind.DATE, string(ctx.string()), pos(ctx));
    }

    /** INTERVAL 'n' UNIT, or INTERVAL 'n unit' with the unit inside the string; n is an integer. */
    @Override
    public Expr visitIntervalLiteral(IntervalLiteralContext ctx) {
        String text = string(ctx.string());
        Token at = ctx.string().getStart();
        if (ctx.intervalUnit() != null) {
            String value = text.strip();
            if (!INTEGER.matcher(value).matches()) {
                throw SyntaxErrors.at(at, "invalid interval value '" + text + "': expected a whole number");
            }
            return new Expr.IntervalLiteral(value, intervalUnit(ctx.intervalUnit().getText()), pos(ctx));
        }
        Matcher matcher = INTERVAL_WITH_UNIT.matcher(text);
        if (!matcher.matches()) {
            throw SyntaxErrors.at(at,
                    "invalid interval '" + text + "': expected a whole number and DAY, MONTH or YEAR");
        }
        return new Expr.IntervalLiteral(matcher.group(1), intervalUnit(matcher.group(2)), pos(ctx));
    }

    private static Expr.IntervalUnit intervalUnit(String word) {
        String singular = word.toUpperCase(Locale.ROOT).replaceFirst("S$", "");
        return Expr.IntervalUnit.valueOf(singular);
    }

    // ---------------------------------------------------------------- special forms and calls

    @Override
    public Expr visitCaseExpression(CaseExpressionContext ctx) {
        Expr operand = ctx.operand == null ? null : expr(ctx.operand);
        List<Expr.When> whens = ctx.whenClause().stream()
                .map(when -> new Expr.When(expr(when.condition), expr(when.result)))
                .toList();
        Expr elseResult = ctx.elseResult == null ? null : expr(ctx.elseResult);
        return new Expr.Case(operand, whens, elseResult, pos(ctx));
    }

    @Override
    public Expr visitCastFunction(CastFunctionContext ctx) {
        return new Expr.Cast(expr(ctx.expression()), typeName(ctx.typeName()), pos(ctx));
    }

    /** EXTRACT(field FROM x) is extract_field(x); the field is any word so that errors can name it. */
    @Override
    public Expr visitExtract(ExtractContext ctx) {
        String field = identifier(ctx.field);
        if (!EXTRACT_FIELDS.contains(field)) {
            throw SyntaxErrors.at(ctx.field.getStart(), ErrorCode.FEATURE_NOT_SUPPORTED,
                    "EXTRACT field \"" + field + "\" is not supported, only YEAR, MONTH and DAY");
        }
        return call("extract_" + field, List.of(expr(ctx.expression())), ctx);
    }

    @Override
    public Expr visitSubstring(SubstringContext ctx) {
        List<Expr> args = new ArrayList<>(List.of(expr(ctx.value), expr(ctx.begin)));
        if (ctx.length != null) {
            args.add(expr(ctx.length));
        }
        return call("substring", args, ctx);
    }

    @Override
    public Expr visitTrim(TrimContext ctx) {
        String name = ctx.side == null || ctx.side.getType() == MuruSqlParser.BOTH ? "trim"
                : ctx.side.getType() == MuruSqlParser.LEADING ? "ltrim" : "rtrim";
        List<Expr> args = ctx.chars == null ? List.of(expr(ctx.source)) : List.of(expr(ctx.source), expr(ctx.chars));
        return call(name, args, ctx);
    }

    private Expr call(String name, List<Expr> args, ParserRuleContext ctx) {
        return new Expr.FunctionCall(name, args, false, false, pos(ctx));
    }

    @Override
    public Expr visitExists(ExistsContext ctx) {
        return new Expr.Exists(query(ctx.query()), false, pos(ctx));
    }

    @Override
    public Expr visitScalarSubquery(ScalarSubqueryContext ctx) {
        return new Expr.ScalarSubquery(query(ctx.query()), pos(ctx));
    }

    @Override
    public Expr visitParenthesized(ParenthesizedContext ctx) {
        return expr(ctx.expression());
    }

    @Override
    public Expr visitStarFunctionCall(StarFunctionCallContext ctx) {
        return new Expr.FunctionCall(functionName(ctx.functionName()), List.of(), false, true, pos(ctx));
    }

    /** f([DISTINCT | ALL] args); ALL is the default and leaves no trace. */
    @Override
    public Expr visitFunctionCall(FunctionCallContext ctx) {
        boolean distinct = ctx.setQuantifier() != null && ctx.setQuantifier().DISTINCT() != null;
        return new Expr.FunctionCall(functionName(ctx.functionName()), exprs(ctx.expression()), distinct, false,
                pos(ctx));
    }

    private static String functionName(FunctionNameContext ctx) {
        return ctx.identifier() != null ? identifier(ctx.identifier()) : ctx.getText().toLowerCase(Locale.ROOT);
    }

    @Override
    public Expr visitQualifiedColumn(QualifiedColumnContext ctx) {
        return new Expr.ColumnRef(identifier(ctx.qualifier), identifier(ctx.name), pos(ctx));
    }

    @Override
    public Expr visitColumn(ColumnContext ctx) {
        return new Expr.ColumnRef(null, identifier(ctx.identifier()), pos(ctx));
    }

    // ---------------------------------------------------------------- identifiers and strings

    /** Unquoted identifiers fold to lower case; quoted ones keep their case, with "" unescaped. */
    static String identifier(IdentifierContext ctx) {
        TerminalNode quoted = ctx.QUOTED_IDENTIFIER();
        if (quoted == null) {
            return ctx.getText().toLowerCase(Locale.ROOT);
        }
        String text = quoted.getText();
        if (text.length() == 2) {
            throw SyntaxErrors.at(quoted.getSymbol(), "zero-length quoted identifier");
        }
        return text.substring(1, text.length() - 1).replace("\"\"", "\"");
    }

    private static List<String> columnList(ColumnListContext ctx) {
        return ctx == null ? List.of() : ctx.identifier().stream().map(AstBuilder::identifier).toList();
    }

    static String string(StringContext ctx) {
        String text = ctx.getText();
        return text.substring(1, text.length() - 1).replace("''", "'");
    }

    private static Position pos(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        return new Position(start.getLine(), start.getCharPositionInLine() + 1);
    }
}
