package dev.pairstudio.schema;

import dev.pairstudio.pair.QualityFlag;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Soft hints that the question and the SQL disagree: a WHERE/HAVING value the question (or its
 * evidence text, BIRD) never mentions, and a quoted value in the question the SQL lacks. 0 and 1
 * are not required to appear: they are mostly booleans ("active users": {@code active = 1}).
 */
final class ConsistencyCheck {
    /** 'value' or "value" or “value” in a question, not an apostrophe inside a word. */
    private static final Pattern QUOTED = Pattern.compile("(?<![\\p{L}\\p{N}])(['\"“‘])([^'\"”’\\n]{1,100})(['\"”’])(?![\\p{L}\\p{N}])");
    private static final Pattern DIGIT_GROUPS = Pattern.compile("(?<=\\d),(?=\\d{3})");

    private ConsistencyCheck() {
    }

    static void check(String question, String evidence, String sql, List<String> conditionValues, Findings findings) {
        String said = normalise(question + "\n" + (evidence == null ? "" : evidence));
        for (String value : conditionValues) {
            if (!mentioned(value, said)) {
                findings.inSql(QualityFlag.LITERAL_NOT_IN_QUESTION, value, "the SQL compares with " + quoteForMessage(value)
                        + (evidence == null || evidence.isBlank() ? ", which the question does not mention"
                                : ", which neither the question nor its evidence mentions"));
            }
        }
        String sqlText = normalise(sql);
        Matcher m = QUOTED.matcher(question == null ? "" : question);
        while (m.find()) {
            String value = m.group(2).strip();
            if (!value.isEmpty() && !sqlText.contains(normalise(value))) {
                findings.inQuestion(QualityFlag.QUESTION_VALUE_NOT_IN_SQL, m.start(2), m.end(2),
                        "the question quotes " + quoteForMessage(value) + ", which the SQL does not contain");
            }
        }
    }

    private static boolean mentioned(String value, String said) {
        String v = normalise(value);
        if (v.equals("0") || v.equals("1") || v.isBlank()) {
            return true;
        }
        if (v.matches("-?\\d+(\\.\\d+)?")) {
            String number = v.startsWith("-") ? v.substring(1) : v;
            number = number.contains(".") ? number.replaceAll("0+$", "").replaceAll("\\.$", "") : number;
            return Pattern.compile("(?<![\\d.])" + Pattern.quote(number) + "(?![\\d])").matcher(said).find();
        }
        // LIKE patterns: every piece between wildcards must be there
        for (String piece : v.split("[%_*]+")) {
            if (!piece.isBlank() && !said.contains(piece.strip())) {
                return false;
            }
        }
        return true;
    }

    private static String normalise(String text) {
        return DIGIT_GROUPS.matcher(text == null ? "" : text).replaceAll("").toLowerCase(Locale.ROOT);
    }

    private static String quoteForMessage(String value) {
        return "'" + (value.length() > 60 ? value.substring(0, 57) + "..." : value) + "'";
    }
}
