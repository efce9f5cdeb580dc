package dev.pairstudio.ui.curation;

import dev.pairstudio.ingest.DuplicateTracker;
import dev.pairstudio.ingest.PairEnricher;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.Plural;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.store.TrashBatch;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The curation operations behind the buttons and keys, each saved at once and recorded for
 * undo. Plain core code (no JavaFX): the window runs these on a background thread, tests call
 * them directly.
 */
public final class Curator {
    private final Database store;
    private final PairEnricher enricher;
    private final DuplicateTracker duplicates;
    private final CurationHistory history = new CurationHistory();
    /** Validates an edited pair against its database's schema (issue 15); a no-op without one. */
    private final Consumer<StoredPair> validation;

    /** @param enricher re-analyses edited pairs; {@code duplicates} regroups after edits and deletes */
    public Curator(Database store, PairEnricher enricher, DuplicateTracker duplicates) {
        this(store, enricher, duplicates, p -> {});
    }

    /** @param validation checks an edited pair against its schema and stores the result */
    public Curator(
            Database store, PairEnricher enricher, DuplicateTracker duplicates, Consumer<StoredPair> validation) {
        this.store = store;
        this.enricher = enricher;
        this.duplicates = duplicates;
        this.validation = validation;
    }

    public CurationHistory history() {
        return history;
    }

    /** Sets the status of the given pairs; undo restores each pair's previous status. */
    public String review(List<StoredPair> pairs, ReviewStatus status) {
        Map<ReviewStatus, List<Long>> before = pairs.stream()
                .collect(Collectors.groupingBy(
                        StoredPair::status,
                        LinkedHashMap::new,
                        Collectors.mapping(StoredPair::id, Collectors.toList())));
        List<Long> ids = pairs.stream().map(StoredPair::id).toList();
        store.setStatus(ids, status);
        String what = verb(status) + " " + count(ids.size());
        history.record(UndoableAction.of(what, () -> before.forEach((s, group) -> store.setStatus(group, s))));
        return what;
    }

    /** Moves the given pairs to the trash; undo restores that delete as a whole. */
    public String trash(Collection<Long> ids) {
        return recordTrash(store.trash(ids));
    }

    /** Moves everything the filter matches to the trash; undo restores it. */
    public String trash(PairFilter filter) {
        return recordTrash(store.trash(filter));
    }

    /** Saves an edit of the question and SQL; undo writes the previous text back. */
    public StoredPair edit(StoredPair pair, String question, String sql) {
        StoredPair saved = reanalyse(store.updateText(pair.id(), question, sql, pair.version()));
        String oldQuestion = pair.pair().question();
        String oldSql = pair.pair().sql();
        history.record(UndoableAction.of("Edited pair " + pair.pair().pairId(), () -> {
            StoredPair now = store.get(pair.id()).orElseThrow();
            reanalyse(store.updateText(pair.id(), oldQuestion, oldSql, now.version()));
        }));
        return saved;
    }

    /**
     * Takes pairs out of the trash; undo moves them back in, as a delete of their own (an undo of
     * the delete that first trashed them leaves them in the trash, where they are in view).
     */
    public String restore(Collection<Long> ids) {
        int n = store.restore(ids);
        duplicates.invalidate();
        String what = "Restored " + count(n);
        List<Long> restored = List.copyOf(ids);
        history.record(UndoableAction.of(what, () -> {
            store.trash(restored);
            duplicates.invalidate();
        }));
        return what;
    }

    /**
     * Deletes everything in the trash for good. This one step is final: it is not recorded, and
     * the deletes before it are forgotten, since undoing them needs the pairs it removed.
     */
    public String purge() {
        long n = store.purge();
        history.forget(UndoableAction::needsTrash);
        return "Deleted " + count(n) + " for good";
    }

    public void note(long id, String note) {
        store.setNote(id, note);
    }

    /** Takes back the newest step; returns what was undone, or empty when there is nothing. */
    public Optional<String> undo() {
        Optional<UndoableAction> last = history.takeLast();
        last.ifPresent(UndoableAction::undo);
        return last.map(a -> "Undone: " + Character.toLowerCase(a.description().charAt(0))
                + a.description().substring(1));
    }

    /** Stores a fresh analysis of an edited pair and marks the duplicate groups for regrouping. */
    private StoredPair reanalyse(StoredPair edited) {
        PairEnricher.Enriched e = enricher.enrich(edited.pair());
        store.reanalysed(edited.id(), e.pair().tableNames(), e.analysis());
        validation.accept(edited);
        duplicates.invalidate();
        return store.get(edited.id()).orElse(edited);
    }

    private String recordTrash(TrashBatch batch) {
        duplicates.invalidate();
        String what = "Deleted " + count(batch.count());
        history.record(UndoableAction.fromTrash(what, () -> {
            store.restore(batch.id());
            duplicates.invalidate();
        }));
        return what + " (in the trash)";
    }

    private static String verb(ReviewStatus s) {
        return switch (s) {
            case ACCEPTED -> "Accepted";
            case REJECTED -> "Rejected";
            case UNREVIEWED -> "Reset";
        };
    }

    /** "1 pair", "49,635 pairs". */
    public static String count(long n) {
        return Plural.of(n, "pair");
    }
}
