package dev.pairstudio.schema;

import java.util.Locale;

/**
 * How identifiers compare: without their quotes ({@code "x"}, {@code `x`}, {@code [x]}) and
 * case-insensitively. Strictly, PostgreSQL's quoted names are case-sensitive; matching loosely
 * means a curator is never told a column is missing when it exists under another case.
 */
final class Names {
    private Names() {}

    static String key(String name) {
        return unquote(name).toLowerCase(Locale.ROOT);
    }

    static String unquote(String name) {
        if (name == null) {
            return "";
        }
        String n = name.trim();
        if (n.length() >= 2) {
            char a = n.charAt(0);
            char z = n.charAt(n.length() - 1);
            if (a == '"' && z == '"' || a == '`' && z == '`' || a == '[' && z == ']') {
                return n.substring(1, n.length() - 1);
            }
        }
        return n;
    }
}
