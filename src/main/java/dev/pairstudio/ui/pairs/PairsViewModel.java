package dev.pairstudio.ui.pairs;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.store.PairReader;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.ui.command.Command;
import dev.pairstudio.ui.curation.Curator;
import dev.pairstudio.ui.dialog.DialogService;
import dev.pairstudio.ui.filter.FilterViewModel;
import dev.pairstudio.ui.task.TaskRunner;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.IntConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The pair table's state and what a curator does with it, without a control in sight: the
 * selection, the status message, and the curation commands (review, delete, undo, restore, empty
 * the trash, next unreviewed), each with an executable binding that the menu, toolbar and keys
 * share. Every change goes through {@link Curator}; store work runs in the {@link TaskRunner}.
 * FX thread.
 */
public final class PairsViewModel {
    /** The rows the table shows, as far as this model needs them: {@link PagedPairList} in the window. */
    public interface Rows {
        int size();

        /** The row at {@code index}, or null while its page is not loaded. */
        StoredPair get(int index);

        /** Shows a changed pair in place (a review), without re-reading the table. */
        void replace(StoredPair changed);
    }

    private final PairReader store;
    private final Curator curator;
    private final FilterViewModel filters;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Rows rows;
    private final ObservableList<StoredPair> selection = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
    private int selectedIndex = -1;
    private IntConsumer selector = i -> {};
    private Runnable onDataChanged = () -> {};
    /** After a review: the rows were replaced in place, but "N of M reviewed" changed. */
    private Runnable onReviewed = () -> {};

    public final Command accept;
    public final Command reject;
    public final Command unreview;
    public final Command delete;
    public final Command deleteMatching;
    public final Command undo;
    public final Command restore;
    public final Command emptyTrash;
    public final Command nextUnreviewed;
    public final Command previousUnreviewed;

    public PairsViewModel(
            PairReader store,
            Curator curator,
            FilterViewModel filters,
            Rows rows,
            TaskRunner tasks,
            DialogService dialogs) {
        this.store = store;
        this.curator = curator;
        this.filters = filters;
        this.rows = rows;
        this.tasks = tasks;
        this.dialogs = dialogs;
        BooleanBinding inTrash =
                Bindings.createBooleanBinding(() -> filters.filter().trash(), filters.filterProperty());
        BooleanBinding pairs = inTrash.not();
        BooleanBinding selectedPairs = Bindings.isNotEmpty(selection).and(pairs);
        accept = new Command(selectedPairs, () -> review(ReviewStatus.ACCEPTED));
        reject = new Command(selectedPairs, () -> review(ReviewStatus.REJECTED));
        unreview = new Command(selectedPairs, () -> review(ReviewStatus.UNREVIEWED));
        delete = new Command(selectedPairs, this::deleteSelected);
        deleteMatching = new Command(pairs, this::deleteMatching);
        undo = new Command(canUndo, this::undoLast);
        restore = new Command(Bindings.isNotEmpty(selection).and(inTrash), this::restoreSelected);
        emptyTrash = new Command(inTrash, this::emptyTrash);
        nextUnreviewed = new Command(pairs, () -> moveToUnreviewedFrom(selectedIndex, 1));
        previousUnreviewed = new Command(pairs, () -> moveToUnreviewedFrom(selectedIndex, -1));
    }

    /** The view reports the table's selection here (rows not loaded yet are left out). */
    public void select(List<StoredPair> selected, int index) {
        selection.setAll(selected.stream().filter(Objects::nonNull).toList());
        selectedIndex = index;
    }

    public ObservableList<StoredPair> selection() {
        return FXCollections.unmodifiableObservableList(selection);
    }

    /** How the view selects a row this model moves to (next unreviewed). */
    public void setSelector(IntConsumer selector) {
        this.selector = selector;
    }

    /** Called after pairs were added, deleted or restored: the window re-reads the table and the statistics. */
    public void setOnDataChanged(Runnable onDataChanged) {
        this.onDataChanged = onDataChanged;
    }

    public void setOnReviewed(Runnable onReviewed) {
        this.onReviewed = onReviewed;
    }

