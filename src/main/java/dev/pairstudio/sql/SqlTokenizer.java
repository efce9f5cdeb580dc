package dev.pairstudio.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL into tokens around the literal spans of {@link SqlLiterals}, so that both agree on
 * what is a literal. Works on any text: it never fails, it only produces fewer useful tokens.
 */
final class SqlTokenizer {
    private SqlTokenizer() {}

    static List<SqlToken> tokenize(String sql, List<SqlLiteral> literals, SqlLiterals.Dialect dialect) {
        List<SqlToken> out = new ArrayList<>(Math.max(16, sql.length() / 4));
        int pos = 0;
        for (SqlLiteral lit : literals) {
            lexSegment(sql, pos, lit.start(), dialect, out);
            if (lit.kind() != SqlLiteral.Kind.COMMENT) {
                SqlToken.Kind kind = lit.kind() == SqlLiteral.Kind.NUMBER ? SqlToken.Kind.NUMBER : SqlToken.Kind.STRING;
                out.add(new SqlToken(kind, lit.start(), lit.end(), sql.substring(lit.start(), lit.end())));
            }
            pos = lit.end();
        }
        lexSegment(sql, pos, sql.length(), dialect, out);
        return out;
    }

    /** Lexes text that holds no literals and no comments. */
    private static void lexSegment(String sql, int from, int to, SqlLiterals.Dialect dialect, List<SqlToken> out) {
        int i = from;
        while (i < to) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (isWordPart(c) && c != '$') {
                int j = i + 1;
                while (j < to && isWordPart(sql.charAt(j))) {
                    j++;
                }
                out.add(new SqlToken(SqlToken.Kind.WORD, i, j, sql.substring(i, j)));
                i = j;
            } else if (c == '"' || c == '`' || (c == '[' && dialect.bracketIdentifiers)) {
                i = quotedIdentifier(sql, i, to, c == '[' ? ']' : c, out);
            } else if (c == '?'
                    || ((c == '$' || c == ':' || c == '@') && i + 1 < to && isWordPart(sql.charAt(i + 1)))) {
                int j = i + 1;
                while (j < to && isWordPart(sql.charAt(j))) {
                    j++;
                }
                out.add(new SqlToken(SqlToken.Kind.PARAMETER, i, j, sql.substring(i, j)));
                i = j;
            } else {
                out.add(new SqlToken(SqlToken.Kind.SYMBOL, i, i + 1, String.valueOf(c)));
                i++;
            }
        }
    }

    private static int quotedIdentifier(String sql, int open, int to, char close, List<SqlToken> out) {
        StringBuilder name = new StringBuilder();
        int i = open + 1;
        while (i < to) {
            char c = sql.charAt(i);
            if (c == close) {
                if (close != ']' && i + 1 < to && sql.charAt(i + 1) == close) {
                    name.append(c);
                    i += 2;
                    continue;
                }
                out.add(new SqlToken(SqlToken.Kind.QUOTED_IDENTIFIER, open, i + 1, name.toString()));
                return i + 1;
            }
            name.append(c);
            i++;
        }
        out.add(new SqlToken(SqlToken.Kind.QUOTED_IDENTIFIER, open, to, name.toString()));
        return to;
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '#';
    }
}
