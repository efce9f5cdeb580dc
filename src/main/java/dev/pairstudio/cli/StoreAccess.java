package dev.pairstudio.cli;

import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.store.StoredPair;
import java.io.Console;
import java.nio.file.Path;
import java.util.Optional;

/** Opening the store a command works on, and finding pairs by what a user types. */
final class StoreAccess {
    private StoreAccess() {}

    static Database open(DatabaseOption database) {
        return open(database.location().orElse(null));
    }

    /**
     * Opens what {@code --db} (or {@code --from}/{@code --to}) names. A team database's password
     * comes from its URL or PAIRSTUDIO_DB_PASSWORD, else it is asked on the terminal, without echo.
     */
    static Database open(String location) {
        return Databases.open(location, StoreAccess::askPassword);
    }

    private static Optional<char[]> askPassword(String database) {
        Console console = System.console();
        if (console == null) {
            return Optional.empty(); // no terminal (a script): the error says to set PAIRSTUDIO_DB_PASSWORD
        }
        char[] typed = console.readPassword("Password for %s: ", database);
        return typed == null || typed.length == 0 ? Optional.empty() : Optional.of(typed);
    }

    /** Beside the database file; the user data directory for in-memory or server databases. */
    static Path folderOf(Database store) {
        return store.folder();
    }

    /** A store id (digits) or a pair_id. */
    static Optional<StoredPair> find(Database store, String id) {
        if (id.chars().allMatch(Character::isDigit) && id.length() < 19) {
            Optional<StoredPair> byId = store.get(Long.parseLong(id));
            if (byId.isPresent()) {
                return byId;
            }
        }
        return store.getByPairId(id);
    }
}
