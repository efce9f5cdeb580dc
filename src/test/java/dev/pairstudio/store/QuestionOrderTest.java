package dev.pairstudio.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.Source;
import dev.pairstudio.store.index.ChangeLog;
import dev.pairstudio.testing.SpiderCorpus;
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
import java.util.Map;
import java.util.Set;
import net.datafaker.Faker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sorting by question follows the whole question, in the order the database itself gives
 * ({@code ORDER BY question, id}), not its first characters (issue 26). Data: every Spider training
 * question (many share long prefixes: "What are the names of …", "Find the number of …"), and
 * datafaker sentences behind one long shared prefix, in mixed case and with accents.
 */
class QuestionOrderTest {
    private static final PairSort ASC = new PairSort(SortColumn.QUESTION, false);
    private static final PairSort DESC = new PairSort(SortColumn.QUESTION, true);

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
                        "spider-" + i, train.get(i).question(), train.get(i).database(), i));
            }
            for (int from = 0; from < pairs.size(); from += 1000) {
                s.addAll(pairs.subList(from, Math.min(pairs.size(), from + 1000)), null, Source.FILE, "spider");
            }
            s.addAll(sharedPrefix("faker-", 300, 1), null, Source.FILE, "faker");
            s.trash(PairFilter.ALL.withDatabaseNames(Set.of("farm")));
        }
    }

    @Test
    void everyPageFollowsTheDatabasesOwnOrderByQuestion() throws SQLException {
        try (Database s = Databases.open(db)) {
            List<Long> truth = databaseOrder(s);
            assertThat(truth).hasSizeGreaterThan(7000);
            assertThat(walk(s, ASC, 250)).isEqualTo(truth);
            List<Long> reversed = new ArrayList<>(truth);
            Collections.reverse(reversed);
            assertThat(walk(s, DESC, 250)).isEqualTo(reversed);
            assertThat(pageStartIds(s, 250)).as("the window's page starts").isEqualTo(everyNth(truth, 250));
            assertThat(longestSharedPrefix(s, truth))
                    .as("the data tests more than 16 characters")
                    .isGreaterThan(40);
        }
    }

    @Test
    void pairsAddedOrEditedAfterTheRankingAreSortedWhereTheDatabasePutsThem() throws SQLException {
        try (Database s = Databases.open(db)) {
            walk(s, ASC, 500); // ranks every pair
            s.addAll(sharedPrefix("late-", 40, 2), null, Source.FILE, "late"); // few: placed one by one
            List<StoredPair> some =
                    s.query(PairFilter.ALL, PairSort.INSERTION, null, 12).rows();
            for (StoredPair p : some) {
                s.updateText(
                        p.id(),
                        "What are the names of the " + p.pair().question(),
                        p.pair().sql(),
                        p.version());
            }
            assertThat(walk(s, ASC, 500)).isEqualTo(databaseOrder(s));

            s.addAll(sharedPrefix("bulk-", 600, 3), null, Source.FILE, "bulk"); // many: ranked again
            assertThat(walk(s, ASC, 500)).isEqualTo(databaseOrder(s));
            assertThat(walk(s, DESC, 500)).containsExactlyElementsOf(reversed(databaseOrder(s)));
        }
    }

    @Test
    void theRanksComeBackFromTheSnapshotAndStayRight() throws SQLException {
        try (Database s = Databases.open(db)) {
            walk(s, ASC, 1000);
        }
        try (Database s = Databases.open(db)) {
            assertThat(walk(s, ASC, 1000)).isEqualTo(databaseOrder(s));
            assertThat(((JdbcPairStore) s).indexOrigin()).isEqualTo("snapshot of change " + clock(s));
        }
    }

    @Test
    void aCursorKeepsItsPlaceWhenPairsAreRankedAgain() throws SQLException {
        try (Database s = Databases.open(db)) {
            Page first = s.query(PairFilter.ALL, ASC, null, 100);
            long last = first.rows().get(99).id();
            s.addAll(
                    sharedPrefix("early-", 700, 4),
                    null,
                    Source.FILE,
                    "early"); // many sort before the cursor: ranks shift
            List<Long> truth = databaseOrder(s);
            Page second = s.query(PairFilter.ALL, ASC, first.nextCursor(), 100);
            int at = truth.indexOf(last);
            assertThat(second.rows().stream().map(StoredPair::id).toList()).isEqualTo(truth.subList(at + 1, at + 101));
        }
    }

    private static long clock(Database s) throws SQLException {
        try (Connection c = ((JdbcPairStore) s).dataSource().getConnection()) {
            return ChangeLog.clock(c);
        }
    }

    private static Pair pair(String id, String question, String database, int i) {
        return new Pair(
                id,
                question,
                "SELECT 1",
                Instant.parse("2024-01-01T00:00:00Z").plusSeconds(60L * i),
                "sqlite",
                database,
                List.of(),
                true,
                null,
                Map.of());
    }

    /** Sentences behind a 41-character prefix Spider also uses, some lower-cased, some with accents. */
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
            pairs.add(pair(idPrefix + i, q, "faker", i));
        }
        return pairs;
    }

    /** The live pairs as the database orders them. */
    private static List<Long> databaseOrder(Database s) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = ((JdbcPairStore) s).dataSource().getConnection();
                PreparedStatement q = c.prepareStatement(
                        "SELECT p.id FROM pairs p LEFT JOIN trash t ON t.id = p.id WHERE t.id IS NULL ORDER BY p.question, p.id");
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
    private static List<Long> pageStartIds(Database s, int pageSize) {
        List<Long> firsts = new ArrayList<>();
        for (String start : s.pageStarts(PairFilter.ALL, ASC, pageSize)) {
            firsts.add(s.query(PairFilter.ALL, ASC, start, 1).rows().get(0).id());
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
    private static int longestSharedPrefix(Database s, List<Long> order) {
        List<String> questions = s.query(PairFilter.ALL, ASC, null, order.size()).rows().stream()
                .map(p -> p.pair().question())
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
