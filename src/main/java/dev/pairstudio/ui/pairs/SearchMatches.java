package dev.pairstudio.ui.pairs;

import dev.pairstudio.pair.PairFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Where a filter's search text matches a text, as the store matches it: plain text
 * case-insensitively, a regular expression as written. Marked in the table's cells and in the
 * detail pane.
 */
public final class SearchMatches {
    /** Matches marked in one text at most. */
    private static final int MAX_SPANS = 20;

    private SearchMatches() {}

    /** [start, end) spans in order, none overlapping or empty; none without search text or with a broken expression. */
    public static List<int[]> in(String text, PairFilter f) {
        String q = f == null ? null : f.text();
        if (text == null || q == null || q.isBlank()) {
            return List.of();
        }
        Pattern p;
        try {
            p = f.textIsRegex()
                    ? Pattern.compile(q)
                    : Pattern.compile(Pattern.quote(q), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            return List.of();
        }
        List<int[]> spans = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find() && spans.size() < MAX_SPANS) {
            if (m.end() > m.start()) {
                spans.add(new int[] {m.start(), m.end()});
            }
        }
        return spans;
    }
}
