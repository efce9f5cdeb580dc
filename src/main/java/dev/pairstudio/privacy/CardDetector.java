package dev.pairstudio.privacy;

import java.util.ArrayList;
import java.util.List;

/**
 * Payment cards: 12–19 digits, optionally grouped by single spaces or single dashes (one kind per
 * number), that pass Luhn and fit a network's issuer range and length ({@link CardBrand}). A card
 * word nearby ("card", "cc", "Kreditkarte", …) also raises a whole Luhn-valid run outside the
 * table; a 12-digit Maestro needs one too, being as often an order number. A digit run longer
 * than a card is never cut into one.
 */
final class CardDetector implements Detector {
    private static final int MIN_DIGITS = 12;

    @Override
    public void detect(String text, int from, int to, Field field, RegionStats stats, List<Finding> out) {
        if (stats.digits() < MIN_DIGITS) {
            return;
        }
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (!Context.isAsciiDigit(c) || startsInsideToken(text, i)) {
                i = skipToken(text, i, to);
                continue;
            }
            i = scanRun(text, i, to, field, out);
        }
    }

    /** Scans a run of digit groups from {@code start}; returns where scanning continues. */
    private static int scanRun(String text, int start, int to, Field field, List<Finding> out) {
        List<int[]> groups = new ArrayList<>(); // {start, end} of each digit group
        char sep = 0;
        int i = start;
        while (true) {
            int g = i;
            while (i < to && Context.isAsciiDigit(text.charAt(i))) {
                i++;
            }
            groups.add(new int[] {g, i});
            if (i + 1 < to
                    && (text.charAt(i) == ' ' || text.charAt(i) == '-')
                    && (sep == 0 || sep == text.charAt(i))
                    && Context.isAsciiDigit(text.charAt(i + 1))) {
                sep = text.charAt(i);
                i++;
            } else {
                break;
            }
        }
        int runEnd = i;
        // the run must not continue as a longer token (letters, decimals, more digits glued by '.')
        boolean gluedAfter = Context.isWordChar(Context.at(text, runEnd))
                || (Context.at(text, runEnd) == '.' && Context.isAsciiDigit(Context.at(text, runEnd + 1)));
        int g = 0;
        while (g < groups.size()) {
            int matchedUpTo = tryFrom(text, groups, g, runEnd, gluedAfter, field, out);
            g = matchedUpTo > g ? matchedUpTo : g + 1;
        }
        return runEnd;
    }

    /** Tries the longest valid card starting at group {@code g}; returns the next group index to try. */
    private static int tryFrom(
            String text, List<int[]> groups, int g, int runEnd, boolean gluedAfter, Field field, List<Finding> out) {
        StringBuilder digits = new StringBuilder(19);
        int bestEnd = -1;
        String context = null;
        for (int k = g; k < groups.size(); k++) {
            int[] grp = groups.get(k);
            digits.append(text, grp[0], grp[1]);
            if (digits.length() > 19) {
                break;
            }
            boolean atRunEnd = k == groups.size() - 1;
            String d = digits.toString();
            if (d.length() < MIN_DIGITS || atRunEnd && gluedAfter || !CardBrand.luhnValid(d)) {
                continue;
            }
            boolean known =
                    CardBrand.of(d) != null && d.length() > MIN_DIGITS || amexDinersGrouping(text, groups, g, k);
            // what validation alone rejects must be a whole run: "5235 3997 1854 5402" holds no card of 12
            boolean wholeRun = g == 0 && atRunEnd;
            String ctx = known || !wholeRun ? null : ContextWords.CARD.around(text, groups.get(g)[0], grp[1]);
            if (known
                    && ContextWords.PHONE.rightBefore(text, groups.get(g)[0])
                    && ContextWords.CARD.around(text, groups.get(g)[0], grp[1]) == null) {
                continue; // "Tel. 4123 4567 8901 2" reads as the phone it is said to be
            }
            if (known || ctx != null) {
                bestEnd = k;
                context = ctx;
            }
        }
        if (bestEnd < 0) {
            return g;
        }
        out.add(new Finding(
                field, groups.get(g)[0], groups.get(bestEnd)[1], PiiType.CARD, context == null ? 0.97 : 0.9, context));
        return bestEnd + 1;
    }

    /** 4-6-4 or 4-6-5 from a 3: the grouping printed on Amex and Diners cards, whatever the exact issuer range. */
    private static boolean amexDinersGrouping(String text, List<int[]> groups, int g, int k) {
        if (k - g != 2 || text.charAt(groups.get(g)[0]) != '3') {
            return false;
        }
        int a = groups.get(g)[1] - groups.get(g)[0];
        int b = groups.get(g + 1)[1] - groups.get(g + 1)[0];
        int c = groups.get(k)[1] - groups.get(k)[0];
        return a == 4 && b == 6 && (c == 4 || c == 5);
    }

    private static boolean startsInsideToken(String text, int i) {
        char b1 = Context.at(text, i - 1);
        return Context.isWordChar(b1)
                || b1 == '+' // +63 1800 1 234 5678 is a phone number
                || ((b1 == '.' || b1 == '-') && Context.isAsciiDigit(Context.at(text, i - 2)));
    }

    private static int skipToken(String text, int i, int to) {
        if (!Context.isWordChar(text.charAt(i))) {
            return i + 1;
        }
        while (i < to && Context.isWordChar(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
