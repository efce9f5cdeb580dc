package dev.pairstudio.store.index;

import dev.pairstudio.store.StatGroup;

/**
 * What the in-memory index keeps of one stored pair, read from its row. The texts are carried
 * only so that the index can derive lengths, sort keys and search words; it does not keep them.
 *
 * @param tsMicros       the pair's timestamp, microseconds since the epoch (UTC)
 * @param updatedMicros  the last change, microseconds since the epoch
 * @param group          the filterable dimensions (shared by many pairs: interned as a profile)
 * @param questionLength Unicode code points, as the seed's statistics count them
 * @param executionKey   {@link SortKeys#execution} of the execution time (0 when absent)
 */
public record IndexRow(
        long id,
        String pairId,
        long tsMicros,
        long updatedMicros,
        StatGroup group,
        int questionLength,
        int sqlLength,
        long executionKey,
        Long duplicateGroup,
        boolean trash,
        String question,
        String sql) {}
