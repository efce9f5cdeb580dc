package dev.pairstudio.store;

/**
 * How many pairs a statistics fact stands for and their summed lengths (Unicode code points, as
 * Python's {@code len}). Length histograms are not per fact: they arrive once per query through
 * {@link StatSink#lengths}.
 */
public record StatCounts(long count, long questionLength, long sqlLength) {
    /** One pair. */
    public static StatCounts of(int questionLength, int sqlLength) {
        return new StatCounts(1, questionLength, sqlLength);
    }
}
