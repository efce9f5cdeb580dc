package dev.pairstudio.store;

import static dev.pairstudio.store.TestPairs.analysis;
import static dev.pairstudio.store.TestPairs.at;
import static dev.pairstudio.store.TestPairs.pair;
import static dev.pairstudio.store.TestPairs.simple;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairstudio.pair.ComplexityLevel;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairAnalysis;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.pair.Source;
import dev.pairstudio.pair.Timestamps;
import dev.pairstudio.testing.TestPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every {@link Database} must do, whatever the database. A subclass supplies a fresh,
 * empty store; the same tests later run against PostgreSQL unchanged.
 */
public abstract class DatabaseContractTest {

    protected Database store;

    /** A new, empty store. */
    protected abstract Database newStore();

    /** Closes {@link #store} and opens the same database again. */
    protected abstract Database reopen();

    /** A second store on the same database while {@link #store} stays open, as another process or colleague has. */
    protected abstract Database another();

    /** What a window polls to show others' changes: theirs count, its own never do. */
    /** Stores {@code pairs} as one file import; their ids. */
    private List<Long> added(Pair... pairs) {
        return store.addAll(List.of(pairs), null, Source.FILE, "b").ids();
    }

    @Test
    void changesByOthersCountOtherWritersOnly() {
        assertThat(store.changesByOthers()).isZero();
        store.addAll(List.of(simple("o1", "mine")), null, Source.FILE, "b");
        assertThat(store.changesByOthers()).as("own changes").isZero();
        try (Database other = another()) {
            long id = other.addAll(List.of(simple("o2", "theirs")), null, Source.API, "c")
                    .ids()
                    .get(0);
            other.setStatus(List.of(id), ReviewStatus.ACCEPTED);
        }
        assertThat(store.changesByOthers()).isEqualTo(2);
        store.setStatus(List.of(store.getByPairId("o1").orElseThrow().id()), ReviewStatus.REJECTED);
        assertThat(store.changesByOthers()).as("own changes").isEqualTo(2);
    }

    /** Duplicate grouping skips an unchanged dataset by this digest: every change to the live pairs, by any writer, must move it. */
    @Test
    void liveTextDigestFollowsAddsEditsDeletesAndRestoresOfAnyWriter() {
        List<Long> ids = added(simple("d1", "one"), simple("d2", "two"));
        long two = store.liveTextDigest();
        StoredPair first = store.get(ids.get(0)).orElseThrow();
        StoredPair second = store.get(ids.get(1)).orElseThrow();
        assertThat(two)
                .as("the sum of the pairs' shares")
                .isEqualTo(PairReader.textDigest(
                                first.id(),
                                first.pair().question(),
                                first.pair().sql())
                        + PairReader.textDigest(
                                second.id(),
                                second.pair().question(),
                                second.pair().sql()));

        store.setStatus(ids, ReviewStatus.ACCEPTED);
        assertThat(store.liveTextDigest()).as("a review changes no text").isEqualTo(two);
        first = store.get(first.id()).orElseThrow();
        StoredPair edited =
                store.updateText(first.id(), "one, reworded", first.pair().sql(), first.version());
        long afterEdit = store.liveTextDigest();
        assertThat(afterEdit).isNotEqualTo(two);
        store.updateText(first.id(), first.pair().question(), first.pair().sql(), edited.version());
        assertThat(store.liveTextDigest()).as("edited back").isEqualTo(two);

        TrashBatch deleted = store.trash(List.of(second.id()));
        assertThat(store.liveTextDigest()).isNotEqualTo(two);
        store.restore(deleted.id());
        assertThat(store.liveTextDigest()).isEqualTo(two);
        try (Database other = another()) {
            other.addAll(List.of(simple("d3", "three")), null, Source.API, "c");
        }
        assertThat(store.liveTextDigest()).as("another writer's pair").isNotEqualTo(two);
    }

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    /** What the window validates when it opens a database: live pairs lacking a validation against their database's newest schema. */
    @Test
    void unvalidatedPairsAreThoseWithoutAValidationAgainstTheNewestSchema() {
        List<Long> ids = added(
                simple("u1", "one"),
                simple("u2", "two"),
                simple("u3", "three"),
                TestPair.of("u4", "four", "SELECT 1")
                        .at("2024-01-01T00:00:00")
                        .on("postgresql", "hr")
                        .build());
        assertThat(store.unvalidated(0, 10)).isEmpty(); // no schema yet
        StoredSchema v1 = store.saveSchema("shop", "test", "{\"tables\": []}");
        assertThat(store.unvalidated(0, 10))
                .extracting(StoredPair::id)
                .containsExactly(ids.get(0), ids.get(1), ids.get(2));
        store.saveValidations(List.of(
                new ValidationResult(ids.get(0), v1.id(), 0, null),
                new ValidationResult(ids.get(1), v1.id(), 0, null)));
        store.trash(List.of(ids.get(2)));
        assertThat(store.unvalidated(0, 10)).isEmpty();
        StoredSchema v2 = store.saveSchema("shop", "test v2", "{\"tables\": []}");
        assertThat(store.unvalidated(0, 10)).extracting(StoredPair::id).containsExactly(ids.get(0), ids.get(1));
        assertThat(store.unvalidated(ids.get(0), 1)).extracting(StoredPair::id).containsExactly(ids.get(1));
        store.saveValidations(List.of(new ValidationResult(ids.get(0), v2.id(), 0, null)));
        assertThat(store.unvalidated(0, 10)).extracting(StoredPair::id).containsExactly(ids.get(1));
    }

