package dev.pairstudio.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds literal and comment spans in SQL with a small lexer. This is lexical work, not
 * structure: it must also work on SQL the parser rejects, so that the privacy engine never
 * leaves a value in an unparseable query, and it never reports part of an identifier
 * ({@code t1}, {@code "col 1"}, {@code `x2`}, {@code [a 1]}) or a parameter ({@code $1}) as a literal.
 */
public final class SqlLiterals {
    private SqlLiterals() {}

    /** Standard SQL: {@code ''} escapes a quote, double quotes delimit identifiers. */
    public static List<SqlLiteral> find(String sql) {
        return find(sql, Dialect.STANDARD);
    }

    public static List<SqlLiteral> find(String sql, Dialect dialect) {
        return find(sql, dialect, null);
    }

    /**
     * The literals, and into {@code quotedNames} (when not null) the double-quoted, backtick and
     * bracket tokens the dialect reads as identifiers, as {@link SqlLiteral.Kind#STRING} spans of
     * their content: SQLite reads a double-quoted token that names no column as a string, so the
     * privacy engine looks inside them too.
     */
    public static List<SqlLiteral> find(String sql, Dialect dialect, List<SqlLiteral> quotedNames) {
        List<SqlLiteral> out = new ArrayList<>();
        if (sql == null) {
            return out;
        }
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int e = sql.indexOf('\n', i);
                e = e < 0 ? n : e;
                out.add(new SqlLiteral(SqlLiteral.Kind.COMMENT, i, e, i + 2, e));
                i = e;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                int e = close < 0 ? n : close + 2;
                out.add(new SqlLiteral(SqlLiteral.Kind.COMMENT, i, e, i + 2, close < 0 ? n : close));
                i = e;
            } else if (c == '\'') {
                i = quoted(sql, i, i, '\'', dialect.backslashEscapes, out);
            } else if (c == '"') {
                if (dialect.doubleQuotedStrings) {
                    i = quoted(sql, i, i, '"', dialect.backslashEscapes, out);
                } else {
                    i = skipQuoted(sql, i, '"', quotedNames);
                }
            } else if (c == '`') {
                i = skipQuoted(sql, i, '`', quotedNames);
            } else if (c == '[' && dialect.bracketIdentifiers) {
                i = skipQuoted(sql, i, ']', quotedNames);
            } else if (c == '$' && dollarTag(sql, i) > 0) {
                int tagLen = dollarTag(sql, i);
                String tag = sql.substring(i, i + tagLen);
                int close = sql.indexOf(tag, i + tagLen);
                int e = close < 0 ? n : close + tagLen;
                out.add(new SqlLiteral(SqlLiteral.Kind.STRING, i, e, i + tagLen, close < 0 ? n : close));
                i = e;
            } else if (isIdentifierStart(c)) {
                int j = i;
                while (j < n && isIdentifierPart(sql.charAt(j))) {
                    j++;
                }
                // A one-letter prefix glued to a quote is a string: N'x', E'x', X'0A', B'01'.
                if (j == i + 1 && j < n && sql.charAt(j) == '\'' && "NnEeXxBbUu".indexOf(c) >= 0) {
                    boolean escapes = dialect.backslashEscapes || c == 'E' || c == 'e';
                    i = quoted(sql, i, j, '\'', escapes, out);
                } else {
                    i = j;
                }
            } else if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(sql.charAt(i + 1)))) {
                int e = number(sql, i);
                out.add(new SqlLiteral(SqlLiteral.Kind.NUMBER, i, e, i, e));
                i = e;
            } else if (c == '$' || c == ':' || c == '@') {
                // parameters and variables ($1, :name, @v): skip the name so its digits are not numbers
                int j = i + 1;
                while (j < n && isIdentifierPart(sql.charAt(j))) {
                    j++;
                }
                i = j;
            } else {
                i++;
            }
        }
        return out;
    }

    /** A quoted string starting with its prefix at {@code start} and its opening quote at {@code open}. */
    private static int quoted(String sql, int start, int open, char q, boolean backslash, List<SqlLiteral> out) {
        int n = sql.length();
        int i = open + 1;
        while (i < n) {
            char c = sql.charAt(i);
            if (backslash && c == '\\' && i + 1 < n) {
                i += 2;
            } else if (c == q) {
                if (i + 1 < n && sql.charAt(i + 1) == q) {
                    i += 2;
                } else {
                    out.add(new SqlLiteral(SqlLiteral.Kind.STRING, start, i + 1, open + 1, i));
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        // Unterminated: the rest of the text is the value, so nothing after the quote escapes anonymization.
        out.add(new SqlLiteral(SqlLiteral.Kind.STRING, start, n, open + 1, n));
        return n;
    }

    /** Skips a quoted identifier ({@code q} closes it, doubled it escapes), reporting it to {@code names} when not null. */
    private static int skipQuoted(String sql, int open, char q, List<SqlLiteral> names) {
        int n = sql.length();
        int i = open + 1;
        while (i < n) {
            if (sql.charAt(i) == q) {
                if (i + 1 < n && sql.charAt(i + 1) == q) {
                    i += 2;
                    continue;
                }
                break;
            }
            i++;
        }
        if (names != null) {
            names.add(new SqlLiteral(SqlLiteral.Kind.STRING, open, Math.min(n, i + 1), open + 1, Math.min(n, i)));
        }
        return Math.min(n, i + 1);
    }

    /** Length of a PostgreSQL dollar-quote tag ({@code $$} or {@code $tag$}) at i, or 0. */
    private static int dollarTag(String sql, int i) {
        if (i > 0 && isIdentifierPart(sql.charAt(i - 1))) {
            return 0;
        }
        int j = i + 1;
        while (j < sql.length() && (Character.isLetter(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        return j < sql.length() && sql.charAt(j) == '$' ? j - i + 1 : 0;
    }

    private static int number(String sql, int i) {
        int n = sql.length();
        if (sql.charAt(i) == '0' && i + 1 < n && (sql.charAt(i + 1) == 'x' || sql.charAt(i + 1) == 'X')) {
            int j = i + 2;
            while (j < n && Character.digit(sql.charAt(j), 16) >= 0) {
                j++;
            }
            return j;
        }
        int j = i;
        while (j < n && isDigit(sql.charAt(j))) {
            j++;
        }
        if (j < n && sql.charAt(j) == '.') {
            j++;
            while (j < n && isDigit(sql.charAt(j))) {
                j++;
            }
        }
        if (j < n && (sql.charAt(j) == 'e' || sql.charAt(j) == 'E')) {
            int k = j + 1;
            if (k < n && (sql.charAt(k) == '+' || sql.charAt(k) == '-')) {
                k++;
            }
            if (k < n && isDigit(sql.charAt(k))) {
                j = k;
                while (j < n && isDigit(sql.charAt(j))) {
                    j++;
                }
            }
        }
        return j;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '#';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '#';
    }

    /** The lexical differences between SQL dialects that matter for finding literals. */
    public enum Dialect {
        STANDARD(false, false, true),
        POSTGRESQL(false, false, false),
        MYSQL(true, true, false),
        SQLITE(false, false, true),
        SQLSERVER(false, false, true);

        final boolean backslashEscapes;
        final boolean doubleQuotedStrings;
        final boolean bracketIdentifiers;

        Dialect(boolean backslashEscapes, boolean doubleQuotedStrings, boolean bracketIdentifiers) {
            this.backslashEscapes = backslashEscapes;
            this.doubleQuotedStrings = doubleQuotedStrings;
            this.bracketIdentifiers = bracketIdentifiers;
        }

        /** The dialect for a pair's {@code database_type}; unknown types get the standard rules. */
        public static Dialect of(String databaseType) {
            if (databaseType == null) {
                return STANDARD;
            }
            String t = databaseType.toLowerCase(Locale.ROOT);
            if (t.contains("postgres")) {
                return POSTGRESQL;
            }
            if (t.contains("mysql") || t.contains("maria")) {
                return MYSQL;
            }
            if (t.contains("sqlite")) {
                return SQLITE;
            }
            if (t.contains("sqlserver") || t.contains("mssql") || t.contains("sql server") || t.contains("tsql")) {
                return SQLSERVER;
            }
            return STANDARD;
        }
    }
}
