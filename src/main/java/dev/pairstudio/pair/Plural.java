package dev.pairstudio.pair;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * A count in words as users read it, one rule for every face: "1 pair", "2,000 pairs",
 * "1 database", "3 schema versions". Thousands separators always; the plural adds "s" unless
 * an irregular form is given.
 */
public final class Plural {
    private Plural() {}

    /** {@code n} with thousands separators: "1,000,000". */
    public static String number(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }

    /** "1 pair", "2,000 pairs". */
    public static String of(long n, String noun) {
        return of(n, noun, noun + "s");
    }

    /** "1 entry", "12 entries". */
    public static String of(long n, String one, String many) {
        return number(n) + " " + (n == 1 ? one : many);
    }
}
