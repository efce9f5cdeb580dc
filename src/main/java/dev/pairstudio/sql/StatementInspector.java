package dev.pairstudio.sql;

import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Walks parsed statements once for their tables and complexity counts. It rides on JSqlParser's
 * {@link TablesNamesFinder}, which already reaches every table (joins, subqueries, CTE bodies,
 * set operations, DML targets), and adds what that class lacks: per-part name normalisation,
 * case-insensitive CTE exclusion and the counts. One instance per analysis: not thread-safe.
 */
final class StatementInspector extends TablesNamesFinder<Void> {
    private static final Set<String> AGGREGATES = Set.of(
            "COUNT",
            "SUM",
            "AVG",
            "MIN",
            "MAX",
            "GROUP_CONCAT",
            "STRING_AGG",
            "ARRAY_AGG",
            "LISTAGG",
            "STDDEV",
            "STDDEV_POP",
            "STDDEV_SAMP",
            "VARIANCE",
            "VAR_POP",
            "VAR_SAMP",
            "MEDIAN",
            "BOOL_AND",
            "BOOL_OR",
            "EVERY",
            "COUNT_BIG",
            "JSON_AGG",
            "JSONB_AGG");

    private final Set<String> tables = new TreeSet<>();
    /** CTE names, lower-cased unless quoted: references to them are not tables. */
    private final Set<String> cteNames = new HashSet<>();
    /** Parenthesised selects that are not nesting: CTE bodies and set-operation branches. */
    private final Set<ParenthesedSelect> notNested = Collections.newSetFromMap(new IdentityHashMap<>());

    /** The finder reaches some nodes twice (CTE bodies): count each node once. */
    private final Set<Object> counted = Collections.newSetFromMap(new IdentityHashMap<>());

    private int depth;
    private int maxDepth;
    private int joins;
    private int aggregates;
    private int groupBy;
    private int having;
    private int orderBy;
    private int windows;
    private int setOperations;

    void inspect(Statement statement) {
        if (statement instanceof ParenthesedSelect top) {
            notNested.add(top);
        }
        getTables(statement);
    }

    List<String> tables() {
        return List.copyOf(tables);
    }

    Complexity complexity() {
        return new Complexity(joins, maxDepth, aggregates, groupBy, having, orderBy, windows, setOperations);
    }

    @Override
    public <S> Void visit(Table table, S context) {
        String name = normalise(table);
        if (!name.isEmpty() && !table.isTableVariable() && !cteNames.contains(name)) {
            tables.add(name);
        }
        return super.visit(table, context);
    }

    @Override
    public <S> Void visit(WithItem<?> withItem, S context) {
        if (withItem.getAlias() != null) {
            cteNames.add(normalisePart(withItem.getAlias().getName()));
        }
        if (withItem.getSelect() != null) {
            notNested.add(withItem.getSelect());
        }
        return super.visit(withItem, context);
    }

    @Override
    public <S> Void visit(ParenthesedSelect select, S context) {
        if (notNested.contains(select)) {
            return super.visit(select, context);
        }
        depth++;
        maxDepth = Math.max(maxDepth, depth);
        try {
            return super.visit(select, context);
        } finally {
            depth--;
        }
    }

    @Override
    public <S> Void visit(PlainSelect select, S context) {
        if (!counted.add(select)) {
            return super.visit(select, context);
        }
        if (select.getJoins() != null) {
            joins += select.getJoins().size();
        }
        if (select.getGroupBy() != null) {
            groupBy++;
        }
        if (select.getHaving() != null) {
            having++;
        }
        countOrderBy(select);
        return super.visit(select, context);
    }

    @Override
    public <S> Void visit(SetOperationList list, S context) {
        if (!counted.add(list)) {
            return super.visit(list, context);
        }
        setOperations += list.getOperations() == null ? 0 : list.getOperations().size();
        for (Select branch : list.getSelects()) {
            if (branch instanceof ParenthesedSelect p) {
                notNested.add(p);
            }
        }
        countOrderBy(list);
        return super.visit(list, context);
    }

    @Override
    public <S> Void visit(Function function, S context) {
        if (counted.add(function)
                && function.getName() != null
                && AGGREGATES.contains(function.getName().toUpperCase(Locale.ROOT))) {
            aggregates++;
        }
        return super.visit(function, context);
    }

    @Override
    public <S> Void visit(AnalyticExpression expression, S context) {
        if (counted.add(expression)) {
            windows++;
        }
        return super.visit(expression, context);
    }

    @Override
    public <S> Void visit(Drop drop, S context) {
        // DROP INDEX/SEQUENCE/… names objects that are not tables
        String type = drop.getType() == null ? "" : drop.getType().toUpperCase(Locale.ROOT);
        if (type.contains("TABLE") || type.contains("VIEW")) {
            return super.visit(drop, context);
        }
        return null;
    }

    private void countOrderBy(Select select) {
        if (select.getOrderByElements() != null && !select.getOrderByElements().isEmpty()) {
            orderBy++;
        }
    }

    /** {@code public.users}, {@code "Sales"."Q1"} → {@code Sales.Q1}, {@code [dbo].[Order Details]}. */
    static String normalise(Table table) {
        List<String> parts = table.getNameParts();
        if (parts == null || parts.isEmpty()) {
            return table.getName() == null ? "" : normalisePart(table.getName());
        }
        StringBuilder out = new StringBuilder();
        // name parts are stored innermost first
        for (int i = parts.size() - 1; i >= 0; i--) {
            String part = parts.get(i);
            if (part == null || part.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(normalisePart(part));
        }
        return out.toString();
    }

    static String normalisePart(String part) {
        if (part.length() >= 2) {
            char first = part.charAt(0);
            char last = part.charAt(part.length() - 1);
            if ((first == '"' && last == '"') || (first == '`' && last == '`')) {
                String q = String.valueOf(first);
                return part.substring(1, part.length() - 1).replace(q + q, q);
            }
            if (first == '[' && last == ']') {
                return part.substring(1, part.length() - 1);
            }
        }
        return part.toLowerCase(Locale.ROOT);
    }
}
