package dev.pairstudio.schema;

import dev.pairstudio.pair.QualityFlag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.DateUnitExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * Resolves every table and column a statement names against a schema, the way the database
 * would: aliases, CTEs (their column lists and outputs), derived tables and their output
 * columns, {@code *} and {@code t.*}, correlated subqueries (outer scopes), USING joins, and
 * select-list aliases (accepted anywhere: SQLite and MySQL allow them beyond ORDER BY).
 * Where the answer is unknowable (a table function, a CTE of a recursive shape) a source accepts
 * any column, so that an unknown table is reported once and not as a cascade of columns.
 * Following SQLite, a double-quoted name that resolves to nothing is a string, not an error.
 * One instance per statement: not thread-safe.
 */
final class NameResolver {
    private final SchemaCatalog catalog;
    private final Findings findings;
    private final Set<String> pseudoColumns;
    /** Literal values in WHERE and HAVING, for the question/SQL consistency check. */
    private final List<String> conditionValues = new ArrayList<>();

    private final RowOrderChecks order;

    /** @param databaseType the pair's dialect: which names are pseudo-columns rather than columns */
    NameResolver(SchemaCatalog catalog, Findings findings, String databaseType) {
        this.catalog = catalog;
        this.findings = findings;
        this.pseudoColumns = NotColumns.pseudoColumns(databaseType);
        this.order = new RowOrderChecks(findings);
    }

    List<String> conditionValues() {
        return conditionValues;
    }

    boolean unorderedLimit() {
        return order.unorderedLimit();
    }

    void check(Statement statement) {
        if (statement instanceof Select s) {
            select(s, null, Map.of());
        } else if (statement instanceof Insert i) {
            FromSource target = table(i.getTable(), Map.of());
            if (i.getColumns() != null) {
                for (Column c : i.getColumns()) {
                    member(target, c.getColumnName(), c.getColumnName());
                }
            }
            if (i.getSelect() != null) {
                select(i.getSelect(), null, Map.of());
            }
        } else if (statement instanceof Update u) {
            NameScope scope = new NameScope(null, Map.of());
            addSource(scope, u.getTable(), Map.of());
            if (u.getStartJoins() != null) {
                u.getStartJoins().forEach(j -> join(scope, j, Map.of()));
            }
            if (u.getFromItem() != null) { // PostgreSQL's UPDATE ... FROM
                from(scope, u.getFromItem(), Map.of());
            }
            if (u.getJoins() != null) {
                u.getJoins().forEach(j -> join(scope, j, Map.of()));
            }
            if (u.getUpdateSets() != null) {
                for (UpdateSet set : u.getUpdateSets()) {
                    set.getColumns().forEach(c -> column(scope, c));
                    set.getValues().forEach(v -> expression(scope, v, false));
                }
            }
            expression(scope, u.getWhere(), true);
        } else if (statement instanceof Delete d) {
            NameScope scope = new NameScope(null, Map.of());
            addSource(scope, d.getTable(), Map.of());
            if (d.getUsingFromItemList() != null) { // PostgreSQL's DELETE ... USING
                d.getUsingFromItemList().forEach(f -> from(scope, f, Map.of()));
            }
            if (d.getJoins() != null) {
                d.getJoins().forEach(j -> join(scope, j, Map.of()));
            }
            expression(scope, d.getWhere(), true);
        }
        // DDL and other statements name tables they create or alter: nothing to resolve
    }

