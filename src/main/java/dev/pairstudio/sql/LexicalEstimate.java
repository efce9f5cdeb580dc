package dev.pairstudio.sql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tables and complexity read from tokens, for SQL the parser rejected: names after FROM, JOIN,
 * INTO, UPDATE, USING and comma joins, skipping FROM inside function calls
 * ({@code EXTRACT(YEAR FROM c)}) and CTE names. A best effort, marked as such by
 * {@link SqlAnalysis#parsed()} being false.
 */
final class LexicalEstimate {
    private static final Set<String> NOT_A_FUNCTION = Set.of(
            "IN",
            "FROM",
            "JOIN",
            "EXISTS",
            "AS",
            "ON",
            "WHERE",
            "AND",
            "OR",
            "NOT",
            "SELECT",
            "UNION",
            "ALL",
            "ANY",
            "SOME",
            "INTO",
            "VALUES",
            "USING",
            "WITH",
            "LATERAL",
            "INTERSECT",
            "EXCEPT",
            "MINUS",
            "THEN",
            "ELSE",
            "WHEN",
            "BY",
            "HAVING",
            "SET",
            "RETURN",
            "DISTINCT");
    private static final Set<String> CLAUSE_END = Set.of(
            "WHERE",
            "GROUP",
            "ORDER",
            "HAVING",
            "LIMIT",
            "UNION",
            "INTERSECT",
            "EXCEPT",
            "MINUS",
            "ON",
            "USING",
            "SET",
            "VALUES",
            "SELECT",
            "WINDOW",
            "FETCH",
            "OFFSET",
            "RETURNING",
            "JOIN",
            "LEFT",
            "RIGHT",
            "INNER",
            "OUTER",
            "FULL",
            "CROSS",
            "NATURAL",
            "WHEN",
            "QUALIFY");
    private static final Set<String> AGGREGATES =
            Set.of("COUNT", "SUM", "AVG", "MIN", "MAX", "GROUP_CONCAT", "STRING_AGG", "ARRAY_AGG", "LISTAGG");

    private final List<SqlToken> tokens;
    private final Set<String> tables = new TreeSet<>();
    private final Set<String> cteNames = new HashSet<>();
    private int joins;

    private LexicalEstimate(List<SqlToken> tokens) {
        this.tokens = tokens;
    }

    static LexicalEstimate of(List<SqlToken> tokens) {
        LexicalEstimate e = new LexicalEstimate(tokens);
        e.findCteNames();
        e.findTables();
        return e;
    }

    List<String> tables() {
        List<String> out = new ArrayList<>(tables);
        out.removeAll(cteNames);
        return out;
    }

    Complexity complexity() {
        int aggregates = 0;
        int windows = 0;
        int groupBy = 0;
        int having = 0;
        int orderBy = 0;
        int setOps = 0;
        int depth = 0;
        int maxDepth = 0;
        int windowSpecs = 0;
        Deque<Character> parens = new ArrayDeque<>(); // s = subquery, w = window spec, p = other
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken t = tokens.get(i);
            if (t.isSymbol('(')) {
                char kind = word(i - 1, "OVER")
                        ? 'w'
                        : word(i + 1, "SELECT") && !word(i - 1, "AS") && i > 0 && !setOp(i - 1) ? 's' : 'p';
                parens.push(kind);
                if (kind == 's') {
                    depth++;
                    maxDepth = Math.max(maxDepth, depth);
                } else if (kind == 'w') {
                    windowSpecs++;
                }
            } else if (t.isSymbol(')')) {
                Character kind = parens.poll();
                if (kind != null && kind == 's') {
                    depth--;
                } else if (kind != null && kind == 'w') {
                    windowSpecs--;
                }
            } else if (t.kind() == SqlToken.Kind.WORD) {
                String w = t.text().toUpperCase(Locale.ROOT);
                if (AGGREGATES.contains(w) && symbol(i + 1, '(')) {
                    aggregates++;
                } else if (w.equals("OVER")) {
                    windows++;
                } else if (w.equals("GROUP") && word(i + 1, "BY")) {
                    groupBy++;
                } else if (w.equals("HAVING")) {
                    having++;
                } else if (w.equals("ORDER") && word(i + 1, "BY") && windowSpecs == 0) {
                    orderBy++;
                } else if (setOp(i)) {
                    setOps++;
                }
            }
        }
        return new Complexity(joins, maxDepth, aggregates, groupBy, having, orderBy, windows, setOps);
    }

    private void findCteNames() {
        for (int i = 0; i < tokens.size(); i++) {
            if (isName(i) && word(i + 1, "AS") && symbol(i + 2, '(')) {
                cteNames.add(part(tokens.get(i)));
            } else if (isName(i)
                    && symbol(i + 1, '(')
                    && (word(i - 1, "WITH") || word(i - 1, "RECURSIVE") || symbol(i - 1, ','))) {
                // WITH r(n) AS (…): a column list before AS
                int close = closing(i + 1);
                if (close > 0 && word(close + 1, "AS")) {
                    cteNames.add(part(tokens.get(i)));
                }
            }
        }
    }

    private void findTables() {
        Deque<Boolean> functionParens = new ArrayDeque<>();
        int insideFunctions = 0;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken t = tokens.get(i);
            if (t.isSymbol('(')) {
                SqlToken before = i > 0 ? tokens.get(i - 1) : null;
                boolean function = before != null
                        && before.kind() == SqlToken.Kind.WORD
                        && !NOT_A_FUNCTION.contains(before.text().toUpperCase(Locale.ROOT));
                functionParens.push(function);
                insideFunctions += function ? 1 : 0;
                continue;
            }
            if (t.isSymbol(')')) {
                if (!functionParens.isEmpty() && functionParens.pop()) {
                    insideFunctions--;
                }
                continue;
            }
            if (t.kind() != SqlToken.Kind.WORD || insideFunctions > 0) {
                continue;
            }
            String w = t.text().toUpperCase(Locale.ROOT);
            switch (w) {
                case "FROM" -> readList(i + 1, true);
                case "JOIN" -> {
                    joins++;
                    readList(i + 1, false);
                }
                case "INTO", "TABLE" -> readList(i + 1, false);
                case "UPDATE" -> {
                    if (!word(i - 1, "DO") && !word(i - 1, "THEN") && !word(i - 1, "KEY") && !word(i - 1, "FOR")) {
                        readList(i + 1, false);
                    }
                }
                case "USING" -> {
                    if (!symbol(i + 1, '(')) {
                        readList(i + 1, false);
                    }
                }
                default -> {}
            }
        }
    }

    /** Reads {@code name [AS] [alias] [, name …]} starting at token i; commas only after FROM. */
    private void readList(int i, boolean commas) {
        while (i < tokens.size()) {
            if (word(i, "ONLY") || word(i, "IF") && word(i + 1, "EXISTS")) {
                i += word(i, "IF") ? 2 : 1;
            }
            if (!isName(i)) {
                return;
            }
            StringBuilder name = new StringBuilder(part(tokens.get(i)));
            int j = i + 1;
            while (symbol(j, '.') && isName(j + 1)) {
                name.append('.').append(part(tokens.get(j + 1)));
                j += 2;
            }
            if (symbol(j, '(') && !commas) {
                // INSERT INTO t (a, b): a column list follows the table
                tables.add(name.toString());
                return;
            }
            if (symbol(j, '(')) {
                return; // a table function
            }
            tables.add(name.toString());
            if (!commas) {
                return;
            }
            if (word(j, "AS")) {
                j++;
            }
            if (isName(j) && !clauseEnd(j)) {
                j++;
            }
            if (!symbol(j, ',')) {
                return;
            }
            joins++;
            i = j + 1;
        }
    }

    private boolean isName(int i) {
        if (i < 0 || i >= tokens.size()) {
            return false;
        }
        SqlToken t = tokens.get(i);
        if (t.kind() == SqlToken.Kind.QUOTED_IDENTIFIER) {
            return true;
        }
        return t.kind() == SqlToken.Kind.WORD
                && !clauseEnd(i)
                && !NOT_A_FUNCTION.contains(t.text().toUpperCase(Locale.ROOT))
                && !Character.isDigit(t.text().charAt(0));
    }

    private boolean clauseEnd(int i) {
        return i < tokens.size()
                && tokens.get(i).kind() == SqlToken.Kind.WORD
                && CLAUSE_END.contains(tokens.get(i).text().toUpperCase(Locale.ROOT));
    }

    private boolean setOp(int i) {
        return word(i, "UNION")
                || word(i, "INTERSECT")
                || word(i, "EXCEPT")
                || word(i, "MINUS")
                || (word(i, "ALL") && i > 0 && setOp(i - 1));
    }

    private int closing(int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol('(')) {
                depth++;
            } else if (tokens.get(i).isSymbol(')') && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private boolean word(int i, String upper) {
        return i >= 0 && i < tokens.size() && tokens.get(i).isWord(upper);
    }

    private boolean symbol(int i, char c) {
        return i >= 0 && i < tokens.size() && tokens.get(i).isSymbol(c);
    }

    private static String part(SqlToken t) {
        return t.kind() == SqlToken.Kind.QUOTED_IDENTIFIER ? t.text() : t.text().toLowerCase(Locale.ROOT);
    }
}
