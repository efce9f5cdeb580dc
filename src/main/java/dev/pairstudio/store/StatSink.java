package dev.pairstudio.store;

import java.time.LocalDate;

/**
 * Receives statistics facts: counts per group of pairs sharing one {@link StatGroup}, and pair
 * counts per UTC day. A group or a day may arrive more than once (edge days of a date range
 * come from separate queries); the receiver sums.
 */
public interface StatSink {
    void group(StatGroup group, StatCounts counts);

    void day(LocalDate day, long pairs);
}
