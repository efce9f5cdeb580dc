package dev.pairstudio.privacy;

import java.util.Arrays;
import java.util.Locale;

/** Small text tests shared by the detectors: token boundaries and context words. */
final class Context {
    private Context() {}

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    static char at(String text, int i) {
        return i >= 0 && i < text.length() ? text.charAt(i) : ' ';
    }

    /**
     * True when the span is glued to a longer token: a letter/digit right beside it, or a
     * {@code - . / _ :} joining it to one (GUIDs, versions, dates, timestamps, longer numbers).
     */
    static boolean gluedToToken(String text, int start, int end) {
        char b1 = at(text, start - 1);
        char b2 = at(text, start - 2);
        if (isWordChar(b1)) {
            return true;
        }
        if ((b1 == '-' || b1 == '.' || b1 == '/' || b1 == '_') && isWordChar(b2)) {
            return true;
        }
        if (b1 == ':' && isAsciiDigit(b2)) {
            return true;
        }
        char a1 = at(text, end);
        char a2 = at(text, end + 1);
        if (isWordChar(a1)) {
            return true;
        }
        return (a1 == '-' || a1 == '.' || a1 == '/' || a1 == '_' || a1 == ':') && isWordChar(a2);
    }

    /** Whether one of the words occurs as a whole word within {@code window} chars before {@code pos}. */
    static boolean wordBefore(String text, int pos, int window, String... words) {
        return wordIn(text, Math.max(0, pos - window), pos, words);
    }

    static boolean wordAfter(String text, int pos, int window, String... words) {
        return wordIn(text, pos, Math.min(text.length(), pos + window), words);
    }

    /** Case-insensitive whole-word search; words are lower-case and may contain spaces or '#'. */
    static boolean wordIn(String text, int from, int to, String... words) {
        for (String w : words) {
            int n = w.length();
            for (int i = from; i + n <= to; i++) {
                if (text.regionMatches(true, i, w, 0, n)
                        && !Character.isLetter(at(text, i - 1))
                        && !Character.isLetter(at(text, i + n))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {start, end} of the last whole-word occurrence of one of the words in {@code [from, to)}, or null. */
    static int[] lastWordIn(String text, int from, int to, String... words) {
        int[] best = null;
        for (String w : words) {
            int n = w.length();
            for (int i = to - n; i >= from && (best == null || i >= best[0]); i--) {
                if (text.regionMatches(true, i, w, 0, n)
                        && !Character.isLetter(at(text, i - 1))
                        && !Character.isLetter(at(text, i + n))) {
                    if (best == null || i > best[0] || i == best[0] && i + n > best[1]) {
                        best = new int[] {i, i + n};
                    }
                    break;
                }
            }
        }
        return best;
    }

    /**
     * The {@code n} words before {@code pos}, nearest first, lower-case ("" when there are fewer).
     * A '#' counts as a word, so "invoice #" reads as {"#", "invoice"}.
     */
    static String[] wordsBefore(String text, int pos, int n) {
        String[] out = new String[n];
        Arrays.fill(out, "");
        int i = pos - 1;
        for (int k = 0; k < n; k++) {
            while (i >= 0 && !isWordChar(text.charAt(i)) && text.charAt(i) != '#') {
                i--;
            }
            if (i < 0 || pos - i > 40) {
                break;
            }
            if (text.charAt(i) == '#') {
                out[k] = "#";
                i--;
                continue;
            }
            int end = i + 1;
            while (i >= 0 && isWordChar(text.charAt(i))) {
                i--;
            }
            out[k] = text.substring(i + 1, end).toLowerCase(Locale.ROOT);
        }
        return out;
    }
}
