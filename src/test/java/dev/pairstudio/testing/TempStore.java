package dev.pairstudio.testing;

import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A new, empty H2 database file for each test, open before it and closed after it, in a folder of its own:
 * {@code @RegisterExtension final TempStore h2 = new TempStore();}.
 */
public final class TempStore implements BeforeEachCallback, AfterEachCallback {
    private Path dir;
    private Database store;

    public Database store() {
        return store;
    }

    /** The test's folder, for the files it writes beside the database. */
    public Path dir() {
        return dir;
    }

    /** What {@link Databases#open} takes to open the same file again, as another process would. */
    public String path() {
        return dir.resolve("db").toString();
    }

    /** Closes the database and opens it again: what the next start of the application reads. */
    public Database reopen() {
        store.close();
        store = Databases.open(path());
        return store;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("pairstudio-store");
        store = Databases.open(path());
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        store.close();
        TempFolder.delete(dir);
    }
}
