package dev.pairstudio.sql;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The form in which two questions count as the same: Unicode NFKC (full-width letters,
 * ligatures and non-breaking spaces fold to their plain forms), lower case, whitespace runs
 * collapsed to one space, and no punctuation or space at either end ("How many users?" equals
 * "how many users").
 */
public final class QuestionNormalizer {
    private QuestionNormalizer() {}

    public static String normalize(String question) {
        if (question == null) {
            return "";
        }
        String s = Normalizer.normalize(question, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        int end = out.length();
        while (end > 0 && isTrailingPunctuation(out.charAt(end - 1))) {
            end--;
        }
        return out.substring(0, end).trim();
    }

    private static boolean isTrailingPunctuation(char c) {
        if (Character.isWhitespace(c)) {
            return true;
        }
        switch (Character.getType(c)) {
            case Character.OTHER_PUNCTUATION:
            case Character.END_PUNCTUATION:
            case Character.FINAL_QUOTE_PUNCTUATION:
            case Character.DASH_PUNCTUATION:
                // a closing bracket or quote that belongs to the text stays: "(in 2020)" keeps its ")"
                return c != ')' && c != ']' && c != '"' && c != '\'' && c != '\u201D';
            default:
                return false;
        }
    }
}
