package dev.pairstudio.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.demo.DemoData;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.pair.Source;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.testing.TestPair;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicateTrackerTest {
    @TempDir
    Path dir;

    private static Pair pair(String id, String question, String sql) {
        return TestPair.of(id, question, sql).at("2025-03-01T10:00:00Z").build();
    }

    private static void add(Database store, AnalyzingEnricher enricher, Pair... pairs) {
        enricher.addAll(store, List.of(pairs), Source.FILE, "t");
    }

    /** a and b: one question with the same SQL (b's written {@code bSql}); c: another question. */
    private static Pair[] ordersTwiceAndLisbon(String bSql) {
        return new Pair[] {
            pair("a", "How many orders are there?", "SELECT COUNT(*) FROM orders"),
            pair("b", "How many orders are there?", bSql),
            pair("c", "List all customers in Lisbon", "SELECT * FROM customers WHERE city = 'Lisbon'")
        };
    }

    private static StoredPair get(Database store, String pairId) {
        return store.getByPairId(pairId).orElseThrow();
    }

    @Test
    void flagsDuplicatesConflictsAndNearDuplicatesIncrementally() {
        try (Database store = Databases.open(dir.resolve("db").toString());
                AnalyzingEnricher enricher = AnalyzingEnricher.forStore(store)) {
            add(store, enricher, ordersTwiceAndLisbon("select count(*)   from orders"));
            DuplicateTracker tracker = new DuplicateTracker(store);
            assertThat(tracker.catchUp()).isEqualTo(3);

            assertThat(get(store, "a").analysis().flags()).contains(QualityFlag.DUPLICATE);
            assertThat(get(store, "b").analysis().duplicateGroup())
                    .isEqualTo(get(store, "a").analysis().duplicateGroup());
            assertThat(get(store, "c").analysis().flags()).doesNotContain(QualityFlag.DUPLICATE, QualityFlag.CONFLICT);

            // Later: the same question with other SQL is a conflict, and a reworded one a near-duplicate.
            add(
                    store,
                    enricher,
                    pair("d", "How many orders are there?", "SELECT COUNT(DISTINCT id) FROM orders"),
                    pair("e", "Please list all customers in Lisbon", "SELECT * FROM customers WHERE city = 'Lisbon'"));
            assertThat(tracker.catchUp()).isEqualTo(2);
            assertThat(get(store, "d").analysis().flags()).contains(QualityFlag.CONFLICT);
            assertThat(get(store, "a").analysis().flags()).contains(QualityFlag.CONFLICT);
            assertThat(get(store, "e").analysis().flags()).contains(QualityFlag.NEAR_DUPLICATE);
            assertThat(get(store, "e").analysis().duplicateGroup())
                    .isEqualTo(get(store, "c").analysis().duplicateGroup());

            long group = get(store, "a").analysis().duplicateGroup();
            assertThat(store.count(PairFilter.ALL.withDuplicateGroup(group))).isEqualTo(3);
            assertThat(store.count(PairFilter.ALL.withFlags(Set.of(QualityFlag.CONFLICT))))
                    .isGreaterThanOrEqualTo(2);
        }
    }

    /** Opening a window on an unchanged dataset must not regroup it; a change by any writer since the last grouping must. */
    @Test
    void regroupsOnlyWhenThePairsChangedSinceTheLastGrouping() {
        Path db = dir.resolve("again");
        try (Database store = Databases.open(db.toString());
                AnalyzingEnricher enricher = AnalyzingEnricher.forStore(store)) {
            add(store, enricher, ordersTwiceAndLisbon("select count(*) from orders"));
            assertThat(new DuplicateTracker(store).catchUp()).isEqualTo(3);
        }
        try (Database store = Databases.open(db.toString())) {
            assertThat(new DuplicateTracker(store).catchUpIfChanged())
                    .as("nothing changed since")
                    .isZero();
            // another process deletes b: a's duplicate flag is stale until a regroup
            try (Database cli = Databases.open(db.toString())) {
                cli.trash(List.of(get(cli, "b").id()));
            }
            assertThat(get(store, "a").analysis().flags()).contains(QualityFlag.DUPLICATE);
            DuplicateTracker tracker = new DuplicateTracker(store);
            assertThat(tracker.catchUpIfChanged()).isEqualTo(2);
            assertThat(get(store, "a").analysis().flags()).doesNotContain(QualityFlag.DUPLICATE);
            assertThat(tracker.catchUpIfChanged())
                    .as("built: only pairs added since")
                    .isZero();
        }
        try (Database store = Databases.open(db.toString())) {
            StoredPair c = get(store, "c");
            store.updateText(c.id(), "How many orders are there?", c.pair().sql(), c.version());
            assertThat(new DuplicateTracker(store).catchUpIfChanged())
                    .as("an edit since")
                    .isEqualTo(2);
            assertThat(get(store, "a").analysis().flags())
                    .as("same question, other SQL")
                    .contains(QualityFlag.CONFLICT);
        }
    }

    @Test
    void demoDataArrivesAnalysedAndGrouped() {
        try (Database store = Databases.open(dir.resolve("demo").toString())) {
            assertThat(DemoData.addOnFirstStart(store)).isEqualTo(DemoData.COUNT);
            long duplicates = store.count(PairFilter.ALL.withFlags(Set.of(QualityFlag.DUPLICATE)));
            // enough to show the duplicate flags, few enough not to be the first impression (59 % were before)
            assertThat(duplicates).isGreaterThan(20).isLessThan(DemoData.COUNT / 10);
            // some pairs with personal data to show the preview on, not most of them (the generator gives 3 % of fresh
            // pairs PII)
            assertThat(store.count(PairFilter.ALL.withFlags(Set.of(QualityFlag.CONTAINS_PII))))
                    .isBetween(20L, 200L);
            StoredPair any = store.query(PairFilter.ALL, PairSort.INSERTION, null, 1)
                    .rows()
                    .get(0);
            assertThat(any.analysis().queryType()).isNotNull();
            assertThat(any.pair().tableNames()).isNotEmpty();
            // a second start adds nothing, and neither does a start after the user emptied the database
            assertThat(DemoData.addOnFirstStart(store)).isZero();
            store.trash(PairFilter.ALL);
            store.purge();
            assertThat(DemoData.addOnFirstStart(store)).isZero();
        }
    }
}
