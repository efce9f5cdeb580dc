package dev.pairstudio.store;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Receives statistics facts: counts per group of pairs sharing one {@link StatGroup}, pair
 * counts per UTC day, and the length histograms. Any fact may arrive more than once (edge days
 * of a date range come from separate queries); the receiver sums.
 */
public interface StatSink {
    void group(StatGroup group, StatCounts counts);

    void day(LocalDate day, long pairs);

    /** Question and SQL lengths over the {@link LengthHistogram} bins. */
    default void lengths(long[] questionHistogram, long[] sqlHistogram) {}

    /** The earliest and latest timestamp of the pairs; not sent when there are none. */
    default void timeRange(Instant first, Instant last) {}
}
