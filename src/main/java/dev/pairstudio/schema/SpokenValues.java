package dev.pairstudio.schema;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question (and its evidence) as the consistency check reads it: lower-cased, digit groups
 * joined ("1,000" → 1000), and followed by the values it says in words, so that SQL values
 * written otherwise are found: number words ("at least two" → 2, "twice" → 2, "twenty-five" → 25),
 * "more/fewer than N" as the bound it means (N+1, N-1), dates in any common order and spelling
 * ("1976/1/29", "Sep 21, 2010", "7th September, 1987" → 1976-01-29, …) and month names
 * ("September" → 09 and 9).
 */
final class SpokenValues {
    private static final Pattern DIGIT_GROUPS = Pattern.compile("(?<=\\d),(?=\\d{3})");
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("zero", 0),
            Map.entry("one", 1),
            Map.entry("two", 2),
            Map.entry("three", 3),
            Map.entry("four", 4),
            Map.entry("five", 5),
            Map.entry("six", 6),
            Map.entry("seven", 7),
            Map.entry("eight", 8),
            Map.entry("nine", 9),
            Map.entry("ten", 10),
            Map.entry("eleven", 11),
            Map.entry("twelve", 12),
            Map.entry("thirteen", 13),
            Map.entry("fourteen", 14),
            Map.entry("fifteen", 15),
            Map.entry("sixteen", 16),
            Map.entry("seventeen", 17),
            Map.entry("eighteen", 18),
            Map.entry("nineteen", 19),
            Map.entry("twenty", 20),
            Map.entry("thirty", 30),
            Map.entry("forty", 40),
            Map.entry("fifty", 50),
            Map.entry("sixty", 60),
            Map.entry("seventy", 70),
            Map.entry("eighty", 80),
            Map.entry("ninety", 90),
            Map.entry("hundred", 100),
            Map.entry("thousand", 1000),
            Map.entry("million", 1_000_000),
            Map.entry("once", 1),
            Map.entry("twice", 2),
            Map.entry("thrice", 3),
            Map.entry("single", 1),
            Map.entry("dozen", 12),
            Map.entry("first", 1),
            Map.entry("third", 3),
            Map.entry("fourth", 4),
            Map.entry("fifth", 5));
    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile(" ([,.;:])");
    /** "more than two" is {@code >= 3}, "fewer than 5" is {@code <= 4}. */
    private static final Pattern MORE_THAN = Pattern.compile("\\b(?:more|greater|higher|larger|bigger) than (\\d+)\\b");

    private static final Pattern LESS_THAN = Pattern.compile("\\b(?:less|fewer|lower|smaller) than (\\d+)\\b");
    private static final Pattern TENS_UNIT =
            Pattern.compile("\\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ]"
                    + "(one|two|three|four|five|six|seven|eight|nine)\\b");
    private static final Pattern YMD = Pattern.compile("\\b(\\d{4})[/.-](\\d{1,2})[/.-](\\d{1,2})\\b");
    private static final Pattern SLASHED = Pattern.compile("\\b(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})\\b");
    private static final Pattern MONTH_DAY_YEAR =
            Pattern.compile("\\b" + MONTH + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
    private static final Pattern DAY_MONTH_YEAR =
            Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "\\.?,?\\s+(\\d{4})\\b");
    private static final Pattern MONTH_NAME =
            Pattern.compile("\\b(january|february|march|april|june|july|august|september"
                    + "|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\b");

    private SpokenValues() {}

    /** Lower-cased, digit groups joined, runs of white space as one space and none before a comma or full stop. */
    static String normalise(String text) {
        String t = DIGIT_GROUPS.matcher(text == null ? "" : text).replaceAll("").toLowerCase(Locale.ROOT);
        return SPACE_BEFORE_PUNCTUATION
                .matcher(SPACES.matcher(t).replaceAll(" "))
                .replaceAll("$1");
    }

    /** The normalised text, then " | " and the values it says in other words. */
    static String of(String text) {
        String said = normalise(text);
        StringBuilder extra = new StringBuilder(" | ");
        StringBuilder digits = new StringBuilder(); // the text with number words as digits
        Matcher w = WORD.matcher(said);
        while (w.find()) {
            Integer n = NUMBERS.get(w.group());
            if (n != null) {
                extra.append(n).append(' ');
            }
            w.appendReplacement(digits, n == null ? w.group() : String.valueOf(n));
        }
        w.appendTail(digits);
        Matcher more = MORE_THAN.matcher(digits);
        while (more.find()) {
            extra.append(Long.parseLong(more.group(1)) + 1).append(' ');
        }
        Matcher less = LESS_THAN.matcher(digits);
        while (less.find()) {
            extra.append(Long.parseLong(less.group(1)) - 1).append(' ');
        }
        Matcher tens = TENS_UNIT.matcher(said);
        while (tens.find()) {
            extra.append(NUMBERS.get(tens.group(1)) + NUMBERS.get(tens.group(2)))
                    .append(' ');
        }
        Matcher m = YMD.matcher(said);
        while (m.find()) {
            date(extra, m.group(1), m.group(2), m.group(3));
        }
        m = SLASHED.matcher(said);
        while (m.find()) {
            date(extra, m.group(3), m.group(1), m.group(2)); // month first (US)
            date(extra, m.group(3), m.group(2), m.group(1)); // or day first
        }
        m = MONTH_DAY_YEAR.matcher(said);
        while (m.find()) {
            date(extra, m.group(3), String.valueOf(month(m.group(1))), m.group(2));
        }
        m = DAY_MONTH_YEAR.matcher(said);
        while (m.find()) {
            date(extra, m.group(3), String.valueOf(month(m.group(2))), m.group(1));
        }
        m = MONTH_NAME.matcher(said);
        while (m.find()) {
            int month = month(m.group(1));
            extra.append(String.format(Locale.ROOT, "%02d %d ", month, month));
        }
        return said + extra;
    }

    private static void date(StringBuilder out, String year, String month, String day) {
        int mo = Integer.parseInt(month);
        int d = Integer.parseInt(day);
        if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) {
            out.append(String.format(Locale.ROOT, "%s-%02d-%02d ", year, mo, d));
        }
    }

    private static int month(String name) {
        String[] months = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
        for (int i = 0; i < months.length; i++) {
            if (name.startsWith(months[i])) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("not a month: " + name);
    }
}