    /** Schemas › Delete: every version goes, with the validations made against them; another store sees the flags go too. */
    @Test
    void deletingASchemaDropsItsVersionsAndTheFlagsOfThePairsCheckedAgainstThem() {
        List<Long> ids = added(
                TestPair.of("d1", "one", "SELECT x FROM t")
                        .at("2024-01-01T00:00:00")
                        .on("postgresql", "shop")
                        .build(),
                TestPair.of("d2", "two", "SELECT y FROM t")
                        .at("2024-01-02T00:00:00")
                        .on("postgresql", "hr")
                        .build());
        StoredSchema shop1 = store.saveSchema("shop", "test", "{\"tables\": []}");
        StoredSchema shop2 = store.saveSchema("shop", "test v2", "{\"tables\": []}");
        StoredSchema hr = store.saveSchema("hr", "test", "{\"tables\": []}");
        store.saveValidations(List.of(
                new ValidationResult(ids.get(0), shop2.id(), QualityFlag.UNKNOWN_COLUMN.bit(), null),
                new ValidationResult(ids.get(1), hr.id(), QualityFlag.UNKNOWN_COLUMN.bit(), null)));
        try (Database other = another()) {
            assertThat(other.count(PairFilter.ALL.withFlags(Set.of(QualityFlag.UNKNOWN_COLUMN))))
                    .isEqualTo(2);
            assertThat(store.validationsAgainst("shop")).isEqualTo(1);

            assertThat(store.deleteSchema("shop")).isEqualTo(1);

            assertThat(store.latestSchemas())
                    .extracting(StoredSchema::databaseName)
                    .containsExactly("hr");
            assertThat(store.schema(shop1.id())).isEmpty();
            assertThat(store.validation(ids.get(0))).isEmpty();
            assertThat(other.count(PairFilter.ALL.withFlags(Set.of(QualityFlag.UNKNOWN_COLUMN))))
                    .isEqualTo(1);
            assertThat(store.count(PairFilter.ALL)).isEqualTo(2);
        }
    }

    // ---- a small, varied dataset ---------------------------------------------------------

