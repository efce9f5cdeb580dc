package dev.pairstudio.privacy;

/**
 * A text could not be anonymized safely (a custom rule ran out of time, the SQL would no longer
 * parse). The caller must not publish the original in its place.
 */
public class AnonymizationException extends RuntimeException {
    public AnonymizationException(String message) {
        super(message);
    }

    /** The same failure, its message prefixed with where it happened ("pair p17: …"). */
    public AnonymizationException(String where, AnonymizationException cause) {
        super(where + ": " + cause.getMessage(), cause);
    }

    /** What went wrong, without where. */
    public String reason() {
        return getCause() instanceof AnonymizationException a ? a.reason() : getMessage();
    }
}
