package dev.pairstudio.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairAnalysis;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.pair.Source;
import dev.pairstudio.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract on a real PostgreSQL server ({@link TestPostgres}), plus what a team database
 * adds: curators in separate stores (as on separate machines) see each other's changes and never
 * overwrite each other's edits; passwords, unreachable servers and newer schemas give clear errors.
 */
class PostgresDatabaseTest extends DatabaseContractTest {
    @TempDir
    Path dir;

    private String current;

    @Override
    protected Database newStore() {
        current = TestPostgres.get().newDatabase();
        return Databases.open(current);
    }

    @Override
    protected Database reopen() {
        store.close();
        return Databases.open(current);
    }

    @Override
    protected Database another() {
        return Databases.open(current);
    }

    /**
     * Issue 24: each client keeps its index snapshot in its own user data directory, keyed by
     * server and database, and a colleague's writes between its runs still show (the change log
     * brings the snapshot forward).
     */
    @Test
    void eachClientKeepsItsIndexSnapshotInItsUserDataDirectory(@TempDir Path home) throws IOException {
        String before = System.getProperty("pairstudio.home");
        System.setProperty("pairstudio.home", home.toString());
        try {
            store.close(); // opened before the property was set: the snapshot's place is chosen at open
            store = Databases.open(current);
            addSample();
            long live = store.count(PairFilter.ALL.withSuccess(true)) + store.count(PairFilter.ALL.withSuccess(false));
            store.close();
            Path[] snapshots;
            try (var files = Files.list(home.resolve("index"))) {
                snapshots = files.toArray(Path[]::new);
            }
            assertThat(snapshots).hasSize(1);
            assertThat(snapshots[0].getFileName().toString()).endsWith(".index").doesNotContain(TestPostgres.PASSWORD);
            System.setProperty(
                    "pairstudio.home", home.resolve("colleague").toString()); // another machine, another snapshot
            try (Database colleague = Databases.open(current)) {
                colleague.trash(colleague.query(PairFilter.ALL, PairSort.INSERTION, null, 1).rows().stream()
                        .map(StoredPair::id)
                        .toList());
            }
            System.setProperty("pairstudio.home", home.toString());
            store = Databases.open(current);
            assertThat(store.count(PairFilter.ALL.withSuccess(true)) + store.count(PairFilter.ALL.withSuccess(false)))
                    .isEqualTo(live - 1);
            assertThat(((JdbcPairStore) store).indexOrigin())
                    .startsWith("snapshot of change")
                    .contains("brought forward");
        } finally {
            if (before == null) {
                System.clearProperty("pairstudio.home");
            } else {
                System.setProperty("pairstudio.home", before);
            }
        }
    }

    @Test
    void theLocationNeverShowsThePassword() {
        assertThat(current).contains(TestPostgres.PASSWORD);
        assertThat(store.location())
                .startsWith("postgresql://" + TestPostgres.USER + "@127.0.0.1:")
                .doesNotContain(TestPostgres.PASSWORD);
    }