    /** Ten pairs with every filterable attribute varied; returns their store ids in input order. */
    protected List<Long> addSample() {
        List<Pair> pairs = List.of(
                pair(
                        "p0",
                        "How many customers?",
                        "SELECT COUNT(*) FROM customers",
                        "2024-01-01T10:00:00",
                        "postgresql",
                        "shop",
                        List.of("customers"),
                        true,
                        "12"),
                pair(
                        "p1",
                        "List all orders",
                        "SELECT * FROM orders",
                        "2024-01-02T11:00:00",
                        "mysql",
                        "shop",
                        List.of("orders"),
                        true,
                        "45.0"),
                pair(
                        "p2",
                        "Delete old logs",
                        "DELETE FROM logs WHERE ts < now()",
                        "2024-01-03T12:00:00",
                        "postgresql",
                        "ops",
                        List.of("logs"),
                        false,
                        null),
                pair(
                        "p3",
                        "Email of user alice@example.com",
                        "SELECT email FROM users WHERE email = 'alice@example.com'",
                        "2024-01-04T13:00:00",
                        "sqlite",
                        null,
                        List.of("users"),
                        true,
                        "3"),
                pair(
                        "p4",
                        "Add a product",
                        "INSERT INTO products VALUES (1)",
                        "2024-01-05T14:00:00",
                        null,
                        "shop",
                        List.of("products"),
                        true,
                        "7.5"),
                pair(
                        "p5",
                        "Orders per customer",
                        "SELECT c.id, COUNT(o.id) FROM customers c JOIN orders o ON o.cid = c.id GROUP BY c.id",
                        "2024-01-06T15:00:00",
                        "postgresql",
                        "shop",
                        List.of("customers", "orders"),
                        true,
                        "120"),
                pair("p6", "x", "SELEC broken", "2024-01-07T16:00:00", "mysql", "ops", List.of(), false, "1"),
                pair(
                        "p7",
                        "Update prices",
                        "UPDATE products SET price = price * 1.1",
                        "2024-01-08T17:00:00",
                        "postgresql",
                        "shop",
                        List.of("products"),
                        true,
                        null),
                pair(
                        "p8",
                        "Card 4111 1111 1111 1111 owner",
                        "SELECT owner FROM cards WHERE number = '4111111111111111'",
                        "2024-01-09T18:00:00",
                        "mysql",
                        "pay",
                        List.of("cards"),
                        true,
                        "9"),
                pair(
                        "p9",
                        "Drop temp table",
                        "DROP TABLE tmp",
                        "2024-01-10T19:00:00",
                        "sqlite",
                        "ops",
                        List.of("tmp"),
                        true,
                        "2"));
        List<PairAnalysis> analyses = List.of(
                analysis(QueryType.SELECT, ComplexityLevel.EASY, Set.of(), Set.of(), 1L),
                analysis(QueryType.SELECT, ComplexityLevel.EASY, Set.of(), Set.of(), 2L),
                analysis(
                        QueryType.DELETE, ComplexityLevel.MEDIUM, Set.of(QualityFlag.FAILED_EXECUTION), Set.of(), null),
                analysis(
                        QueryType.SELECT,
                        ComplexityLevel.EASY,
                        Set.of(QualityFlag.CONTAINS_PII),
                        Set.of("EMAIL"),
                        null),
                analysis(QueryType.INSERT, null, Set.of(), Set.of(), null),
                analysis(QueryType.SELECT, ComplexityLevel.HARD, Set.of(), Set.of(), 1L),
                analysis(
                        null,
                        null,
                        Set.of(QualityFlag.UNPARSEABLE, QualityFlag.SHORT_QUESTION, QualityFlag.FAILED_EXECUTION),
                        Set.of(),
                        null),
                analysis(QueryType.UPDATE, ComplexityLevel.MEDIUM, Set.of(), Set.of(), null),
                analysis(
                        QueryType.SELECT,
                        ComplexityLevel.EXTRA,
                        Set.of(QualityFlag.CONTAINS_PII),
                        Set.of("CARD"),
                        null),
                analysis(QueryType.DROP, ComplexityLevel.EASY, Set.of(), Set.of(), null));
        return store.addAll(pairs, analyses, Source.FILE, "batch-1").ids();
    }

    private List<String> pairIds(PairFilter filter) {
        List<String> out = new ArrayList<>();
        store.forEach(filter, PairSort.INSERTION, p -> out.add(p.pair().pairId()));
        assertThat(store.count(filter)).as("count agrees with the rows").isEqualTo(out.size());
        return out;
    }

    // ---- adding and reading --------------------------------------------------------------

    @Test
    void aStoredPairReadsBackWithEveryField() {
        Pair p = TestPair.of("0b7e2c1a-0000-4000-8000-000000000001", "Who ordered? ünïcødé 🚀", "SELECT * FROM orders")
                .at(at("2024-03-01T12:34:56.123456Z"))
                .tables("orders")
                .failed()
                .tookMs("45.0")
                .metadata(Map.of("user", "u1", "nested", Map.of("k", List.of(1, 2))))
                .build();
        PairAnalysis a = new PairAnalysis(
                QueryType.SELECT,
                "abc",
                ComplexityLevel.MEDIUM,
                Set.of(QualityFlag.FAILED_EXECUTION),
                7L,
                Set.of("EMAIL", "CUSTOM:emp_id"),
                null);
        AddResult result = store.addAll(List.of(p), List.of(a), Source.API, "b1");

        StoredPair stored = store.get(result.ids().get(0)).orElseThrow();
        assertThat(stored.pair()).isEqualTo(p);
        assertThat(stored.pair().executionTimeMs().toString()).isEqualTo("45.0");
        assertThat(stored.analysis()).isEqualTo(a);
        assertThat(stored.status()).isEqualTo(ReviewStatus.UNREVIEWED);
        assertThat(stored.source()).isEqualTo(Source.API);
        assertThat(stored.importBatch()).isEqualTo("b1");
        assertThat(stored.inTrash()).isFalse();
        assertThat(stored.edited()).isFalse();
        assertThat(store.getByPairId(p.pairId())).contains(stored);
        assertThat(store.get(-1)).isEmpty();
        assertThat(store.getByPairId("nope")).isEmpty();
    }

