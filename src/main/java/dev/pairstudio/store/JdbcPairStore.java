package dev.pairstudio.store;

import dev.pairstudio.store.index.ChangeLog;
import dev.pairstudio.store.index.IndexKeeper;
import dev.pairstudio.store.index.PairIndex;
import dev.pairstudio.store.index.TextMatches;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * The store on a relational database: H2 (embedded, the default) or PostgreSQL (a team's shared
 * server), one class for both; what differs is in the {@link StoreDialect}.
 * The table has no secondary index: which rows match a filter, in which order, how many, and
 * their statistics come from the in-memory {@link PairIndex} (ARCHITECTURE.md, "The store and its
 * index engine"); the database stores the rows and reads them back by id. Writers serialise on the
 * store clock and log what they touched ({@link ChangeLog}), so every process (a GUI, a CLI command,
 * a curator's colleague on the same PostgreSQL database) replays the others' changes before it reads.
 *
 * <p>This class is the core every part shares: the connections, the write transaction with its
 * clock and index refresh, the index, and closing. Each concept's SQL lives in its own
 * collaborator ({@link PairInserts}, {@link JdbcPairReader}, {@link JdbcCuration},
 * {@link JdbcAnalyses}, {@link JdbcSchemaStore}, {@link JdbcSettingStore}, {@link JdbcMaintenance}):
 * this class names them as its parts ({@link ComposedDatabase}), which every call of a concept goes to.
 */
public final class JdbcPairStore implements ComposedDatabase {
    private final StoreDialect dialect;
    private final DataSource pool;
    /** Keeps an in-memory database alive between pooled uses (null when not needed). */
    private final Connection keeper;

    private final Runnable dispose;
    /** Connections for reading every row in order (see {@link StoreDialect.Connected}). */
    private final DataSource streaming;

    private final IndexKeeper index;
    private final TextMatches text;
    /** One writer at a time in this process; across processes the store clock serialises them. */
    private final Object writeLock = new Object();
    /** When a commit was last forced to disk (nanoTime), guarded by writeLock. */
    private long lastSync = System.nanoTime() - SYNC_INTERVAL_NANOS;
    /**
     * Every write is handed to the operating system before the call returns ({@link StoreDialect#writeOut}),
     * so it survives the process being killed. Curation and collected pairs are also forced to disk
     * (a client was told they are stored). An import's batches and derived analysis are forced at
     * most once a second (and always after a quiet second), so a power cut loses under a second of
     * an import, whose rerun completes it, without an fsync per batch.
     */
    private static final long SYNC_INTERVAL_NANOS = 1_000_000_000L;
    /** Changes this store committed (raised before each commit, lowered again when it fails). */
    private final AtomicLong ownChanges = new AtomicLong();
    /** Clock minus own changes at the first {@link #changesByOthers()}: what others had done before anyone asked. */
    private final AtomicLong clockAtFirstAsk = new AtomicLong(-1);
    /** Set when the database file could not be written; {@link #close()} then shuts down without writing. */
    private volatile boolean fileWriteFailed;
    /** Rows this store wrote or rewrote since it opened, for the dialect's housekeeping on close. */
    private final AtomicLong rowsWritten = new AtomicLong();

    private final JdbcPairReader reader;
    private final JdbcAnalyses analyses;
    private final PairInserts inserts;
    private final JdbcCuration curation;
    private final JdbcSchemaStore schemas;
    private final JdbcSettingStore settings;
    private final JdbcMaintenance maintenance;

    private JdbcPairStore(StoreDialect dialect, StoreDialect.Connected connected) {
        this.dialect = dialect;
        this.pool = connected.source();
        this.keeper = connected.keeper();
        this.dispose = connected.dispose();
        this.streaming = connected.streaming();
        this.index = new IndexKeeper(pool, dialect.indexSnapshot(), dialect.textCollation());
        this.text =
                new TextMatches(pool, index, dialect.regexMatch("question") + " OR " + dialect.regexMatch("sql_text"));
        this.reader = new JdbcPairReader(this);
        this.analyses = new JdbcAnalyses(this);
        this.inserts = new PairInserts(this, this.analyses);
        this.curation = new JdbcCuration(this, reader);
        this.schemas = new JdbcSchemaStore(this);
        this.settings = new JdbcSettingStore(this);
        this.maintenance = new JdbcMaintenance(this);
    }

    /** Connects, creates or migrates the schema, and refuses a database of a newer Pair Studio. */
    static JdbcPairStore open(StoreDialect dialect) {
        JdbcPairStore store = new JdbcPairStore(dialect, dialect.connect());
        try {
            Schema.migrate(store.pool, dialect);
            store.settings.ensureSecret();
            store.pruneChangeLog();
            return store;
        } catch (RuntimeException e) {
            store.close();
            if (e instanceof StoreException) {
                throw e;
            }
            throw new StoreException(
                    "Cannot prepare the database " + dialect.display() + ": " + OpenFailures.firstLine(e), e);
        }
    }

    /** The pool and dialect, for copying a whole dataset between stores ({@link DatasetCopy}). */
    DataSource dataSource() {
        return pool;
    }

    StoreDialect dialect() {
        return dialect;
    }

    /** Connections for streaming every row in order (see {@link StoreDialect.Connected}). */
    DataSource streaming() {
        return streaming;
    }

    IndexKeeper index() {
        return index;
    }

    TextMatches text() {
        return text;
    }

    /** One writer at a time in this process (schemas, which stay outside the change log, take it too). */
    Object writeLock() {
        return writeLock;
    }

    // ---- writing ----------------------------------------------------------------------------

    /**
     * What a write transaction did: its result, the rows it touched (empty: roll back, log
     * nothing), and optionally the same change applied to the index directly (null: the index
     * reads the touched rows back).
     */
    record Written<T>(T result, List<Long> touched, Predicate<PairIndex> direct) {
        Written(T result, List<Long> touched) {
            this(result, touched, null);
        }

        Written<T> applying(Predicate<PairIndex> change) {
            return new Written<>(result, touched, change);
        }
    }

    @FunctionalInterface
    interface Work<T> {
        Written<T> run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    interface Query<T> {
        T run(Connection c) throws SQLException;
    }

    /** One read on a pooled connection; a failure names {@code what} was being done. */
    <T> T read(String what, Query<T> query) {
        try (Connection c = pool.getConnection()) {
            return query.run(c);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /**
     * Runs {@code work} as one transaction forced to disk, for tables outside the change log
     * (schemas): no store clock, no index refresh. Rolled back when it fails.
     */
    <T> T transaction(Connection c, Query<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = work.run(c);
            c.commit();
            sync(c, true);
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    /**
     * Runs one write transaction: take the store clock (serialising writers across processes),
     * bring the index up to date, do the work, log the touched rows, commit, re-read them into the
     * index. Nothing touched: rolled back, clock included.
     */
    <T> T write(String what, Work<T> work) {
        return write(what, true, work);
    }

    /** @param durable whether the change must be on disk when this returns (derived data need not: it is derived again) */
    <T> T write(String what, boolean durable, Work<T> work) {
        synchronized (writeLock) {
            try (Connection c = pool.getConnection()) {
                // the first write of a process loads the index before it takes the clock: inside a transaction that has
                // changed a row, H2 counts a table (the snapshot's check) by walking it, and other writers would wait
                index.loadIfAbsent(c);
                c.setAutoCommit(false);
                try {
                    long seq = ChangeLog.bump(c);
                    index.refresh(c, seq - 1);
                    Written<T> done = work.run(c);
                    if (done.touched().isEmpty()) {
                        c.rollback();
                        return done.result();
                    }
                    ChangeLog.log(c, seq, done.touched());
                    ownChanges.incrementAndGet();
                    try {
                        c.commit();
                    } catch (SQLException e) {
                        ownChanges.decrementAndGet();
                        throw e;
                    }
                    rowsWritten.addAndGet(done.touched().size());
                    sync(c, durable);
                    if (done.direct() == null) {
                        index.refresh(c, seq);
                    } else {
                        index.applied(c, seq, done.direct());
                    }
                    c.commit();
                    return done.result();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                throw failure(what, e);
            }
        }
    }

    /**
     * Forces committed writes to disk: always when {@code durable}, otherwise unless that was done
     * less than a second ago (see {@link #lastSync}); then they are only written out, so that they
     * survive the process being killed.
     */
    void sync(Connection c, boolean durable) throws SQLException {
        long now = System.nanoTime();
        if (!durable && now - lastSync < SYNC_INTERVAL_NANOS) {
            dialect.writeOut(c);
            return;
        }
        dialect.forceToDisk(c);
        lastSync = System.nanoTime();
    }

    static LocalDateTime time(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    <T> T readIndex(String what, Function<PairIndex, T> reader) {
        return readIndex(what, reader, null);
    }

    /** @param sortedBy the column the reader walks in order (null: none): a text column is ranked first ({@code TextRanks}) */
    <T> T readIndex(String what, Function<PairIndex, T> reader, SortColumn sortedBy) {
        try {
            return index.read(reader, sortedBy);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private void pruneChangeLog() {
        try (Connection c = pool.getConnection()) {
            ChangeLog.prune(c);
        } catch (SQLException e) {
            throw failure("tidy the change log", e);
        }
    }

    // ---- the concepts, each in its collaborator ---------------------------------------------

    @Override
    public PairIntake intake() {
        return inserts;
    }

    @Override
    public PairReader reader() {
        return reader;
    }

    @Override
    public Curation curation() {
        return curation;
    }

    @Override
    public Analyses analyses() {
        return analyses;
    }

    @Override
    public SchemaStore schemas() {
        return schemas;
    }

    @Override
    public SettingStore settings() {
        return settings;
    }

    @Override
    public Maintenance maintenance() {
        return maintenance;
    }

    // ---- database-wide ----------------------------------------------------------------------

    /** Where this process's index came from (tests): see {@link IndexKeeper#origin()}. */
    String indexOrigin() {
        return index.origin();
    }

    @Override
    public long changesByOthers() {
        try (Connection c = pool.getConnection()) {
            long own;
            long clock;
            do { // this store's count is raised before its commit shows in the clock: a race can only read low
                own = ownChanges.get();
                clock = ChangeLog.clock(c);
            } while (own != ownChanges.get());
            long othersSinceOpen = clock - own;
            return othersSinceOpen - clockAtFirstAsk.updateAndGet(b -> b >= 0 ? b : othersSinceOpen);
        } catch (SQLException e) {
            throw failure("read the change clock", e);
        }
    }

    @Override
    public String location() {
        return dialect.display();
    }

    @Override
    public void close() {
        if (!fileWriteFailed) {
            index.save(); // the next process reads it instead of rebuilding (IndexSnapshot)
        }
        try {
            if (keeper != null) {
                dialect.beforeClose(keeper, fileWriteFailed, rowsWritten.get());
                if (!keeper.isClosed()) { // after H2's SHUTDOWN its rollback would trace an error beside the database
                    keeper.close();
                }
            } else {
                try (Connection c = pool.getConnection()) { // a server database keeps no connection of its own
                    dialect.beforeClose(c, fileWriteFailed, rowsWritten.get());
                }
            }
        } catch (SQLException ignored) {
            // closing anyway
        }
        dispose.run();
    }

    /** Rows written around the store ({@link DatasetCopy}), so that closing tidies the file as after its own writes. */
    void wroteRows(long n) {
        rowsWritten.addAndGet(n);
    }

    // ---- helpers ------------------------------------------------------------------------

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        }
    }

    StoreException failure(String what, SQLException e) {
        if (dialect.writeFailed(e)) {
            fileWriteFailed = true;
        }
        return new StoreException("Cannot " + what + " in " + dialect.display() + ": " + OpenFailures.firstLine(e), e);
    }
}
