package dev.pairstudio.store;

/**
 * A store failure a user can act on: the message names the database file and what to do
 * ("is open in another Pair Studio window", "is not a Pair Studio database", "was written by
 * a newer version"). Never carries pair text.
 */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
