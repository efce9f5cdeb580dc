package dev.pairstudio.store;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairAnalysis;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.pair.Source;
import java.time.Instant;

/**
 * A pair as the store keeps it: the seed's record plus curation state and derived analysis.
 *
 * @param id               the store's sequential key (keyset paging, selections); {@code pair.pairId()} is the seed's id
 * @param originalQuestion the question before the first user edit, null if never edited
 * @param originalSql      the SQL before the first user edit, null if never edited
 * @param deletedAt        when it went to the trash, null for live pairs
 * @param trashBatch       the id of the delete operation that trashed it (restores that operation as a whole)
 * @param importBatch      the import (file or API batch) that added it
 * @param version          incremented on every change: detects conflicting edits
 */
public record StoredPair(
        long id,
        Pair pair,
        ReviewStatus status,
        String note,
        String originalQuestion,
        String originalSql,
        Source source,
        String importBatch,
        Instant deletedAt,
        String trashBatch,
        Instant updatedAt,
        long version,
        PairAnalysis analysis) {

    public boolean edited() {
        return originalQuestion != null || originalSql != null;
    }

    public boolean inTrash() {
        return deletedAt != null;
    }
}
