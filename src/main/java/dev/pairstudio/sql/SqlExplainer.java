package dev.pairstudio.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.Offset;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperation;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.Update;

/**
 * Explains a parsed query as short English steps, in the order a database evaluates it (from,
 * joins, filter, grouping, output, order, limit), so that a reviewer can check question against
 * SQL at a glance. Built from the parse tree alone; expressions are quoted as the parser reads
 * them, and each subquery is explained as nested steps where it is used.
 */
public final class SqlExplainer {

    /** One step; {@code depth} is how deeply nested it is (0 for the outer query). */
    public record Step(int depth, String text) {}

    private final List<Step> steps = new ArrayList<>();
    private int subqueries;

    private SqlExplainer() {}

    /** The steps of SQL that parsed; none when it did not, or when its kind of statement has nothing to explain. */
    public static List<Step> explain(ParsedSql parsed) {
        if (!parsed.parsed() || parsed.statements().isEmpty()) {
            return List.of();
        }
        SqlExplainer explainer = new SqlExplainer();
        try {
            List<Statement> statements = parsed.statements();
            for (int i = 0; i < statements.size(); i++) {
                if (statements.size() > 1) {
                    explainer.add(0, "Statement " + (i + 1) + ":");
                }
                explainer.statement(statements.get(i), statements.size() > 1 ? 1 : 0);
            }
        } catch (RuntimeException unusualTree) {
            return List.of(); // an explanation is an aid: a tree shape we do not know gets none rather than a wrong one
        }
        return List.copyOf(explainer.steps);
    }

    private void statement(Statement s, int depth) {
        if (s instanceof Select select) {
            select(select, depth);
        } else if (s instanceof Insert insert) {
            add(depth, "Insert rows into " + insert.getTable() + columnsOf(insert));
            if (insert.getSelect() != null && insert.getSelect().getValues() == null) {
                add(depth, "The rows come from this query:");
                select(insert.getSelect(), depth + 1);
            }
        } else if (s instanceof Update update) {
            add(
                    depth,
                    "Change rows of " + update.getTable() + ": set "
                            + update.getUpdateSets().stream()
                                    .map(Object::toString)
                                    .collect(Collectors.joining(", ")));
            where(update.getWhere(), depth, "Only rows where ");
        } else if (s instanceof Delete delete) {
            add(depth, "Delete rows from " + delete.getTable());
            where(delete.getWhere(), depth, "Only rows where ");
        } else {
            add(depth, "A " + words(s.getClass().getSimpleName()) + " statement");
        }
    }

    private static String columnsOf(Insert insert) {
        return insert.getColumns() == null || insert.getColumns().isEmpty() ? "" : " (" + insert.getColumns() + ")";
    }

    private void select(Select select, int depth) {
        if (select.getWithItemsList() != null) {
            for (WithItem<?> with : select.getWithItemsList()) {
                add(depth, "First compute " + with.getAliasName() + " as:");
                if (with.getSelect() != null) {
                    select(with.getSelect(), depth + 1);
                }
            }
        }
        if (select instanceof PlainSelect plain) {
            plainSelect(plain, depth);
        } else if (select instanceof SetOperationList set) {
            setOperation(set, depth);
        } else if (select instanceof ParenthesedSelect parenthesed) {
            select(parenthesed.getSelect(), depth);
        } else if (select.getValues() != null) {
            add(depth, "The literal rows " + select.getValues());
        }
        orderAndLimit(select, depth);
    }

    private void plainSelect(PlainSelect s, int depth) {
        if (s.getFromItem() == null) {
            add(depth, "Compute values without reading a table");
        } else {
            from("Take rows from ", s.getFromItem(), depth);
            if (s.getJoins() != null) {
                for (Join join : s.getJoins()) {
                    join(join, depth);
                }
            }
        }
        where(s.getWhere(), depth, "Keep rows where ");
        GroupByElement group = s.getGroupBy();
        if (group != null
                && group.getGroupByExpressionList() != null
                && !group.getGroupByExpressionList().isEmpty()) {
            add(depth, "Group the rows by " + group.getGroupByExpressionList());
        }
        where(s.getHaving(), depth, "Keep only groups where ");
        output(s, depth);
    }

    private void from(String lead, FromItem item, int depth) {
        if (item instanceof ParenthesedSelect sub) {
            String name = "subquery " + (++subqueries);
            add(depth, lead + name + aliasOf(sub.getAlias()) + ":");
            select(sub.getSelect(), depth + 1);
        } else if (item instanceof ParenthesedFromItem nested) {
            from(lead, nested.getFromItem(), depth);
            if (nested.getJoins() != null) {
                for (Join join : nested.getJoins()) {
                    join(join, depth);
                }
            }
        } else {
            String text = item.toString();
            Alias alias = item.getAlias();
            if (alias != null) {
                text = text.substring(
                                        0,
                                        Math.max(
                                                0,
                                                text.length() - alias.toString().length()))
                                .trim()
                        + aliasOf(alias);
            }
            add(depth, lead + text);
        }
    }

    private static String aliasOf(Alias alias) {
        return alias == null ? "" : " (as " + alias.getName() + ")";
    }

