package dev.pairstudio.privacy;

import java.util.List;

/**
 * Occurrences of the pair's database name as a whole word. A name with a digit, '_' or '-' is
 * distinctive and matched in any case; a plain word ("sales") only with its exact spelling, so
 * that ordinary words in a question are not taken for it.
 */
final class DatabaseNameDetector implements Detector {
    private final String name;
    private final boolean ignoreCase;
    private final char first;

    DatabaseNameDetector(String name) {
        this.name = name;
        boolean distinctive = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            distinctive |= Character.isDigit(c) || c == '_' || c == '-';
        }
        this.ignoreCase = distinctive;
        this.first = Character.toLowerCase(name.charAt(0));
    }

    @Override
    public void detect(String text, int from, int to, Field field, RegionStats stats, List<Finding> out) {
        int n = name.length();
        for (int i = from; i + n <= to; i++) {
            char c = text.charAt(i);
            if ((c == first || Character.toLowerCase(c) == first)
                    && text.regionMatches(ignoreCase, i, name, 0, n)
                    && !Context.isWordChar(Context.at(text, i - 1))
                    && !Context.isWordChar(Context.at(text, i + n))) {
                out.add(new Finding(field, i, i + n, PiiType.DB_NAME, 0.9));
                i += n - 1;
            }
        }
    }
}
