package dev.pairstudio.api;

import java.util.List;

/**
 * Told about changes the collector made, so that an open window can show new pairs without a
 * restart. Called on the collector's writer thread right after the change committed: hand the
 * work to the UI thread and return quickly. An exception thrown here is logged and ignored.
 */
public interface CollectorListener {

    /** Pairs stored by one commit (one or more requests), store ids in insertion order. */
    void onPairsAdded(List<Long> ids);

    /** Pairs moved to the trash by {@code DELETE /api/training-data/pairs/{id}}. */
    default void onPairsTrashed(List<Long> ids) {}
}
