package dev.pairstudio.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.Source;
import dev.pairstudio.store.index.ChangeLog;
import dev.pairstudio.testing.SpiderCorpus;
import dev.pairstudio.testing.TestPair;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.datafaker.Faker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sorting by question or by SQL follows the whole text, in the order the database itself gives
 * ({@code ORDER BY question, id}, {@code ORDER BY sql_text, id}), not its first characters (issue
 * 26). Data: every Spider training pair (many questions share long prefixes: "What are the names
 * of …", and many queries "SELECT count(*) FROM …"), and datafaker sentences and values behind
 * one long shared prefix, in mixed case and with accents.
 */
class TextOrderTest {
    @TempDir
    Path dir;

    private String db;

    /** Where the store lives: an H2 file here, a PostgreSQL database in {@link PostgresQuestionOrderTest}. */
    String newLocation() {
        return dir.resolve("pairs").toString();
    }

    @BeforeEach
    void fill() {
        db = newLocation();
        try (Database s = Databases.open(db)) {
            List<SpiderCorpus.Example> train = SpiderCorpus.train();
            List<Pair> pairs = new ArrayList<>();
            for (int i = 0; i < train.size(); i++) {
                pairs.add(pair(
                        "spider-" + i,
                        train.get(i).question(),
                        train.get(i).sql(),
                        train.get(i).database(),
                        i));
            }
            for (int from = 0; from < pairs.size(); from += 1000) {
                s.addAll(pairs.subList(from, Math.min(pairs.size(), from + 1000)), null, Source.FILE, "spider");
            }
            s.addAll(sharedPrefix("faker-", 300, 1), null, Source.FILE, "faker");
            s.trash(PairFilter.ALL.withDatabaseNames(Set.of("farm")));
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = SortColumn.class,
            names = {"QUESTION", "SQL"})
    void everyPageFollowsTheDatabasesOwnOrder(SortColumn column) throws SQLException {
        PairSort asc = new PairSort(column, false);
        try (Database s = Databases.open(db)) {
            List<Long> truth = databaseOrder(s, column);
            assertThat(truth).hasSizeGreaterThan(7000);
            assertThat(walk(s, asc, 250)).isEqualTo(truth);
            assertThat(walk(s, new PairSort(column, true), 250)).isEqualTo(reversed(truth));
            assertThat(pageStartIds(s, asc, 250)).as("the window's page starts").isEqualTo(everyNth(truth, 250));
            assertThat(longestSharedPrefix(s, asc, column, truth.size()))
                    .as("the data tests more than 16 characters")
                    .isGreaterThan(40);
        }
    }

    /**
     * What the window (and {@code serve}) does in the background after opening: both texts are
     * ranked before any sort asks, and the first sort then finds nothing to do.
     */
    @Test
    void aFreshDatabaseIsRankedWithoutASortBeingAsked() throws SQLException {
        try (Database s = Databases.open(db)) {
            s.count(PairFilter.ALL.withSuccess(true)); // the index loads, nothing is ranked yet
            assertThat(s.sortReady(SortColumn.QUESTION)).isFalse();
            assertThat(s.sortReady(SortColumn.SQL)).isFalse();
            assertThat(s.sortReady(SortColumn.TIMESTAMP)).isTrue();
            s.prepareSorts();
            assertThat(s.sortReady(SortColumn.QUESTION)).isTrue();
            assertThat(s.sortReady(SortColumn.SQL)).isTrue();
        }
        try (Database s = Databases.open(db)) {
            s.count(PairFilter.ALL.withSuccess(true));
            if (!(this instanceof PostgresTextOrderTest)) { // a team database's snapshot is not beside it
                assertThat(s.sortReady(SortColumn.QUESTION))
                        .as("kept in the snapshot")
                        .isTrue();
            }
            s.prepareSorts();
            for (SortColumn column : List.of(SortColumn.QUESTION, SortColumn.SQL)) {
                assertThat(walk(s, new PairSort(column, false), 1000)).isEqualTo(databaseOrder(s, column));
            }
        }
    }

    /** Pairs written while a ranking reads the table, outside the index's lock, are placed where the database puts them. */
    @Test
    void pairsAddedWhileTheRankingRunsAreSortedToo() throws Exception {
        try (Database s = Databases.open(db)) {
            s.count(PairFilter.ALL);
            Thread ranking = new Thread(s::prepareSorts);
            ranking.start();
            for (int batch = 0; batch < 10; batch++) {
                s.addAll(sharedPrefix("during-" + batch + "-", 30, 10 + batch), null, Source.FILE, "during");
                List<StoredPair> some =
                        s.query(PairFilter.ALL, PairSort.NEWEST_FIRST, null, 3).rows();
                s.updateText(
                        some.get(2).id(),
                        "Edited while ranking " + batch,
                        "SELECT " + batch,
                        some.get(2).version());
            }
            ranking.join();
            for (SortColumn column : List.of(SortColumn.QUESTION, SortColumn.SQL)) {
                assertThat(walk(s, new PairSort(column, false), 1000)).isEqualTo(databaseOrder(s, column));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = SortColumn.class,
            names = {"QUESTION", "SQL"})
    void pairsAddedOrEditedAfterTheRankingAreSortedWhereTheDatabasePutsThem(SortColumn column) throws SQLException {
        PairSort asc = new PairSort(column, false);
        try (Database s = Databases.open(db)) {
            walk(s, asc, 500); // ranks every pair
            s.addAll(sharedPrefix("late-", 40, 2), null, Source.FILE, "late"); // few: placed one by one
            List<StoredPair> some =
                    s.query(PairFilter.ALL, PairSort.INSERTION, null, 12).rows();
            for (StoredPair p : some) {
                s.updateText(
                        p.id(),
                        "What are the names of the " + p.pair().question(),
                        "SELECT name FROM students WHERE " + p.pair().sql(),
                        p.version());
            }
            assertThat(walk(s, asc, 500)).isEqualTo(databaseOrder(s, column));

            s.addAll(sharedPrefix("bulk-", 600, 3), null, Source.FILE, "bulk"); // many: merged in one scan
            assertThat(walk(s, asc, 500)).isEqualTo(databaseOrder(s, column));
            assertThat(walk(s, new PairSort(column, true), 500))
                    .containsExactlyElementsOf(reversed(databaseOrder(s, column)));
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = SortColumn.class,
            names = {"QUESTION", "SQL"})
    void theRanksComeBackFromTheSnapshotAndStayRight(SortColumn column) throws SQLException {
        PairSort asc = new PairSort(column, false);
        try (Database s = Databases.open(db)) {
            walk(s, asc, 1000);
        }
        try (Database s = Databases.open(db)) {
            assertThat(walk(s, asc, 1000)).isEqualTo(databaseOrder(s, column));
            assertThat(((JdbcPairStore) s).indexOrigin()).isEqualTo("snapshot of change " + clock(s));
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = SortColumn.class,
            names = {"QUESTION", "SQL"})
    void aCursorKeepsItsPlaceWhenPairsAreRankedAgain(SortColumn column) throws SQLException {
        PairSort asc = new PairSort(column, false);
        try (Database s = Databases.open(db)) {
            Page first = s.query(PairFilter.ALL, asc, null, 100);
            long last = first.rows().get(99).id();
            s.addAll(
                    sharedPrefix("early-", 700, 4),
                    null,
                    Source.FILE,
                    "early"); // many sort before the cursor: ranks shift
            List<Long> truth = databaseOrder(s, column);
            Page second = s.query(PairFilter.ALL, asc, first.nextCursor(), 100);
            int at = truth.indexOf(last);
            assertThat(second.rows().stream().map(StoredPair::id).toList()).isEqualTo(truth.subList(at + 1, at + 101));
        }
    }

    private static long clock(Database s) throws SQLException {
        try (Connection c = ((JdbcPairStore) s).dataSource().getConnection()) {
            return ChangeLog.clock(c);
        }
    }

    private static Pair pair(String id, String question, String sql, String database, int i) {
        return TestPair.of(id, question, sql)
                .at(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(60L * i))
                .on("sqlite", database)
                .build();
    }

    /**
     * Sentences behind a 41-character prefix Spider also uses, some lower-cased, some with accents;
     * their SQL shares a 44-character prefix before a French city name.
     */
    private static List<Pair> sharedPrefix(String idPrefix, int n, long seed) {
        Faker faker = new Faker(Locale.FRANCE, new java.util.Random(seed));
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String q = "What are the names of all the students who "
                    + faker.lorem().sentence(6);
            if (i % 5 == 0) {
                q = q.toLowerCase(Locale.ROOT);
            }
            if (i % 7 == 0) {
                q = q + " " + faker.address().cityName(); // French names: é, è, ç
            }
            String city = faker.address().cityName().replace("'", "''");
            String sql = (i % 3 == 0
                            ? "select name from students where home_city = '"
                            : "SELECT name FROM students WHERE home_city = '")
                    + city + "'";
            pairs.add(pair(idPrefix + i, q, sql, "faker", i));
        }
        return pairs;
    }

    /** The live pairs as the database orders them by the column's text. */
    private static List<Long> databaseOrder(Database s, SortColumn column) throws SQLException {
        List<Long> ids = new ArrayList<>();
        String text = column == SortColumn.QUESTION ? "p.question" : "p.sql_text";
        try (Connection c = ((JdbcPairStore) s).dataSource().getConnection();
                PreparedStatement q = c.prepareStatement(
                        "SELECT p.id FROM pairs p LEFT JOIN trash t ON t.id = p.id WHERE t.id IS NULL ORDER BY " + text
                                + ", p.id");
                ResultSet r = q.executeQuery()) {
            while (r.next()) {
                ids.add(r.getLong(1));
            }
        }
        return ids;
    }

    private static List<Long> walk(Database s, PairSort sort, int pageSize) {
        List<Long> ids = new ArrayList<>();
        String cursor = null;
        do {
            Page p = s.query(PairFilter.ALL, sort, cursor, pageSize);
            p.rows().forEach(r -> ids.add(r.id()));
            cursor = p.nextCursor();
        } while (cursor != null);
        return ids;
    }

    /** The first id of every page the window's page starts name. */
    private static List<Long> pageStartIds(Database s, PairSort asc, int pageSize) {
        List<Long> firsts = new ArrayList<>();
        for (String start : s.pageStarts(PairFilter.ALL, asc, pageSize)) {
            firsts.add(s.query(PairFilter.ALL, asc, start, 1).rows().get(0).id());
        }
        return firsts;
    }

    private static List<Long> everyNth(List<Long> ids, int n) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += n) {
            out.add(ids.get(i));
        }
        return out;
    }

    private static List<Long> reversed(List<Long> ids) {
        List<Long> r = new ArrayList<>(ids);
        Collections.reverse(r);
        return r;
    }

    /** The longest prefix two neighbours in the order share: ties a 16-character key could not break. */
    private static int longestSharedPrefix(Database s, PairSort asc, SortColumn column, int n) {
        List<String> questions = s.query(PairFilter.ALL, asc, null, n).rows().stream()
                .map(p -> column == SortColumn.QUESTION
                        ? p.pair().question()
                        : p.pair().sql())
                .toList();
        int longest = 0;
        for (int i = 1; i < questions.size(); i++) {
            String a = questions.get(i - 1);
            String b = questions.get(i);
            int k = 0;
            while (k < a.length() && k < b.length() && a.charAt(k) == b.charAt(k)) {
                k++;
            }
            longest = Math.max(longest, k);
        }
        return longest;
    }
}
