package dev.pairstudio.sql;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Column and table names that JSqlParser reserves although SQLite does not ({@code uuid},
 * {@code number}, {@code double}, {@code long}, {@code map}, and {@code cross}, which SQLite lets
 * a name be): where one stands as a name, it is quoted so that the parser reads a name. A word
 * stands as a name after a dot, or before a dot, an operator, a comma, a closing parenthesis, the
 * end, or a keyword that follows an expression (FROM, IN, AS, …); never before an opening
 * parenthesis (a function) nor before JOIN ({@code CROSS JOIN}).
 */
final class KeywordNames {
    /** Reserved by JSqlParser 5.4, names to SQLite (checked against the real engine). */
    static final Set<String> WORDS = Set.of(
            "uuid", "number", "double", "long", "map", "cross", "semi", "both", "prior", "nocycle", "sample", "returns",
            "pivot", "unpivot", "window", "natural", "outer", "lateral", "fetch", "only");

    private static final Set<String> AFTER_EXPRESSION = Set.of(
            "FROM",
            "WHERE",
            "GROUP",
            "ORDER",
            "HAVING",
            "LIMIT",
            "IN",
            "IS",
            "NOT",
            "LIKE",
            "GLOB",
            "BETWEEN",
            "AND",
            "OR",
            "AS",
            "ASC",
            "DESC",
            "UNION",
            "INTERSECT",
            "EXCEPT",
            "COLLATE",
            "THEN",
            "ELSE",
            "END",
            "WHEN",
            "ON",
            "USING",
            "OFFSET",
            "NULLS");
    private static final String NAME_FOLLOWERS = "),.=<>!+-*/|%;";

    private KeywordNames() {}

    /** The text with each such word in a name's place double-quoted; the same text when there is none. */
    static String quote(String sql, SqlLiterals.Dialect dialect) {
        List<SqlToken> tokens = SqlTokenizer.tokenize(sql, SqlLiterals.find(sql, dialect), dialect);
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken t = tokens.get(i);
            if (!isKeywordName(tokens, i)) {
                continue;
            }
            out = out == null ? new StringBuilder(sql.length() + 8) : out;
            out.append(sql, copied, t.start()).append('"').append(t.text()).append('"');
            copied = t.end();
        }
        return out == null ? sql : out.append(sql, copied, sql.length()).toString();
    }

    /** Whether the word at {@code i} is one of {@link #WORDS} standing where a name stands. */
    private static boolean isKeywordName(List<SqlToken> tokens, int i) {
        SqlToken t = tokens.get(i);
        return t.kind() == SqlToken.Kind.WORD && WORDS.contains(t.text().toLowerCase(Locale.ROOT)) && asName(tokens, i);
    }

    private static boolean asName(List<SqlToken> tokens, int i) {
        if (i > 0 && tokens.get(i - 1).isSymbol('.')) {
            return true;
        }
        if (i + 1 == tokens.size()) {
            return true;
        }
        SqlToken next = tokens.get(i + 1);
        if (next.kind() == SqlToken.Kind.SYMBOL) {
            return NAME_FOLLOWERS.contains(next.text());
        }
        return next.kind() == SqlToken.Kind.WORD
                && AFTER_EXPRESSION.contains(next.text().toUpperCase(Locale.ROOT));
    }
}
