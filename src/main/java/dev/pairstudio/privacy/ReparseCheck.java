package dev.pairstudio.privacy;

import dev.pairstudio.sql.DialectParse;
import dev.pairstudio.sql.SqlLiteral;
import dev.pairstudio.sql.SqlLiterals;
import java.util.List;

/**
 * "The anonymized SQL must re-parse": if the original parses in the pair's dialect, the anonymized
 * SQL must parse too; if it does not (dialect features JSqlParser lacks), the lexer must see the
 * same literals and quoted names, in number and kind.
 *
 * <p>Constructing JSqlParser costs ~100–300 µs, more than anonymizing a pair, so {@link #holdsCheaply}
 * skips it when it cannot change the outcome: every character outside the literal values is
 * unchanged, the lexer sees the same literals, and no replacement contains a character that a
 * SQL lexer treats specially inside a literal (quotes, backslash, '$', line breaks).
 */
final class ReparseCheck {
    /** Larger statements get only the lexer check: the parser's time grows too fast with size. */
    static final int MAX_PARSE_CHARS = 100_000;

    private ReparseCheck() {}

    /**
     * True when the replacement kept the SQL as valid as it was; {@code replacements} are the
     * inserted texts, checked for characters that could end a literal early.
     */
    static boolean holdsCheaply(
            String before, String after, SqlLiterals.Dialect dialect, String databaseType, List<String> replacements) {
        boolean plain = true;
        for (String r : replacements) {
            for (int i = 0; i < r.length() && plain; i++) {
                plain = "'\"\\$`]\n\r".indexOf(r.charAt(i)) < 0;
            }
        }
        return plain && sameOutsideValues(before, after, dialect) || holds(before, after, dialect, databaseType);
    }

    /** Same literals in number and kind, and the same text between their values. */
    static boolean sameOutsideValues(String before, String after, SqlLiterals.Dialect dialect) {
        SqlValues a = SqlValues.of(before, dialect);
        SqlValues b = SqlValues.of(after, dialect);
        if (a.size() != b.size()) {
            return false;
        }
        int pa = 0;
        int pb = 0;
        for (int i = 0; i < a.size(); i++) {
            SqlLiteral x = a.get(i);
            SqlLiteral y = b.get(i);
            if (x.kind() != y.kind()
                    || a.isName(i) != b.isName(i)
                    || x.valueStart() - pa != y.valueStart() - pb
                    || !before.regionMatches(pa, after, pb, x.valueStart() - pa)) {
                return false;
            }
            pa = x.valueEnd();
            pb = y.valueEnd();
        }
        return before.length() - pa == after.length() - pb && before.regionMatches(pa, after, pb, before.length() - pa);
    }

    /** True when the replacement kept the SQL as valid as it was. */
    static boolean holds(String before, String after, SqlLiterals.Dialect dialect, String databaseType) {
        if (after.length() <= MAX_PARSE_CHARS && before.length() <= MAX_PARSE_CHARS) {
            if (DialectParse.parses(after, databaseType)) {
                return true;
            }
            if (DialectParse.parses(before, databaseType)) {
                return false;
            }
        }
        return sameLiterals(before, after, dialect);
    }

    static boolean sameLiterals(String before, String after, SqlLiterals.Dialect dialect) {
        SqlValues a = SqlValues.of(before, dialect);
        SqlValues b = SqlValues.of(after, dialect);
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).kind() != b.get(i).kind() || a.isName(i) != b.isName(i)) {
                return false;
            }
        }
        return true;
    }
}
