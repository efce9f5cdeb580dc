package dev.pairstudio.store;

import java.nio.file.Path;
import java.util.OptionalDouble;

/** Looking after the database as a whole: its index in memory, the disk, backups. */
public interface Maintenance {
    /**
     * Builds in advance what answers filters, sorts and free-text search (a window calls it after
     * opening, in the background), so that the first search and the first sort by question or SQL
     * of a session are as quick as the next.
     */
    default void prepare() {}

    /**
     * Puts the question and SQL texts in order in advance (part of {@link #prepare}; {@code serve}
     * calls it alone, in the background), so that the first sort by either is as quick as the next.
     */
    default void prepareSorts() {}

    /**
     * Whether a sort by {@code column} is answered at once: false while the texts of the question
     * or SQL column are put in order (the first time for a database; {@link #prepareSorts} does it
     * ahead), when a page in that order waits for them. No I/O: safe on the FX thread.
     */
    default boolean sortReady(SortColumn column) {
        return true;
    }

    /**
     * Lets go of what {@link #prepare} builds until a call needs it again (it is then read back
     * from its snapshot): a long streaming job at a small heap (an export of a million pairs at
     * 256 MB, against an index of ~110 MB) that has asked the index everything it needs.
     */
    default void releaseIndex() {}

    /**
     * While this process builds what answers filters and sorts from the table (no usable snapshot),
     * how far it is, 0 to 1; empty otherwise. Reads one volatile field: safe on the FX thread.
     */
    default OptionalDouble indexProgress() {
        return OptionalDouble.empty();
    }

    /**
     * Forces everything committed so far to disk (an import calls it at its end: its batches are
     * otherwise written within a second, and a full disk shows up here rather than later).
     */
    void sync();

    /** A consistent snapshot of the whole database, written while the store stays in use. */
    void backup(Path target);
}
