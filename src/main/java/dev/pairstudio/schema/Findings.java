package dev.pairstudio.schema;

import dev.pairstudio.pair.QualityFlag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects the messages of one pair's checks and locates the offending text: the first
 * occurrence, as a whole word and case-insensitively, of what the parser reported (JSqlParser
 * keeps no positions). The same message is kept once.
 */
final class Findings {
    private final String sql;
    private final String question;
    private final List<ValidationMessage> messages = new ArrayList<>();

    Findings(String sql, String question) {
        this.sql = sql == null ? "" : sql;
        this.question = question == null ? "" : question;
    }

    void inSql(QualityFlag flag, String part, String text) {
        add(new ValidationMessage(flag, ValidationMessage.SQL, at(sql, part), end(sql, part), text));
    }

    /**
     * A table name: located where it is used as a table (after FROM, JOIN, INTO, UPDATE or a comma
     * in a FROM list), not where the same word first appears (a CTE's definition, a column).
     */
    void tableInSql(QualityFlag flag, String table, String text) {
        Matcher m = table == null || table.isBlank()
                ? null
                : Pattern.compile("(?<=(?:\\bfrom|\\bjoin|\\binto|\\bupdate|,)\\s{0,40})"
                                + Pattern.quote(table.toLowerCase(Locale.ROOT)) + "(?![\\w$])")
                        .matcher(sql.toLowerCase(Locale.ROOT));
        if (m != null && m.find()) {
            add(new ValidationMessage(flag, ValidationMessage.SQL, m.start(), m.end(), text));
        } else {
            inSql(flag, table, text);
        }
    }

    void inQuestion(QualityFlag flag, int start, int end, String text) {
        add(new ValidationMessage(flag, ValidationMessage.QUESTION, start, end, text));
    }

    /** Forgets every schema error found so far (a real database accepted the query). */
    void dropSchemaErrors() {
        messages.removeIf(m -> m.flag().schemaError());
    }

    boolean any(QualityFlag flag) {
        return messages.stream().anyMatch(m -> m.flag() == flag);
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    List<ValidationMessage> messages() {
        return messages;
    }

    private void add(ValidationMessage m) {
        if (!messages.contains(m)) {
            messages.add(m);
        }
    }

    private static int at(String text, String part) {
        Matcher m = find(text, part);
        return m == null ? -1 : m.start();
    }

    private static int end(String text, String part) {
        Matcher m = find(text, part);
        return m == null ? -1 : m.end();
    }

    private static Matcher find(String text, String part) {
        if (part == null || part.isBlank()) {
            return null;
        }
        String p = Pattern.quote(part.toLowerCase(Locale.ROOT));
        Matcher m = Pattern.compile("(?<![\\w$])" + p + "(?![\\w$])").matcher(text.toLowerCase(Locale.ROOT));
        return m.find() ? m : null;
    }
}
