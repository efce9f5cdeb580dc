package dev.pairstudio.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.export.SeedJsonlWriter;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.pair.Source;
import dev.pairstudio.store.index.ChangeLog;
import dev.pairstudio.testing.SpiderCorpus;
import dev.pairstudio.testing.TestPair;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index snapshot beside an H2 file (issue 24): used when valid, brought forward by the change
 * log when stale, rejected and rebuilt when corrupt, truncated, foreign or contradicted by the
 * database, and never hiding what another process wrote. Every answer is compared with an index
 * rebuilt from the table. Data: Spider's training questions (../shared/corpora) and the project's
 * synthetic generator.
 */
class IndexSnapshotTest {

    @TempDir
    Path dir;

    @TempDir
    Path home;

    private Path db;
    private Path snapshot;

    @BeforeEach
    void fill() throws IOException {
        db = dir.resolve("pairs");
        snapshot = dir.resolve("pairs.index");
        try (Database s = Databases.open(db.toString())) {
            List<Pair> spider = spider(0, 3000);
            for (int from = 0; from < spider.size(); from += 1000) {
                s.addAll(spider.subList(from, from + 1000), null, Source.FILE, "spider");
            }
            s.addAll(new SyntheticPairs(24).list(1500), null, Source.FILE, "synthetic");
            s.trash(PairFilter.ALL.withDatabaseNames(Set.of("farm")));
            s.setStatus(PairFilter.ALL.withDatabaseNames(Set.of("college_2")), ReviewStatus.ACCEPTED);
            s.prepare(); // the word index too: search answers come from the snapshot
        }
        assertThat(snapshot).as("written on close").exists();
    }

    @Test
    void aValidSnapshotIsUsedAndAnswersAsTheTableDoes() throws IOException {
        Answers fromSnapshot;
        try (Database s = Databases.open(db.toString())) {
            fromSnapshot = Answers.of(s);
            assertThat(origin(s)).isEqualTo("snapshot of change " + clock());
        }
        assertThat(fromSnapshot.live()).isEqualTo(4500 - fromSnapshot.trash());
        assertThat(fromSnapshot.trash()).isPositive();
        assertThat(fromSnapshot.search()).isNotEmpty();
        assertThat(fromSnapshot).isEqualTo(rebuilt());
    }

    @Test
    void aStaleSnapshotIsBroughtForwardByTheChangeLog() throws IOException {
        Path old = dir.resolve("old.index");
        Files.copy(snapshot, old);
        long before = clock();
        try (Database s = Databases.open(db.toString())) {
            s.addAll(spider(3000, 3500), null, Source.FILE, "more");
            s.restore(s.query(PairFilter.ALL.withTrash(true), PairSort.INSERTION, null, 7).rows().stream()
                    .map(StoredPair::id)
                    .toList());
            StoredPair edited = s.query(PairFilter.ALL.withText("student", false), PairSort.INSERTION, null, 1)
                    .rows()
                    .get(0);
            s.updateText(
                    edited.id(),
                    "How many performers are there in the zyxwvut hall?",
                    edited.pair().sql(),
                    edited.version());
            s.trash(PairFilter.ALL.withDatabaseNames(Set.of("college_2")));
            s.purge();
        }
        Files.copy(old, snapshot, StandardCopyOption.REPLACE_EXISTING);
        Answers forward;
        try (Database s = Databases.open(db.toString())) {
            forward = Answers.of(s);
            assertThat(origin(s)).isEqualTo("snapshot of change " + before + ", brought forward to " + clock());
            assertThat(s.count(PairFilter.ALL.withText("zyxwvut", false))).isEqualTo(1);
        }
        assertThat(forward).isEqualTo(rebuilt());
        try (Database s = Databases.open(db.toString())) {
            s.count(PairFilter.ALL.withSuccess(false));
            assertThat(origin(s))
                    .as("the brought-forward index was saved on close")
                    .isEqualTo("snapshot of change " + clock());
        }
    }

