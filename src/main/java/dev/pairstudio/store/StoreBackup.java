package dev.pairstudio.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** A consistent copy of the whole database, written while the store stays in use. */
final class StoreBackup {
    private StoreBackup() {}

    /** Written by the dialect to a temporary file beside the target and renamed, so a failed backup never leaves a half file. */
    static void write(DataSource pool, StoreDialect dialect, Path target) {
        Path absolute = target.toAbsolutePath();
        Path temp = absolute.resolveSibling(absolute.getFileName() + ".part");
        try {
            Files.createDirectories(absolute.getParent());
            Files.deleteIfExists(temp);
            try (Connection c = pool.getConnection()) {
                dialect.backup(c, temp);
            }
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("Cannot write the backup " + absolute + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new StoreException("Cannot write the backup " + absolute + ": " + OpenFailures.firstLine(e), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // best effort: the .part file is harmless
            }
        }
    }
}
