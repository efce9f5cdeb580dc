package dev.pairstudio.store;

import java.nio.file.Path;

/**
 * One open database: an H2 file by default, PostgreSQL for a team. The handle a face opens and
 * closes; it is the sum of one small interface per concept, and code that needs one concept
 * takes that interface ({@link PairIntake}, {@link PairReader}, {@link Curation}, {@link Analyses},
 * {@link SchemaStore}, {@link SettingStore}, {@link Maintenance}). Every method is safe to call
 * from any thread except the FX thread (it does I/O); implementations are thread-safe.
 * Nothing here anonymizes: the store keeps the original text (ARCHITECTURE.md, "Decisions").
 */
public interface Database
        extends PairIntake, PairReader, Curation, Analyses, SchemaStore, SettingStore, Maintenance, AutoCloseable {

    /**
     * How many changes other writers committed since this store was first asked: another
     * process (a CLI import, {@code pairstudio serve}), a colleague on the team database, another
     * store object on the same file. One small read. It rises with each of their changes; while
     * a change of this store's own is being committed it may briefly read one lower, never higher.
     * A window polls it to show what others changed.
     */
    long changesByOthers();

    /** Where the data lives, for titles and messages (a file path or a URL without password). */
    String location();

    /** The folder beside the database for its reports; the user data directory for in-memory or server databases. */
    default Path folder() {
        String where = location();
        if (where.startsWith("jdbc:") || where.contains("://")) {
            return UserDataDirectory.get();
        }
        Path parent = Path.of(where).toAbsolutePath().getParent();
        return parent == null ? UserDataDirectory.get() : parent;
    }

    @Override
    void close();
}
