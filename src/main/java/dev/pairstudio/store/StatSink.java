package dev.pairstudio.store;

import java.time.LocalDate;

/** Receives statistics facts: a group of pairs sharing one {@link StatGroup} and UTC day, with their counts. */
@FunctionalInterface
public interface StatSink {
    void accept(StatGroup group, LocalDate day, StatCounts counts);
}