    @Test
    void integerExecutionTimesStayIntegers() {
        store.addAll(
                List.of(pair("a", "q", "SELECT 1", "2024-01-01", null, null, List.of(), true, "45")),
                null,
                Source.FILE,
                "b");
        assertThat(store.getByPairId("a").orElseThrow().pair().executionTimeMs().toString())
                .isEqualTo("45");
    }

    @Test
    void textsByIdComeInIdOrderFromRangesAndFromScatteredIdsAlike() {
        List<Long> ids = addSample();
        store.trash(List.of(ids.get(3)));
        Function<long[], List<String>> texts = wanted -> {
            List<String> seen = new ArrayList<>();
            store.forEachText(wanted, t -> {
                StoredPair full = store.get(t.id()).orElseThrow();
                assertThat(t)
                        .isEqualTo(new PairText(
                                full.id(),
                                full.pair().pairId(),
                                full.pair().question(),
                                full.pair().sql(),
                                full.pair().databaseName()));
                seen.add(t.pairId());
            });
            return seen;
        };
        long[] all = ids.stream().mapToLong(Long::longValue).toArray();
        assertThat(texts.apply(all))
                .as("a range of the key; the trash is read too: the caller chose the ids")
                .containsExactly("p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9");
        assertThat(texts.apply(new long[] {all[0], all[9]}))
                .as("scattered ids, looked up")
                .containsExactly("p0", "p9");
        assertThat(texts.apply(new long[] {all[2], all[4], all[5], all[9] + 1_000}))
                .as("an id never stored is skipped")
                .containsExactly("p2", "p4", "p5");
        assertThat(texts.apply(new long[0])).isEmpty();
    }

    @Test
    void knownPairIdsAreSkippedAndCountedEvenInTheTrash() {
        AddResult first = store.addAll(
                List.of(simple("a", "one"), simple("b", "two"), simple("a", "dup in batch")), null, Source.FILE, "b1");
        assertThat(first.added()).isEqualTo(2);
        assertThat(first.skipped()).isEqualTo(1);
        assertThat(first.ids()).doesNotHaveDuplicates();
        store.trash(List.of(first.ids().get(1)));

        AddResult again =
                store.addAll(List.of(simple("a", "x"), simple("b", "y"), simple("c", "z")), null, Source.FILE, "b2");
        assertThat(again.added()).isEqualTo(1);
        assertThat(again.skipped()).isEqualTo(2);
        assertThat(store.getByPairId("a").orElseThrow().pair().question()).isEqualTo("one");
        assertThat(store.count(PairFilter.ALL)).isEqualTo(2);
        assertThat(store.count(PairFilter.ALL.withTrash(true))).isEqualTo(1);
    }

    @Test
    void idsFollowInsertionOrder() {
        List<Long> ids = addSample();
        assertThat(ids).isSorted().hasSize(10);
        assertThat(pairIds(PairFilter.ALL)).containsExactly("p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9");
    }

    // ---- filters -------------------------------------------------------------------------

