package dev.pairstudio.store;

import java.nio.file.Path;
import java.util.OptionalDouble;

/** Looking after the database as a whole: its index in memory, the disk, backups. */
public interface Maintenance {
    /**
     * Builds in advance what answers filters, sorts and free-text search (a window calls it after
     * opening, in the background), so that the first search of a session is as quick as the next.
     */
    default void prepare() {}

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