    @Test
    void aReviewByOneCuratorShowsInAnothersQueriesWithinSeconds() throws Exception {
        List<Long> ids = addSample();
        try (Database colleague = Databases.open(current)) {
            PairFilter accepted = PairFilter.ALL.withStatuses(Set.of(ReviewStatus.ACCEPTED));
            assertThat(colleague.count(accepted)).isZero();
            store.setStatus(ids.subList(0, 3), ReviewStatus.ACCEPTED);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (colleague.count(accepted) < 3 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(colleague.count(accepted)).isEqualTo(3);
            assertThat(colleague.query(accepted, PairSort.INSERTION, null, 10).rows())
                    .extracting(StoredPair::id)
                    .containsExactlyElementsOf(ids.subList(0, 3));
            colleague.trash(List.of(ids.get(0)));
            assertThat(store.count(accepted))
                    .as("a colleague's delete shows here too")
                    .isEqualTo(2);
        }
    }

    @Test
    void twoCuratorsEditingOnePairAtOnce_oneWinsTheOtherGetsAConflict() throws Exception {
        long id = addSample().get(1);
        try (Database colleague = Databases.open(current)) {
            long version = store.get(id).orElseThrow().version();
            assertThat(colleague.get(id).orElseThrow().version()).isEqualTo(version);
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService two = Executors.newFixedThreadPool(2);
            AtomicInteger conflicts = new AtomicInteger();
            List<Future<String>> edits = new ArrayList<>();
            for (Database curator : List.of(store, colleague)) {
                String question = curator == store ? "Mine: every order" : "Theirs: all the orders";
                edits.add(two.submit(() -> {
                    go.await();
                    try {
                        curator.updateText(id, question, "SELECT id FROM orders", version);
                        return question;
                    } catch (EditConflictException e) {
                        conflicts.incrementAndGet();
                        return null;
                    }
                }));
            }
            go.countDown();
            List<String> saved = new ArrayList<>();
            for (Future<String> f : edits) {
                Optional.ofNullable(f.get()).ifPresent(saved::add);
            }
            two.shutdown();
            assertThat(saved).hasSize(1);
            assertThat(conflicts).hasValue(1);
            for (Database curator : List.of(store, colleague)) {
                StoredPair now = curator.get(id).orElseThrow();
                assertThat(now.pair().question()).isEqualTo(saved.get(0));
                assertThat(now.version()).isEqualTo(version + 1);
                assertThat(now.originalQuestion()).isEqualTo("List all orders");
            }
            assertThatThrownBy(() -> colleague.updateText(id, "late", "SELECT 1", version))
                    .isInstanceOf(EditConflictException.class)
                    .hasMessageContaining("changed elsewhere");
        }
    }

    @Override
    protected long countRows(String sql) throws Exception {
        try (Connection c = TestPostgres.get().connect(TestPostgres.databaseOf(current));
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void aDatabaseFromANewerVersionIsRefusedAndNotModified() throws Exception {
        store.close();
        store = null;
        String db = TestPostgres.databaseOf(current);
        try (Connection c = TestPostgres.get().connect(db);
                Statement s = c.createStatement()) {
            s.execute(
                    "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                            + "installed_by, installed_on, execution_time, success) VALUES (99, '99', 'from the future', 'SQL', "
                            + "'V99__future.sql', 0, 'x', now(), 1, TRUE)");
        }
        int before = historyRows(db);
        assertThatThrownBy(() -> Databases.open(current))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("newer version of Pair Studio")
                .hasMessageContaining(TestPostgres.withoutPassword(current))
                .hasMessageNotContaining(TestPostgres.PASSWORD);
        assertThat(historyRows(db)).isEqualTo(before);
    }

    private static int historyRows(String db) throws Exception {
        try (Connection c = TestPostgres.get().connect(db);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM flyway_schema_history")) {
            r.next();
            return r.getInt(1);
        }
    }

    @Test
    void anotherApplicationsDatabaseIsLeftUntouched() throws Exception {
        String other = TestPostgres.get().newDatabase();
        try (Connection c = TestPostgres.get().connect(TestPostgres.databaseOf(other));
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE invoices (id INT)");
        }
        assertThatThrownBy(() -> Databases.open(other))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("holds tables of another application");
    }

    @Test
    void aWrongPasswordIsRefusedWithoutEchoingIt() {
        String wrong = current.replace(":" + TestPostgres.PASSWORD + "@", ":not-the-password@");
        assertThatThrownBy(() -> Databases.open(wrong))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("Wrong password for user " + TestPostgres.USER)
                .hasMessageNotContaining("not-the-password");
    }

    @Test
    void withoutAPasswordThePromptIsAskedOnce() {
        String bare = TestPostgres.withoutPassword(current);
        List<String> asked = new ArrayList<>();
        try (Database s = Databases.open(bare, where -> {
            asked.add(where);
            return Optional.of(TestPostgres.PASSWORD.toCharArray());
        })) {
            assertThat(s.count(PairFilter.ALL)).isZero();
        }
        assertThat(asked).containsExactly(bare);
        assertThatThrownBy(() -> Databases.open(bare, where -> Optional.empty()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("asks for a password")
                .hasMessageContaining(Databases.PASSWORD_VARIABLE);
    }

    @Test
    void aMissingDatabaseSaysHowToCreateIt() {
        String missing = TestPostgres.get().url("no_such_db", true);
        assertThatThrownBy(() -> Databases.open(missing))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("There is no database no_such_db")
                .hasMessageContaining("createdb");
    }

    @Test
    void aBackupPointsToTheServersTools() {
        assertThatThrownBy(() -> store.backup(dir.resolve("b.zip")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("pg_dump")
                .hasMessageContaining("pairstudio migrate");
    }

    @Test
    void addingManyPairsLogsThemForOtherCurators() {
        List<Pair> many = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            many.add(TestPairs.simple("bulk-" + i, "question " + i));
        }
        try (Database colleague = Databases.open(current)) {
            assertThat(colleague.count(PairFilter.ALL)).isZero();
            assertThat(store.addAll(many, null, Source.FILE, "b").added()).isEqualTo(2_500);
            assertThat(colleague.count(PairFilter.ALL.withText("question 2499", false)))
                    .isEqualTo(1);
            assertThat(colleague.count(PairFilter.ALL)).isEqualTo(2_500);
        }
    }

    /** Rewriting 100,000 analysis rows leaves dead versions; closing gives their space back when no one else is connected. */
    @Test
    void aStoreThatWroteMuchCompactsItsTablesOnClose() throws Exception {
        List<Long> ids = store.addAll(new SyntheticPairs(5).list(100_000), null, Source.FILE, "big")
                .ids();
        for (String fingerprint :
                List.of("first", "second")) { // analysis written, then rewritten: one dead version per row
            Map<Long, PairAnalysis> analyses = new HashMap<>();
            for (long id : ids) {
                analyses.put(id, new PairAnalysis(null, fingerprint, null, Set.of(), null, Set.of(), null));
            }
            store.updateAnalyses(analyses);
        }
        String db = TestPostgres.databaseOf(current);
        long before = analysisBytes(db);
        store.close();
        store = null;
        long after = analysisBytes(db);
        assertThat(after)
                .as("analysis table bytes after close, of %d before", before)
                .isLessThan(before * 3 / 4);
        try (Database again = Databases.open(current)) {
            assertThat(again.count(PairFilter.ALL)).isEqualTo(100_000);
            assertThat(again.get(ids.get(99_999)).orElseThrow().analysis().fingerprint())
                    .isEqualTo("second");
        }
    }

    private static long analysisBytes(String db) throws Exception {
        long bytes;
        int pid;
        try (Connection c = TestPostgres.get().connect(db);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT pg_total_relation_size('analysis'), pg_backend_pid()")) {
            r.next();
            bytes = r.getLong(1);
            pid = r.getInt(2);
        }
        // the server ends a closed connection's backend a moment later: until then the store, asked
        // whether it is alone on the database, rightly sees this probe as another client
        try (Connection admin = TestPostgres.get().connect("postgres");
                PreparedStatement s = admin.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity WHERE pid = ?")) {
            s.setInt(1, pid);
            for (int i = 0; i < 250; i++) {
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getLong(1) == 0) {
                        break;
                    }
                }
                Thread.sleep(20);
            }
        }
        return bytes;
    }
}
