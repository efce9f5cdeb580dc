package dev.pairstudio.store.index;

import dev.pairstudio.store.SortColumn;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns this process's {@link PairIndex}: builds it from the pairs table on first use, and keeps
 * it current by replaying the {@link ChangeLog} (rows written by this process and by others that
 * share the file). Readers hold the read lock while they scan; replaying holds the write lock.
 */
public final class IndexKeeper {
    private static final Logger LOG = LoggerFactory.getLogger(IndexKeeper.class);
    /** Rows per query when building: large enough that per-query cost is noise, small enough to keep queries short. */
    private static final int LOAD_PAGE = 20_000;
    /** Ids per {@code = ANY(?)} query when re-reading changed rows. */
    public static final int ID_CHUNK = 10_000;

    /** Rows of the table compared with a snapshot's before it is trusted (besides counts and the largest id). */
    private static final int SPOT_CHECKS = 64;

    private final DataSource pool;
    /** Where this database's snapshot lives; null: none (in memory, encrypted). */
    private final Path snapshotFile;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Volatile so that {@link #loaded()} answers without waiting for a build that holds the write lock. */
    private volatile PairIndex index;
    /** The last change log entry applied; volatile so that an up-to-date reader skips the write lock. */
    private volatile long seen = -1;
    /** What the snapshot file holds: its entry, and which optional parts ({@link PairIndex#optionalParts}) (-1: nothing known, write on close). */
    private long savedSeq = -1;

    private int savedParts;
    /** Where the index came from, for the log and tests: "table", or the snapshot and how far it was brought forward. */
    private volatile String origin = "none";
    /** Rows read so far by a build from the table, and how many it expects (for a progress display). */
    private volatile long buildRows;

    private volatile long buildTotal;

    /** Keeps the question and SQL orders of the index ({@link TextRanks}). */
    private final TextRanking textRanking;

    public IndexKeeper(DataSource pool, Path snapshotFile, Comparator<String> collation) {
        this.pool = pool;
        this.snapshotFile = snapshotFile;
        this.textRanking = new TextRanking(lock, () -> index, collation);
    }

    /** Whether the index is ready in this process (false while it is being read or built). */
    public boolean loaded() {
        return index != null;
    }

    /** "none" (not built yet), "table", or "snapshot of change N[, brought forward to M]". */
    public String origin() {
        return origin;
    }

    /** While the index is built from the table: rows read and rows expected; null when no build runs. */
    public long[] buildProgress() {
        long total = buildTotal;
        return total > 0 ? new long[] {buildRows, total} : null;
    }

    /** Runs {@code reader} on an up-to-date index under the read lock. */
    public <T> T read(Function<PairIndex, T> reader) throws SQLException {
        return read(reader, null);
    }

    /**
     * Runs {@code reader} on an up-to-date index under the read lock; when {@code sortedBy} is a
     * text column ({@link PairIndex#textRanked}), on one whose every pair has its rank in that
     * column's order ({@link TextRanks}), the last ones placed under the same lock so that no pair
     * added meanwhile goes unranked.
     */
    public <T> T read(Function<PairIndex, T> reader, SortColumn sortedBy) throws SQLException {
        try (Connection c = pool.getConnection()) {
            refresh(c, ChangeLog.clock(c));
            if (sortedBy != null && PairIndex.textRanked(sortedBy)) {
                textRanking.rank(c, sortedBy, true); // returns holding the read lock
            } else {
                lock.readLock().lock();
            }
        }
        try {
            return reader.apply(index);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Ranks a text column of an up-to-date index in advance (a window after opening, {@code serve}),
     * so that the first sort by it is as quick as the next: seconds at 1M pairs the first time,
     * then kept in the snapshot. Other reads and writes go on meanwhile.
     */
    public void rank(SortColumn column) throws SQLException {
        try (Connection c = pool.getConnection()) {
            refresh(c, ChangeLog.clock(c));
            textRanking.rank(c, column, false);
        }
    }

    /** See {@link TextRanking#sortReady}. */
    public boolean sortReady(SortColumn column) {
        return textRanking.sortReady(column);
    }

    /** Builds the index if this process has none yet, up to the current clock; {@code c} must have no open change. */
    public void loadIfAbsent(Connection c) throws SQLException {
        if (index == null) {
            refresh(c, ChangeLog.clock(c));
        }
    }

    /** Builds the index if needed and applies the log up to entry {@code upTo}, reading through {@code c}. */
    public void refresh(Connection c, long upTo) throws SQLException {
        if (index != null && seen >= upTo) {
            return;
        }
        lock.writeLock().lock();
        try {
            if (index == null && !restore(c, upTo)) {
                load(c, upTo);
            }
            if (seen < upTo) {
                List<ChangeLog.Entry> entries = ChangeLog.after(c, seen, upTo);
                if (entries.isEmpty() || entries.get(0).seq() != seen + 1 || !apply(c, entries)) {
                    load(c, upTo); // pruned entries, or rows out of id order: start afresh
                }
            }
        } catch (RuntimeException | Error e) {
            discard();
            throw e;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Applies this process's own change of entry {@code seq} (just committed) directly, without
     * reading the rows back: when {@code change} returns false, or other entries came first, the
     * rows are read back instead.
     */
    public void applied(Connection c, long seq, Predicate<PairIndex> change) throws SQLException {
        lock.writeLock().lock();
        try {
            if (index == null) {
                return; // built later from the table, which holds the change
            }
            if (seen == seq - 1 && change.test(index)) {
                seen = seq;
                return;
            }
        } catch (RuntimeException | Error e) {
            discard();
            throw e;
        } finally {
            lock.writeLock().unlock();
        }
        refresh(c, seq);
    }

    /** The ids of a ready index matching a predicate, read under the read lock (for writers, after {@link #refresh}). */
    public <T> T peek(Function<PairIndex, T> reader) {
        lock.readLock().lock();
        try {
            return reader.apply(index);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Builds the word index of an up-to-date index on first use (one scan of the texts). */
    public void ensureText() throws SQLException {
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

    /**
     * Takes the snapshot when it belongs to this database's history, brings it forward to entry
     * {@code upTo} from the change log and agrees with the table; otherwise leaves no index (the
     * caller builds it from the table) and says why in the log.
     */
    private boolean restore(Connection c, long upTo) throws SQLException {
        if (snapshotFile == null) {
            return false;
        }
        IndexSnapshot.Loaded snapshot = IndexSnapshot.read(snapshotFile).orElse(null);
        if (snapshot == null) {
            return false;
        }
        String problem = bringForward(c, snapshot, upTo);
        if (problem == null) {
            origin = "snapshot of change " + snapshot.seq()
                    + (seen == snapshot.seq() ? "" : ", brought forward to " + seen);
            savedSeq = snapshot.seq();
            savedParts = snapshot.index().optionalParts();
            return true;
        }
        index = null;
        seen = -1;
        LOG.warn("Index snapshot {} not used: {}; the index is rebuilt from the database", snapshotFile, problem);
        return false;
    }

    /** Null when the snapshot, brought forward, is trusted; else what is wrong with it. */
    private String bringForward(Connection c, IndexSnapshot.Loaded snapshot, long upTo) throws SQLException {
        if (snapshot.seq() > upTo) {
            return "it is of change " + snapshot.seq() + " and the database is at " + upTo
                    + " (restored from an older copy?)";
        }
        if (!snapshot.stamp().equals(ChangeLog.stamp(c, snapshot.seq()))) {
            return "the database's change " + snapshot.seq()
                    + " is not the one it was made at (another or a restored database, or a pruned log)";
        }
        index = snapshot.index();
        seen = snapshot.seq();
        long target = upTo;
        for (int attempt = 0; attempt < 3; attempt++) {
            if (seen < target) {
                List<ChangeLog.Entry> entries = ChangeLog.after(c, seen, target);
                if (entries.isEmpty() || entries.get(0).seq() != seen + 1 || !apply(c, entries)) {
                    return "the change log cannot bring it from change " + seen + " to " + target;
                }
            }
            String disagreement = disagreement(c);
            if (disagreement == null) {
                return null;
            }
            long clock = ChangeLog.clock(c);
            if (clock == target) {
                return disagreement;
            }
            target = clock; // another writer committed while it was checked: catch up and check again
        }
        return "the database kept changing while it was checked";
    }

    /**
     * Compares the index with the table: row count, trash count, the largest id, and the rows at
     * {@value #SPOT_CHECKS} ordinals spread over the whole range (the newest included) read afresh
     * and compared column by column. Null when they agree.
     */
    private String disagreement(Connection c) throws SQLException {
        long rows = single(c, "SELECT COUNT(*) FROM pairs");
        long largest = single(c, "SELECT COALESCE(MAX(id), 0) FROM pairs");
        long trash = single(c, "SELECT COUNT(*) FROM trash");
        if (rows != index.rows() || largest != index.maxLiveId() || trash != index.trashRows()) {
            return "the database holds " + rows + " pairs (" + trash + " in the trash, largest id " + largest
                    + "), the snapshot " + index.rows() + " (" + index.trashRows() + ", " + index.maxLiveId() + ")";
        }
        int n = index.size();
        if (n == 0) {
            return null;
        }
        Set<Long> ids = new HashSet<>();
        for (int k = 0; k < SPOT_CHECKS; k++) {
            int o = (int) ((long) (n - 1) * k / (SPOT_CHECKS - 1));
            if (!index.purged(o)) {
                ids.add(index.id(o));
            }
        }
        IndexRows reader = new IndexRows();
        int found = 0;
        try (PreparedStatement s = c.prepareStatement("SELECT " + IndexRows.COLUMNS + PairRows.FROM_IDS)) {
            s.setObject(1, ids.toArray(new Long[0]));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    IndexRow row = reader.read(r);
                    found++;
                    if (!index.agrees(index.ordinalOf(row.id()), row)) {
                        return "pair " + row.id() + " differs from the database";
                    }
                }
            }
        }
        return found == ids.size() ? null : (ids.size() - found) + " pairs it holds are no longer in the database";
    }

    /**
     * A one-number query. Each count stands alone: H2 answers a bare {@code COUNT(*)} from the
     * table's size, but as a subquery under LAZY_QUERY_EXECUTION it walked all 1M rows (13.7 s).
     */
    public static long single(Connection c, String query) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(query);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * Writes the snapshot when the index differs from what the file holds (built or brought
     * forward here, or the word index or text ranks added). Called on close; a failure only costs the next
     * open a rebuild, so it is logged, not thrown.
     */
    public void save() {
        if (snapshotFile == null || index == null) {
            return;
        }
        lock.readLock().lock();
        try {
            PairIndex ix = index;
            long at = seen;
            if (at == savedSeq && ix.optionalParts() == savedParts) {
                return; // the file holds this already (a second close finds nothing to do, and no pool)
            }
            try (Connection c = pool.getConnection()) {
                String stamp = ChangeLog.stamp(c, at);
                if (stamp != null
                        && IndexSnapshot.write(
                                snapshotFile, ix, at, stamp)) { // no stamp: no log entry to recognise it by
                    savedSeq = at;
                    savedParts = ix.optionalParts();
                }
            } catch (IOException | SQLException | RuntimeException e) {
                LOG.warn("Cannot write the index snapshot {}: {}", snapshotFile, e.getMessage());
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Drops the index, written to the snapshot first when the file lacks it; the next
     * {@link #read} reads it back. Without a snapshot file (in memory, encrypted) it is kept:
     * the next read would rebuild it from the table.
     */
    public void release() {
        save();
        lock.writeLock().lock();
        try {
            if (index != null && snapshotFile != null && savedSeq == seen && index.optionalParts() == savedParts) {
                discard(); // the file holds it all: the next read restores it
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Forgets the index, so that the next read restores the snapshot or reads the table: after a
     * release, and when a change left it halfway (out of memory, a defect), neither before nor after
     * the change, so that neither reads nor a snapshot may use it. Called holding the write lock.
     */
    private void discard() {
        index = null;
        seen = -1;
        origin = "none";
    }

    /**
     * Reads the whole table. {@code upTo}: inside a write transaction the clock already shows its
     * own (uncommitted, not yet used) number, which the table does not reflect yet.
     */
    private void load(Connection c, long upTo) throws SQLException {
        long clock = Math.min(ChangeLog.clock(c), upTo);
        PairIndex fresh = new PairIndex();
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM pairs");
                ResultSet r = s.executeQuery()) {
            r.next();
            fresh.reserve(r.getInt(1) + 1_000);
            buildRows = 0;
            buildTotal = Math.max(1, r.getLong(1));
        }
        IndexRows reader = new IndexRows();
        try {
            everyRow(c, "SELECT " + IndexRows.COLUMNS + PairRows.FROM + " WHERE p.id > ? ORDER BY p.id LIMIT ?", r -> {
                fresh.put(reader.read(r));
                buildRows++;
            });
        } finally {
            buildTotal = 0;
        }
        index = fresh;
        seen = clock;
        savedSeq = -1; // differs from the file (if any): written on close
        origin = "table";
        // entries committed while the table was read are applied by the caller's refresh
    }

    @FunctionalInterface
    interface RowAction {
        void accept(ResultSet row) throws SQLException;
    }

    /**
     * Runs {@code select} (parameters: the id to start after, the page size; the id is its first
     * column, in order) page by page over the whole table: short queries rather than one lazy
     * result held for seconds (H2 2.5 can free chunks under a long-lived lazy result, #4142).
     */
    static void everyRow(Connection c, String select, RowAction action) throws SQLException {
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
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT " + IndexRows.COLUMNS + PairRows.FROM + " WHERE p.id BETWEEN ? AND ? ORDER BY p.id")) {
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
                    try (PreparedStatement s =
                            c.prepareStatement("SELECT " + IndexRows.COLUMNS + PairRows.FROM_IDS + " ORDER BY p.id")) {
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
