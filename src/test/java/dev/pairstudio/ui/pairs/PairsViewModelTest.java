package dev.pairstudio.ui.pairs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.ingest.AnalyzingEnricher;
import dev.pairstudio.ingest.DuplicateTracker;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.testing.TestDatabases;
import dev.pairstudio.ui.curation.Curator;
import dev.pairstudio.ui.dialog.AnsweringDialogs;
import dev.pairstudio.ui.filter.FilterViewModel;
import dev.pairstudio.ui.task.SameThreadTaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The curation commands without a window, on a real H2 file of generated pairs: what each does to
 * the store, what the status bar says, what is asked first, and when each can run.
 */
class PairsViewModelTest {
    private static final int PAIRS = 400;
    private Database store;
    private AnalyzingEnricher enricher;
    private final FilterViewModel filters = new FilterViewModel();
    private final SameThreadTaskRunner tasks = new SameThreadTaskRunner();
    private final AnsweringDialogs dialogs = new AnsweringDialogs();
    /** The table: the rows of the current filter in insertion order, re-read after every change as the window's list does. */
    private final List<StoredPair> rows = new ArrayList<>();

    private final List<Integer> selectedByModel = new ArrayList<>();
    private PairsViewModel model;
    private Path db;

    @BeforeEach
    void open() {
        db = TestDatabases.copyOf("pairs-view-model", () -> new SyntheticPairs(26).list(PAIRS));
        store = Databases.open(db.toString());
        enricher = AnalyzingEnricher.forStore(store);
        Curator curator = new Curator(store, enricher, new DuplicateTracker(store));
        model = new PairsViewModel(
                store,
                curator,
                filters,
                new PairsViewModel.Rows() {
                    @Override
                    public int size() {
                        return rows.size();
                    }

                    @Override
                    public StoredPair get(int index) {
                        return rows.get(index);
                    }

                    @Override
                    public void replace(StoredPair changed) {
                        rows.replaceAll(p -> p != null && p.id() == changed.id() ? changed : p);
                    }
                },
                tasks,
                dialogs);
        model.setSelector(i -> {
            selectedByModel.add(i);
            model.select(List.of(rows.get(i)), i);
        });
        model.setOnDataChanged(this::reload);
        tasks.setFailureHandler(e -> model.say(e.getMessage()));
        filters.filterProperty().addListener((o, was, now) -> reload());
        reload();
    }

    @AfterEach
    void close() {
        enricher.close();
        store.close();
    }

    private void reload() {
        rows.clear();
        store.forEach(filters.filter(), PairSort.INSERTION, rows::add);
    }

    private void select(int... indices) {
        List<StoredPair> chosen = new ArrayList<>();
        for (int i : indices) {
            chosen.add(rows.get(i));
        }
        model.select(chosen, indices.length == 0 ? -1 : indices[indices.length - 1]);
    }

    private String status() {
        return model.statusProperty().get();
    }

    @Test
    void reviewCommandsNeedASelectionOutsideTheTrash() {
        assertThat(model.accept.isExecutable()).isFalse();
        assertThat(model.delete.isExecutable()).isFalse();
        assertThat(model.undo.isExecutable()).as("nothing done yet").isFalse();
        assertThat(model.deleteMatching.isExecutable()).isTrue();
        assertThat(model.emptyTrash.isExecutable()).isFalse();

        select(0, 1);
        assertThat(model.accept.isExecutable()).isTrue();
        assertThat(model.reject.isExecutable()).isTrue();
        assertThat(model.delete.isExecutable()).isTrue();
        assertThat(model.restore.isExecutable())
                .as("nothing to restore outside the trash")
                .isFalse();

        filters.trash.set(true);
        model.select(List.of(), -1);
        assertThat(model.emptyTrash.isExecutable()).isTrue();
        assertThat(model.deleteMatching.isExecutable()).isFalse();
        assertThat(model.nextUnreviewed.isExecutable()).isFalse();
        store.trash(List.of(rowsOf(PairFilter.ALL).get(0).id()));
        reload();
        select(0);
        assertThat(model.accept.isExecutable())
                .as("a pair in the trash is not reviewed")
                .isFalse();
        assertThat(model.restore.isExecutable()).isTrue();
        model.accept.execute(); // a key pressed while the command cannot run does nothing
        assertThat(store.get(rows.get(0).id()).orElseThrow().status()).isEqualTo(ReviewStatus.UNREVIEWED);
    }

    @Test
    void acceptingOnePairSavesItMovesToTheNextUnreviewedAndUndoTakesItBack() {
        long first = rows.get(0).id();
        store.setStatus(List.of(rows.get(1).id()), ReviewStatus.REJECTED); // reviewed earlier: skipped
        reload();
        select(0);
        model.accept.execute();

        assertThat(store.get(first).orElseThrow().status()).isEqualTo(ReviewStatus.ACCEPTED);
        assertThat(rows.get(0).status()).as("the row shows it at once").isEqualTo(ReviewStatus.ACCEPTED);
        assertThat(status()).isEqualTo("Accepted 1 pair");
        assertThat(selectedByModel).as("row 1 is reviewed already: on to row 2").containsExactly(2);
        assertThat(model.undo.isExecutable()).isTrue();

        model.undo.execute();
        assertThat(store.get(first).orElseThrow().status()).isEqualTo(ReviewStatus.UNREVIEWED);
        assertThat(status()).isEqualTo("Undone: accepted 1 pair");
        assertThat(model.undo.isExecutable()).isFalse();
    }

