package dev.pairstudio.store.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.pair.ComplexityLevel;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.store.Cursor;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.SortColumn;
import dev.pairstudio.store.StatGroup;
import dev.pairstudio.testing.SpiderCorpus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A sort order kept through changes ({@link KeptOrders}, {@link SortOrder#follow}) is exactly the
 * one a fresh sort gives: after random appends (most sorting last, as a collector's, some
 * anywhere), edits of text, times and dimensions, trash, restores, purges and re-stored purged
 * rows, on every sort column, walked from random cursors in both directions. Texts and database
 * names are Spider's (data we did not write); the rest is random with many ties.
 */
class KeptOrdersTest {
    private static final List<SpiderCorpus.Example> SPIDER = SpiderCorpus.train();
    private static final long YEAR_MICROS = 365L * 24 * 3600 * 1_000_000;

    private final Random random = new Random(25);
    private final PairIndex index = new PairIndex();
    /** What the test stored last for each id (the index keeps no texts). */
    private final Map<Long, IndexRow> rows = new HashMap<>();

    private final List<Long> ids = new ArrayList<>();

    private long nextId = 1;
    private long latestTs = 1_700_000_000_000_000L;
    /** Whether texts were added or edited since the question and SQL ranks were last attached. */
    private boolean textsWait = true;

    @ParameterizedTest
    @EnumSource(SortColumn.class)
    void aKeptOrderIsTheOrderAFreshSortGives(SortColumn column) {
        for (int i = 0; i < 3_000; i++) {
            append(false);
        }
        rankTexts(column);
        index.order(column);
        int followed = 0;
        for (int round = 0; round < 60; round++) {
            boolean few = changeAtRandom(round);
            rankTexts(column);
            SortOrder kept = index.cachedOrder(column);
            if (few && !PairIndex.textRanked(column)) {
                assertThat(kept)
                        .as("round %d: a few changes keep the order", round)
                        .isNotNull();
            }
            if (kept != null) {
                followed++;
            }
            assertSameAsFresh(column, index.order(column), round);
        }
        if (!PairIndex.textRanked(column)) {
            assertThat(followed)
                    .as("rounds whose order was followed, not sorted again")
                    .isGreaterThan(40);
        }
    }

    /** One round of changes; true when they were few (the order is followed, not dropped). */
    private boolean changeAtRandom(int round) {
        int kind = round % 6;
        int n = round % 15 == 14 ? 2_000 : 1 + random.nextInt(120); // now and then more edits than are worth following
        for (int i = 0; i < n; i++) {
            switch (kind) {
                case 0 -> append(false); // collected: sorts last by time and id
                case 1 -> append(random.nextInt(4) == 0); // some stamped in the past
                case 2 -> edit(someId());
                case 3 -> {
                    long id = someId();
                    if (random.nextBoolean()) {
                        index.setTrash(id, random.nextBoolean());
                    } else {
                        index.regroup(
                                id, g -> g.withStatus(pick(ReviewStatus.values())), latestTs - random.nextInt(1000));
                    }
                }
                case 4 -> {
                    long id = someId();
                    index.markDuplicate(id, random.nextInt(50), 0xFF, random.nextInt(256));
                    if (random.nextInt(10) == 0) {
                        index.renameGroup(random.nextInt(50), random.nextInt(50));
                    }
                }
                default -> {
                    long id = someId();
                    if (random.nextInt(3) == 0) {
                        index.purge(id);
                        if (random.nextBoolean()) {
                            edit(id); // stored again (a restore from another process's view)
                        }
                    } else {
                        append(false);
                    }
                }
            }
        }
        return n < 1_000;
    }

    private void append(boolean past) {
        long id = nextId;
        nextId += 1 + random.nextInt(3); // ids leave gaps, as rolled-back inserts do
        long ts =
                past ? latestTs - (long) (random.nextDouble() * YEAR_MICROS) : (latestTs += random.nextInt(3) * 1_000L);
        store(id, ts);
    }

    private void edit(long id) {
        store(id, random.nextBoolean() ? rows.get(id).tsMicros() : latestTs - random.nextInt(1_000_000));
    }

    private void store(long id, long ts) {
        SpiderCorpus.Example e = SPIDER.get(random.nextInt(SPIDER.size()));
        StatGroup g = new StatGroup(
                pick(new String[] {"postgresql", "mysql", "sqlite", null}),
                random.nextInt(8) == 0 ? null : e.database(),
                random.nextInt(5) > 0,
                pick(QueryType.values()),
                QueryType.SELECT,
                pick(ReviewStatus.values()),
                random.nextInt(5) == 0 ? null : pick(ComplexityLevel.values()),
                random.nextInt(4),
                Set.of(),
                random.nextBoolean() ? List.of() : List.of(e.database() + "_t" + random.nextInt(3)));
        IndexRow r = new IndexRow(
                id,
                "p-" + id,
                ts,
                latestTs + random.nextInt(100),
                g,
                e.question().length(),
                e.sql().length(),
                random.nextInt(3) == 0 ? 0 : SortKeys.execution(random.nextInt(50) / 2.0),
                random.nextInt(4) == 0 ? (long) random.nextInt(50) : null,
                random.nextInt(20) == 0,
                e.question(),
                e.sql());
        assertThat(index.put(r)).isTrue();
        if (rows.put(id, r) == null) {
            ids.add(id);
        }
        textsWait = true;
    }

    /** As the store does before a read by question or SQL: every live pair ranked in that text's order (here Java's string order, then id). */
    private void rankTexts(SortColumn column) {
        if (!PairIndex.textRanked(column) || !textsWait) {
            return;
        }
        Comparator<Integer> byText = Comparator.comparing(o -> column == SortColumn.QUESTION
                ? rows.get(index.id(o)).question()
                : rows.get(index.id(o)).sql());
        int[] ordered = IntStream.range(0, index.size())
                .filter(o -> !index.purged(o))
                .boxed()
                .sorted(byText.thenComparing(o -> index.id(o)))
                .mapToInt(Integer::intValue)
                .toArray();
        index.attachRanks(column, ordered, index.size());
        textsWait = false;
    }

    private void assertSameAsFresh(SortColumn column, SortOrder kept, int round) {
        SortOrder fresh = SortOrder.build(index, column);
        assertThat(kept.size())
                .as("round %d: rows", round)
                .isEqualTo(fresh.size())
                .isEqualTo(index.size());
        int[] keptRows = IntStream.range(0, kept.size()).map(kept::at).toArray();
        int[] freshRows = IntStream.range(0, fresh.size()).map(fresh::at).toArray();
        assertThat(keptRows).as("round %d: the kept %s order", round, column).isEqualTo(freshRows);
        for (int i = 0; i < 20; i++) {
            int o = random.nextInt(index.size());
            for (boolean descending : new boolean[] {false, true}) {
                Cursor cursor = new Cursor(
                        new PairSort(column, descending), fresh.keys().cursorValue(o), index.id(o));
                assertThat(kept.startAfter(cursor, descending))
                        .as("round %d: a walk %s after ordinal %d", round, descending ? "down" : "up", o)
                        .isEqualTo(fresh.startAfter(cursor, descending));
            }
        }
    }

    private long someId() {
        return ids.get(random.nextInt(ids.size()));
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
