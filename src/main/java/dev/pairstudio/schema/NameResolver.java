package dev.pairstudio.schema;

import dev.pairstudio.pair.QualityFlag;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
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
    /** Names that parse as columns but are values or pseudo-columns, in some dialect or other. */
    private static final Set<String> PSEUDO_COLUMNS = Set.of(
            "true",
            "false",
            "null",
            "current_date",
            "current_time",
            "current_timestamp",
            "localtime",
            "localtimestamp",
            "sysdate",
            "systimestamp",
            "rownum",
            "rowid",
            "oid",
            "_rowid_",
            "level",
            "user",
            "current_user",
            "session_user",
            "unknown",
            "default");
    /** SQLite's: {@code level} and {@code user} are plain names there, checked like any column. */
    private static final Set<String> SQLITE_PSEUDO_COLUMNS = Set.of(
            "true", "false", "null", "current_date", "current_time", "current_timestamp", "rowid", "oid", "_rowid_");
    /** Functions whose arguments may be a bare date unit ({@code DATEADD(day, 1, d)}): there it is no column. */
    private static final Set<String> UNIT_FUNCTIONS = Set.of(
            "dateadd",
            "datediff",
            "datediff_big",
            "datepart",
            "datename",
            "datetrunc",
            "date_trunc",
            "date_part",
            "timestampadd",
            "timestampdiff",
            "trunc",
            "date_add",
            "date_sub",
            "extract");

    /**
     * The columns a FROM item offers; {@code columns == null} accepts any column. {@code base}: the
     * schema table it is (null for CTEs, derived tables and unknown tables), whose keys tell
     * whether ordering by a column can tie.
     */
    private record Source(String name, Set<String> columns, SchemaTable base) {
        Source(String name, Set<String> columns) {
            this(name, columns, null);
        }

        boolean has(String key) {
            return columns == null || columns.contains(key);
        }

        boolean definitelyHas(String key) {
            return columns != null && columns.contains(key);
        }
    }

    /**
     * One SELECT's names: its FROM sources by alias key, USING columns and select-list aliases;
     * parent for correlation; the CTEs visible here, which its subqueries see too.
     */
    private static final class Scope {
        final Scope parent;
        final Map<String, Source> ctes;
        final Map<String, Source> sources = new LinkedHashMap<>();
        final Set<String> using = new HashSet<>();
        final Set<String> aliases = new HashSet<>();

        Scope(Scope parent, Map<String, Source> ctes) {
            this.parent = parent;
            this.ctes = ctes;
        }
    }

    private final SchemaCatalog catalog;
    private final Findings findings;
    private final Set<String> pseudoColumns;
    /** Literal values in WHERE and HAVING, for the question/SQL consistency check. */
    private final List<String> conditionValues = new ArrayList<>();

    private boolean unorderedLimit;

    /** @param databaseType the pair's dialect: which names are pseudo-columns rather than columns */
    NameResolver(SchemaCatalog catalog, Findings findings, String databaseType) {
        this.catalog = catalog;
        this.findings = findings;
        boolean sqlite =
                databaseType != null && databaseType.toLowerCase(Locale.ROOT).contains("sqlite");
        this.pseudoColumns = sqlite ? SQLITE_PSEUDO_COLUMNS : PSEUDO_COLUMNS;
    }

    List<String> conditionValues() {
        return conditionValues;
    }

    boolean unorderedLimit() {
        return unorderedLimit;
    }

    void check(Statement statement) {
        if (statement instanceof Select s) {
            select(s, null, Map.of());
        } else if (statement instanceof Insert i) {
            Source target = table(i.getTable(), Map.of());
            if (i.getColumns() != null) {
                for (Column c : i.getColumns()) {
                    member(target, c.getColumnName(), c.getColumnName());
                }
            }
            if (i.getSelect() != null) {
                select(i.getSelect(), null, Map.of());
            }
        } else if (statement instanceof Update u) {
            Scope scope = new Scope(null, Map.of());
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
            Scope scope = new Scope(null, Map.of());
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
    private Set<String> select(Select s, Scope outer, Map<String, Source> ctes) {
        Map<String, Source> visible = ctes;
        if (s.getWithItemsList() != null && !s.getWithItemsList().isEmpty()) {
            visible = new HashMap<>(ctes);
            for (WithItem<?> w : s.getWithItemsList()) {
                String name = Names.key(
                        w.getAliasName() != null
                                ? w.getAliasName()
                                : w.getAlias().getName());
                visible.put(name, new Source(name, null)); // a recursive CTE refers to itself
                Set<String> out = w.getSelect() != null ? select(w.getSelect(), outer, visible) : null;
                if (w.getWithItemList() != null && !w.getWithItemList().isEmpty()) {
                    out = new HashSet<>();
                    for (SelectItem<?> item : w.getWithItemList()) {
                        out.add(Names.key(item.toString()));
                    }
                }
                visible.put(name, new Source(name, out));
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
            if (limited(s) && empty(set.getOrderByElements())) {
                unorderedLimit = true;
            }
            return first;
        }
        if (s instanceof ParenthesedSelect ps && ps.getSelect() != null) {
            return select(ps.getSelect(), outer, visible);
        }
        return null; // VALUES and the like
    }

    private Set<String> plain(PlainSelect p, Scope outer, Map<String, Source> ctes) {
        Scope scope = new Scope(outer, ctes);
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
                Source src = qualifier(scope, atc.getTable());
                if (src == null || src.columns() == null) {
                    anyOutput = true;
                } else {
                    output.addAll(src.columns());
                }
            } else if (e instanceof AllColumns) {
                for (Source src : scope.sources.values()) {
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
        if (limited(p) && empty(p.getOrderByElements()) && (p.getFromItem() != null)) {
            unorderedLimit = true;
        }
        tieHint(p, scope);
        return anyOutput ? null : output;
    }

    /**
     * {@code ORDER BY c LIMIT 1} (or TOP 1, FETCH FIRST 1) where the schema says the ORDER BY
     * columns hold no table's whole primary key or unique key: rows that tie on it come back in any
     * order (soft hint). Only when every ORDER BY item is a plain column of a schema table; not for
     * GROUP BY or DISTINCT queries, whose rows are unique on the grouped columns. (A unique column
     * that allows NULLs can still tie on NULL; the schema does not say, and the hint stays quiet.)
     */
    private void tieHint(PlainSelect p, Scope scope) {
        if (empty(p.getOrderByElements()) || p.getGroupBy() != null || p.getDistinct() != null || !limitOne(p)) {
            return;
        }
        List<String> columns = new ArrayList<>();
        Map<SchemaTable, Set<String>> ordered = new IdentityHashMap<>();
        for (OrderByElement o : p.getOrderByElements()) {
            if (!(o.getExpression() instanceof Column c) || c.getColumnName() == null) {
                return;
            }
            String key = Names.key(c.getColumnName());
            Source src = null;
            if (c.getTable() != null && c.getTable().getName() != null) {
                src = qualifier(scope, c.getTable());
            } else if (!scope.aliases.contains(key)) {
                for (Source candidate : scope.sources.values()) {
                    if (candidate.definitelyHas(key)) {
                        if (src != null) {
                            return; // ambiguous: reported elsewhere
                        }
                        src = candidate;
                    }
                }
            }
            if (src == null || src.base() == null || !src.definitelyHas(key)) {
                return; // a select alias, a CTE or derived column, an unknown name: no verdict
            }
            ordered.computeIfAbsent(src.base(), t -> new HashSet<>()).add(key);
            columns.add(c.toString());
        }
        for (Map.Entry<SchemaTable, Set<String>> e : ordered.entrySet()) {
            for (List<String> key : e.getKey().keys()) {
                if (key.stream().allMatch(k -> e.getValue().contains(Names.key(k)))) {
                    return; // ordered by a whole primary or unique key: no ties
                }
            }
        }
        findings.inSql(
                QualityFlag.NON_DETERMINISTIC,
                columns.get(0),
                "ORDER BY " + String.join(", ", columns)
                        + " with LIMIT 1: " + (columns.size() == 1 ? "the column is" : "the columns are")
                        + " neither a primary key nor unique in the schema, so rows that tie can come back in any order");
    }

    private static boolean limitOne(PlainSelect p) {
        if (p.getLimit() != null && p.getLimit().getRowCount() != null) {
            return isOne(p.getLimit().getRowCount());
        }
        if (p.getTop() != null) {
            return isOne(p.getTop().getExpression());
        }
        if (p.getFetch() != null) {
            return p.getFetch().getExpression() == null
                    ? p.getFetch().getRowCount() == 1
                    : isOne(p.getFetch().getExpression());
        }
        return false;
    }

    private static boolean isOne(Expression e) {
        return e instanceof LongValue v && v.getValue() == 1;
    }

    private static boolean limited(Select s) {
        boolean limit = s.getLimit() != null && s.getLimit().getRowCount() != null;
        boolean top = s instanceof PlainSelect p && p.getTop() != null;
        return limit || top || s.getFetch() != null;
    }

    private static boolean empty(Collection<?> c) {
        return c == null || c.isEmpty();
    }

    private void join(Scope scope, Join j, Map<String, Source> ctes) {
        from(scope, j.getRightItem(), ctes);
        if (j.getUsingColumns() != null) {
            j.getUsingColumns().forEach(c -> scope.using.add(Names.key(c.getColumnName())));
        }
    }

    private void from(Scope scope, FromItem item, Map<String, Source> ctes) {
        if (item instanceof Table t) {
            addSource(scope, t, ctes);
        } else if (item instanceof ParenthesedSelect ps) {
            // a derived table sees the enclosing query's outer scopes; a LATERAL one also the FROM items before it
            Set<String> out = select(ps, ps instanceof LateralSubSelect ? scope : scope.parent, ctes);
            String alias = alias(ps.getAlias());
            scope.sources.put(
                    alias == null ? "(subquery " + scope.sources.size() + ")" : alias, new Source(alias, out));
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
            scope.sources.put(alias == null ? "(from " + scope.sources.size() + ")" : alias, new Source(alias, null));
        }
    }

    private void addSource(Scope scope, Table t, Map<String, Source> ctes) {
        Source src = table(t, ctes);
        String alias = alias(t.getAlias());
        scope.sources.put(alias != null ? alias : Names.key(t.getName()), src);
    }

    /** A table reference: a CTE in scope, else a schema table; an unknown one is reported and accepts any column. */
    private Source table(Table t, Map<String, Source> ctes) {
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
            return new Source(key, null);
        }
        return new Source(key, columns, catalog.table(t.getName()));
    }

    private static String alias(Alias a) {
        return a == null || a.getName() == null ? null : Names.key(a.getName());
    }

    private void member(Source target, String column, String shown) {
        if (!target.has(Names.key(column))) {
            findings.inSql(
                    QualityFlag.UNKNOWN_COLUMN,
                    Names.unquote(column),
                    "unknown column " + Names.unquote(shown) + ": table " + target.name() + " has no such column"
                            + Suggestion.didYouMean(column, columnNames(target)));
        }
    }

    /** Walks an expression: columns resolve in {@code scope}, subqueries open a nested scope. */
    private void expression(Scope scope, Expression e, boolean condition) {
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
                                && !resolves(scope, Names.key(column.getColumnName()))) {
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
                            if (!UNIT_FUNCTIONS.contains(name) || function.getParameters() == null) {
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

    private void column(Scope scope, Column c) {
        String name = c.getColumnName();
        if (name == null || name.isEmpty()) {
            return;
        }
        String key = Names.key(name);
        Table qualifier = c.getTable();
        if (qualifier != null && qualifier.getName() != null) {
            Source src = qualifier(scope, qualifier);
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
                                + Suggestion.didYouMean(name, columnNames(src)));
            }
            return;
        }
        for (Scope s = scope; s != null; s = s.parent) {
            List<String> owners = new ArrayList<>();
            boolean maybe = false;
            for (Map.Entry<String, Source> e : s.sources.entrySet()) {
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
        for (Scope s = scope; s != null; s = s.parent) {
            s.sources.values().forEach(src -> candidates.addAll(columnNames(src)));
            candidates.addAll(s.aliases);
        }
        findings.inSql(
                QualityFlag.UNKNOWN_COLUMN,
                name,
                "unknown column " + Names.unquote(name) + ": "
                        + (names.isEmpty() ? "no table in scope" : "not in " + String.join(", ", names))
                        + Suggestion.didYouMean(name, candidates));
    }

    /** A source's column names as declared (a schema table's), or their keys (a CTE's, a derived table's). */
    private static Collection<String> columnNames(Source src) {
        if (src.base() != null) {
            return src.base().columns().stream().map(SchemaColumn::name).toList();
        }
        return src.columns() == null ? List.of() : src.columns();
    }

    private boolean resolves(Scope scope, String key) {
        for (Scope s = scope; s != null; s = s.parent) {
            if (s.aliases.contains(key) || s.sources.values().stream().anyMatch(src -> src.has(key))) {
                return true;
            }
        }
        return false;
    }

    private static Source qualifier(Scope scope, Table t) {
        String key = Names.key(t.getName());
        for (Scope s = scope; s != null; s = s.parent) {
            Source src = s.sources.get(key);
            if (src != null) {
                return src;
            }
        }
        return null;
    }

    private static boolean isDoubleQuoted(String name) {
        return name.length() >= 2 && name.charAt(0) == '"' && name.charAt(name.length() - 1) == '"';
    }
}
