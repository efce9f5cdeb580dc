package dev.pairstudio.privacy;

import dev.pairstudio.sql.SqlLiteral;
import dev.pairstudio.sql.SqlLiterals;
import java.util.Arrays;

/**
 * Reads a value out of a SQL literal and writes a replacement back in: string literals stay quoted
 * and escaped for their dialect ({@code ''}, or backslashes in MySQL and E'…'), quoted names keep
 * their quotes ({@code ""}, {@code ``}, {@code ]]} escape), numbers stay numbers, comments cannot
 * be closed early.
 */
final class SqlValueCodec {
    private final SqlLiteral literal;
    private final char quote;
    private final boolean backslash;

    SqlValueCodec(String sql, SqlLiteral literal, SqlLiterals.Dialect dialect, boolean quotedName) {
        this.literal = literal;
        char q = literal.valueStart() > 0 ? sql.charAt(literal.valueStart() - 1) : '\'';
        this.quote = literal.kind() == SqlLiteral.Kind.STRING ? (q == '[' ? ']' : q) : 0;
        char prefix = sql.charAt(literal.start());
        this.backslash =
                !quotedName && quote != '$' && (dialect == SqlLiterals.Dialect.MYSQL || prefix == 'E' || prefix == 'e');
    }

    /**
     * Where each character of the decoded value starts in the raw value, plus its end; null when
     * the raw value has no escape (decoded and raw are the same text).
     */
    int[] rawOffsets(String raw) {
        if (quote == 0 || quote == '$' || raw.indexOf(quote) < 0 && !(backslash && raw.indexOf('\\') >= 0)) {
            return null;
        }
        int[] out = new int[raw.length() + 1];
        int k = 0;
        for (int i = 0; i < raw.length(); i++) {
            out[k++] = i;
            char c = raw.charAt(i);
            if (i + 1 < raw.length() && (backslash && c == '\\' || c == quote && raw.charAt(i + 1) == quote)) {
                i++;
            }
        }
        out[k] = raw.length();
        return Arrays.copyOf(out, k + 1);
    }

    boolean numeric() {
        return literal.kind() == SqlLiteral.Kind.NUMBER;
    }

    String decode(String raw) {
        if (quote == 0 || quote == '$') {
            return raw;
        }
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (backslash && c == '\\' && i + 1 < raw.length()) {
                sb.append(raw.charAt(++i));
            } else if (c == quote && i + 1 < raw.length() && raw.charAt(i + 1) == quote) {
                sb.append(c);
                i++;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    String encode(String value) {
        if (literal.kind() == SqlLiteral.Kind.COMMENT) {
            return value.replace("*/", "* /").replace('\n', ' ').replace('\r', ' ');
        }
        if (numeric()) {
            return value;
        }
        if (quote == '$') {
            return value.replace('$', '_');
        }
        StringBuilder sb = new StringBuilder(value.length() + 2);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == quote) {
                sb.append(c);
            } else if (backslash && c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
