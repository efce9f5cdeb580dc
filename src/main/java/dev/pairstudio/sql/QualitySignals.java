package dev.pairstudio.sql;

import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.pair.QueryType;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The per-pair quality flags that follow from one question and its SQL analysis: UNPARSEABLE,
 * SHORT_QUESTION and the soft TYPE_MISMATCH hint. Duplicates come from {@link DuplicateGrouper},
 * personal data from the privacy engine, failed execution from the pair itself.
 *
 * <p>TYPE_MISMATCH is conservative: it reads only the question's leading verb (after "please",
 * "can you" and the like), so "How many orders were deleted?" is a read question, and flags only
 * clear contradictions: a reading question (how many, list, show, what, …) answered by
 * DELETE/DROP/UPDATE/INSERT/MERGE/ALTER/CREATE; "delete/remove …" answered by SELECT, INSERT or
 * CREATE; "add/insert …" answered by DELETE or DROP; "update/change/set …" answered by SELECT,
 * DELETE or DROP.
 */
public final class QualitySignals {
    public static final int SHORT_QUESTION_LENGTH = 10;

    private static final Set<String> READ = Set.of(
            "how",
            "list",
            "show",
            "what",
            "which",
            "who",
            "whom",
            "whose",
            "find",
            "count",
            "display",
            "give",
            "get",
            "return",
            "retrieve",
            "fetch",
            "tell",
            "select",
            "when",
            "where",
            "is",
            "are",
            "was",
            "were",
            "does",
            "do",
            "did",
            "name",
            "identify",
            "calculate",
            "compute");
    private static final Set<String> DELETE = Set.of("delete", "remove", "erase", "purge");
    private static final Set<String> INSERT = Set.of("insert", "add");
    private static final Set<String> UPDATE = Set.of("update", "change", "modify", "set", "rename");
    static final Set<String> POLITE = Set.of(
            "please", "can", "could", "would", "you", "i", "we", "want", "need", "to", "like", "kindly", "let's",
            "lets", "me", "help");

    private QualitySignals() {}

    public static Set<QualityFlag> flags(SqlAnalysis analysis, String question) {
        Set<QualityFlag> flags = EnumSet.noneOf(QualityFlag.class);
        if (!analysis.parsed()) {
            flags.add(QualityFlag.UNPARSEABLE);
        }
        String q = question == null ? "" : question.strip();
        if (q.codePointCount(0, q.length()) < SHORT_QUESTION_LENGTH) {
            flags.add(QualityFlag.SHORT_QUESTION);
        }
        if (typeMismatch(analysis.type(), q)) {
            flags.add(QualityFlag.TYPE_MISMATCH);
        }
        return flags;
    }

    static boolean typeMismatch(QueryType type, String question) {
        String verb = leadingVerb(question);
        if (verb == null || type == QueryType.OTHER) {
            return false;
        }
        if (READ.contains(verb)) {
            return type != QueryType.SELECT;
        }
        if (DELETE.contains(verb)) {
            return type == QueryType.SELECT || type == QueryType.INSERT || type == QueryType.CREATE;
        }
        if (INSERT.contains(verb)) {
            return type == QueryType.DELETE || type == QueryType.DROP;
        }
        if (UPDATE.contains(verb)) {
            return type == QueryType.SELECT || type == QueryType.DELETE || type == QueryType.DROP;
        }
        return false;
    }

    /**
     * The first word not in {@link #POLITE}, lower-cased; words are runs of letters, numbers and
     * apostrophes ({@code split("[^\\p{L}\\p{N}']+")} of the lower-cased question, scanned by hand:
     * the regular expression was an eighth of an import's analysis, issue 24 item 4).
     */
    static String leadingVerb(String question) {
        String q = question.toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < q.length()) {
            int start = i;
            while (i < q.length() && isWordChar(q.codePointAt(i))) {
                i += Character.charCount(q.codePointAt(i));
            }
            if (i > start) {
                String w = q.substring(start, i);
                if (!POLITE.contains(w)) {
                    return w;
                }
            }
            while (i < q.length() && !isWordChar(q.codePointAt(i))) {
                i += Character.charCount(q.codePointAt(i));
            }
        }
        return null;
    }

    /** {@code [\\p{L}\\p{N}']}: letters (Lu, Ll, Lt, Lm, Lo), numbers (Nd, Nl, No) and the apostrophe. */
    private static boolean isWordChar(int cp) {
        if (cp == '\'' || Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }
}