    @Test
    void aCorruptedByteIsRejectedAndTheIndexRebuilt() throws IOException {
        Answers truth = rebuilt();
        try (Database s = Databases.open(db.toString())) {
            s.count(PairFilter.ALL);
        }
        long size = Files.size(snapshot);
        try (FileChannel f = FileChannel.open(snapshot, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            f.read(one, size / 2);
            one.put(0, (byte) (one.get(0) ^ 0x10)).rewind();
            f.write(one, size / 2);
        }
        assertRebuiltAndRight(truth);
    }

    @Test
    void aTruncatedSnapshotIsRejectedAndTheIndexRebuilt() throws IOException {
        Answers truth = rebuilt();
        try (Database s = Databases.open(db.toString())) {
            s.count(PairFilter.ALL);
        }
        try (FileChannel f = FileChannel.open(snapshot, StandardOpenOption.WRITE)) {
            f.truncate(f.size() * 2 / 3);
        }
        assertRebuiltAndRight(truth);
        Files.write(snapshot, new byte[0]);
        assertRebuiltAndRight(truth);
    }

    @Test
    void aSnapshotOfAnotherDatabaseIsRejected() throws IOException {
        Answers truth = rebuilt();
        Path other = dir.resolve("other");
        try (Database s = Databases.open(other.toString())) {
            s.addAll(spider(0, 3000), null, Source.FILE, "same pairs, other history");
            s.addAll(new SyntheticPairs(25).list(1500), null, Source.FILE, "synthetic");
            s.count(PairFilter.ALL.withSuccess(true));
        }
        Files.copy(dir.resolve("other.index"), snapshot, StandardCopyOption.REPLACE_EXISTING);
        assertRebuiltAndRight(truth);
    }

    @Test
    void aDatabaseRestoredFromAnOlderCopyRejectsTheNewerSnapshot() throws IOException {
        Path copy = dir.resolve("copy.mv.db");
        Files.copy(dir.resolve("pairs.mv.db"), copy);
        try (Database s = Databases.open(db.toString())) {
            s.addAll(spider(3000, 3200), null, Source.FILE, "after the copy");
        }
        Path newer = dir.resolve("newer.index");
        Files.copy(snapshot, newer);
        Files.copy(
                copy,
                dir.resolve("pairs.mv.db"),
                StandardCopyOption.REPLACE_EXISTING); // the user restores the older file
        try (Database s = Databases.open(db.toString())) {
            assertThat(s.count(PairFilter.ALL) + s.count(PairFilter.ALL.withTrash(true)))
                    .isEqualTo(4500);
            assertThat(origin(s))
                    .as("the snapshot is of a later change than the database's")
                    .isEqualTo("table");
            s.addAll(spider(3200, 3400), null, Source.FILE, "the restored copy moves on to the snapshot's position");
        }
        Files.copy(
                newer,
                snapshot,
                StandardCopyOption.REPLACE_EXISTING); // same change number, same counts, another history
        assertRebuiltAndRight(rebuilt());
    }

    /** A write that bypassed the change log (a tool on the file): the counts disagree, so the snapshot is not trusted. */
    @Test
    void aSnapshotThatDisagreesWithTheTableIsRejected() throws Exception {
        try (Database s = Databases.open(db.toString())) {
            s.count(PairFilter.ALL);
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db, "sa", "");
                Statement st = c.createStatement()) {
            st.executeUpdate(
                    "DELETE FROM analysis WHERE id IN (SELECT id FROM pairs WHERE database_name = 'college_2')");
            st.executeUpdate("DELETE FROM trash WHERE id IN (SELECT id FROM pairs WHERE database_name = 'college_2')");
            st.executeUpdate("DELETE FROM pairs WHERE database_name = 'college_2'");
        }
        Answers truth = rebuilt();
        assertThat(truth.live() + truth.trash()).isLessThan(4500);
        assertThat(truth.approved()).isZero();
        assertRebuiltAndRight(truth);
    }

    @Test
    void writesByAnotherProcessBetweenRunsAreSeen() throws Exception {
        long before;
        try (Database s = Databases.open(db.toString())) {
            before = s.count(PairFilter.ALL);
        }
        Path jsonl = dir.resolve("new.jsonl");
        List<Pair> fresh = new ArrayList<>();
        for (Pair p : new SyntheticPairs(99).list(200)) {
            fresh.add(TestPair.copyOf(p)
                    .id("other-process-" + p.pairId())
                    .text(p.question() + " qwertzuiop", p.sql())
                    .build());
        }
        try (OutputStream out = Files.newOutputStream(jsonl);
                SeedJsonlWriter w = new SeedJsonlWriter(out)) {
            for (Pair p : fresh) {
                w.write(p);
            }
        }
        Path old = dir.resolve("old.index");
        Files.copy(snapshot, old);
        cli("import", "--db", db.toString(), jsonl.toString());
        cli("delete", "--db", db.toString(), "--filter", "--search", "qwertzuiop", "--failed-only");
        Path theirs = dir.resolve("theirs.index");
        Files.copy(snapshot, theirs);
        Answers truth = rebuilt();
        for (Path file : List.of(theirs, old)) { // the other process's own snapshot, and ours from before it ran
            Files.copy(file, snapshot, StandardCopyOption.REPLACE_EXISTING);
            try (Database s = Databases.open(db.toString())) {
                long failed = fresh.stream().filter(p -> !p.success()).count();
                assertThat(s.count(PairFilter.ALL)).isEqualTo(before + 200 - failed);
                assertThat(s.count(PairFilter.ALL.withText("qwertzuiop", false)))
                        .isEqualTo(200 - failed);
                assertThat(s.count(PairFilter.ALL.withText("qwertzuiop", false).withTrash(true)))
                        .isEqualTo(failed);
                assertThat(Answers.of(s)).isEqualTo(truth);
                assertThat(origin(s)).startsWith("snapshot of change");
            }
        }
    }

