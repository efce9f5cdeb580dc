package dev.pairstudio.store;

import java.util.Arrays;

/**
 * How many pairs a statistics fact stands for and their summed lengths (Unicode code points,
 * as Python's {@code len}), with length histograms over {@link #LENGTH_BOUNDS}.
 *
 * @param questionHistogram bin i counts lengths in [bound(i-1), bound(i)); the last bin is open
 */
public record StatCounts(long count, long questionLength, long sqlLength, long[] questionHistogram, long[] sqlHistogram) {
    /** Upper bounds (exclusive) of the histogram bins; one more bin holds the longer ones. */
    public static final int[] LENGTH_BOUNDS = {25, 50, 75, 100, 150, 200, 300, 500, 1000};
    public static final int BINS = LENGTH_BOUNDS.length + 1;

    public static int bin(int length) {
        for (int i = 0; i < LENGTH_BOUNDS.length; i++) {
            if (length < LENGTH_BOUNDS[i]) {
                return i;
            }
        }
        return LENGTH_BOUNDS.length;
    }

    /** One pair. */
    public static StatCounts of(int questionLength, int sqlLength) {
        long[] q = new long[BINS];
        long[] s = new long[BINS];
        q[bin(questionLength)] = 1;
        s[bin(sqlLength)] = 1;
        return new StatCounts(1, questionLength, sqlLength, q, s);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StatCounts c && c.count == count && c.questionLength == questionLength && c.sqlLength == sqlLength
                && Arrays.equals(c.questionHistogram, questionHistogram) && Arrays.equals(c.sqlHistogram, sqlHistogram);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(count) * 31 + Long.hashCode(questionLength);
    }

    @Override
    public String toString() {
        return "StatCounts[" + count + ", " + questionLength + ", " + sqlLength + ", " + Arrays.toString(questionHistogram)
                + ", " + Arrays.toString(sqlHistogram) + "]";
    }
}
