package dev.pairstudio.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.pair.ComplexityLevel;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairAnalysis;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.pair.Source;
import dev.pairstudio.pair.Timestamps;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.store.LengthHistogram;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.StatCounts;
import dev.pairstudio.store.StatGroup;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.testing.Contracts;
import dev.pairstudio.testing.TestPair;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatisticsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Database store;

    @BeforeEach
    void open() {
        store = Databases.open(dir.resolve("stats").toString());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Pair pair(String id, String q, String sql, String ts, String type, List<String> tables, boolean ok) {
        return TestPair.of(id, q, sql)
                .at(Timestamps.parse(ts).orElseThrow())
                .on(type, "shop")
                .tables(tables)
                .success(ok)
                .tookMs(BigDecimal.ONE)
                .build();
    }

    @Test
    void emptySetGivesTheSeedsEmptyFormAndKeyOrder() throws Exception {
        Statistics s = Statistics.compute(store, PairFilter.ALL);
        String json = StatisticsJson.toJson(s);
        assertThat(json)
                .startsWith("{\n  \"total_pairs\": 0,\n  \"successful_pairs\": 0,\n  \"failed_pairs\": 0,\n"
                        + "  \"unique_tables\": [],\n  \"database_types\": [],\n  \"avg_query_length\": 0.0,\n"
                        + "  \"avg_sql_length\": 0.0,\n  \"date_range\": {},\n  \"query_type_distribution\": {},\n");
        List<String> keys = new ArrayList<>();
        JSON.readTree(json).fieldNames().forEachRemaining(keys::add);
        assertThat(keys.subList(0, 9)).containsExactlyElementsOf(Contracts.STATISTICS_FIRST_KEYS);
        assertThat(keys)
                .contains(
                        "review_status",
                        "complexity",
                        "duplicates",
                        "pii_findings",
                        "pairs_per_day",
                        "top_tables",
                        "question_length_histogram",
                        "sql_length_histogram");
        assertThat(json).doesNotEndWith("\n");
    }

    @Test
    void handComputedSmallSet() throws Exception {
        List<Pair> pairs = List.of(
                pair(
                        "a",
                        "How many users?",
                        "SELECT COUNT(*) FROM users",
                        "2024-01-01T10:00:00",
                        "postgresql",
                        List.of("users"),
                        true),
                pair(
                        "b",
                        "Café 😀 orders",
                        "SELECT * FROM orders JOIN users ON 1=1",
                        "2024-01-02T11:00:00.5",
                        "mysql",
                        List.of("orders", "users"),
                        false),
                pair(
                        "c",
                        "Delete it",
                        "DELETE FROM orders",
                        "2024-01-05T23:59:59",
                        "postgresql",
                        List.of("orders"),
                        true));
        List<PairAnalysis> analyses = List.of(
                new PairAnalysis(
                        QueryType.SELECT,
                        "f1",
                        ComplexityLevel.EASY,
                        Set.of(QualityFlag.DUPLICATE),
                        7L,
                        Set.of("EMAIL"),
                        null),
                new PairAnalysis(
                        QueryType.SELECT,
                        "f2",
                        ComplexityLevel.MEDIUM,
                        Set.of(QualityFlag.CONFLICT),
                        7L,
                        Set.of("EMAIL", "PHONE"),
                        null),
                PairAnalysis.NONE); // unanalysed: the seed's prefix rule gives DELETE
        store.addAll(pairs, analyses, Source.MANUAL, "t");
        Statistics s = Statistics.compute(store, PairFilter.ALL);
        assertThat(s.totalPairs()).isEqualTo(3);
        assertThat(s.successfulPairs()).isEqualTo(2);
        assertThat(s.failedPairs()).isEqualTo(1);
        assertThat(s.uniqueTables()).containsExactly("orders", "users");
        assertThat(s.databaseTypes()).containsExactly("mysql", "postgresql");
        // code points: "How many users?" 15, "Café 😀 orders" 13 (the emoji is one), "Delete it" 9
        assertThat(s.avgQueryLength()).isEqualTo((15 + 13 + 9) / 3.0);
        assertThat(s.avgSqlLength()).isEqualTo((26 + 38 + 18) / 3.0);
        assertThat(s.start()).isEqualTo(Instant.parse("2024-01-01T10:00:00Z"));
        assertThat(s.end()).isEqualTo(Instant.parse("2024-01-05T23:59:59Z"));
        assertThat(s.queryTypeDistribution())
                .containsExactly(Map.entry(QueryType.SELECT, 2L), Map.entry(QueryType.DELETE, 1L));
        assertThat(s.reviewStatus())
                .containsEntry(ReviewStatus.UNREVIEWED, 3L)
                .containsEntry(ReviewStatus.ACCEPTED, 0L);
        assertThat(s.complexity())
                .containsExactly(Map.entry("EASY", 1L), Map.entry("MEDIUM", 1L), Map.entry("UNANALYSED", 1L));
        assertThat(s.duplicates()).isEqualTo(1);
        assertThat(s.conflicts()).isEqualTo(1);
        assertThat(s.piiFindings()).containsExactly(Map.entry("EMAIL", 2L), Map.entry("PHONE", 1L));
        assertThat(s.pairsPerDay())
                .containsExactly(
                        Map.entry(LocalDate.parse("2024-01-01"), 1L),
                        Map.entry(LocalDate.parse("2024-01-02"), 1L),
                        Map.entry(LocalDate.parse("2024-01-05"), 1L));
        assertThat(s.topTables())
                .containsExactly(new Statistics.TableCount("orders", 2), new Statistics.TableCount("users", 2));
        assertThat(s.questionLengthHistogram().stream()
                        .filter(b -> b.to() != null && b.to() < 25)
                        .mapToLong(Statistics.LengthBin::pairs)
                        .sum())
                .as("three questions under 25 characters")
                .isEqualTo(3);

        JsonNode j = JSON.readTree(StatisticsJson.toJson(s));
        assertThat(j.get("date_range").get("start").asText()).isEqualTo("2024-01-01T10:00:00.000000");
        assertThat(j.get("date_range").get("end").asText()).isEqualTo("2024-01-05T23:59:59.000000");
        assertThat(j.get("query_type_distribution").toString()).isEqualTo("{\"SELECT\":2,\"DELETE\":1}");
        assertThat(j.get("avg_query_length").isDouble()).isTrue();

        // a filter within the set, also with a time that cuts a day
        Statistics f =
                Statistics.compute(store, PairFilter.ALL.withDates(Instant.parse("2024-01-01T10:00:00.000001Z"), null));
        assertThat(f.totalPairs()).isEqualTo(2);
        assertThat(f.start()).isEqualTo(Instant.parse("2024-01-02T11:00:00.5Z"));
        Statistics mysql = Statistics.compute(store, PairFilter.ALL.withDatabaseTypes(Set.of("mysql")));
        assertThat(mysql.totalPairs()).isEqualTo(1);
        assertThat(mysql.uniqueTables()).containsExactly("orders", "users");
    }

    /** The day tables, kept on every write, agree with reading the pairs, for many filters. */
    @Test
    void aggregatesStayExactThroughEveryKindOfWrite() {
        SyntheticPairs gen = new SyntheticPairs(11);
        SplittableRandom r = new SplittableRandom(5);
        List<Pair> pairs = gen.list(900);
        List<PairAnalysis> analyses = new ArrayList<>();
        for (Pair p : pairs) {
            analyses.add(
                    r.nextInt(5) == 0
                            ? PairAnalysis.NONE
                            : new PairAnalysis(
                                    QueryType.values()[r.nextInt(9)],
                                    "fp" + r.nextInt(40),
                                    ComplexityLevel.values()[r.nextInt(4)],
                                    r.nextBoolean() ? Set.of(QualityFlag.DUPLICATE) : Set.of(),
                                    null,
                                    r.nextInt(10) == 0 ? Set.of("EMAIL") : Set.of(),
                                    null));
        }
        List<Pair> withTables = new ArrayList<>();
        for (Pair p : pairs) {
            withTables.add(p.withTableNames(List.of("t" + r.nextInt(6), "u" + r.nextInt(3))));
        }
        store.addAll(withTables.subList(0, 600), analyses.subList(0, 600), Source.FILE, "one");
        store.addAll(withTables.subList(600, 900), analyses.subList(600, 900), Source.FILE, "two");
        List<Long> ids = new ArrayList<>();
        store.forEach(PairFilter.ALL, PairSort.INSERTION, p -> ids.add(p.id()));
        store.setStatus(ids.subList(0, 300), ReviewStatus.ACCEPTED);
        store.setStatus(PairFilter.ALL.withDatabaseTypes(Set.of("mysql")), ReviewStatus.REJECTED);
        var batch = store.trash(ids.subList(200, 500));
        store.trash(PairFilter.ALL.withSuccess(false));
        store.restore(batch.id());
        StoredPair one = store.get(ids.get(700)).orElseThrow();
        store.updateText(
                one.id(), "A much longer question with an emoji 😀 in it", "UPDATE x SET y = 1", one.version());
        store.updateAnalyses(Map.of(
                ids.get(701),
                new PairAnalysis(
                        QueryType.MERGE,
                        "z",
                        ComplexityLevel.EXTRA,
                        Set.of(QualityFlag.CONFLICT),
                        3L,
                        Set.of("PHONE"),
                        null)));
        store.reanalysed(
                ids.get(702),
                List.of("renamed_table"),
                new PairAnalysis(
                        QueryType.DELETE,
                        "q",
                        ComplexityLevel.HARD,
                        Set.of(QualityFlag.SHORT_QUESTION),
                        null,
                        Set.of("IBAN"),
                        null));
        store.markDuplicates(
                List.of(
                        new Database.DuplicateMark(ids.get(703), 5L, Set.of(QualityFlag.NEAR_DUPLICATE)),
                        new Database.DuplicateMark(ids.get(704), 5L, Set.of(QualityFlag.DUPLICATE))),
                List.of(new Database.GroupMerge(3L, 5L)));
        store.trash(ids.subList(800, 850));
        store.purge();

        Instant mid = Instant.parse("2025-06-15T13:45:00Z");
        List<PairFilter> filters = List.of(
                PairFilter.ALL,
                PairFilter.ALL.withTrash(true),
                PairFilter.ALL.withDatabaseTypes(Set.of("postgresql")),
                PairFilter.ALL.withDates(Instant.parse("2025-03-01T00:00:00Z"), Instant.parse("2025-07-01T00:00:00Z")),
                PairFilter.ALL.withDates(mid, mid.plusSeconds(86_400 * 40 + 77)),
                PairFilter.ALL.withDates(mid, mid.plusSeconds(3600)),
                PairFilter.ALL.withStatuses(Set.of(ReviewStatus.ACCEPTED)).withSuccess(true),
                PairFilter.ALL.withQueryTypes(Set.of(QueryType.SELECT, QueryType.MERGE)),
                PairFilter.ALL.withFlags(Set.of(QualityFlag.DUPLICATE)).withComplexity(Set.of(ComplexityLevel.HARD)),
                PairFilter.ALL.withPiiTypes(Set.of("EMAIL", "PHONE")),
                PairFilter.ALL.withTables(Set.of("t1", "u2", "renamed_table")),
                PairFilter.ALL.withFlags(Set.of(QualityFlag.NEAR_DUPLICATE)),
                PairFilter.ALL.withText("the", false));
        for (PairFilter f : filters) {
            assertThat(Statistics.compute(store, f)).as(f.toString()).isEqualTo(byReadingPairs(f));
        }
    }

    /** The reference: every matching pair read and counted in Java. */
    private Statistics byReadingPairs(PairFilter f) {
        StatsAccumulator acc = new StatsAccumulator();
        Instant[] range = new Instant[2];
        store.forEach(f, PairSort.INSERTION, sp -> {
            Pair p = sp.pair();
            PairAnalysis a = sp.analysis();
            QueryType t = a.queryType() == null ? StatGroup.guessType(p.sql()) : a.queryType();
            StatGroup g = new StatGroup(
                    p.databaseType(),
                    p.databaseName(),
                    p.success(),
                    a.queryType(),
                    t,
                    sp.status(),
                    a.complexity(),
                    a.flagBits(),
                    a.piiTypes(),
                    p.tableNames());
            int q = p.question().codePointCount(0, p.question().length());
            int s = p.sql().codePointCount(0, p.sql().length());
            acc.group(g, StatCounts.of(q, s));
            acc.lengths(LengthHistogram.of(q), LengthHistogram.of(s));
            acc.day(p.timestamp().atZone(ZoneOffset.UTC).toLocalDate(), 1);
            range[0] = range[0] == null || p.timestamp().isBefore(range[0]) ? p.timestamp() : range[0];
            range[1] = range[1] == null || p.timestamp().isAfter(range[1]) ? p.timestamp() : range[1];
        });
        if (range[0] != null) {
            acc.timeRange(range[0], range[1]);
        }
        return acc.result();
    }
}
