package dev.pairstudio.cli;

import dev.pairstudio.ingest.ProgressListener;
import dev.pairstudio.pair.Plural;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A long import's progress on standard error (issue 24: 10M pairs import for many minutes): a line
 * each time the stored part of a file passes another tenth, with the records read and the time
 * so far. A file stored in one batch prints nothing; the summary on standard output follows.
 */
final class ImportProgressLines implements ProgressListener {
    private final PrintWriter err;
    private final long start = System.nanoTime();
    private long lastTotal = -1;
    private int lastTenth;

    ImportProgressLines(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void progress(long bytesRead, long totalBytes, long recordsRead) {
        if (totalBytes != lastTotal) { // another file
            lastTotal = totalBytes;
            lastTenth = 0;
        }
        int tenth = totalBytes <= 0 ? 0 : (int) Math.min(10, bytesRead * 10 / totalBytes);
        if (tenth <= lastTenth || tenth >= 10) {
            return;
        }
        lastTenth = tenth;
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        err.printf(
                Locale.ROOT,
                "  stored %s, %d %% of the file, %d:%02d%n",
                Plural.of(recordsRead, "record"),
                bytesRead * 100 / totalBytes,
                seconds / 60,
                seconds % 60);
        err.flush();
    }
}
