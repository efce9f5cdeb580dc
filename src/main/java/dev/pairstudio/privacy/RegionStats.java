package dev.pairstudio.privacy;

/**
 * One cheap pass over a region that lets detectors skip it: most pairs have no '@' and few digits,
 * so the expensive validators (libphonenumber, commons-validator) never run for them.
 */
record RegionStats(int digits, boolean hasAt, boolean hasDot, boolean hasColon, int longestDigitRun) {

    static RegionStats of(String text, int from, int to) {
        int digits = 0;
        int run = 0;
        int longest = 0;
        boolean at = false;
        boolean dot = false;
        boolean colon = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                run++;
                if (run > longest) {
                    longest = run;
                }
                continue;
            }
            run = 0;
            if (c == '@') {
                at = true;
            } else if (c == '.') {
                dot = true;
            } else if (c == ':') {
                colon = true;
            }
        }
        return new RegionStats(digits, at, dot, colon, longest);
    }
}