    private void join(Join join, int depth) {
        String lead;
        if (join.isSimple() || join.isCross()) {
            lead = "Pair every row with every row of ";
        } else if (join.isLeft()) {
            lead = "Left-join (keeping rows without a match) ";
        } else if (join.isRight()) {
            lead = "Right-join (keeping rows of the new table without a match) ";
        } else if (join.isFull()) {
            lead = "Full-join (keeping unmatched rows of both sides) ";
        } else if (join.isNatural()) {
            lead = "Join on the columns with equal names ";
        } else {
            lead = "Join ";
        }
        int before = steps.size();
        from(lead, join.getRightItem(), depth);
        List<Expression> on = join.getOnExpressions() == null ? List.of() : List.copyOf(join.getOnExpressions());
        String condition = "";
        if (!on.isEmpty()) {
            condition = " matching "
                    + on.stream().map(x -> expression(x, depth + 1)).collect(Collectors.joining(" and "));
        } else if (join.getUsingColumns() != null && !join.getUsingColumns().isEmpty()) {
            condition = " on equal "
                    + join.getUsingColumns().stream().map(Object::toString).collect(Collectors.joining(", "));
        }
        if (!condition.isEmpty()) {
            Step step = steps.get(before);
            steps.set(
                    before,
                    new Step(
                            step.depth(),
                            step.text().endsWith(":")
                                    ? step.text().substring(0, step.text().length() - 1) + condition + ":"
                                    : step.text() + condition));
        }
    }

    private void where(Expression condition, int depth, String lead) {
        if (condition != null) {
            int at = steps.size();
            String text = expression(condition, depth + 1);
            steps.add(at, new Step(depth, lead + text));
        }
    }

    private void output(PlainSelect s, int depth) {
        List<SelectItem<?>> items = s.getSelectItems();
        if (items == null || items.isEmpty()) {
            return;
        }
        boolean distinct = s.getDistinct() != null;
        if (items.size() == 1 && items.get(0).getExpression() instanceof AllColumns) {
            add(depth, distinct ? "Return the distinct rows, every column" : "Return every column");
            return;
        }
        if (items.size() == 1 && isCountOfRows(items.get(0).getExpression()) && s.getGroupBy() == null) {
            add(depth, "Return the number of rows");
            return;
        }
        int at = steps.size();
        String list = items.stream()
                .map(i -> expression(i.getExpression(), depth + 1)
                        + (i.getAlias() == null ? "" : " as " + i.getAlias().getName()))
                .collect(Collectors.joining(", "));
        String lead = s.getGroupBy() != null ? "Return for each group " : "Return ";
        steps.add(at, new Step(depth, lead + (distinct ? "the distinct values of " : "") + list));
    }

    private static boolean isCountOfRows(Expression e) {
        return e instanceof Function f
                && f.getName() != null
                && f.getName().equalsIgnoreCase("count")
                && (f.isAllColumns()
                        || f.getParameters() == null
                        || "*".equals(String.valueOf(f.getParameters()).trim()));
    }

    private void setOperation(SetOperationList set, int depth) {
        List<SetOperation> operations = set.getOperations();
        String how = operations.stream().map(SqlExplainer::describe).distinct().collect(Collectors.joining(", then "));
        add(depth, "Combine " + set.getSelects().size() + " queries: " + how);
        for (int i = 0; i < set.getSelects().size(); i++) {
            add(depth + 1, "Query " + (i + 1) + ":");
            select(set.getSelects().get(i), depth + 2);
        }
    }

    private static String describe(SetOperation operation) {
        String name = operation.toString().trim().toUpperCase(Locale.ROOT);
        if (name.startsWith("UNION")) {
            return name.contains("ALL") ? "all rows of each (UNION ALL)" : "rows of any, without duplicates (UNION)";
        } else if (name.startsWith("INTERSECT")) {
            return "rows found in each (INTERSECT)";
        } else if (name.startsWith("EXCEPT") || name.startsWith("MINUS")) {
            return "rows of the first that the next does not have (" + name + ")";
        }
        return name;
    }

    private void orderAndLimit(Select select, int depth) {
        List<OrderByElement> order = select.getOrderByElements();
        if (order != null && !order.isEmpty()) {
            add(
                    depth,
                    "Sort by "
                            + order.stream()
                                    .map(o -> o.getExpression() + (o.isAsc() ? " (lowest first)" : " (highest first)"))
                                    .collect(Collectors.joining(", then ")));
        }
        Limit limit = select.getLimit();
        Offset offset = select.getOffset();
        Expression skip = limit != null && limit.getOffset() != null
                ? limit.getOffset()
                : offset == null ? null : offset.getOffset();
        if (skip != null) {
            add(depth, "1".equals(skip.toString()) ? "Skip the first row" : "Skip the first " + skip + " rows");
        }
        if (limit != null && limit.getRowCount() != null) {
            String count = limit.getRowCount().toString();
            add(depth, "1".equals(count) ? "Keep only the first row" : "Keep only the first " + count + " rows");
        }
    }

    /** An expression as the parser reads it, with each subquery named and explained below the step that uses it. */
    private String expression(Expression e, int subqueryDepth) {
        List<ParenthesedSelect> found = new ArrayList<>();
        e.accept(
                new ExpressionVisitorAdapter<Void>() {
                    @Override
                    public <S> Void visit(Select select, S context) { // every query inside an expression arrives here
                        if (select instanceof ParenthesedSelect parenthesed) {
                            found.add(parenthesed); // not entered: a subquery of a subquery is explained with its own
                            // query
                        }
                        return null;
                    }
                },
                null);
        String text = e.toString();
        for (ParenthesedSelect sub : found) {
            String name = "subquery " + (++subqueries);
            String written = sub.toString();
            int at = text.indexOf(written);
            if (at >= 0) {
                text = text.substring(0, at) + "(" + name + ")" + text.substring(at + written.length());
            }
            add(subqueryDepth, capitalize(name) + ":");
            select(sub.getSelect(), subqueryDepth + 1);
        }
        return text;
    }

    private void add(int depth, String text) {
        steps.add(new Step(depth, text));
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** "CreateTable" → "CREATE TABLE". */
    private static String words(String className) {
        return className.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
    }
}