    /** Resolves a SELECT of any shape and returns its output columns (null: unknown, accept any). */
    private Set<String> select(Select s, NameScope outer, Map<String, FromSource> ctes) {
        Map<String, FromSource> visible = ctes;
        if (s.getWithItemsList() != null && !s.getWithItemsList().isEmpty()) {
            visible = new HashMap<>(ctes);
            for (WithItem<?> w : s.getWithItemsList()) {
                String name = Names.key(
                        w.getAliasName() != null
                                ? w.getAliasName()
                                : w.getAlias().getName());
                visible.put(name, new FromSource(name, null)); // a recursive CTE refers to itself
                Set<String> out = w.getSelect() != null ? select(w.getSelect(), outer, visible) : null;
                if (w.getWithItemList() != null && !w.getWithItemList().isEmpty()) {
                    out = new HashSet<>();
                    for (SelectItem<?> item : w.getWithItemList()) {
                        out.add(Names.key(item.toString()));
                    }
                }
                visible.put(name, new FromSource(name, out));
            }
        }
        if (s instanceof PlainSelect p) {
            return plain(p, outer, visible);
        }
        if (s instanceof SetOperationList set) {
            Set<String> first = null;
            for (int i = 0; i < set.getSelects().size(); i++) {
                Set<String> out = select(set.getSelects().get(i), outer, visible);
                first = i == 0 ? out : first;
            }
            order.setOperation(set);
            return first;
        }
        if (s instanceof ParenthesedSelect ps && ps.getSelect() != null) {
            return select(ps.getSelect(), outer, visible);
        }
        return null; // VALUES and the like
    }

    private Set<String> plain(PlainSelect p, NameScope outer, Map<String, FromSource> ctes) {
        NameScope scope = new NameScope(outer, ctes);
        if (p.getFromItem() != null) {
            from(scope, p.getFromItem(), ctes);
        }
        if (p.getJoins() != null) {
            p.getJoins().forEach(j -> join(scope, j, ctes));
        }
        for (SelectItem<?> item : p.getSelectItems()) {
            if (item.getAlias() != null) {
                scope.aliases.add(Names.key(item.getAlias().getName()));
            }
        }
        Set<String> output = new HashSet<>();
        boolean anyOutput = false;
        for (SelectItem<?> item : p.getSelectItems()) {
            Expression e = item.getExpression();
            if (e instanceof AllTableColumns atc) {
                FromSource src = scope.qualifier(atc.getTable());
                if (src == null || src.columns() == null) {
                    anyOutput = true;
                } else {
                    output.addAll(src.columns());
                }
            } else if (e instanceof AllColumns) {
                for (FromSource src : scope.sources.values()) {
                    if (src.columns() == null) {
                        anyOutput = true;
                    } else {
                        output.addAll(src.columns());
                    }
                }
            } else {
                expression(scope, e, false);
                if (item.getAlias() != null) {
                    output.add(Names.key(item.getAlias().getName()));
                } else if (e instanceof Column c) {
                    output.add(Names.key(c.getColumnName()));
                } else if (e instanceof DateUnitExpression unit) {
                    output.add(Names.key(unit.toString()));
                }
            }
        }
        if (p.getJoins() != null) {
            for (Join j : p.getJoins()) {
                if (j.getOnExpressions() != null) {
                    j.getOnExpressions().forEach(on -> expression(scope, on, false));
                }
            }
        }
        expression(scope, p.getWhere(), true);
        if (p.getGroupBy() != null && p.getGroupBy().getGroupByExpressionList() != null) {
            for (Object e : p.getGroupBy().getGroupByExpressionList()) {
                expression(scope, (Expression) e, false);
            }
        }
        expression(scope, p.getHaving(), true);
        expression(scope, p.getQualify(), false);
        if (p.getOrderByElements() != null) {
            for (OrderByElement o : p.getOrderByElements()) {
                expression(scope, o.getExpression(), false);
            }
        }
        order.plain(p, scope);
        return anyOutput ? null : output;
    }

    private void join(NameScope scope, Join j, Map<String, FromSource> ctes) {
        from(scope, j.getRightItem(), ctes);
        if (j.getUsingColumns() != null) {
            j.getUsingColumns().forEach(c -> scope.using.add(Names.key(c.getColumnName())));
        }
    }

