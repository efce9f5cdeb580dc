package dev.pairstudio.schema;

import dev.pairstudio.sql.SqlAnalyzer;
import dev.pairstudio.sql.SqlLiteral;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a DDL script at semicolons outside strings, quoted names and comments, remembering the
 * line where each statement starts, so that a statement that does not parse is reported alone
 * and the others are still imported.
 */
final class DdlScript {
    record Piece(int line, String text) {}

    private DdlScript() {}

    static List<Piece> split(String script, String dialect) {
        List<SqlLiteral> spans = SqlAnalyzer.literals(script, dialect);
        List<Piece> out = new ArrayList<>();
        int start = 0;
        int span = 0;
        for (int i = 0; i < script.length(); i++) {
            while (span < spans.size() && spans.get(span).end() <= i) {
                span++;
            }
            if (span < spans.size() && spans.get(span).start() <= i) {
                i = spans.get(span).end() - 1; // inside a string or comment
                continue;
            }
            if (script.charAt(i) == ';') {
                add(out, script, start, i, spans);
                start = i + 1;
            }
        }
        add(out, script, start, script.length(), spans);
        return out;
    }

    /** Adds the statement in {@code [from, to)} unless it is only blanks and comments; its line is that of its first code. */
    private static void add(List<Piece> out, String script, int from, int to, List<SqlLiteral> spans) {
        int first = from;
        while (first < to) {
            if (Character.isWhitespace(script.charAt(first))) {
                first++;
                continue;
            }
            int at = first;
            SqlLiteral comment = spans.stream()
                    .filter(s -> s.kind() == SqlLiteral.Kind.COMMENT && s.start() == at)
                    .findFirst()
                    .orElse(null);
            if (comment == null) {
                break;
            }
            first = comment.end();
        }
        if (first >= to) {
            return;
        }
        int line = 1;
        for (int i = 0; i < first; i++) {
            if (script.charAt(i) == '\n') {
                line++;
            }
        }
        out.add(new Piece(line, script.substring(first, to).trim()));
    }
}
