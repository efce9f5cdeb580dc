package dev.pairstudio.privacy;

/**
 * A text could not be anonymized safely (a custom rule ran out of time, the SQL would no longer
 * parse). The caller must not publish the original in its place.
 */
public class AnonymizationException extends RuntimeException {
    public AnonymizationException(String message) {
        super(message);
    }
}
