package dev.pairstudio.sql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The shape of a query: literals and parameters become {@code ?}, keywords are upper-cased,
 * unquoted identifiers lower-cased, quoted ones written {@code "Name"}, whitespace and comments
 * dropped, and an {@code IN} list of placeholders collapsed to one, so that queries differing
 * only in their values share a template. Lexical only, so unparseable SQL has one too.
 */
public final class SqlTemplate {
    private static final Set<String> KEYWORDS = Set.of(
            "ALL",
            "ALTER",
            "AND",
            "ANY",
            "AS",
            "ASC",
            "BETWEEN",
            "BY",
            "CASE",
            "CAST",
            "CONFLICT",
            "CREATE",
            "CROSS",
            "CURRENT",
            "DATABASE",
            "DEFAULT",
            "DELETE",
            "DESC",
            "DISTINCT",
            "DO",
            "DROP",
            "DUPLICATE",
            "ELSE",
            "END",
            "ESCAPE",
            "EXCEPT",
            "EXISTS",
            "EXPLAIN",
            "EXTRACT",
            "FALSE",
            "FETCH",
            "FIRST",
            "FOLLOWING",
            "FOR",
            "FROM",
            "FULL",
            "GROUP",
            "HAVING",
            "IF",
            "ILIKE",
            "IN",
            "INDEX",
            "INNER",
            "INSERT",
            "INTERSECT",
            "INTERVAL",
            "INTO",
            "IS",
            "JOIN",
            "KEY",
            "LATERAL",
            "LEFT",
            "LIKE",
            "LIMIT",
            "MATCHED",
            "MERGE",
            "MINUS",
            "NATURAL",
            "NEXT",
            "NOT",
            "NOTHING",
            "NULL",
            "NULLS",
            "OFFSET",
            "ON",
            "ONLY",
            "OR",
            "ORDER",
            "OUTER",
            "OVER",
            "PARTITION",
            "PRECEDING",
            "PRIMARY",
            "RECURSIVE",
            "REPLACE",
            "RETURNING",
            "RIGHT",
            "ROW",
            "ROWS",
            "SELECT",
            "SET",
            "TABLE",
            "THEN",
            "TIES",
            "TO",
            "TOP",
            "TRUE",
            "TRUNCATE",
            "UNBOUNDED",
            "UNION",
            "UNIQUE",
            "UPDATE",
            "USING",
            "VALUES",
            "VIEW",
            "WHEN",
            "WHERE",
            "WINDOW",
            "WITH",
            "WITHIN");

    private SqlTemplate() {}

    /** The template of {@code sql} read with the lexical rules of {@code databaseType}. */
    public static String of(String sql, String databaseType) {
        if (sql == null) {
            return "";
        }
        SqlLiterals.Dialect dialect = SqlLiterals.Dialect.of(databaseType);
        return of(SqlTokenizer.tokenize(sql, SqlLiterals.find(sql, dialect), dialect));
    }

    /** Hex of the first 16 bytes of SHA-256 of {@link #of(String, String)}. */
    public static String fingerprint(String sql, String databaseType) {
        return hash(of(sql, databaseType));
    }

    static String of(List<SqlToken> tokens) {
        List<String> parts = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken t = tokens.get(i);
            switch (t.kind()) {
                case STRING, NUMBER, PARAMETER -> {
                    dropUnarySign(parts, tokens, i);
                    parts.add("?");
                }
                case QUOTED_IDENTIFIER -> parts.add('"' + t.text().replace("\"", "\"\"") + '"');
                case WORD -> {
                    String upper = t.text().toUpperCase(Locale.ROOT);
                    parts.add(KEYWORDS.contains(upper) ? upper : t.text().toLowerCase(Locale.ROOT));
                }
                case SYMBOL -> {
                    parts.add(t.text());
                    collapseInList(parts);
                }
            }
        }
        while (!parts.isEmpty() && parts.get(parts.size() - 1).equals(";")) {
            parts.remove(parts.size() - 1);
        }
        return String.join(" ", parts);
    }

    /** {@code x = -5} and {@code x = 5} share a shape: a sign right after an operator belongs to the value. */
    private static void dropUnarySign(List<String> parts, List<SqlToken> tokens, int i) {
        if (i < 2 || tokens.get(i).kind() != SqlToken.Kind.NUMBER) {
            return;
        }
        SqlToken sign = tokens.get(i - 1);
        SqlToken before = tokens.get(i - 2);
        boolean unary = before.kind() == SqlToken.Kind.SYMBOL && !before.isSymbol(')')
                || before.kind() == SqlToken.Kind.WORD
                        && KEYWORDS.contains(before.text().toUpperCase(Locale.ROOT));
        if ((sign.isSymbol('-') || sign.isSymbol('+'))
                && unary
                && sign.end() == tokens.get(i).start()) {
            parts.remove(parts.size() - 1);
        }
    }

    /**
     * After a closing parenthesis: {@code IN ( ? , ? , ? )} becomes {@code IN ( ? )}. Only a
     * well-formed list (placeholders separated by single commas) collapses, so that
     * {@code IN ('a', , 'b')} keeps a shape of its own.
     */
    private static void collapseInList(List<String> parts) {
        int n = parts.size();
        if (n < 4 || !parts.get(n - 1).equals(")")) {
            return;
        }
        int open = n - 2;
        boolean placeholder = true; // walking backwards: ?, then ",", then ?, …
        while (open >= 0 && parts.get(open).equals(placeholder ? "?" : ",")) {
            open--;
            placeholder = !placeholder;
        }
        // the walk must stop after a placeholder (on "(") and have passed at least one
        if (open < 1
                || open == n - 2
                || placeholder
                || !parts.get(open).equals("(")
                || !parts.get(open - 1).equals("IN")) {
            return;
        }
        if (n - open - 2 > 1) {
            parts.subList(open + 1, n - 1).clear();
            parts.add(open + 1, "?");
        }
    }

    /** One digest per thread: looking the algorithm up was 4 % of an import's analysis (issue 24 item 4). */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    });

    static String hash(String template) {
        byte[] digest = SHA_256.get().digest(template.getBytes(StandardCharsets.UTF_8)); // digest() resets it
        StringBuilder hex = new StringBuilder(32);
        for (int i = 0; i < 16; i++) {
            hex.append(Character.forDigit((digest[i] >> 4) & 0xF, 16)).append(Character.forDigit(digest[i] & 0xF, 16));
        }
        return hex.toString();
    }
}
