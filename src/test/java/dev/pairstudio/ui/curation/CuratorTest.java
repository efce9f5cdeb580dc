package dev.pairstudio.ui.curation;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every curation step on a real H2 file, and what undo makes of it; emptying the trash is the one final step. */
class CuratorTest {
    private Database store;
    private AnalyzingEnricher enricher;
    private Curator curator;
    private final List<StoredPair> pairs = new ArrayList<>();

    @BeforeEach
    void open() {
        store = Databases.open(TestDatabases.copyOf("curator", () -> new SyntheticPairs(53).list(200))
                .toString());
        enricher = AnalyzingEnricher.forStore(store);
        curator = new Curator(store, enricher, new DuplicateTracker(store));
        store.forEach(PairFilter.ALL, PairSort.INSERTION, pairs::add);
    }

    @AfterEach
    void close() {
        enricher.close();
        store.close();
    }

    private ReviewStatus status(StoredPair p) {
        return store.get(p.id()).orElseThrow().status();
    }

    private List<StoredPair> fresh(List<StoredPair> some) {
        return some.stream().map(p -> store.get(p.id()).orElseThrow()).toList();
    }

    @Test
    void undoingAReviewGivesEachPairItsOwnStatusBack() {
        List<StoredPair> three = pairs.subList(0, 3);
        curator.review(List.of(three.get(0)), ReviewStatus.ACCEPTED);
        curator.review(List.of(three.get(1)), ReviewStatus.REJECTED);
        assertThat(curator.review(fresh(three), ReviewStatus.REJECTED)).isEqualTo("Rejected 3 pairs");

        assertThat(curator.undo()).contains("Undone: rejected 3 pairs");
        assertThat(three)
                .extracting(this::status)
                .containsExactly(ReviewStatus.ACCEPTED, ReviewStatus.REJECTED, ReviewStatus.UNREVIEWED);
    }

    @Test
    void anEditIsReanalysedAndUndoWritesTheOldTextBack() {
        StoredPair p = pairs.get(0);
        String question = p.pair().question();
        String sql = p.pair().sql();
        StoredPair saved = curator.edit(p, "How many orders are there?", "SELECT COUNT(*) FROM orders");
        assertThat(saved.pair().sql()).isEqualTo("SELECT COUNT(*) FROM orders");
        assertThat(saved.pair().tableNames()).containsExactly("orders");

        curator.undo();
        StoredPair back = store.get(p.id()).orElseThrow();
        assertThat(back.pair().question()).isEqualTo(question);
        assertThat(back.pair().sql()).isEqualTo(sql);
    }

    @Test
    void deletesAndRestoresAreUndoneInTurn() {
        PairFilter failed = PairFilter.ALL.withSuccess(false);
        long failedCount = store.count(failed);
        assertThat(curator.trash(failed)).isEqualTo("Deleted " + Curator.count(failedCount) + " (in the trash)");
        assertThat(store.count(PairFilter.ALL.withTrash(true))).isEqualTo(failedCount);

        List<Long> two = new ArrayList<>();
        store.forEach(PairFilter.ALL.withTrash(true), PairSort.INSERTION, p -> {
            if (two.size() < 2) {
                two.add(p.id());
            }
        });
        assertThat(curator.restore(two)).isEqualTo("Restored 2 pairs");
        assertThat(store.count(PairFilter.ALL.withTrash(true))).isEqualTo(failedCount - 2);

        assertThat(curator.undo()).contains("Undone: restored 2 pairs");
        assertThat(store.count(PairFilter.ALL.withTrash(true))).isEqualTo(failedCount);
        // the two went back to the trash as a delete of their own: undoing the first delete leaves them there, in view
        assertThat(curator.undo()).contains("Undone: deleted " + Curator.count(failedCount));
        assertThat(store.count(PairFilter.ALL.withTrash(true))).isEqualTo(2);
        assertThat(curator.undo()).isEmpty();
    }

    @Test
    void emptyingTheTrashIsFinalAndForgetsOnlyTheStepsItMadeImpossible() {
        curator.review(List.of(pairs.get(10)), ReviewStatus.ACCEPTED);
        curator.trash(List.of(pairs.get(0).id(), pairs.get(1).id()));
        curator.restore(List.of(pairs.get(1).id()));
        assertThat(curator.purge()).isEqualTo("Deleted 1 pair for good");
        assertThat(store.get(pairs.get(0).id())).isEmpty();

        assertThat(curator.history().size())
                .as("the review and the restore stay, the delete goes")
                .isEqualTo(2);
        assertThat(curator.undo()).contains("Undone: restored 1 pair");
        assertThat(store.get(pairs.get(1).id()).orElseThrow().inTrash()).isTrue();
        assertThat(curator.undo()).contains("Undone: accepted 1 pair");
        assertThat(status(pairs.get(10))).isEqualTo(ReviewStatus.UNREVIEWED);
    }

    @Test
    void theHistoryKeepsTheLastHundredSteps() {
        for (int i = 0; i < 120; i++) {
            curator.review(List.of(pairs.get(i)), ReviewStatus.ACCEPTED);
        }
        assertThat(curator.history().size()).isEqualTo(100);
        assertThat(curator.history().peekDescription()).contains("Accepted 1 pair");
        while (curator.undo().isPresent()) {
            // take back all that is kept
        }
        assertThat(store.count(PairFilter.ALL.withStatuses(Set.of(ReviewStatus.ACCEPTED))))
                .as("the 20 oldest stay accepted")
                .isEqualTo(20);
    }
}
