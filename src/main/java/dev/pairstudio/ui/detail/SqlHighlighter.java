package dev.pairstudio.ui.detail;

import dev.pairstudio.sql.SqlLiteral;
import dev.pairstudio.sql.SqlLiterals;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits SQL into styled runs (keyword, string, number, comment, plain) for display. Literals
 * and comments come from the same lexer the privacy engine uses, so what is shown as a value
 * is exactly what gets anonymized.
 */
public final class SqlHighlighter {
    private static final Set<String> KEYWORDS = Set.of(
            "SELECT",
            "FROM",
            "WHERE",
            "AND",
            "OR",
            "NOT",
            "IN",
            "IS",
            "NULL",
            "AS",
            "ON",
            "JOIN",
            "LEFT",
            "RIGHT",
            "INNER",
            "OUTER",
            "FULL",
            "CROSS",
            "GROUP",
            "BY",
            "ORDER",
            "HAVING",
            "LIMIT",
            "OFFSET",
            "TOP",
            "DISTINCT",
            "UNION",
            "ALL",
            "INTERSECT",
            "EXCEPT",
            "WITH",
            "RECURSIVE",
            "INSERT",
            "INTO",
            "VALUES",
            "UPDATE",
            "SET",
            "DELETE",
            "MERGE",
            "USING",
            "WHEN",
            "MATCHED",
            "THEN",
            "ELSE",
            "END",
            "CASE",
            "CREATE",
            "TABLE",
            "ALTER",
            "ADD",
            "COLUMN",
            "DROP",
            "IF",
            "EXISTS",
            "PRIMARY",
            "KEY",
            "BETWEEN",
            "LIKE",
            "ILIKE",
            "ASC",
            "DESC",
            "OVER",
            "PARTITION",
            "COUNT",
            "SUM",
            "AVG",
            "MIN",
            "MAX",
            "CAST",
            "EXTRACT",
            "INTERVAL",
            "RETURNING");

    private SqlHighlighter() {}

    public enum Style {
        KEYWORD,
        STRING,
        NUMBER,
        COMMENT,
        PLAIN
    }

    public record Run(int start, int end, Style style) {}

    public static List<Run> runs(String sql, String databaseType) {
        List<Run> out = new ArrayList<>();
        int pos = 0;
        for (SqlLiteral lit : SqlLiterals.find(sql, SqlLiterals.Dialect.of(databaseType))) {
            words(sql, pos, lit.start(), out);
            out.add(new Run(
                    lit.start(),
                    lit.end(),
                    switch (lit.kind()) {
                        case STRING -> Style.STRING;
                        case NUMBER -> Style.NUMBER;
                        case COMMENT -> Style.COMMENT;
                    }));
            pos = lit.end();
        }
        words(sql, pos, sql.length(), out);
        return out;
    }

    /** Plain text between literals: keywords get their own runs, the rest merges into plain runs. */
    private static void words(String sql, int from, int to, List<Run> out) {
        int plainStart = from;
        int i = from;
        while (i < to) {
            if (Character.isLetter(sql.charAt(i)) && (i == 0 || !isWordChar(sql.charAt(i - 1)))) {
                int j = i;
                while (j < to && isWordChar(sql.charAt(j))) {
                    j++;
                }
                if (KEYWORDS.contains(sql.substring(i, j).toUpperCase(Locale.ROOT))) {
                    if (plainStart < i) {
                        out.add(new Run(plainStart, i, Style.PLAIN));
                    }
                    out.add(new Run(i, j, Style.KEYWORD));
                    plainStart = j;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (plainStart < to) {
            out.add(new Run(plainStart, to, Style.PLAIN));
        }
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