    private void from(NameScope scope, FromItem item, Map<String, FromSource> ctes) {
        if (item instanceof Table t) {
            addSource(scope, t, ctes);
        } else if (item instanceof ParenthesedSelect ps) {
            // a derived table sees the enclosing query's outer scopes; a LATERAL one also the FROM items before it
            Set<String> out = select(ps, ps instanceof LateralSubSelect ? scope : scope.parent, ctes);
            String alias = alias(ps.getAlias());
            scope.sources.put(
                    alias == null ? "(subquery " + scope.sources.size() + ")" : alias, new FromSource(alias, out));
        } else if (item instanceof ParenthesedFromItem pf) {
            from(scope, pf.getFromItem(), ctes);
            if (pf.getJoins() != null) {
                pf.getJoins().forEach(j -> join(scope, j, ctes));
                for (Join j : pf.getJoins()) {
                    if (j.getOnExpressions() != null) {
                        j.getOnExpressions().forEach(on -> expression(scope, on, false));
                    }
                }
            }
        } else if (item != null) {
            String alias = alias(item.getAlias());
            scope.sources.put(
                    alias == null ? "(from " + scope.sources.size() + ")" : alias, new FromSource(alias, null));
        }
    }

    private void addSource(NameScope scope, Table t, Map<String, FromSource> ctes) {
        FromSource src = table(t, ctes);
        String alias = alias(t.getAlias());
        scope.sources.put(alias != null ? alias : Names.key(t.getName()), src);
    }

    /** A table reference: a CTE in scope, else a schema table; an unknown one is reported and accepts any column. */
    private FromSource table(Table t, Map<String, FromSource> ctes) {
        String key = Names.key(t.getName());
        if (t.getSchemaName() == null && ctes.containsKey(key)) {
            return ctes.get(key);
        }
        Set<String> columns = catalog.columns(t.getName());
        if (columns == null) {
            List<String> candidates = new ArrayList<>(catalog.tableNames());
            candidates.addAll(ctes.keySet());
            findings.tableInSql(
                    QualityFlag.UNKNOWN_TABLE,
                    t.getName(),
                    "unknown table " + Names.unquote(t.getName()) + ": the schema has no such table"
                            + Suggestion.didYouMean(t.getName(), candidates));
            return new FromSource(key, null);
        }
        return new FromSource(key, columns, catalog.table(t.getName()));
    }

    private static String alias(Alias a) {
        return a == null || a.getName() == null ? null : Names.key(a.getName());
    }

    private void member(FromSource target, String column, String shown) {
        if (!target.has(Names.key(column))) {
            findings.inSql(
                    QualityFlag.UNKNOWN_COLUMN,
                    Names.unquote(column),
                    "unknown column " + Names.unquote(shown) + ": table " + target.name() + " has no such column"
                            + Suggestion.didYouMean(column, target.columnNames()));
        }
    }

    /** Walks an expression: columns resolve in {@code scope}, subqueries open a nested scope. */
    private void expression(NameScope scope, Expression e, boolean condition) {
        if (e == null) {
            return;
        }
        e.accept(
                new ExpressionVisitorAdapter<Void>() {
                    @Override
                    public <S> Void visit(Column column, S context) {
                        column(scope, column);
                        if (condition
                                && column.getTable() == null
                                && isDoubleQuoted(column.getColumnName())
                                && !scope.resolves(Names.key(column.getColumnName()))) {
                            conditionValues.add(Names.unquote(column.getColumnName()));
                        }
                        return null;
                    }

                    @Override
                    public <S> Void visit(DateUnitExpression unit, S context) {
                        column(
                                scope,
                                new Column(unit.toString().toLowerCase(Locale.ROOT))); // year, month, … as a column
                        return null;
                    }

                    /** Inside a function's arguments: SUBSTR(x, 1, 4), STRFTIME('%Y', d), DATE('now') hold no compared value. */
                    private int functionDepth;

                    @Override
                    public <S> Void visit(Function function, S context) {
                        String name = function.getName() == null
                                ? ""
                                : function.getName().toLowerCase(Locale.ROOT);
                        functionDepth++;
                        try {
                            if (!NotColumns.takesDateUnit(name) || function.getParameters() == null) {
                                return super.visit(function, context);
                            }
                            for (Expression arg : function.getParameters()) {
                                if (!(arg instanceof DateUnitExpression)) {
                                    arg.accept(this, context); // a bare unit argument is a unit here, not a column
                                }
                            }
                            return null;
                        } finally {
                            functionDepth--;
                        }
                    }

                    private boolean comparedValue() {
                        return condition && functionDepth == 0;
                    }

                    @Override
                    public <S> Void visit(ParenthesedSelect select, S context) {
                        NameResolver.this.select(select, scope, scope.ctes);
                        return null;
                    }

                    @Override
                    public <S> Void visit(Select select, S context) {
                        NameResolver.this.select(select, scope, scope.ctes);
                        return null;
                    }

                    @Override
                    public <S> Void visit(StringValue v, S context) {
                        if (comparedValue()) {
                            conditionValues.add(v.getValue().replace("''", "'"));
                        }
                        return null;
                    }

                    @Override
                    public <S> Void visit(LongValue v, S context) {
                        if (comparedValue()) {
                            conditionValues.add(v.getStringValue());
                        }
                        return null;
                    }

                    @Override
                    public <S> Void visit(DoubleValue v, S context) {
                        if (comparedValue()) {
                            conditionValues.add(v.toString());
                        }
                        return null;
                    }
                },
                null);
    }

