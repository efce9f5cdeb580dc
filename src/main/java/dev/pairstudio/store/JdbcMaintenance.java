package dev.pairstudio.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalDouble;

/** Looking after a {@link JdbcPairStore} as a whole: its index in memory, forcing writes to disk, backups. */
final class JdbcMaintenance implements Maintenance {
    private final JdbcPairStore store;

    JdbcMaintenance(JdbcPairStore store) {
        this.store = store;
    }

    @Override
    public void prepare() {
        try {
            store.index().ensureText(); // builds the column index first, then the word index
        } catch (SQLException e) {
            throw store.failure("prepare the search index", e);
        }
        prepareSorts();
    }

    @Override
    public void prepareSorts() {
        try {
            store.index().rank(SortColumn.QUESTION);
            store.index().rank(SortColumn.SQL);
        } catch (SQLException e) {
            throw store.failure("put the questions and SQL in order", e);
        }
    }

    @Override
    public boolean sortReady(SortColumn column) {
        return store.index().sortReady(column);
    }

    @Override
    public void releaseIndex() {
        store.index().release();
    }

    @Override
    public OptionalDouble indexProgress() {
        long[] p = store.index().buildProgress();
        return p == null ? OptionalDouble.empty() : OptionalDouble.of(Math.min(1.0, (double) p[0] / p[1]));
    }

    @Override
    public void sync() {
        synchronized (store.writeLock()) {
            try (Connection c = store.dataSource().getConnection()) {
                store.sync(c, true);
            } catch (SQLException e) {
                throw store.failure("write the database to disk", e);
            }
        }
    }

    /** Written by the dialect to a temporary file beside the target and renamed, so a failed backup never leaves a half file. */
    @Override
    public void backup(Path target) {
        Path absolute = target.toAbsolutePath();
        Path temp = absolute.resolveSibling(absolute.getFileName() + ".part");
        try {
            Files.createDirectories(absolute.getParent());
            Files.deleteIfExists(temp);
            try (Connection c = store.dataSource().getConnection()) {
                store.dialect().backup(c, temp);
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
