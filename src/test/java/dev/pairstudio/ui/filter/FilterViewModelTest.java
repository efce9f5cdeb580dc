package dev.pairstudio.ui.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.settings.SavedFilters;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.testing.TestDatabases;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The filter panel's model without a window: the filter it builds is the one the store answers, and its chips undo it piece by piece. */
class FilterViewModelTest {
    private Database store;
    private final FilterViewModel filters = new FilterViewModel();
    private final List<PairFilter> changes = new ArrayList<>();

    @BeforeEach
    void open() {
        store = Databases.open(TestDatabases.copyOf("filter-view-model", () -> new SyntheticPairs(31).list(400))
                .toString());
        filters.filterProperty().addListener((o, was, now) -> changes.add(now));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private long count() {
        return store.count(filters.filter());
    }

    @Test
    void eachFieldNarrowsWhatTheStoreReturnsAndEachChipWidensItAgain() {
        long all = count();
        filters.queryTypes.add(QueryType.SELECT);
        long selects = count();
        filters.outcome.set(FilterViewModel.Outcome.SUCCESSFUL);
        long successfulSelects = count();
        assertThat(selects).isLessThan(all);
        assertThat(successfulSelects).isLessThanOrEqualTo(selects);
        List<StoredPair> rows = new ArrayList<>();
        store.forEach(filters.filter(), PairSort.INSERTION, rows::add);
        assertThat(rows).allSatisfy(p -> assertThat(p.pair().success()).isTrue());

        assertThat(filters.chips())
                .extracting(FilterViewModel.Chip::label)
                .containsExactly("Successful", "Type: Select");
        filters.chips().get(0).remove().run();
        assertThat(count()).isEqualTo(selects);
        filters.chips().get(0).remove().run();
        assertThat(count()).isEqualTo(all);
        assertThat(filters.chips()).isEmpty();
    }

    @Test
    void aBatchIsOneChangeAndClearGoesBackToEverything() {
        filters.batch(() -> {
            filters.statuses.add(ReviewStatus.UNREVIEWED);
            filters.text.set("select");
            filters.from.set(LocalDate.of(2020, 1, 1));
        });
        assertThat(changes).hasSize(1);
        assertThat(filters.chips()).hasSize(3);
        filters.clear();
        assertThat(changes).hasSize(2);
        assertThat(filters.filter()).isEqualTo(PairFilter.ALL);
    }

    @Test
    void anInvalidRegexOrReversedDatesAreExplainedAndTheLastValidFilterStays() {
        filters.text.set("order");
        PairFilter valid = filters.filter();
        filters.regex.set(true);
        filters.text.set("(unclosed");
        assertThat(filters.textErrorProperty().get())
                .startsWith("Not a valid regular expression")
                .contains("turn off \"Regex\"");
        assertThat(filters.filter().text())
                .isEqualTo(valid.text())
                .as("the store is never asked with a broken pattern");

        filters.from.set(LocalDate.of(2025, 6, 1));
        filters.to.set(LocalDate.of(2025, 5, 1));
        assertThat(filters.dateErrorProperty().get()).contains("is after").contains("swap them");
        assertThat(filters.filter().from()).isEqualTo(Instant.parse("2025-06-01T00:00:00Z"));
        assertThat(filters.filter().to())
                .as("the reversed range is not applied")
                .isNull();
        filters.to.set(LocalDate.of(2025, 7, 1));
        assertThat(filters.dateErrorProperty().get()).isEmpty();
        assertThat(filters.filter().to()).isEqualTo(Instant.parse("2025-07-02T00:00:00Z"));
    }

    /** A saved filter comes back field for field: the same pairs, the same chips. */
    @Test
    void aSavedFilterAppliedAgainMatchesTheSamePairs() {
        filters.batch(() -> {
            filters.queryTypes.addAll(Set.of(QueryType.SELECT, QueryType.UPDATE));
            filters.outcome.set(FilterViewModel.Outcome.FAILED);
            filters.from.set(LocalDate.of(2024, 3, 1));
        });
        PairFilter saved = filters.filter();
        long expected = count();
        List<String> chips =
                filters.chips().stream().map(FilterViewModel.Chip::label).toList();
        SavedFilters store = new SavedFilters(this.store);
        store.save("failed writes", saved);

        filters.clear();
        filters.apply(store.get("failed writes").orElseThrow());
        assertThat(filters.filter()).isEqualTo(saved);
        assertThat(count()).isEqualTo(expected);
        assertThat(filters.chips()).extracting(FilterViewModel.Chip::label).containsExactlyElementsOf(chips);
    }
}
