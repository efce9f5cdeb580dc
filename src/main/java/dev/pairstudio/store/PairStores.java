package dev.pairstudio.store;

/**
 * Opens a store from what a user gave ({@code --db}, the open dialog): null or blank for the
 * default database in the user data directory, an H2 file path ({@code .mv.db} added when
 * missing, created when absent), {@code mem:NAME} for tests. PostgreSQL URLs are recognised and
 * refused until the team version lands.
 */
public final class PairStores {
    private PairStores() {
    }

    public static PairStore open(String location) {
        return H2PairStore.open(H2Location.parse(location), null);
    }

    /** An AES-encrypted H2 file: the password is needed for every later open. */
    public static PairStore openEncrypted(String location, char[] password) {
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("An encrypted database needs a password");
        }
        return H2PairStore.open(H2Location.parse(location), password);
    }
}
