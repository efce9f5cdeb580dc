package dev.pairstudio.privacy;

import java.util.List;

/** Finds one kind of value. Implementations are immutable and thread-safe. */
interface Detector {
    /**
     * Adds the findings that lie inside {@code [from, to)} of {@code text}. The text outside the
     * region may be read as context (for SQL: the column name before a literal), never reported.
     */
    void detect(String text, int from, int to, Field field, RegionStats stats, List<Finding> out);
}
