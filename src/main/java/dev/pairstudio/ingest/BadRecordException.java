package dev.pairstudio.ingest;

/** One record cannot become a pair; the message is the reason shown to the user. */
final class BadRecordException extends Exception {
    BadRecordException(String reason) {
        super(reason, null, false, false);
    }
}