    private void column(NameScope scope, Column c) {
        String name = c.getColumnName();
        if (name == null || name.isEmpty()) {
            return;
        }
        String key = Names.key(name);
        Table qualifier = c.getTable();
        if (qualifier != null && qualifier.getName() != null) {
            FromSource src = scope.qualifier(qualifier);
            if (src == null) {
                findings.inSql(
                        QualityFlag.UNKNOWN_TABLE,
                        qualifier.getName() + "." + name,
                        "unknown table or alias " + Names.unquote(qualifier.getName()) + " in "
                                + c.getFullyQualifiedName() + ": not in the FROM clause");
            } else if (!src.has(key)) {
                findings.inSql(
                        QualityFlag.UNKNOWN_COLUMN,
                        qualifier.getName() + "." + name,
                        "unknown column "
                                + c.getFullyQualifiedName() + ": " + src.name() + " has no column "
                                + Names.unquote(name)
                                + Suggestion.didYouMean(name, src.columnNames()));
            }
            return;
        }
        for (NameScope s = scope; s != null; s = s.parent) {
            List<String> owners = new ArrayList<>();
            boolean maybe = false;
            for (Map.Entry<String, FromSource> e : s.sources.entrySet()) {
                if (e.getValue().definitelyHas(key)) {
                    owners.add(e.getKey());
                } else if (e.getValue().columns() == null) {
                    maybe = true;
                }
            }
            if (owners.size() > 1 && !s.using.contains(key)) {
                findings.inSql(
                        QualityFlag.AMBIGUOUS_COLUMN,
                        name,
                        "ambiguous column " + Names.unquote(name) + ": " + String.join(" and ", owners)
                                + " both have it; qualify it");
                return;
            }
            if (!owners.isEmpty() || maybe || s.aliases.contains(key)) {
                return;
            }
        }
        if (pseudoColumns.contains(key) || isDoubleQuoted(name)) {
            return; // a value, or (SQLite) a double-quoted string
        }
        List<String> names = new ArrayList<>(scope.sources.keySet());
        List<String> candidates = new ArrayList<>();
        for (NameScope s = scope; s != null; s = s.parent) {
            s.sources.values().forEach(src -> candidates.addAll(src.columnNames()));
            candidates.addAll(s.aliases);
        }
        findings.inSql(
                QualityFlag.UNKNOWN_COLUMN,
                name,
                "unknown column " + Names.unquote(name) + ": "
                        + (names.isEmpty() ? "no table in scope" : "not in " + String.join(", ", names))
                        + Suggestion.didYouMean(name, candidates));
    }

    private static boolean isDoubleQuoted(String name) {
        return name.length() >= 2 && name.charAt(0) == '"' && name.charAt(name.length() - 1) == '"';
    }
}
