package dev.pairstudio.schema;

import java.util.Collection;

/**
 * "did you mean name?" for a name the schema lacks: the candidate that differs only in case, in
 * singular/plural ({@code singers}, {@code categories}), or by the fewest typing slips (an edit,
 * a swap of neighbours), when few enough for the name's length that it is likely the one meant.
 * Nothing when two candidates are equally close.
 */
final class Suggestion {
    private Suggestion() {}

    /** {@code "; did you mean name?"}, or "" when no candidate is close enough. */
    static String didYouMean(String name, Collection<String> candidates) {
        String best = closest(name, candidates);
        return best == null ? "" : "; did you mean " + best + "?";
    }

    static String closest(String name, Collection<String> candidates) {
        String key = Names.key(name);
        if (key.isEmpty()) {
            return null;
        }
        int limit = key.length() <= 3 ? 1 : key.length() <= 7 ? 2 : 3;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (String candidate : candidates) {
            String c = Names.key(candidate);
            int raw = distance(key, c);
            int slips = c.equals(key) ? 0 : plural(key, c) ? 1 : raw;
            if (slips > limit || slips >= c.length()) {
                continue;
            }
            int d = slips * 100 + raw; // equally many slips: the fewer edits wins (citys: city before cities)
            if (d < bestDistance) {
                best = Names.unquote(candidate);
                bestDistance = d;
                tie = false;
            } else if (d == bestDistance && !Names.key(best).equals(c)) {
                tie = true;
            }
        }
        return tie ? null : best;
    }

    private static boolean plural(String a, String b) {
        return singular(a).equals(singular(b));
    }

    private static String singular(String w) {
        if (w.endsWith("ies") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("es")
                && w.length() > 3
                && (w.endsWith("ses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes"))) {
            return w.substring(0, w.length() - 2);
        }
        if (w.endsWith("s") && !w.endsWith("ss") && w.length() > 2) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** Damerau-Levenshtein (optimal string alignment) distance: an insertion, deletion, change or swap of neighbours is one. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
