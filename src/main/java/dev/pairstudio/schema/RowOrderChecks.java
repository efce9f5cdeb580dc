package dev.pairstudio.schema;

import dev.pairstudio.pair.QualityFlag;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;

/**
 * Queries whose rows may come back in any order: a LIMIT without ORDER BY (remembered for the
 * question/SQL consistency check) and ORDER BY columns that can tie under LIMIT 1 (a finding).
 * Part of one {@link NameResolver}: one instance per statement.
 */
final class RowOrderChecks {
    private final Findings findings;
    private boolean unorderedLimit;

    RowOrderChecks(Findings findings) {
        this.findings = findings;
    }

    /** Whether some SELECT of the statement limits its rows without ordering them. */
    boolean unorderedLimit() {
        return unorderedLimit;
    }

    void setOperation(SetOperationList set) {
        if (limited(set) && empty(set.getOrderByElements())) {
            unorderedLimit = true;
        }
    }

    /** After {@code p}'s names are resolved in {@code scope}. */
    void plain(PlainSelect p, NameScope scope) {
        if (limited(p) && empty(p.getOrderByElements()) && (p.getFromItem() != null)) {
            unorderedLimit = true;
        }
        tieHint(p, scope);
    }

    /**
     * {@code ORDER BY c LIMIT 1} (or TOP 1, FETCH FIRST 1) where the schema says the ORDER BY
     * columns hold no table's whole primary key or unique key: rows that tie on it come back in any
     * order (soft hint). Only when every ORDER BY item is a plain column of a schema table; not for
     * GROUP BY or DISTINCT queries, whose rows are unique on the grouped columns. (A unique column
     * that allows NULLs can still tie on NULL; the schema does not say, and the hint stays quiet.)
     */
    private void tieHint(PlainSelect p, NameScope scope) {
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
            FromSource src = null;
            if (c.getTable() != null && c.getTable().getName() != null) {
                src = scope.qualifier(c.getTable());
            } else if (!scope.aliases.contains(key)) {
                for (FromSource candidate : scope.sources.values()) {
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
}
