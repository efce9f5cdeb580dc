package dev.pairstudio.store;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.ReviewStatus;
import java.util.Collection;

/** What a curator does to stored pairs: edit, review, annotate, and the trash with its undo. */
public interface Curation {
    /**
     * Replaces the question and SQL; the first edit keeps the original text. Fails with
     * {@link EditConflictException} when the pair's version is no longer {@code expectedVersion}.
     */
    StoredPair updateText(long id, String question, String sql, long expectedVersion);

    /** Sets the review status of the given pairs; returns how many changed. */
    int setStatus(Collection<Long> ids, ReviewStatus status);

    /** Sets the review status of every live pair that matches; returns how many changed. */
    long setStatus(PairFilter filter, ReviewStatus status);

    void setNote(long id, String note);

    /** Moves the given pairs to the trash as one restorable operation. */
    TrashBatch trash(Collection<Long> ids);

    /** Moves every live pair that matches to the trash as one restorable operation. */
    TrashBatch trash(PairFilter filter);

    /** Brings back every pair of one delete operation. */
    long restore(String trashBatchId);

    /** Brings back the given pairs from the trash. */
    int restore(Collection<Long> ids);

    /** Deletes the trash for good; returns how many pairs went. */
    long purge();
}
