package dev.pairstudio.schema;

import dev.pairstudio.pair.QualityFlag;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Soft hints that the question and the SQL disagree: a WHERE/HAVING value the question (or its
 * evidence text, BIRD) never mentions, and a quoted value in the question the SQL lacks. 0 and 1
 * and Y/N, yes/no, T/F, true/false are not required to appear: they are mostly booleans ("active
 * users": {@code active = 1}). Values said otherwise count as said ({@link SpokenValues}): number
 * words, dates in another order or spelling, month names; a date-time value is found by its date;
 * a LIKE pattern's pieces are found without the separators around them ({@code '%-09-%'}, {@code
 * '4:%'}). A quoted question value is found without trailing punctuation, or word by word (a name
 * the SQL splits into first and last name).
 */
final class ConsistencyCheck {
    /** 'value' or "value" or “value” in a question, not an apostrophe inside a word. */
    private static final Pattern QUOTED =
            Pattern.compile("(?<![\\p{L}\\p{N}])(['\"“‘])([^'\"”’\\n]{1,100})(['\"”’])(?![\\p{L}\\p{N}])");

    private static final Set<String> FLAGS = Set.of("0", "1", "y", "n", "yes", "no", "t", "f", "true", "false");
    private static final Pattern DATE_TIME =
            Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[ t]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");
    private static final Pattern WORDS = Pattern.compile("[\\p{L}\\p{N}]{2,}");

    private ConsistencyCheck() {}

    static void check(String question, String evidence, String sql, List<String> conditionValues, Findings findings) {
        String said = SpokenValues.of(question + "\n" + (evidence == null ? "" : evidence));
        for (String value : conditionValues) {
            if (!mentioned(value, said)) {
                findings.inSql(
                        QualityFlag.LITERAL_NOT_IN_QUESTION,
                        value,
                        "the SQL compares with " + quoteForMessage(value)
                                + (evidence == null || evidence.isBlank()
                                        ? ", which the question does not mention"
                                        : ", which neither the question nor its evidence mentions"));
            }
        }
        String sqlText = normalise(sql);
        Matcher m = QUOTED.matcher(question == null ? "" : question);
        while (m.find()) {
            String value = m.group(2).strip().replaceAll("[.,;:!?]+$", "");
            if (!value.isEmpty() && !sqlText.contains(normalise(value)) && !everyWordIn(value, sqlText)) {
                findings.inQuestion(
                        QualityFlag.QUESTION_VALUE_NOT_IN_SQL,
                        m.start(2),
                        m.end(2),
                        "the question quotes " + quoteForMessage(value) + ", which the SQL does not contain");
            }
        }
    }

    /** Every word of two letters or more (a name split over columns: first_name = 'Linda' AND last_name = 'Smith'). */
    private static boolean everyWordIn(String value, String sqlText) {
        Matcher w = WORDS.matcher(normalise(value));
        boolean any = false;
        while (w.find()) {
            any = true;
            if (!Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(w.group()) + "(?![\\p{L}\\p{N}])")
                    .matcher(sqlText)
                    .find()) {
                return false;
            }
        }
        return any;
    }

    private static boolean mentioned(String value, String said) {
        String v = normalise(value).strip();
        if (FLAGS.contains(v) || v.isBlank()) {
            return true;
        }
        Matcher dateTime = DATE_TIME.matcher(v);
        if (dateTime.matches()) {
            return said.contains(dateTime.group(1));
        }
        return said(v, said);
    }

    private static boolean said(String v, String said) {
        if (v.matches("-?\\d+(\\.\\d+)?")) {
            String number = v.startsWith("-") ? v.substring(1) : v;
            number = number.contains(".") ? number.replaceAll("0+$", "").replaceAll("\\.$", "") : number;
            return Pattern.compile("(?<![\\d.])" + Pattern.quote(number) + "(?![\\d])")
                    .matcher(said)
                    .find();
        }
        // LIKE patterns: every piece between wildcards must be there, without the separators at its ends
        if (!v.matches(".*[%_*].*")) {
            return said.contains(v);
        }
        for (String piece : v.split("[%_*]+")) {
            String p = piece.strip().replaceAll("^[-/:.\\s]+|[-/:.\\s]+$", "");
            if (!p.isEmpty() && !said(p, said)) {
                return false;
            }
        }
        return true;
    }

    private static String normalise(String text) {
        return SpokenValues.normalise(text);
    }

    private static String quoteForMessage(String value) {
        return "'" + (value.length() > 60 ? value.substring(0, 57) + "..." : value) + "'";
    }
}