    @Test
    void everyFilterFieldNarrowsTheRows() {
        List<Long> ids = addSample();
        PairFilter all = PairFilter.ALL;
        assertThat(pairIds(all.withDates(at("2024-01-03"), at("2024-01-05")))).containsExactly("p2", "p3");
        assertThat(pairIds(all.withDates(at("2024-01-09T18:00:00"), null))).containsExactly("p8", "p9");
        assertThat(pairIds(all.withSuccess(false))).containsExactly("p2", "p6");
        assertThat(pairIds(all.withSuccess(true))).hasSize(8);
        assertThat(pairIds(all.withDatabaseTypes(Set.of("sqlite", "mysql"))))
                .containsExactly("p1", "p3", "p6", "p8", "p9");
        assertThat(pairIds(all.withDatabaseNames(Set.of("ops")))).containsExactly("p2", "p6", "p9");
        assertThat(pairIds(all.withQueryTypes(Set.of(QueryType.DELETE, QueryType.DROP))))
                .containsExactly("p2", "p9");
        assertThat(pairIds(all.withFlags(Set.of(QualityFlag.FAILED_EXECUTION)))).containsExactly("p2", "p6");
        assertThat(pairIds(all.withFlags(Set.of(QualityFlag.FAILED_EXECUTION, QualityFlag.UNPARSEABLE))))
                .containsExactly("p6");
        assertThat(pairIds(all.withComplexity(Set.of(ComplexityLevel.EASY)))).containsExactly("p0", "p1", "p3", "p9");
        assertThat(pairIds(all.withPiiTypes(Set.of("EMAIL")))).containsExactly("p3");
        assertThat(pairIds(all.withPiiTypes(Set.of("EMAIL", "CARD")))).containsExactly("p3", "p8");
        assertThat(pairIds(all.withTables(Set.of("orders")))).containsExactly("p1", "p5");
        assertThat(pairIds(all.withTables(Set.of("tmp", "logs")))).containsExactly("p2", "p9");
        assertThat(pairIds(all.withText("ORDERS", false))).containsExactly("p1", "p5");
        assertThat(pairIds(all.withText("example.com", false))).containsExactly("p3");
        assertThat(pairIds(all.withText("100%_", false))).isEmpty();
        assertThat(pairIds(all.withText("^(Add|Drop) ", true))).containsExactly("p4", "p9");
        assertThat(pairIds(all.withText("price \\* 1\\.1", true))).containsExactly("p7");
        assertThat(pairIds(all.withDuplicateGroup(1L))).containsExactly("p0", "p5");
        assertThat(pairIds(all.withIds(Set.of(ids.get(4), ids.get(6))))).containsExactly("p4", "p6");
        assertThat(pairIds(all.withDatabaseTypes(Set.of("postgresql"))
                        .withSuccess(true)
                        .withDates(at("2024-01-01"), at("2024-01-07"))))
                .containsExactly("p0", "p5");

        store.setStatus(List.of(ids.get(0), ids.get(1)), ReviewStatus.ACCEPTED);
        store.setStatus(List.of(ids.get(2)), ReviewStatus.REJECTED);
        assertThat(pairIds(all.withStatuses(Set.of(ReviewStatus.ACCEPTED)))).containsExactly("p0", "p1");
        assertThat(pairIds(all.withStatuses(Set.of(ReviewStatus.REJECTED, ReviewStatus.UNREVIEWED))))
                .hasSize(8);

        Instant before = Timestamps.now();
        store.setNote(ids.get(7), "check the price");
        assertThat(pairIds(all.withChangedSince(before))).containsExactly("p7");

        store.trash(List.of(ids.get(0)));
        assertThat(pairIds(all.withTrash(true))).containsExactly("p0");
        assertThat(pairIds(all)).hasSize(9).doesNotContain("p0");
    }

