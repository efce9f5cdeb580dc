package dev.pairstudio.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Owns this process's {@link PairIndex}: builds it from the pairs table on first use, and keeps
 * it current by replaying the {@link ChangeLog} (rows written by this process and by others that
 * share the file). Readers hold the read lock while they scan; replaying holds the write lock.
 */
final class IndexKeeper {
    /** Rows per query when building: large enough that per-query cost is noise, small enough to keep queries short. */
    private static final int LOAD_PAGE = 20_000;
    /** Ids per {@code = ANY(?)} query when re-reading changed rows. */
    static final int ID_CHUNK = 10_000;

    private final DataSource pool;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private PairIndex index;
    /** The last change log entry applied; volatile so that an up-to-date reader skips the write lock. */
    private volatile long seen = -1;

    IndexKeeper(DataSource pool) {
        this.pool = pool;
    }

    /** Whether the index has been built in this process. */
    boolean loaded() {
        lock.readLock().lock();
        try {
            return index != null;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs {@code reader} on an up-to-date index under the read lock. */
    <T> T read(Function<PairIndex, T> reader) throws SQLException {
        try (Connection c = pool.getConnection()) {
            refresh(c, ChangeLog.clock(c));
        }
        lock.readLock().lock();
        try {
            return reader.apply(index);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Builds the index if needed and applies the log up to entry {@code upTo}, reading through {@code c}. */
    void refresh(Connection c, long upTo) throws SQLException {
        if (index != null && seen >= upTo) {
            return;
        }
        lock.writeLock().lock();
        try {
            if (index == null) {
                load(c, upTo);
            }
            if (seen < upTo) {
                List<ChangeLog.Entry> entries = ChangeLog.after(c, seen, upTo);
                if (entries.isEmpty() || entries.get(0).seq() != seen + 1 || !apply(c, entries)) {
                    load(c, upTo); // pruned entries, or rows out of id order: start afresh
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Applies this process's own change of entry {@code seq} (just committed) directly, without
     * reading the rows back: when {@code change} returns false, or other entries came first, the
     * rows are read back instead.
     */
    void applied(Connection c, long seq, java.util.function.Predicate<PairIndex> change) throws SQLException {
        lock.writeLock().lock();
        try {
            if (index == null) {
                return; // built later from the table, which holds the change
            }
            if (seen == seq - 1 && change.test(index)) {
                seen = seq;
                return;
            }
        } finally {
            lock.writeLock().unlock();
        }
        refresh(c, seq);
    }

    /** The ids of a ready index matching a predicate, read under the read lock (for writers, after {@link #refresh}). */
    <T> T peek(Function<PairIndex, T> reader) {
        lock.readLock().lock();
        try {
            return reader.apply(index);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Reads the whole table. {@code upTo}: inside a write transaction the clock already shows its
     * own (uncommitted, not yet used) number, which the table does not reflect yet.
     */
    /** Builds the word index of an up-to-date index on first use (one scan of the texts). */
    void ensureText() throws SQLException {
        try (Connection c = pool.getConnection()) {
            refresh(c, ChangeLog.clock(c));
            lock.writeLock().lock();
            try {
                if (index.text() != null) {
                    return;
                }
                TextIndex text = new TextIndex();
                everyRow(c, "SELECT id, question, sql_text FROM pairs WHERE id > ? ORDER BY id LIMIT ?", r -> {
                    int o = index.ordinalOf(r.getLong(1));
                    if (o >= 0) {
                        text.add(o, r.getString(2), r.getString(3));
                    }
                });
                index.attachText(text);
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    private void load(Connection c, long upTo) throws SQLException {
        long clock = Math.min(ChangeLog.clock(c), upTo);
        PairIndex fresh = new PairIndex();
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM pairs"); ResultSet r = s.executeQuery()) {
            r.next();
            fresh.reserve(r.getInt(1) + 1_000);
        }
        IndexRows reader = new IndexRows();
        everyRow(c, "SELECT " + IndexRows.COLUMNS + PairRows.FROM + " WHERE p.id > ? ORDER BY p.id LIMIT ?", r -> fresh.put(reader.read(r)));
        index = fresh;
        seen = clock;
        // entries committed while the table was read are applied by the caller's refresh
    }

    @FunctionalInterface
    private interface RowAction {
        void accept(ResultSet row) throws SQLException;
    }

    /**
     * Runs {@code select} (parameters: the id to start after, the page size; the id is its first
     * column, in order) page by page over the whole table: short queries rather than one lazy
     * result held for seconds (H2 2.5 can free chunks under a long-lived lazy result, #4142).
     */
    private static void everyRow(Connection c, String select, RowAction action) throws SQLException {
        long after = 0;
        int n;
        try (PreparedStatement s = c.prepareStatement(select)) {
            do {
                s.setLong(1, after);
                s.setInt(2, LOAD_PAGE);
                n = 0;
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        after = r.getLong(1);
                        action.accept(r);
                        n++;
                    }
                }
            } while (n == LOAD_PAGE);
        }
    }

    private boolean apply(Connection c, List<ChangeLog.Entry> entries) throws SQLException {
        IndexRows reader = new IndexRows();
        for (ChangeLog.Entry e : entries) {
            if (e.ids() == null) {
                try (PreparedStatement s = c.prepareStatement("SELECT " + IndexRows.COLUMNS + PairRows.FROM + " WHERE p.id BETWEEN ? AND ? ORDER BY p.id")) {
                    s.setLong(1, e.firstId());
                    s.setLong(2, e.lastId());
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            if (!index.put(reader.read(r))) {
                                return false;
                            }
                        }
                    }
                }
            } else {
                for (int from = 0; from < e.ids().length; from += ID_CHUNK) {
                    long[] chunk = Arrays.copyOfRange(e.ids(), from, Math.min(e.ids().length, from + ID_CHUNK));
                    Set<Long> missing = new HashSet<>();
                    for (long id : chunk) {
                        missing.add(id);
                    }
                    try (PreparedStatement s = c.prepareStatement("SELECT " + IndexRows.COLUMNS + PairRows.FROM_IDS + " ORDER BY p.id")) {
                        s.setObject(1, Arrays.stream(chunk).boxed().toArray(Long[]::new));
                        try (ResultSet r = s.executeQuery()) {
                            while (r.next()) {
                                IndexRow row = reader.read(r);
                                missing.remove(row.id());
                                if (!index.put(row)) {
                                    return false;
                                }
                            }
                        }
                    }
                    missing.forEach(index::purge); // deleted for good
                }
            }
            seen = e.seq();
        }
        return true;
    }
}
