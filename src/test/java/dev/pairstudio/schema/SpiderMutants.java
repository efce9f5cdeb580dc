package dev.pairstudio.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Broken copies of a gold query, of the five kinds the issue names. Each is a candidate: the
 * harness keeps it only if real SQLite rejects it. Lexical, on the query's own text.
 */
final class SpiderMutants {
    enum Kind {
        COLUMN_TYPO("column typo"),
        TABLE_TYPO("table typo"),
        TABLE_NOT_IN_FROM("column from a table not in FROM"),
        SYNTAX_ERROR("syntax error"),
        UNJOINED_COLUMN("column only in an unjoined table");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** A word, a quoted string, a number or one symbol, with its offsets. */
    record Token(String text, int start, int end, boolean word, boolean string) {}

    private static final Pattern TOKEN =
            Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|'(?:[^']|'')*'|\"[^\"]*\"|\\d+(?:\\.\\d+)?|\\S");
    private static final Set<String> KEYWORDS = Set.of(
            "select",
            "from",
            "where",
            "join",
            "on",
            "as",
            "and",
            "or",
            "not",
            "in",
            "group",
            "by",
            "order",
            "having",
            "limit",
            "desc",
            "asc",
            "count",
            "sum",
            "avg",
            "min",
            "max",
            "distinct",
            "like",
            "between",
            "union",
            "intersect",
            "except",
            "is",
            "null",
            "exists",
            "case",
            "when",
            "then",
            "else",
            "end",
            "left",
            "inner",
            "outer",
            "cross",
            "natural",
            "using",
            "all",
            "offset",
            "cast",
            "abs",
            "length",
            "lower",
            "upper");

    private final DatabaseSchema schema;
    private final Random random;

    SpiderMutants(DatabaseSchema schema, Random random) {
        this.schema = schema;
        this.random = random;
    }

    static List<Token> tokens(String sql) {
        List<Token> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(sql);
        while (m.find()) {
            String t = m.group();
            char c = t.charAt(0);
            out.add(new Token(t, m.start(), m.end(), Character.isLetter(c) || c == '_', c == '\'' || c == '"'));
        }
        return out;
    }

    /** A candidate of the kind, or null when the query offers no place for it. */
    String mutate(String sql, Kind kind) {
        List<Token> tokens = tokens(sql);
        return switch (kind) {
            case COLUMN_TYPO -> typo(sql, pick(tokens, i -> isColumn(tokens, i)));
            case TABLE_TYPO -> typo(sql, pick(tokens, i -> isTable(tokens, i)));
            case TABLE_NOT_IN_FROM -> tableNotInFrom(sql, tokens);
            case UNJOINED_COLUMN -> unjoinedColumn(sql, tokens);
            case SYNTAX_ERROR -> syntaxError(sql, tokens);
        };
    }

    private interface At {
        boolean test(int i);
    }

    private Token pick(List<Token> tokens, At at) {
        List<Token> places = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (at.test(i)) {
                places.add(tokens.get(i));
            }
        }
        return places.isEmpty() ? null : places.get(random.nextInt(places.size()));
    }

    private boolean isTable(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        if (!t.word() || i == 0 || schema.table(t.text()).isEmpty()) {
            return false;
        }
        String before = tokens.get(i - 1).text().toLowerCase(Locale.ROOT);
        return before.equals("from") || before.equals("join");
    }

    private boolean isColumn(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        if (!t.word() || KEYWORDS.contains(t.text().toLowerCase(Locale.ROOT)) || isTable(tokens, i)) {
            return false;
        }
        if (i + 1 < tokens.size()
                && (tokens.get(i + 1).text().equals(".")
                        || tokens.get(i + 1).text().equals("("))) {
            return false; // a qualifier or a function
        }
        if (i > 0 && tokens.get(i - 1).text().equalsIgnoreCase("as")) {
            return false; // an alias being defined
        }
        return schema.tables().stream().anyMatch(tb -> tb.column(t.text()).isPresent());
    }

    /** Swaps two letters, drops one or doubles one. */
    private String typo(String sql, Token t) {
        if (t == null || t.text().length() < 3) {
            return null;
        }
        String w = t.text();
        int p = 1 + random.nextInt(w.length() - 2);
        String typo = switch (random.nextInt(3)) {
            case 0 -> w.substring(0, p) + w.charAt(p + 1) + w.charAt(p) + w.substring(p + 2);
            case 1 -> w.substring(0, p) + w.substring(p + 1);
            default -> w.substring(0, p) + w.charAt(p) + w.substring(p);
        };
        return typo.equalsIgnoreCase(w) ? null : sql.substring(0, t.start()) + typo + sql.substring(t.end());
    }

    private Set<String> tablesInQuery(List<Token> tokens) {
        Set<String> used = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (isTable(tokens, i)) {
                used.add(tokens.get(i).text().toLowerCase(Locale.ROOT));
            }
        }
        return used;
    }

    private List<SchemaTable> unusedTables(List<Token> tokens) {
        Set<String> used = tablesInQuery(tokens);
        return schema.tables().stream()
                .filter(t -> !used.contains(t.name().toLowerCase(Locale.ROOT))
                        && !t.columns().isEmpty())
                .toList();
    }

    /** {@code T1.name} → {@code other_table.some_column}, naming a table the FROM clause lacks. */
    private String tableNotInFrom(String sql, List<Token> tokens) {
        List<SchemaTable> unused = unusedTables(tokens);
        Token column = pick(tokens, i -> isColumn(tokens, i));
        if (unused.isEmpty() || column == null) {
            return null;
        }
        SchemaTable other = unused.get(random.nextInt(unused.size()));
        String ref = other.name() + "."
                + other.columns().get(random.nextInt(other.columns().size())).name();
        int start = column.start();
        int idx = tokens.indexOf(column);
        if (idx >= 2 && tokens.get(idx - 1).text().equals(".")) {
            start = tokens.get(idx - 2).start(); // replace the whole T1.col
        }
        return sql.substring(0, start) + ref + sql.substring(column.end());
    }

    /** An unqualified column that only a table outside the query has. */
    private String unjoinedColumn(String sql, List<Token> tokens) {
        Set<String> used = tablesInQuery(tokens);
        List<String> candidates = new ArrayList<>();
        for (SchemaTable t : unusedTables(tokens)) {
            for (SchemaColumn c : t.columns()) {
                boolean inUsed = schema.tables().stream()
                        .anyMatch(u -> used.contains(u.name().toLowerCase(Locale.ROOT))
                                && u.column(c.name()).isPresent());
                if (!inUsed && c.name().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    candidates.add(c.name());
                }
            }
        }
        Token column = pick(tokens, i -> isColumn(tokens, i));
        if (candidates.isEmpty() || column == null) {
            return null;
        }
        int start = column.start();
        int idx = tokens.indexOf(column);
        if (idx >= 2 && tokens.get(idx - 1).text().equals(".")) {
            start = tokens.get(idx - 2).start();
        }
        return sql.substring(0, start)
                + candidates.get(random.nextInt(candidates.size()))
                + sql.substring(column.end());
    }

    /** One of several everyday syntax errors, at a random place that has it. */
    private String syntaxError(String sql, List<Token> tokens) {
        for (int attempt = 0; attempt < 6; attempt++) {
            String out = switch (random.nextInt(8)) {
                case 0 -> {
                    // a string left open at the end
                    Token s = last(tokens, Token::string);
                    yield s == null ? null : sql.substring(0, s.end() - 1) + sql.substring(s.end());
                }
                case 1 -> {
                    // an empty item in a list
                    Token comma = pick(tokens, i -> tokens.get(i).text().equals(","));
                    yield comma == null ? null : sql.substring(0, comma.end()) + " ," + sql.substring(comma.end());
                }
                case 2 -> {
                    // a closing parenthesis lost
                    Token close = pick(tokens, i -> tokens.get(i).text().equals(")"));
                    yield close == null ? null : sql.substring(0, close.start()) + sql.substring(close.end());
                }
                case 3 -> {
                    // a misspelt keyword
                    Token kw = pick(
                            tokens,
                            i -> tokens.get(i).text().equalsIgnoreCase("from")
                                    || tokens.get(i).text().equalsIgnoreCase("where")
                                    || tokens.get(i).text().equalsIgnoreCase("select")
                                    || tokens.get(i).text().equalsIgnoreCase("by"));
                    yield kw == null
                            ? null
                            : sql.substring(0, kw.start())
                                    + kw.text().substring(0, kw.text().length() - 1)
                                    + sql.substring(kw.end());
                }
                case 4 -> {
                    // a comparison without its value
                    Token eq = pick(tokens, i -> tokens.get(i).text().equals("=") && i + 1 < tokens.size());
                    if (eq == null) {
                        yield null;
                    }
                    Token value = tokens.get(tokens.indexOf(eq) + 1);
                    yield sql.substring(0, eq.end()) + sql.substring(value.end());
                }
                case 5 -> {
                    // a doubled keyword
                    Token kw = pick(
                            tokens,
                            i -> tokens.get(i).text().equalsIgnoreCase("where")
                                    || tokens.get(i).text().equalsIgnoreCase("from")
                                    || tokens.get(i).text().equalsIgnoreCase("and"));
                    yield kw == null ? null : sql.substring(0, kw.end()) + " " + kw.text() + sql.substring(kw.end());
                }
                case 6 -> {
                    // a trailing comma before FROM
                    Token from = pick(tokens, i -> tokens.get(i).text().equalsIgnoreCase("from"));
                    yield from == null ? null : sql.substring(0, from.start()) + ", " + sql.substring(from.start());
                }
                default -> {
                    // the SQL cut off after an operator
                    Token op = pick(
                            tokens,
                            i -> tokens.get(i).text().equalsIgnoreCase("and")
                                    || tokens.get(i).text().equalsIgnoreCase("join"));
                    yield op == null ? null : sql.substring(0, op.end());
                }
            };
            if (out != null) {
                return out;
            }
        }
        return null;
    }

    private static Token last(List<Token> tokens, Predicate<Token> p) {
        for (int i = tokens.size() - 1; i >= 0; i--) {
            if (p.test(tokens.get(i))) {
                return tokens.get(i);
            }
        }
        return null;
    }
}