    /** What the status bar says. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public void say(String text) {
        status.set(text);
    }

    private void review(ReviewStatus status) {
        List<StoredPair> selected = List.copyOf(selection);
        int index = selectedIndex;
        tasks.run(
                "review pairs",
                () -> {
                    String what = curator.review(selected, status);
                    return new Reviewed(
                            what,
                            selected.stream()
                                    .map(p -> store.get(p.id()).orElse(p))
                                    .toList());
                },
                done -> {
                    stepDone();
                    done.updated().forEach(rows::replace);
                    onReviewed.run();
                    say(done.what());
                    if (selected.size() == 1 && status != ReviewStatus.UNREVIEWED) {
                        moveToUnreviewedFrom(index, 1);
                    }
                });
    }

    private record Reviewed(String what, List<StoredPair> updated) {}

    /** Selects the nearest loaded unreviewed row in one direction; stops at rows not loaded yet. */
    private void moveToUnreviewedFrom(int from, int step) {
        for (int i = from + step; i >= 0 && i < rows.size(); i += step) {
            StoredPair p = rows.get(i);
            if (p == null) {
                say("Loading more rows…");
                return;
            }
            if (p.status() == ReviewStatus.UNREVIEWED) {
                selectedIndex = i;
                selector.accept(i);
                return;
            }
        }
        say(step > 0 ? "No unreviewed pair below." : "No unreviewed pair above.");
    }

    private void deleteSelected() {
        List<Long> ids = selection.stream().map(StoredPair::id).toList();
        tasks.run(
                "delete selected pairs",
                () -> curator.trash(ids),
                what -> changed(what + ". Ctrl+Z brings them back."));
    }

    private void deleteMatching() {
        PairFilter filter = filters.filter();
        tasks.run("count matching pairs", () -> store.count(filter), count -> {
            if (count == 0) {
                say("No pair matches the filter: nothing to delete.");
                return;
            }
            boolean yes = dialogs.confirm(new DialogService.Confirmation(
                    "confirm-delete-matching",
                    "Move " + Curator.count(count) + " to the trash?",
                    "Move " + Curator.count(count) + " that match the current filter to the trash?\n"
                            + "You can undo this (Ctrl+Z) or restore them from the trash.",
                    "Delete " + Curator.count(count)));
            if (yes) {
                tasks.run(
                        "delete matching pairs",
                        () -> curator.trash(filter),
                        what -> changed(what + ". Ctrl+Z brings them back."));
            }
        });
    }

    private void undoLast() {
        tasks.run("undo", curator::undo, done -> changed(done.orElse("Nothing to undo.")));
    }

    private void restoreSelected() {
        List<Long> ids = selection.stream().map(StoredPair::id).toList();
        tasks.run(
                "restore pairs",
                () -> curator.restore(ids),
                what -> changed(what + ". Ctrl+Z moves them back to the trash."));
    }

    /**
     * Purge deletes the whole trash, whatever the search or filter shows of it: the question says
     * so, with both numbers when they differ, since this cannot be undone.
     */
    private void emptyTrash() {
        PairFilter shown = filters.filter();
        tasks.run(
                "count the trash",
                () -> new long[] {store.count(PairFilter.ALL.withTrash(true)), store.count(shown)},
                counts -> {
                    if (counts[0] == 0) {
                        say("The trash is empty.");
                        return;
                    }
                    String all = Curator.count(counts[0]);
                    String text = counts[0] == counts[1]
                            ? "Delete all " + all + " in the trash for good? This cannot be undone."
                            : "Delete all " + all + " in the trash for good, not only the "
                                    + String.format(Locale.ROOT, "%,d", counts[1])
                                    + " the search and filters show? This cannot be undone.";
                    if (dialogs.confirm(new DialogService.Confirmation(
                            "confirm-empty-trash", "Empty the trash: " + all, text, "Empty trash: " + all))) {
                        tasks.run(
                                "empty the trash", curator::purge, what -> changed(what + ". This cannot be undone."));
                    }
                });
    }

    private void changed(String what) {
        stepDone();
        say(what);
        onDataChanged.run();
    }

    /** Undo is possible while the curator's history holds a step. */
    private void stepDone() {
        canUndo.set(curator.history().size() > 0);
    }
}