    // ---- helpers ------------------------------------------------------------------------

    /** What a user sees: counts, a page in two orders, a search, filter choices and the digest. */
    @Test
    void aReleasedIndexIsReadBackFromItsSnapshotAndSeesWritesMadeMeanwhile() throws IOException {
        try (Database s = Databases.open(db.toString())) {
            Answers before = Answers.of(s);
            s.releaseIndex();
            assertThat(origin(s)).as("let go: an export streams on without it").isEqualTo("none");
            List<Pair> more = spider(3000, 3020);
            s.addAll(more, null, Source.FILE, "more");
            Answers after = Answers.of(s);
            assertThat(origin(s)).startsWith("snapshot of change");
            assertThat(after.live()).isEqualTo(before.live() + more.size());
        }
        try (Database s = Databases.open(db.toString())) {
            assertThat(Answers.of(s))
                    .as("what the snapshot holds after the release")
                    .isEqualTo(rebuilt());
        }
    }

    record Answers(
            long live,
            long trash,
            long failed,
            long approved,
            List<Long> newest,
            List<Long> longest,
            List<Long> search,
            List<String> names,
            long digest,
            Map<String, Long> byType) {
        static Answers of(Database s) {
            Map<String, Long> byType = new TreeMap<>();
            for (QueryType t : QueryType.values()) {
                byType.put(t.name(), s.count(PairFilter.ALL.withQueryTypes(Set.of(t))));
            }
            return new Answers(
                    s.count(PairFilter.ALL),
                    s.count(PairFilter.ALL.withTrash(true)),
                    s.count(PairFilter.ALL.withSuccess(false)),
                    s.count(PairFilter.ALL.withStatuses(Set.of(ReviewStatus.ACCEPTED))),
                    ids(s.query(PairFilter.ALL, PairSort.NEWEST_FIRST, null, 50)),
                    ids(s.query(PairFilter.ALL, new PairSort(SortColumn.QUESTION, true), null, 50)),
                    ids(s.query(PairFilter.ALL.withText("student", false), PairSort.INSERTION, null, 500)),
                    s.databaseNames(),
                    s.liveTextDigest(),
                    byType);
        }

        private static List<Long> ids(Page p) {
            return p.rows().stream().map(StoredPair::id).toList();
        }
    }

    /** The answers of an index built from the table (the snapshot moved aside and put back). */
    private Answers rebuilt() throws IOException {
        Path aside = dir.resolve("aside.index");
        boolean had = Files.exists(snapshot);
        if (had) {
            Files.move(snapshot, aside, StandardCopyOption.REPLACE_EXISTING);
        }
        try (Database s = Databases.open(db.toString())) {
            Answers a = Answers.of(s);
            assertThat(origin(s)).isEqualTo("table");
            return a;
        } finally {
            if (had) {
                Files.move(aside, snapshot, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(snapshot);
            }
        }
    }

    private void assertRebuiltAndRight(Answers truth) {
        try (Database s = Databases.open(db.toString())) {
            assertThat(Answers.of(s)).isEqualTo(truth);
            assertThat(origin(s)).isEqualTo("table");
        }
        try (Database s = Databases.open(db.toString())) {
            s.count(PairFilter.ALL.withSuccess(true));
            assertThat(origin(s))
                    .as("the rebuilt index replaced the bad snapshot")
                    .startsWith("snapshot of change");
        }
    }

    private static String origin(Database s) {
        return ((JdbcPairStore) s).indexOrigin();
    }

    private long clock() {
        try (Database s = Databases.open(db.toString());
                Connection c = ((JdbcPairStore) s).dataSource().getConnection()) {
            return ChangeLog.clock(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Pair> spider(int from, int to) {
        List<Pair> pairs = new ArrayList<>();
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = from; i < to; i++) {
            SpiderCorpus.Example n = SpiderCorpus.train().get(i);
            pairs.add(TestPair.of("spider-" + i, n.question(), n.sql())
                    .at(start.plusSeconds(3_600L * (i % 5000)))
                    .on("sqlite", n.database())
                    .success(i % 7 != 0)
                    .build());
        }
        return pairs;
    }

    /** Runs the CLI in another JVM, as a user in another terminal would. */
    private void cli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Dpairstudio.home=" + home,
                "dev.pairstudio.app.Main"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }
}