    @Test
    void anInvalidRegexIsRefusedNamingIt() {
        addSample();
        assertThatThrownBy(() -> store.count(PairFilter.ALL.withText("(unclosed", true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(unclosed");
    }

    // ---- sorting and paging --------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(SortColumn.class)
    void keysetPagesEqualTheFullOrderedScanForEverySort(SortColumn column) {
        addSample();
        store.addAll(
                IntStream.range(0, 7)
                        .mapToObj(i -> simple("extra" + i, "same question"))
                        .toList(),
                null,
                Source.DEMO,
                "b2");
        for (boolean desc : new boolean[] {false, true}) {
            PairSort sort = new PairSort(column, desc);
            List<Long> full = new ArrayList<>();
            store.forEach(PairFilter.ALL, sort, p -> full.add(p.id()));
            assertThat(full).hasSize(17);

            List<Long> paged = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                Page page = store.query(PairFilter.ALL, sort, cursor, 3);
                page.rows().forEach(p -> paged.add(p.id()));
                cursor = page.nextCursor();
                pages++;
            } while (cursor != null);
            assertThat(paged).as(sort.toString()).isEqualTo(full);
            assertThat(pages).isEqualTo(6);
        }
    }

    @Test
    void sortsFollowTheColumnValuesWithTheIdBreakingTies() {
        addSample();
        List<String> byTime = new ArrayList<>();
        store.forEach(
                PairFilter.ALL, PairSort.NEWEST_FIRST, p -> byTime.add(p.pair().pairId()));
        assertThat(byTime).containsExactly("p9", "p8", "p7", "p6", "p5", "p4", "p3", "p2", "p1", "p0");

        List<StoredPair> byExec = store.query(PairFilter.ALL, new PairSort(SortColumn.EXECUTION_TIME, false), null, 10)
                .rows();
        assertThat(byExec)
                .extracting(p -> p.pair().pairId())
                .containsExactly("p2", "p7", "p6", "p9", "p3", "p4", "p8", "p0", "p1", "p5");

        List<StoredPair> bySuccess = store.query(PairFilter.ALL, new PairSort(SortColumn.SUCCESS, false), null, 10)
                .rows();
        assertThat(bySuccess).extracting(p -> p.pair().pairId()).startsWith("p2", "p6", "p0", "p1");

        List<StoredPair> byComplexityDesc = store.query(
                        PairFilter.ALL, new PairSort(SortColumn.COMPLEXITY, true), null, 10)
                .rows();
        assertThat(byComplexityDesc)
                .extracting(p -> p.pair().pairId())
                .containsExactly("p8", "p5", "p7", "p2", "p9", "p3", "p1", "p0", "p6", "p4");
    }

    @Test
    void aFilteredQueryPagesOnlyTheMatches() {
        addSample();
        PairFilter postgres = PairFilter.ALL.withDatabaseTypes(Set.of("postgresql"));
        Page first = store.query(postgres, PairSort.NEWEST_FIRST, null, 2);
        assertThat(first.rows()).extracting(p -> p.pair().pairId()).containsExactly("p7", "p5");
        Page second = store.query(postgres, PairSort.NEWEST_FIRST, first.nextCursor(), 2);
        assertThat(second.rows()).extracting(p -> p.pair().pairId()).containsExactly("p2", "p0");
        assertThat(second.nextCursor()).isNull();
    }

    @Test
    void aCursorFromAnotherSortIsRefused() {
        addSample();
        String cursor =
                store.query(PairFilter.ALL, PairSort.NEWEST_FIRST, null, 2).nextCursor();
        assertThatThrownBy(() -> store.query(PairFilter.ALL, PairSort.INSERTION, cursor, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another sort");
        assertThatThrownBy(() -> store.query(PairFilter.ALL, PairSort.INSERTION, "garbage!", 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cursor");
    }

    @Test
    void pageStartsJumpToEveryPage() {
        addSample();
        PairSort sort = new PairSort(SortColumn.DATABASE_TYPE, false);
        List<Long> full = new ArrayList<>();
        store.forEach(PairFilter.ALL, sort, p -> full.add(p.id()));
        List<String> starts = store.pageStarts(PairFilter.ALL, sort, 3);
        assertThat(starts).hasSize(4);
        assertThat(starts.get(0)).isNull();
        for (int page = 0; page < starts.size(); page++) {
            List<Long> rows = store.query(PairFilter.ALL, sort, starts.get(page), 3).rows().stream()
                    .map(StoredPair::id)
                    .toList();
            assertThat(rows).isEqualTo(full.subList(page * 3, Math.min(full.size(), page * 3 + 3)));
        }
        assertThat(store.pageStarts(PairFilter.ALL, sort, 5)).hasSize(2); // 10 rows: no empty third page
    }

    @Test
    void distinctDatabaseTypesAndNamesForFilterChoices() {
        addSample();
        assertThat(store.databaseTypes()).containsExactly("mysql", "postgresql", "sqlite");
        assertThat(store.databaseNames()).containsExactly("ops", "pay", "shop");
    }

    // ---- curation ------------------------------------------------------------------------

    @Test
    void bulkStatusByIdsAndByFilter() {
        List<Long> ids = addSample();
        assertThat(store.setStatus(List.of(ids.get(0), ids.get(1)), ReviewStatus.ACCEPTED))
                .isEqualTo(2);
        assertThat(store.setStatus(List.of(ids.get(0)), ReviewStatus.ACCEPTED))
                .as("unchanged rows do not count")
                .isZero();
        long rejected = store.setStatus(PairFilter.ALL.withSuccess(false), ReviewStatus.REJECTED);
        assertThat(rejected).isEqualTo(2);
        assertThat(store.get(ids.get(2)).orElseThrow().status()).isEqualTo(ReviewStatus.REJECTED);
        assertThat(store.get(ids.get(1)).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void trashByFilterIsRestorableAsOneOperation() {
        List<Long> ids = addSample();
        TrashBatch mysql = store.trash(PairFilter.ALL.withDatabaseTypes(Set.of("mysql")));
        assertThat(mysql.count()).isEqualTo(3);
        TrashBatch one = store.trash(List.of(ids.get(0)));
        assertThat(one.count()).isEqualTo(1);
        assertThat(store.count(PairFilter.ALL)).isEqualTo(6);
        StoredPair trashed = store.getByPairId("p1").orElseThrow();
        assertThat(trashed.inTrash()).isTrue();
        assertThat(trashed.trashBatch()).isEqualTo(mysql.id());

        assertThat(store.restore(mysql.id())).isEqualTo(3);
        assertThat(store.count(PairFilter.ALL)).isEqualTo(9);
        assertThat(store.getByPairId("p1").orElseThrow().inTrash()).isFalse();
        assertThat(store.restore(mysql.id())).as("a batch restores once").isZero();
        assertThat(store.restore(List.of(ids.get(0), ids.get(5)))).isEqualTo(1);
        assertThat(store.count(PairFilter.ALL)).isEqualTo(10);
    }

    @Test
    void purgeDeletesOnlyTheTrashForGood() {
        List<Long> ids = addSample();
        store.trash(List.of(ids.get(0), ids.get(5)));
        assertThat(store.purge()).isEqualTo(2);
        assertThat(store.get(ids.get(0))).isEmpty();
        assertThat(store.count(PairFilter.ALL.withTrash(true))).isZero();
        assertThat(store.count(PairFilter.ALL)).isEqualTo(8);
        assertThat(pairIds(PairFilter.ALL.withTables(Set.of("customers")))).isEmpty();
        assertThat(store.addAll(List.of(simple("p0", "back")), null, Source.FILE, "b")
                        .added())
                .as("a purged pair can be imported again")
                .isEqualTo(1);
    }

    @Test
    void editingKeepsTheOriginalTextAndDetectsConflicts() {
        long id = addSample().get(1);
        StoredPair before = store.get(id).orElseThrow();
        StoredPair edited = store.updateText(id, "List every order", "SELECT id FROM orders", before.version());
        assertThat(edited.pair().question()).isEqualTo("List every order");
        assertThat(edited.originalQuestion()).isEqualTo("List all orders");
        assertThat(edited.originalSql()).isEqualTo("SELECT * FROM orders");
        assertThat(edited.edited()).isTrue();
        assertThat(edited.version()).isEqualTo(before.version() + 1);

        StoredPair again = store.updateText(id, "Orders, all", "SELECT * FROM orders o", edited.version());
        assertThat(again.originalQuestion()).as("the first original is kept").isEqualTo("List all orders");

        assertThatThrownBy(() -> store.updateText(id, "stale", "SELECT 2", before.version()))
                .isInstanceOf(EditConflictException.class)
                .hasMessageContaining("changed elsewhere");
        assertThat(store.get(id).orElseThrow().pair().question()).isEqualTo("Orders, all");
    }

    @Test
    void analysesCanBeStoredLater() {
        long id = added(simple("a", "q")).get(0);
        assertThat(store.get(id).orElseThrow().analysis().queryType()).isNull();
        PairAnalysis a =
                analysis(QueryType.SELECT, ComplexityLevel.EASY, Set.of(QualityFlag.SHORT_QUESTION), Set.of(), null);
        store.updateAnalyses(Map.of(id, a));
        assertThat(store.get(id).orElseThrow().analysis()).isEqualTo(a);
        assertThat(store.count(PairFilter.ALL.withFlags(Set.of(QualityFlag.SHORT_QUESTION))))
                .isEqualTo(1);
    }

    @Test
    void aStreamBeforeTheIndexIsBuiltFiltersLikeTheIndex() {
        List<Long> ids = addSample();
        store.trash(List.of(ids.get(3)));
        store.setStatus(List.of(ids.get(5)), ReviewStatus.ACCEPTED);
        List<PairFilter> filters = List.of(
                PairFilter.ALL,
                PairFilter.ALL.withTrash(true),
                PairFilter.ALL.withSuccess(false),
                PairFilter.ALL.withDatabaseTypes(Set.of("postgresql")),
                PairFilter.ALL.withQueryTypes(Set.of(QueryType.SELECT)),
                PairFilter.ALL.withStatuses(Set.of(ReviewStatus.ACCEPTED)),
                PairFilter.ALL.withFlags(Set.of(QualityFlag.CONTAINS_PII)),
                PairFilter.ALL.withPiiTypes(Set.of("CARD")),
                PairFilter.ALL.withTables(Set.of("orders")),
                PairFilter.ALL.withComplexity(Set.of(ComplexityLevel.EASY)),
                PairFilter.ALL.withText("ORDERS", false),
                PairFilter.ALL.withText("^(Add|Drop) ", true),
                PairFilter.ALL.withDuplicateGroup(1L),
                PairFilter.ALL.withIds(Set.of(ids.get(0), ids.get(9))),
                PairFilter.ALL.withDates(at("2024-01-03T00:00:00Z"), at("2024-01-06T00:00:00Z")));
        store = reopen(); // a fresh process: nothing built yet, so a stream in insertion order reads the table
        List<List<Long>> streamed = new ArrayList<>();
        for (PairFilter f : filters) {
            List<Long> rows = new ArrayList<>();
            store.forEach(f, PairSort.INSERTION, p -> rows.add(p.id()));
            streamed.add(rows);
        }
        for (int i = 0; i < filters.size(); i++) {
            List<Long> indexed = new ArrayList<>();
            store.forEach(filters.get(i), PairSort.INSERTION, p -> indexed.add(p.id()));
            assertThat(streamed.get(i))
                    .as(filters.get(i).toString())
                    .isEqualTo(indexed)
                    .hasSize((int) store.count(filters.get(i)));
        }
    }

    @Test
    void searchFollowsEditsAndMatchesInsideWordsAndWholePhrases() {
        List<Long> ids = addSample();
        PairFilter all = PairFilter.ALL;
        assertThat(store.count(all.withText("ustomer", false)))
                .as("inside a word")
                .isEqualTo(2);
        assertThat(store.count(all.withText("count(o.id)", false)))
                .as("a phrase with punctuation")
                .isEqualTo(1);
        assertThat(store.count(all.withText("customers orders", false)))
                .as("words must be adjacent as typed")
                .isZero();
        StoredPair p1 = store.get(ids.get(1)).orElseThrow();
        store.updateText(p1.id(), "List every invoice", "SELECT * FROM invoices", p1.version());
        assertThat(pairIds(all.withText("invoice", false))).containsExactly("p1");
        assertThat(pairIds(all.withText("orders", false)))
                .as("the old text no longer matches")
                .containsExactly("p5");
        store.addAll(List.of(simple("late", "Invoices of today")), null, Source.FILE, "b2");
        assertThat(pairIds(all.withText("INVOICE", false))).containsExactly("p1", "late");
    }

    @Test
    void unanalysedPairsAreListedUntilABackgroundAnalysisStoresTablesAndKeepsDuplicateMarks() {
        List<Long> ids = added(simple("u1", "first"), simple("u2", "second"), simple("u3", "third"));
        store.markDuplicates(
                List.of(new Database.DuplicateMark(ids.get(0), 9L, Set.of(QualityFlag.DUPLICATE))), List.of());
        assertThat(store.unanalysed(0, 10)).extracting(StoredPair::id).containsExactly(ids.get(1), ids.get(2));
        assertThat(store.unanalysed(ids.get(1), 10)).extracting(StoredPair::id).containsExactly(ids.get(2));

        PairAnalysis fresh = analysis(
                QueryType.DELETE, ComplexityLevel.MEDIUM, Set.of(QualityFlag.SHORT_QUESTION), Set.of("EMAIL"), null);
        store.reanalysed(Map.of(
                ids.get(0),
                new Database.Analysed(List.of("t1"), fresh),
                ids.get(1),
                new Database.Analysed(List.of("t2", "t3"), fresh)));

        assertThat(store.unanalysed(0, 10)).extracting(StoredPair::id).containsExactly(ids.get(2));
        StoredPair first = store.get(ids.get(0)).orElseThrow();
        assertThat(first.pair().tableNames()).containsExactly("t1");
        assertThat(first.analysis().queryType()).isEqualTo(QueryType.DELETE);
        assertThat(first.analysis().flags())
                .as("duplicate marks survive a re-analysis")
                .containsExactlyInAnyOrder(QualityFlag.DUPLICATE, QualityFlag.SHORT_QUESTION);
        assertThat(first.analysis().duplicateGroup()).isEqualTo(9L);
        assertThat(store.get(ids.get(1)).orElseThrow().pair().tableNames()).containsExactly("t2", "t3");
        assertThat(store.count(PairFilter.ALL.withTables(Set.of("t3")))).isEqualTo(1);
        assertThat(store.count(PairFilter.ALL.withQueryTypes(Set.of(QueryType.DELETE))))
                .isEqualTo(2);
    }

    // ---- database-wide -------------------------------------------------------------------

    @Test
    void settingsAndTheSecretSurviveReopening() {
        byte[] secret = store.privacySecret();
        assertThat(secret).hasSize(32);
        store.putSetting("ui.theme", "dark");
        addSample();
        store = reopen();
        assertThat(store.privacySecret()).isEqualTo(secret);
        assertThat(store.setting("ui.theme")).contains("dark");
        assertThat(store.setting("missing")).isEmpty();
        assertThat(store.count(PairFilter.ALL)).isEqualTo(10);
        store.putSetting("ui.theme", null);
        assertThat(store.setting("ui.theme")).isEmpty();
    }

    @Test
    void eachDatabaseHasItsOwnSecret() {
        try (Database other = newStore()) {
            assertThat(other.privacySecret()).isNotEqualTo(store.privacySecret());
        }
    }
}
