package dev.pairstudio.store;

/**
 * The fine length bins the store counts in (Unicode code points): 5 characters wide below 200,
 * 25 below 1,000, 250 below 5,000, then one open bin. Fine enough that a chart can choose bins
 * that fit the data (a question-length chart of 11 fixed bins left 9 empty), coarse enough that a
 * histogram is 89 numbers.
 */
public final class LengthHistogram {
    private static final int[] LIMITS = {200, 1_000, 5_000};
    private static final int[] WIDTHS = {5, 25, 250};
    /** Bins below each limit, and before it. */
    private static final int[] FIRST_BIN = {0, 40, 72};

    public static final int BINS = 89;

    private LengthHistogram() {}

    public static int bin(int length) {
        int lower = 0;
        for (int i = 0; i < LIMITS.length; i++) {
            if (length < LIMITS[i]) {
                return FIRST_BIN[i] + Math.max(0, length - lower) / WIDTHS[i];
            }
            lower = LIMITS[i];
        }
        return BINS - 1;
    }

    /** The shortest length in bin {@code bin}. */
    public static int from(int bin) {
        int lower = 0;
        for (int i = 0; i < LIMITS.length; i++) {
            int next = i + 1 < FIRST_BIN.length ? FIRST_BIN[i + 1] : BINS - 1;
            if (bin < next) {
                return lower + (bin - FIRST_BIN[i]) * WIDTHS[i];
            }
            lower = LIMITS[i];
        }
        return LIMITS[LIMITS.length - 1];
    }

    /** The longest length in bin {@code bin}; null for the open last bin. */
    public static Integer to(int bin) {
        return bin == BINS - 1 ? null : from(bin + 1) - 1;
    }

    /** A histogram of one length. */
    public static long[] of(int length) {
        long[] h = new long[BINS];
        h[bin(length)] = 1;
        return h;
    }
}
