package dev.pairstudio.privacy;

import java.util.List;

/** Whole-word, case-insensitive occurrences of a deny-list's values. */
final class DenyListDetector implements Detector {
    private final DenyList list;

    DenyListDetector(DenyList list) {
        this.list = list;
    }

    @Override
    public void detect(String text, int from, int to, Field field, RegionStats stats, List<Finding> out) {
        for (String v : list.values()) {
            int n = v.length();
            char first = Character.toLowerCase(v.charAt(0));
            for (int i = from; i + n <= to; i++) {
                if (Character.toLowerCase(text.charAt(i)) == first
                        && text.regionMatches(true, i, v, 0, n)
                        && !(Context.isWordChar(v.charAt(0)) && Context.isWordChar(Context.at(text, i - 1)))
                        && !(Context.isWordChar(v.charAt(n - 1)) && Context.isWordChar(Context.at(text, i + n)))) {
                    out.add(new Finding(field, i, i + n, list.type(), 1.0));
                    i += n - 1;
                }
            }
        }
    }
}
