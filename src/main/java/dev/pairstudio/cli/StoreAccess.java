package dev.pairstudio.cli;

import dev.pairstudio.store.PairStore;
import dev.pairstudio.store.PairStores;
import dev.pairstudio.store.StoredPair;
import java.nio.file.Path;
import java.util.Optional;

/** Opening the store a command works on, and finding pairs by what a user types. */
final class StoreAccess {
    private StoreAccess() {
    }

    static PairStore open(DatabaseOption database) {
        return PairStores.open(database.location().orElse(null));
    }

    /** Beside the database file; the user data directory for in-memory or server databases. */
    static Path folderOf(PairStore store) {
        return store.folder();
    }

    /** A store id (digits) or a pair_id. */
    static Optional<StoredPair> find(PairStore store, String id) {
        if (id.chars().allMatch(Character::isDigit) && id.length() < 19) {
            Optional<StoredPair> byId = store.get(Long.parseLong(id));
            if (byId.isPresent()) {
                return byId;
            }
        }
        return store.getByPairId(id);
    }
}