    @Test
    void nextAndPreviousUnreviewedStopAtTheEndsAndAtRowsNotLoadedYet() {
        store.setStatus(List.of(rows.get(0).id(), rows.get(1).id()), ReviewStatus.ACCEPTED);
        reload();
        select(2);
        model.previousUnreviewed.execute();
        assertThat(status()).isEqualTo("No unreviewed pair above.");
        model.nextUnreviewed.execute();
        assertThat(selectedByModel).containsExactly(3);

        rows.set(4, null); // its page is still loading
        model.nextUnreviewed.execute();
        assertThat(status()).isEqualTo("Loading more rows…");
        assertThat(selectedByModel).containsExactly(3);
    }

    @Test
    void deleteMatchingNamesTheCountOnItsButtonAndDoesNothingWhenCancelled() {
        filters.outcome.set(FilterViewModel.Outcome.FAILED);
        long failed = store.count(PairFilter.ALL.withSuccess(false));
        assertThat(failed).isPositive();

        model.deleteMatching.execute(); // no answer queued: the user cancels
        assertThat(dialogs.asked).hasSize(1);
        assertThat(dialogs.asked.get(0).action()).isEqualTo("Delete " + failed + " pairs");
        assertThat(store.count(PairFilter.ALL.withTrash(true))).isZero();

        dialogs.answer(true);
        model.deleteMatching.execute();
        assertThat(store.count(PairFilter.ALL.withTrash(true))).isEqualTo(failed);
        assertThat(rows).as("the table re-read: nothing failed is left").isEmpty();
        assertThat(status()).isEqualTo("Deleted " + failed + " pairs (in the trash). Ctrl+Z brings them back.");

        model.undo.execute();
        assertThat(store.count(PairFilter.ALL)).isEqualTo(PAIRS);
    }

    @Test
    void restoreFromTheTrashIsUndoable() {
        select(0, 1, 2);
        List<Long> ids = model.selection().stream().map(StoredPair::id).toList();
        model.delete.execute();
        assertThat(status()).startsWith("Deleted 3 pairs (in the trash)");

        filters.trash.set(true);
        assertThat(rows).extracting(StoredPair::id).containsExactlyElementsOf(ids);
        select(0, 1);
        model.restore.execute();
        assertThat(status()).startsWith("Restored 2 pairs");
        assertThat(store.count(PairFilter.ALL.withTrash(true))).isEqualTo(1);

        model.undo.execute();
        assertThat(status()).isEqualTo("Undone: restored 2 pairs");
        assertThat(store.count(PairFilter.ALL.withTrash(true))).isEqualTo(3);
    }

    @Test
    void emptyingTheTrashAsksWithBothNumbersIsFinalAndForgetsTheDeletesItMadeImpossible() {
        select(5);
        model.accept.execute(); // a review step: undoable after the purge too
        select(0, 1, 2, 3);
        model.delete.execute();
        filters.trash.set(true);
        filters.text.set(rows.get(0).pair().question()); // the search shows one pair of the trash's four

        dialogs.answer(false);
        model.emptyTrash.execute();
        assertThat(dialogs.asked.get(0).action()).isEqualTo("Empty trash: 4 pairs");
        assertThat(dialogs.asked.get(0).text())
                .contains("Delete all 4 pairs in the trash")
                .contains("not only the " + rows.size());
        assertThat(store.count(PairFilter.ALL.withTrash(true))).isEqualTo(4);

        dialogs.answer(true);
        model.emptyTrash.execute();
        assertThat(store.count(PairFilter.ALL.withTrash(true))).isZero();
        assertThat(status()).isEqualTo("Deleted 4 pairs for good. This cannot be undone.");

        model.undo.execute();
        assertThat(status())
                .as("the delete cannot come back: the review before it is undone")
                .isEqualTo("Undone: accepted 1 pair");
        assertThat(model.undo.isExecutable()).isFalse();
    }

    @Test
    void aFailedStepIsReportedAndLeavesTheStoreAsItWas() {
        select(0, 1);
        store.close(); // the database went away under the window
        model.delete.execute();
        assertThat(tasks.failures()).hasSize(1);
        assertThat(status())
                .as("the status bar says why")
                .isNotBlank()
                .isEqualTo(tasks.failures().get(0).getMessage());
        assertThat(model.undo.isExecutable()).as("nothing was done").isFalse();

        store = Databases.open(db.toString());
        assertThat(store.count(PairFilter.ALL)).isEqualTo(PAIRS);
    }

    @Test
    void countsHaveThousandsSeparators() {
        assertThat(Curator.count(1)).isEqualTo("1 pair");
        assertThat(Curator.count(49_635)).isEqualTo("49,635 pairs");
        assertThat(Curator.count(1_000_000)).isEqualTo("1,000,000 pairs");
    }

    private List<StoredPair> rowsOf(PairFilter filter) {
        List<StoredPair> out = new ArrayList<>();
        store.forEach(filter, PairSort.INSERTION, out::add);
        return out;
    }
}
