package dev.pairstudio.ingest;

import java.io.IOException;

/** The rest of a file cannot be read (binary, wrong encoding, broken JSON structure). */
final class UnreadableFileException extends IOException {
    private final long line;

    UnreadableFileException(long line, String reason) {
        super(reason);
        this.line = line;
    }

    long line() {
        return line;
    }
}
