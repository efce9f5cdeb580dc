package dev.pairstudio.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.Source;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on a real H2 file, plus what only the embedded store does: files, locks, encryption. */
class H2PairStoreTest extends DatabaseContractTest {

    @TempDir
    Path dir;

    private int opened;
    private Path current;

    @Override
    protected Database newStore() {
        current = dir.resolve("db" + opened++);
        return Databases.open(current.toString());
    }

    @Override
    protected Database reopen() {
        store.close();
        return Databases.open(current.toString());
    }

    @Override
    protected Database another() {
        return Databases.open(current.toString());
    }

    @Override
    protected long countRows(String sql) throws Exception {
        store.close();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + current, "sa", "");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } finally {
            store = Databases.open(current.toString());
        }
    }

    /** A database whose earlier purges left analysis rows behind loses them when it is next opened (migration V7). */
    @Test
    void analysisRowsThatEarlierPurgesLeftBehindAreRemovedOnOpen() throws Exception {
        List<Long> ids = addSample();
        store.close();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + current, "sa", "");
                Statement s = c.createStatement()) {
            // as an earlier version left it: the pair gone, its analysis kept, V7 not yet applied
            s.execute("DELETE FROM pairs WHERE id = " + ids.get(6));
            s.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '7'");
        }
        store = Databases.open(current.toString());
        assertThat(countRows("SELECT COUNT(*) FROM analysis WHERE id = " + ids.get(6)))
                .isZero();
        assertThat(countRows("SELECT COUNT(*) FROM analysis")).isEqualTo(9);
        assertThat(store.count(PairFilter.ALL)).isEqualTo(9);
    }

    /** The store sets H2's options itself; a setting in the URL (an encryption the user expects, say) is refused, never dropped. */
    @Test
    void anH2UrlWithSettingsIsRefusedNamingTheFileToGiveInstead(@TempDir Path dir) {
        String file = dir.resolve("pairs").toString();
        assertThatThrownBy(() -> Databases.open("jdbc:h2:file:" + file + ";CIPHER=AES"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("not supported")
                .hasMessageContaining("jdbc:h2:file:" + file + " or " + file);
        assertThat(Files.exists(dir.resolve("pairs.mv.db")))
                .as("nothing created")
                .isFalse();
        try (Database plain = Databases.open("jdbc:h2:file:" + file)) {
            assertThat(plain.count(PairFilter.ALL)).isZero();
        }
    }

    @Test
    void aPathGetsTheMvDbSuffixAndParentFolders() {
        Path nested = dir.resolve("a/b/pairs");
        try (Database s = Databases.open(nested.toString())) {
            assertThat(s.location()).isEqualTo(nested + ".mv.db");
        }
        assertThat(nested.resolveSibling("pairs.mv.db")).exists();
        try (Database s = Databases.open(nested + ".mv.db")) {
            assertThat(s.location()).isEqualTo(nested + ".mv.db");
        }
    }

    @Test
    void inMemoryStoresArePrivateUnlessNamed() {
        try (Database a = Databases.open("mem:");
                Database b = Databases.open("jdbc:h2:mem:")) {
            a.addAll(List.of(TestPairs.simple("x", "q")), null, Source.FILE, "b");
            assertThat(b.count(PairFilter.ALL)).isZero();
        }
    }

    @Test
    void aTextFileIsNotOpenedAsADatabase() throws Exception {
        Path fake = dir.resolve("notes.mv.db");
        Files.writeString(fake, "just some notes\n");
        assertThatThrownBy(() -> Databases.open(fake.toString()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(fake.toString())
                .hasMessageContaining("not a Pair Studio database");
        assertThat(Files.readString(fake)).isEqualTo("just some notes\n");
    }

    @Test
    void anotherApplicationsH2DatabaseIsLeftUntouched() throws Exception {
        Path other = dir.resolve("other");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + other, "sa", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE invoices (id INT)");
        }
        assertThatThrownBy(() -> Databases.open(other.toString()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("other.mv.db")
                .hasMessageContaining("not a Pair Studio database");
    }

    @Test
    void aDatabaseFromANewerVersionIsRefusedAndNotModified() throws Exception {
        Path db = dir.resolve("newer");
        Databases.open(db.toString()).close();
        int rows = historyRows(db);
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db, "sa", "");
                Statement s = c.createStatement()) {
            s.execute(
                    "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", \"script\", "
                            + "\"checksum\", \"installed_by\", \"installed_on\", \"execution_time\", \"success\") "
                            + "VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'sa', CURRENT_TIMESTAMP, 1, TRUE)");
        }
        assertThatThrownBy(() -> Databases.open(db.toString()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("newer version of Pair Studio")
                .hasMessageContaining("newer.mv.db");
        assertThat(historyRows(db)).as("history untouched").isEqualTo(rows + 1);
    }

    private static int historyRows(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db, "sa", "");
                Statement s = c.createStatement();
                var r = s.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\"")) {
            r.next();
            return r.getInt(1);
        }
    }

    @Test
    void aFileLockedByAnotherProgramGivesOneClearMessage() throws Exception {
        Path db = dir.resolve("locked");
        Databases.open(db.toString()).close();
        try (FileChannel ch = FileChannel.open(dir.resolve("locked.mv.db"), StandardOpenOption.WRITE);
                FileLock ignored = ch.lock()) {
            assertThatThrownBy(() -> Databases.open(db.toString()))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("locked.mv.db")
                    .hasMessageContaining("in use by another program");
        }
    }

    @Test
    void twoStoresShareOneFile() {
        Path db = dir.resolve("shared");
        try (Database gui = Databases.open(db.toString());
                Database cli = Databases.open(db.toString())) {
            cli.addAll(List.of(TestPairs.simple("x", "q")), null, Source.FILE, "b");
            assertThat(gui.count(PairFilter.ALL)).isEqualTo(1);
        }
    }

    @Test
    void anEncryptedDatabaseNeedsItsPassword() {
        Path db = dir.resolve("secret");
        try (Database s = Databases.openEncrypted(db.toString(), "correct horse".toCharArray())) {
            s.addAll(List.of(TestPairs.simple("x", "q")), null, Source.FILE, "b");
        }
        assertThatThrownBy(() -> Databases.openEncrypted(db.toString(), "wrong".toCharArray()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("Wrong password")
                .hasMessageContaining("secret.mv.db");
        assertThatThrownBy(() -> Databases.open(db.toString()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("encrypted");
        try (Database s = Databases.openEncrypted(db.toString(), "correct horse".toCharArray())) {
            assertThat(s.count(PairFilter.ALL)).isEqualTo(1);
        }
    }

    @Test
    void aBackupIsAZipHoldingTheDatabase() throws Exception {
        addSample();
        Path target = dir.resolve("backups/pairs-backup.zip");
        store.backup(target);
        try (ZipFile zip = new ZipFile(target.toFile())) {
            assertThat(zip.stream().map(e -> e.getName())).anyMatch(n -> n.endsWith(".mv.db"));
        }
        assertThat(target.resolveSibling("pairs-backup.zip.part")).doesNotExist();
    }
}
