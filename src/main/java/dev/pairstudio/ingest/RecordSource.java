package dev.pairstudio.ingest;

import java.io.Closeable;
import java.io.IOException;

/** Reads one file record by record, never the whole file at once. */
interface RecordSource extends Closeable {
    /** The next record, or null at the end. Throws {@link UnreadableFileException} when the rest is unreadable. */
    SourceRecord next() throws IOException;
}
