package dev.pairstudio.app;

import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.store.UserDataDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The window's database, opened on its own thread from the first moment of the process: H2 and
 * the index snapshot load while JavaFX starts, instead of after it (on two cores that is about a
 * third of a second of a 1M-pair window's start). An H2 file is locked for this process first
 * ({@link GuiLock}), so a second window on it says so instead of waiting for H2's lock.
 */
final class StoreOpening {
    /** An open store and the lock held on its file (null for a team database). */
    record Opened(Database store, GuiLock lock) {}

    /** What cannot be opened, in words for the user. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private static CompletableFuture<Opened> started;
    private static String startedFor;

    private StoreOpening() {}

    /** Starts opening {@code database} (null: the one in the user data directory) in the background. */
    static synchronized void begin(String database) {
        startedFor = database;
        started = CompletableFuture.supplyAsync(() -> open(database), runnable -> {
            Thread t = new Thread(runnable, "open-store");
            t.setDaemon(true);
            t.start();
        });
    }

    /** The opening {@link #begin} started for {@code database}, or a new one. */
    static synchronized CompletableFuture<Opened> take(String database) {
        if (started == null || !Objects.equals(startedFor, database)) {
            begin(database);
        }
        CompletableFuture<Opened> result = started;
        started = null;
        return result;
    }

    /** The H2 file a location names, without H2's ".mv.db" ending, as the GUI lock keys it. */
    static Path h2File(String location) {
        return Path.of(location.replaceFirst("\\.mv\\.db$", "")).toAbsolutePath();
    }

    private static Opened open(String given) {
        String database =
                given != null ? given : UserDataDirectory.defaultDatabase().toString();
        GuiLock lock = null;
        if (!Databases.isTeamDatabase(database)) {
            Path file = h2File(database);
            try {
                Optional<GuiLock> acquired = GuiLock.tryAcquire(file);
                if (acquired.isEmpty()) {
                    throw new Refused("Pair Studio is already open on " + file
                            + ".mv.db. Switch to that window, or close it first.");
                }
                lock = acquired.get();
            } catch (IOException e) {
                throw new Refused("Cannot use the folder " + file.getParent() + ": " + e.getMessage());
            }
        }
        try {
            return new Opened(Databases.open(database), lock);
        } catch (RuntimeException e) {
            if (lock != null) {
                lock.close();
            }
            throw e;
        }
    }
}
