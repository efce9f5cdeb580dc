package dev.pairstudio.store;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairAnalysis;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.pair.Source;
import dev.pairstudio.pair.Timestamps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The store on a relational database: H2 (embedded, the default) or PostgreSQL (a team's shared
 * server), one class for both; what differs is in the {@link StoreDialect}.
 * The table has no secondary index: which rows match a filter, in which order, how many, and
 * their statistics come from the in-memory {@link PairIndex} (V5__memory_index.sql says why);
 * the database stores the rows and reads them back by id. Writers serialise on the store clock
 * and log what they touched ({@link ChangeLog}), so every process (a GUI, a CLI command, a
 * curator's colleague on the same PostgreSQL database) replays the others' changes before it reads.
 */
public final class JdbcPairStore implements PairStore {
    private static final String SECRET_KEY = "privacy.secret";
    private static final List<String> ANALYSIS_COLUMNS =
            List.of("id", "query_type", "fingerprint", "complexity", "flags", "duplicate_group", "pii_types", "parse_error");

    private final StoreDialect dialect;
    private final javax.sql.DataSource pool;
    /** Keeps an in-memory database alive between pooled uses (null when not needed). */
    private final Connection keeper;
    private final Runnable dispose;
    /** Connections for reading every row in order (see {@link StoreDialect.Connected}). */
    private final javax.sql.DataSource streaming;
    private final IndexKeeper index;
    private final TextMatches text;
    private final String mergeAnalysis;
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

    private JdbcPairStore(StoreDialect dialect, StoreDialect.Connected connected) {
        this.dialect = dialect;
        this.pool = connected.source();
        this.keeper = connected.keeper();
        this.dispose = connected.dispose();
        this.streaming = connected.streaming();
        this.index = new IndexKeeper(pool, dialect.indexSnapshot());
        this.text = new TextMatches(pool, index, dialect.regexMatch("question") + " OR " + dialect.regexMatch("sql_text"));
        this.mergeAnalysis = dialect.upsert("analysis", "id", ANALYSIS_COLUMNS, "VALUES (?,?,?,?,?,?,?,?)");
    }

    /** Connects, creates or migrates the schema, and refuses a database of a newer Pair Studio. */
    static JdbcPairStore open(StoreDialect dialect) {
        JdbcPairStore store = new JdbcPairStore(dialect, dialect.connect());
        try {
            Schema.migrate(store.pool, dialect);
            store.ensureSecret();
            store.pruneChangeLog();
            return store;
        } catch (RuntimeException e) {
            store.close();
            if (e instanceof StoreException) {
                throw e;
            }
            throw new StoreException("Cannot prepare the database " + dialect.display() + ": " + OpenFailures.firstLine(e), e);
        }
    }

    /** The pool and dialect, for copying a whole dataset between stores ({@link DatasetCopy}). */
    javax.sql.DataSource dataSource() {
        return pool;
    }

    StoreDialect dialect() {
        return dialect;
    }

    // ---- writing ----------------------------------------------------------------------------

    /**
     * What a write transaction did: its result, the rows it touched (empty: roll back, log
     * nothing), and optionally the same change applied to the index directly (null: the index
     * reads the touched rows back).
     */
    private record Written<T>(T result, List<Long> touched, java.util.function.Predicate<PairIndex> direct) {
        Written(T result, List<Long> touched) {
            this(result, touched, null);
        }

        Written<T> applying(java.util.function.Predicate<PairIndex> change) {
            return new Written<>(result, touched, change);
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        Written<T> run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    private interface Query<T> {
        T run(Connection c) throws SQLException;
    }

    /** One read on a pooled connection; a failure names {@code what} was being done. */
    private <T> T read(String what, Query<T> query) {
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
    private <T> T transaction(Connection c, Query<T> work) throws SQLException {
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
    private <T> T write(String what, Work<T> work) {
        return write(what, true, work);
    }

    /** @param durable whether the change must be on disk when this returns (derived data need not: it is derived again) */
    private <T> T write(String what, boolean durable, Work<T> work) {
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

    private static final String INSERT = "INSERT INTO pairs (pair_id, question, sql_text, ts, database_type, database_name, "
            + "table_names, success, execution_ms_text, metadata, source, import_batch, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)";
    /** The same with ids the dialect reserved: a plain batch that the PostgreSQL driver sends as multi-row INSERTs. */
    private static final String INSERT_WITH_ID = "INSERT INTO pairs (pair_id, question, sql_text, ts, database_type, database_name, "
            + "table_names, success, execution_ms_text, metadata, source, import_batch, updated_at, id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    @Override
    public AddResult addAll(List<Pair> pairs, List<PairAnalysis> analyses, Source source, String importBatch) {
        return add(pairs, analyses, source, importBatch, null);
    }

    @Override
    public AddResult addAll(List<Pair> pairs, List<PairAnalysis> analyses, Source source, String importBatch, Grouping grouping) {
        if (analyses == null) {
            throw new IllegalArgumentException("grouping needs the analyses (fingerprints) of the pairs");
        }
        return add(pairs, analyses, source, importBatch, java.util.Objects.requireNonNull(grouping));
    }

    private AddResult add(List<Pair> pairs, List<PairAnalysis> analyses, Source source, String importBatch, Grouping grouping) {
        if (analyses != null && analyses.size() != pairs.size()) {
            throw new IllegalArgumentException("analyses must match pairs one to one (" + analyses.size() + " for " + pairs.size() + ")");
        }
        if (pairs.isEmpty()) {
            return new AddResult(List.of(), 0);
        }
        // what a client was told is stored must reach the disk; an import's batches may lag a second (its rerun completes it)
        return write("add pairs", source != Source.FILE && source != Source.DEMO, c -> {
            List<Integer> fresh = unknownPairIds(c, pairs);
            if (fresh.isEmpty()) {
                return new Written<>(new AddResult(List.of(), pairs.size()), List.of());
            }
            Instant now = Timestamps.now();
            List<Long> ids = insert(c, pairs, fresh, source, importBatch, now);
            List<PairAnalysis> stored = new ArrayList<>(ids.size());
            for (int k = 0; k < ids.size(); k++) {
                stored.add(analyses == null ? PairAnalysis.NONE : analyses.get(fresh.get(k)));
            }
            Duplicates earlier = grouping == null ? null : grouped(grouping.group(ids, fresh), ids, stored);
            if (analyses != null) {
                storeAnalyses(c, ids, stored);
            }
            List<IndexRow> rows = new ArrayList<>(ids.size());
            for (int k = 0; k < ids.size(); k++) {
                rows.add(indexRow(ids.get(k), pairs.get(fresh.get(k)), stored.get(k), now));
            }
            List<Long> touched = ids;
            if (earlier != null && !(earlier.marks().isEmpty() && earlier.merges().isEmpty())) {
                java.util.TreeSet<Long> all = new java.util.TreeSet<>(writeMarks(c, earlier.marks(), earlier.merges()));
                all.addAll(ids);
                touched = List.copyOf(all);
            }
            return new Written<>(new AddResult(ids, pairs.size() - ids.size()), touched)
                    .applying(ix -> rows.stream().allMatch(ix::put) && (earlier == null || marked(ix, earlier))); // no read-back
        });
    }

    /**
     * Puts the marks of the pairs being added into their analyses ({@code stored}, by position in
     * {@code ids}); returns what is left to write: the marks of earlier pairs, and the merges.
     */
    private static Duplicates grouped(Duplicates d, List<Long> ids, List<PairAnalysis> stored) {
        Map<Long, Integer> position = new java.util.HashMap<>(ids.size() * 2);
        for (int k = 0; k < ids.size(); k++) {
            position.put(ids.get(k), k);
        }
        List<DuplicateMark> earlier = new ArrayList<>();
        for (DuplicateMark m : d.marks()) {
            Integer k = position.get(m.id());
            if (k == null) {
                earlier.add(m);
                continue;
            }
            PairAnalysis a = stored.get(k);
            stored.set(k, new PairAnalysis(a.queryType(), a.fingerprint(), a.complexity(),
                    PairAnalysis.flagsOf((a.flagBits() & ~DUPLICATE_FLAGS) | duplicateBits(m)), m.group(), a.piiTypes(),
                    a.parseError()));
        }
        return new Duplicates(earlier, d.merges());
    }

    /** The index side of {@link #writeMarks}: false when a marked pair is not in the index (then it is read back). */
    private static boolean marked(PairIndex ix, Duplicates d) {
        for (DuplicateMark m : d.marks()) {
            if (!ix.markDuplicate(m.id(), m.group(), DUPLICATE_FLAGS, duplicateBits(m))) {
                return false;
            }
        }
        for (GroupMerge g : d.merges()) {
            ix.renameGroup(g.from(), g.into());
        }
        return true;
    }

    /**
     * Forces committed writes to disk: always when {@code durable}, otherwise unless that was done
     * less than a second ago (see {@link #lastSync}); then they are only written out, so that they
     * survive the process being killed.
     */
    private void sync(Connection c, boolean durable) throws SQLException {
        long now = System.nanoTime();
        if (!durable && now - lastSync < SYNC_INTERVAL_NANOS) {
            dialect.writeOut(c);
            return;
        }
        dialect.forceToDisk(c);
        lastSync = System.nanoTime();
    }

    /** Positions of the pairs whose pair_id is neither stored (live or in the trash) nor earlier in the batch. */
    private List<Integer> unknownPairIds(Connection c, List<Pair> pairs) throws SQLException {
        Map<Integer, List<Long>> hits = new java.util.HashMap<>();
        index.peek(ix -> {
            for (int i = 0; i < pairs.size(); i++) {
                int at = i;
                ix.candidatesFor(pairs.get(i).pairId(), o -> hits.computeIfAbsent(at, k -> new ArrayList<>()).add(ix.id(o)));
            }
            return null;
        });
        Set<String> stored = new HashSet<>();
        if (!hits.isEmpty()) { // same 64-bit hash: compare the real pair_ids
            List<Long> ids = hits.values().stream().flatMap(List::stream).toList();
            for (int from = 0; from < ids.size(); from += IndexKeeper.ID_CHUNK) {
                try (PreparedStatement s = c.prepareStatement("SELECT pair_id FROM pairs WHERE id = ANY(?)")) {
                    s.setObject(1, ids.subList(from, Math.min(ids.size(), from + IndexKeeper.ID_CHUNK)).toArray(new Long[0]));
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            stored.add(r.getString(1));
                        }
                    }
                }
            }
        }
        List<Integer> fresh = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            if (stored.add(pairs.get(i).pairId())) {
                fresh.add(i);
            }
        }
        return fresh;
    }

    private List<Long> insert(Connection c, List<Pair> pairs, List<Integer> rows,
            Source source, String batch, Instant now) throws SQLException {
        List<Long> reserved = dialect.reserveIds(c, rows.size());
        List<Long> ids = new ArrayList<>(rows.size());
        try (PreparedStatement s = reserved == null ? c.prepareStatement(INSERT, new String[] {dialect.generatedIdColumn()})
                : c.prepareStatement(INSERT_WITH_ID)) {
            for (int k = 0; k < rows.size(); k++) {
                bindInsert(s, pairs.get(rows.get(k)), source, batch, time(now));
                if (reserved != null) {
                    s.setLong(14, reserved.get(k));
                }
                s.addBatch();
            }
            s.executeBatch();
            if (reserved != null) {
                ids.addAll(reserved);
            } else {
                try (ResultSet keys = s.getGeneratedKeys()) {
                    while (keys.next()) {
                        ids.add(keys.getLong(1));
                    }
                }
            }
        }
        if (ids.size() != rows.size()) {
            throw new SQLException("expected " + rows.size() + " generated keys, got " + ids.size());
        }
        return ids;
    }

    /** Writes analysis rows, the i-th for the i-th id (id order appends to the table's last pages); NONE stores nothing. */
    private void storeAnalyses(Connection c, List<Long> ids, List<PairAnalysis> analyses) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(mergeAnalysis)) {
            boolean any = false;
            for (int k = 0; k < ids.size(); k++) {
                if (analyses.get(k).equals(PairAnalysis.NONE)) {
                    continue;
                }
                s.setLong(1, ids.get(k));
                bindAnalysis(s, 2, analyses.get(k));
                s.addBatch();
                any = true;
            }
            if (any) {
                s.executeBatch();
            }
        }
    }

    /** The index entry of a pair just inserted, as {@link IndexRows#read} would read it back. */
    private static IndexRow indexRow(long id, Pair p, PairAnalysis a, Instant now) {
        StatGroup group = new StatGroup(p.databaseType(), p.databaseName(), p.success(), a.queryType(),
                a.queryType() != null ? a.queryType() : StatGroup.guessType(p.sql()), ReviewStatus.UNREVIEWED,
                a.complexity(), a.flagBits(), a.piiTypes(), List.copyOf(p.tableNames()));
        return new IndexRow(id, p.pairId(), IndexRows.micros(p.timestamp()), IndexRows.micros(now), group,
                p.question().codePointCount(0, p.question().length()), p.sql().codePointCount(0, p.sql().length()),
                SortKeys.execution(p.executionTimeMs() == null ? null : p.executionTimeMs().doubleValue()),
                a.duplicateGroup(), false, p.question(), p.sql());
    }

    private static void bindInsert(PreparedStatement s, Pair p, Source source, String batch,
            LocalDateTime now) throws SQLException {
        s.setString(1, p.pairId());
        s.setString(2, p.question());
        s.setString(3, p.sql());
        s.setObject(4, time(p.timestamp()));
        s.setString(5, p.databaseType());
        s.setString(6, p.databaseName());
        s.setString(7, PairRows.toJson(p.tableNames()));
        s.setBoolean(8, p.success());
        s.setString(9, p.executionTimeMs() == null ? null : p.executionTimeMs().toString());
        s.setString(10, PairRows.toJson(p.metadata()));
        s.setString(11, source.name());
        s.setString(12, batch);
        s.setObject(13, now);
    }

    /** Binds the seven analysis columns from {@code first}; returns the next index. */
    private static int bindAnalysis(PreparedStatement s, int first, PairAnalysis a) throws SQLException {
        int i = first;
        s.setString(i++, a.queryType() == null ? null : a.queryType().name());
        s.setString(i++, a.fingerprint());
        if (a.complexity() == null) {
            s.setNull(i++, Types.TINYINT);
        } else {
            s.setInt(i++, a.complexity().ordinal());
        }
        s.setLong(i++, a.flagBits() & ~ValidationResult.FLAGS); // validation's own table keeps those
        s.setObject(i++, a.duplicateGroup(), Types.BIGINT);
        s.setString(i++, PairRows.piiColumn(a.piiTypes()));
        s.setString(i++, a.parseError());
        return i;
    }

    static LocalDateTime time(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    // ---- reading ------------------------------------------------------------------------

    @Override
    public Optional<StoredPair> get(long id) {
        List<StoredPair> rows = fetch(List.of(id));
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    @Override
    public Optional<StoredPair> getByPairId(String pairId) {
        List<Long> candidates = readIndex("find a pair", ix -> {
            List<Long> ids = new ArrayList<>();
            ix.candidatesFor(pairId, o -> ids.add(ix.id(o)));
            return ids;
        });
        return fetch(candidates).stream().filter(p -> p.pair().pairId().equals(pairId)).findFirst();
    }

    /** The rows of these ids in this order; ids no longer stored are left out. */
    private List<StoredPair> fetch(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, StoredPair> byId = new java.util.HashMap<>(ids.size() * 2);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long id : ids) {
            min = Math.min(min, id);
            max = Math.max(max, id);
        }
        // Ids close together (an export in insertion order) read fastest as one range of the
        // primary key; scattered ones (a page in another order) by key lookups.
        boolean dense = max - min < 2L * ids.size();
        try (Connection c = pool.getConnection()) {
            if (dense) {
                Set<Long> wanted = new HashSet<>(ids);
                try (PreparedStatement s = c.prepareStatement("SELECT " + PairRows.COLUMNS + PairRows.FROM + " WHERE p.id BETWEEN ? AND ?")) {
                    s.setLong(1, min);
                    s.setLong(2, max);
                    readInto(s, byId, wanted);
                }
            } else {
                try (PreparedStatement s = c.prepareStatement("SELECT " + PairRows.COLUMNS + PairRows.FROM_IDS)) {
                    for (int from = 0; from < ids.size(); from += IndexKeeper.ID_CHUNK) {
                        s.setObject(1, ids.subList(from, Math.min(ids.size(), from + IndexKeeper.ID_CHUNK)).toArray(new Long[0]));
                        readInto(s, byId, null);
                    }
                }
            }
        } catch (SQLException e) {
            throw failure("read pairs", e);
        }
        List<StoredPair> rows = new ArrayList<>(ids.size());
        for (long id : ids) {
            StoredPair p = byId.get(id);
            if (p != null) {
                rows.add(p);
            }
        }
        return rows;
    }

    /** Every row a query over {@link PairRows#COLUMNS} returns, in its order. */
    private static List<StoredPair> readRows(PreparedStatement s) throws SQLException {
        List<StoredPair> rows = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rows.add(PairRows.read(r));
            }
        }
        return rows;
    }

    private static void readInto(PreparedStatement s, Map<Long, StoredPair> byId, Set<Long> wanted) throws SQLException {
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                if (wanted == null || wanted.contains(r.getLong(1))) {
                    StoredPair p = PairRows.read(r);
                    byId.put(p.id(), p);
                }
            }
        }
    }

    private <T> T readIndex(String what, java.util.function.Function<PairIndex, T> reader) {
        try {
            return index.read(reader);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** The filter against the index, with its free-text part resolved first (outside the index lock). */
    private <T> T withFilter(String what, PairFilter filter, java.util.function.BiFunction<PairIndex, IndexFilter, T> reader) {
        java.util.BitSet textOrdinals = text.matching(filter);
        return readIndex(what, ix -> reader.apply(ix, new IndexFilter(ix, filter, textOrdinals)));
    }

    @Override
    public long count(PairFilter filter) {
        if (!index.loaded() && filter.equals(PairFilter.ALL)) { // the table counts every live pair without the index
            return read("count pairs", c -> IndexKeeper.single(c, "SELECT COUNT(*) FROM pairs") - IndexKeeper.single(c, "SELECT COUNT(*) FROM trash"));
        }
        return withFilter("count pairs", filter, JdbcPairStore::matches);
    }

    private static long matches(PairIndex ix, IndexFilter f) {
        long n = 0;
        for (int o = 0; o < ix.size(); o++) {
            if (f.test(o)) {
                n++;
            }
        }
        return n;
    }

    /** Matching rows in sort order: their ids and, when asked for, their cursor values. */
    private record Walk(List<Long> ids, List<Object> values, long matched) {
    }

    /**
     * Walks a full sort order from after the cursor: up to {@code limit} rows, every
     * {@code every}-th match (page starts), with cursor values only when {@code withValues}.
     */
    private static Walk walk(PairIndex ix, IndexFilter f, SortOrder order, boolean desc, Cursor after, int limit, int every,
            boolean withValues) {
        int p = after == null ? (desc ? order.size() - 1 : 0) : order.startAfter(after, desc);
        List<Long> ids = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        long matched = 0;
        for (; p >= 0 && p < order.size() && ids.size() < limit; p += desc ? -1 : 1) {
            int o = order.at(p);
            if (f.test(o) && ++matched % every == 0) {
                ids.add(ix.id(o));
                if (withValues) {
                    values.add(order.keys().cursorValue(o));
                }
            }
        }
        return new Walk(ids, values, matched);
    }

    /** The next rows of a page: from a cached full order when there is one, else selected in one pass. */
    private static Walk page(PairIndex ix, IndexFilter f, PairSort sort, Cursor after, int limit) {
        SortOrder cached = sort.column() == SortColumn.ID ? ix.order(SortColumn.ID) : ix.cachedOrder(sort.column());
        if (cached != null) {
            return walk(ix, f, cached, sort.descending(), after, limit, 1, true);
        }
        ColumnKeys keys = ColumnKeys.of(ix, sort.column());
        int[] rows = FirstRows.select(ix, f, keys, sort.descending(), after, limit);
        List<Long> ids = new ArrayList<>(rows.length);
        List<Object> values = new ArrayList<>(rows.length);
        for (int o : rows) {
            ids.add(ix.id(o));
            values.add(keys.cursorValue(o));
        }
        return new Walk(ids, values, rows.length);
    }

    /** The next live ids in id order, read from the table's primary key (before the index is ready). */
    private Walk pageById(boolean descending, Cursor after, int limit) {
        return read("list pairs", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT p.id FROM pairs p LEFT JOIN trash t ON t.id = p.id WHERE t.id IS NULL AND p.id "
                    + (descending ? "< ? ORDER BY p.id DESC" : "> ? ORDER BY p.id") + " LIMIT ?")) {
                s.setLong(1, after != null ? after.id() : descending ? Long.MAX_VALUE : Long.MIN_VALUE);
                s.setInt(2, limit);
                List<Long> ids = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getLong(1));
                    }
                }
                return new Walk(ids, new ArrayList<>(ids), ids.size());
            }
        });
    }

    @Override
    public Page query(PairFilter filter, PairSort sort, String afterCursor, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        Cursor after = afterCursor == null ? null : Cursor.decode(afterCursor, sort);
        Walk w = !index.loaded() && filter.equals(PairFilter.ALL) && sort.column() == SortColumn.ID
                ? pageById(sort.descending(), after, limit + 1) // the primary key's order: no index needed
                : withFilter("list pairs", filter, (ix, f) -> page(ix, f, sort, after, limit + 1));
        boolean more = w.ids().size() > limit;
        List<Long> ids = more ? w.ids().subList(0, limit) : w.ids();
        String next = more ? new Cursor(sort, w.values().get(limit - 1), ids.get(limit - 1)).encode() : null;
        return new Page(fetch(ids), next);
    }

    @Override
    public List<String> pageStarts(PairFilter filter, PairSort sort, int pageSize) {
        if (pageSize <= 0) {
            throw new IllegalArgumentException("pageSize must be positive, was " + pageSize);
        }
        Walk w = withFilter("index pages", filter, (ix, f) -> walk(ix, f, ix.order(sort.column()), sort.descending(), null,
                Integer.MAX_VALUE, pageSize, true));
        List<String> starts = new ArrayList<>();
        starts.add(null);
        for (int i = 0; i < w.ids().size() && (i + 1L) * pageSize < w.matched(); i++) { // a cursor only when a row follows
            starts.add(new Cursor(sort, w.values().get(i), w.ids().get(i)).encode());
        }
        return starts;
    }

    @Override
    public void forEach(PairFilter filter, PairSort sort, Consumer<StoredPair> action) {
        if (sort.equals(PairSort.INSERTION) && (!index.loaded() || mostRowsMatch(filter))) {
            // One pass over the table in id order: no index to build (a CLI export), and cheaper than
            // reading the matching rows by id when they are most of the table (1M pairs: 5.0 s against 6.6 s).
            streamInIdOrder(filter, action);
            return;
        }
        // The order is taken once (ids only, 8 bytes a pair); rows are read in chunks by id.
        streamIds(withFilter("list pairs", filter, (ix, f) -> matchingIds(ix, f, ix.order(sort.column()), sort.descending())), action);
    }

    @Override
    public void forEachById(long[] ids, Consumer<StoredPair> action) {
        streamIds(ids, action);
    }

    /** The rows of these ids in this order, read in chunks (ranges where they are close) on a second thread. */
    private void streamIds(long[] ids, Consumer<StoredPair> action) {
        ReadAhead.<StoredPair>forEachPage("pair-reader", pages -> {
            for (int from = 0; from < ids.length; from += STREAM_PAGE) {
                int to = Math.min(ids.length, from + STREAM_PAGE);
                pages.accept(fetch(Arrays.stream(ids, from, to).boxed().toList()));
            }
        }, page -> page.forEach(action));
    }

    /** Whether at least three quarters of the stored rows match: then streaming them all and filtering wins. */
    private boolean mostRowsMatch(PairFilter filter) {
        return withFilter("count pairs", filter, (ix, f) -> matches(ix, f) * 4 >= ix.size() * 3L);
    }

    /** The ids of every matching row in sort order, unboxed: at 1M pairs a list of Longs was 30 MB of heap. */
    private static long[] matchingIds(PairIndex ix, IndexFilter f, SortOrder order, boolean desc) {
        long[] ids = new long[Math.min(order.size(), 1024)];
        int n = 0;
        for (int p = desc ? order.size() - 1 : 0; p >= 0 && p < order.size(); p += desc ? -1 : 1) {
            int o = order.at(p);
            if (f.test(o)) {
                if (n == ids.length) {
                    ids = Arrays.copyOf(ids, Math.min(order.size(), n * 2));
                }
                ids[n++] = ix.id(o);
            }
        }
        return Arrays.copyOf(ids, n);
    }

    /**
     * Insertion order needs no index: the table is read by primary key in pages and each row is
     * filtered as it comes (an export of a million pairs from the CLI starts at once, in
     * constant memory). Rows added while it runs are left out: the stream ends at the largest
     * id when it began.
     */
    private void streamInIdOrder(PairFilter filter, Consumer<StoredPair> action) {
        RowFilter rows = new RowFilter(filter);
        ReadAhead.<StoredPair>forEachPage("pair-reader", pages -> {
            try (Connection c = streaming.getConnection()) {
                long last;
                try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM pairs"); ResultSet r = s.executeQuery()) {
                    r.next();
                    last = r.getLong(1);
                }
                try (PreparedStatement s = c.prepareStatement("SELECT " + PairRows.COLUMNS + PairRows.FROM
                        + " WHERE p.id > ? AND p.id <= ? ORDER BY p.id LIMIT ?")) {
                    long after = 0;
                    int n;
                    do {
                        s.setLong(1, after);
                        s.setLong(2, last);
                        s.setInt(3, STREAM_PAGE);
                        List<StoredPair> page = readRows(s);
                        n = page.size();
                        if (n > 0) {
                            after = page.get(n - 1).id();
                            pages.accept(page);
                        }
                    } while (n == STREAM_PAGE);
                }
            } catch (SQLException e) {
                throw failure("read pairs", e);
            }
        }, page -> {
            for (StoredPair p : page) {
                if (rows.test(p)) {
                    action.accept(p);
                }
            }
        });
    }

    @Override
    public void forEachText(long[] ids, Consumer<PairText> action) {
        if (ids.length == 0) {
            return;
        }
        // Ids close together (an export of most pairs) read fastest as ranges of the primary key; scattered ones by lookups.
        boolean dense = ids[ids.length - 1] - ids[0] < 2L * ids.length;
        String select = "SELECT p.id, p.pair_id, p.question, p.sql_text, p.database_name FROM pairs p"
                + (dense ? " WHERE p.id >= ? AND p.id <= ? ORDER BY p.id" : " JOIN UNNEST(?) AS u(id) ON p.id = u.id ORDER BY p.id");
        ReadAhead.<PairText>forEachPage("text-reader", pages -> {
            try (Connection c = streaming.getConnection(); PreparedStatement s = c.prepareStatement(select)) {
                for (int from = 0; from < ids.length; from += STREAM_PAGE) {
                    int to = Math.min(ids.length, from + STREAM_PAGE);
                    if (dense) {
                        s.setLong(1, ids[from]);
                        s.setLong(2, ids[to - 1]);
                    } else {
                        s.setObject(1, Arrays.stream(ids, from, to).boxed().toArray(Long[]::new));
                    }
                    List<PairText> page = new ArrayList<>(to - from);
                    try (ResultSet r = s.executeQuery()) {
                        int next = from;
                        while (r.next()) {
                            long id = r.getLong(1);
                            while (next < to && ids[next] < id) {
                                next++;
                            }
                            if (next < to && ids[next] == id) { // a range also holds rows outside the scope
                                page.add(new PairText(id, r.getString(2), r.getString(3), r.getString(4), r.getString(5)));
                            }
                        }
                    }
                    pages.accept(page);
                }
            } catch (SQLException e) {
                throw failure("read pairs", e);
            }
        }, page -> page.forEach(action));
    }

    /**
     * Rows per query when streaming: large enough that per-query overhead is noise, small enough
     * that the pages in flight (see {@link ReadAhead}) die young: 2,000 cost more GC at 256 MB.
     */
    private static final int STREAM_PAGE = 500;

    @Override
    public void statistics(PairFilter filter, StatSink sink) {
        IndexStatistics facts = withFilter("compute statistics", filter, IndexStatistics::of);
        facts.emit(sink);
    }

    @Override
    public Optional<Instant> edgeTimestamp(PairFilter filter, boolean latest) {
        Long edge = withFilter("find the date range", filter, (ix, f) -> {
            Long best = null;
            for (int o = 0; o < ix.size(); o++) {
                if (f.test(o) && (best == null || (latest ? ix.ts(o) > best : ix.ts(o) < best))) {
                    best = ix.ts(o);
                }
            }
            return best;
        });
        return Optional.ofNullable(edge).map(IndexRows::instant);
    }

    @Override
    public List<String> databaseTypes() {
        return distinct(StatGroup::databaseType);
    }

    @Override
    public List<String> databaseNames() {
        return distinct(StatGroup::databaseName);
    }

    private List<String> distinct(java.util.function.Function<StatGroup, String> value) {
        return readIndex("list filter choices", ix -> {
            TreeSet<String> values = new TreeSet<>();
            for (int p = 0; p < ix.profileCount(); p++) {
                String v = value.apply(ix.group(p));
                if (v != null && ix.inUse(p)) {
                    values.add(v);
                }
            }
            return List.copyOf(values);
        });
    }

    // ---- curation -----------------------------------------------------------------------

    /** Ids of matching rows, read from the index inside a write transaction (after its refresh). */
    private List<Long> matching(PairFilter filter, java.util.function.BiPredicate<PairIndex, Integer> also) {
        java.util.BitSet textOrdinals = text.matching(filter);
        return index.peek(ix -> {
            IndexFilter f = new IndexFilter(ix, filter, textOrdinals);
            List<Long> ids = new ArrayList<>();
            for (int o = 0; o < ix.size(); o++) {
                if (f.test(o) && also.test(ix, o)) {
                    ids.add(ix.id(o));
                }
            }
            return ids;
        });
    }

    /**
     * Runs an UPDATE or DELETE whose last parameter is an id list, in chunks: the rows changed,
     * and the ids to re-read (every id of a chunk that changed something).
     */
    private static Written<Long> updateIds(Connection c, String sql, List<Long> ids, Object... params) throws SQLException {
        long n = 0;
        List<Long> touched = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int from = 0; from < ids.size(); from += IndexKeeper.ID_CHUNK) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IndexKeeper.ID_CHUNK));
                for (int i = 0; i < params.length; i++) {
                    s.setObject(i + 1, params[i]);
                }
                s.setObject(params.length + 1, chunk.toArray(new Long[0]));
                int changed = s.executeUpdate();
                if (changed > 0) {
                    n += changed;
                    touched.addAll(chunk);
                }
            }
        }
        return new Written<>(n, touched);
    }

    @Override
    public StoredPair updateText(long id, String question, String sql, long expectedVersion) {
        if (question == null || question.isBlank() || sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("The question and the SQL must not be empty");
        }
        int changed = write("edit a pair", c -> {
            int n = update(c, "UPDATE pairs SET original_question = COALESCE(original_question, question), "
                    + "original_sql = COALESCE(original_sql, sql_text), question = ?, sql_text = ?, updated_at = ?, "
                    + "version = version + 1 WHERE id = ? AND version = ?",
                    question, sql, time(Timestamps.now()), id, expectedVersion);
            return new Written<>(n, n == 0 ? List.of() : List.of(id));
        });
        StoredPair now = get(id).orElseThrow(() -> new StoreException("There is no pair with id " + id + "; it may have been purged"));
        if (changed == 0) {
            throw new EditConflictException(id, expectedVersion, now.version());
        }
        return now;
    }

    @Override
    public int setStatus(Collection<Long> ids, ReviewStatus status) {
        if (ids.isEmpty()) {
            return 0;
        }
        return (int) setStatus(PairFilter.ALL.withIds(Set.copyOf(ids)), status);
    }

    @Override
    public long setStatus(PairFilter filter, ReviewStatus status) {
        return write("set the review status", c -> {
            List<Long> ids = matching(filter.withTrash(false), (ix, o) -> ix.group(ix.profile(o)).status() != status);
            Instant now = Timestamps.now();
            Written<Long> done = updateIds(c, "UPDATE pairs SET status = ?, updated_at = ?, version = version + 1 "
                    + "WHERE status <> ? AND id = ANY(?)", ids, status.name(), time(now), status.name());
            long micros = IndexRows.micros(now);
            return done.result() == ids.size()
                    ? done.applying(ix -> ids.stream().allMatch(id -> ix.regroup(id, g -> g.withStatus(status), micros)))
                    : done;
        });
    }

    @Override
    public void setNote(long id, String note) {
        int n = write("save the note", c -> {
            int changed = update(c, "UPDATE pairs SET note = ?, updated_at = ?, version = version + 1 WHERE id = ?",
                    note == null || note.isBlank() ? null : note, time(Timestamps.now()), id);
            return new Written<>(changed, changed == 0 ? List.of() : List.of(id));
        });
        if (n == 0) {
            throw new StoreException("There is no pair with id " + id + "; it may have been purged");
        }
    }

    @Override
    public TrashBatch trash(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return new TrashBatch(UUID.randomUUID().toString(), 0);
        }
        return trash(PairFilter.ALL.withIds(Set.copyOf(ids)));
    }

    @Override
    public TrashBatch trash(PairFilter filter) {
        String batch = UUID.randomUUID().toString();
        long n = write("move pairs to the trash", c -> {
            List<Long> ids = matching(filter.withTrash(false), (ix, o) -> true); // live, in id order: appends to the trash's pages
            try (PreparedStatement s = c.prepareStatement("INSERT INTO trash (id, batch, deleted_at) VALUES (?, ?, ?)")) {
                LocalDateTime now = time(Timestamps.now());
                for (int i = 0; i < ids.size(); i++) {
                    s.setLong(1, ids.get(i));
                    s.setString(2, batch);
                    s.setObject(3, now);
                    s.addBatch();
                    if (i % IndexKeeper.ID_CHUNK == IndexKeeper.ID_CHUNK - 1) {
                        s.executeBatch();
                    }
                }
                s.executeBatch();
            }
            return new Written<>((long) ids.size(), ids).applying(ix -> ids.stream().allMatch(id -> ix.setTrash(id, true)));
        });
        return new TrashBatch(batch, n);
    }

    @Override
    public long restore(String trashBatchId) {
        return write("restore pairs", c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM trash WHERE batch = ? ORDER BY id")) {
                s.setString(1, trashBatchId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getLong(1));
                    }
                }
            }
            return restoreIds(c, ids);
        });
    }

    @Override
    public int restore(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return (int) (long) write("restore pairs", c -> restoreIds(c, matching(PairFilter.ALL.withTrash(true).withIds(Set.copyOf(ids)), (ix, o) -> true)));
    }

    private static Written<Long> restoreIds(Connection c, List<Long> ids) throws SQLException {
        Written<Long> done = updateIds(c, "DELETE FROM trash WHERE id = ANY(?)", ids);
        return done.applying(ix -> ids.stream().allMatch(id -> ix.setTrash(id, false)));
    }

    @Override
    public long purge() {
        return write("empty the trash", c -> {
            List<Long> ids = matching(PairFilter.ALL.withTrash(true), (ix, o) -> true);
            Written<Long> gone = updateIds(c, "DELETE FROM pairs WHERE id = ANY(?) AND id IN (SELECT id FROM trash)", ids);
            updateIds(c, "DELETE FROM trash WHERE id = ANY(?)", ids);
            return gone.applying(ix -> {
                ids.forEach(ix::purge);
                return true;
            });
        });
    }

    @Override
    public void updateAnalyses(Map<Long, PairAnalysis> analyses) {
        if (analyses.isEmpty()) {
            return;
        }
        write("store analyses", false, c -> {
            Map<Long, PairAnalysis> inIdOrder = new java.util.TreeMap<>(analyses);
            try (PreparedStatement s = c.prepareStatement(mergeAnalysis)) {
                for (Map.Entry<Long, PairAnalysis> e : inIdOrder.entrySet()) {
                    s.setLong(1, e.getKey());
                    bindAnalysis(s, 2, e.getValue());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return new Written<>(null, List.copyOf(inIdOrder.keySet()));
        });
    }

    @Override
    public void reanalysed(Map<Long, Analysed> analyses) {
        if (analyses.isEmpty()) {
            return;
        }
        write("store analyses", false, c -> {
            List<Long> ids = analyses.keySet().stream().sorted().toList();
            Map<Long, long[]> kept = new java.util.HashMap<>(); // id -> {duplicate flags, group or NO_GROUP}
            try (PreparedStatement s = c.prepareStatement("SELECT id, flags, duplicate_group FROM analysis WHERE id = ANY(?)")) {
                for (int from = 0; from < ids.size(); from += IndexKeeper.ID_CHUNK) {
                    s.setObject(1, ids.subList(from, Math.min(ids.size(), from + IndexKeeper.ID_CHUNK)).toArray(new Long[0]));
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            long group = r.getLong(3);
                            kept.put(r.getLong(1), new long[] {r.getLong(2) & DUPLICATE_FLAGS, r.wasNull() ? PairIndex.NO_GROUP : group});
                        }
                    }
                }
            }
            List<Long> stored = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(dialect.upsert("analysis", "id", withTables(), "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? FROM pairs WHERE id = ?"))) {
                for (long id : ids) {
                    Analysed fresh = analyses.get(id);
                    long[] k = kept.getOrDefault(id, new long[] {0, PairIndex.NO_GROUP});
                    PairAnalysis a = fresh.analysis();
                    PairAnalysis merged = new PairAnalysis(a.queryType(), a.fingerprint(), a.complexity(),
                            PairAnalysis.flagsOf((a.flagBits() & ~DUPLICATE_FLAGS) | k[0]),
                            k[1] == PairIndex.NO_GROUP ? null : k[1], a.piiTypes(), a.parseError());
                    s.setLong(1, id);
                    s.setString(9, PairRows.toJson(fresh.tableNames()));
                    s.setLong(bindAnalysis(s, 2, merged) + 1, id);
                    s.addBatch();
                    stored.add(id);
                }
                s.executeBatch();
            }
            return new Written<>(null, stored);
        });
    }

    @Override
    public List<StoredPair> unanalysed(long afterId, int limit) {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement("SELECT " + PairRows.COLUMNS
                + PairRows.FROM + " WHERE p.id > ? AND a.id IS NULL ORDER BY p.id LIMIT ?")) {
            s.setLong(1, afterId);
            s.setInt(2, limit);
            return readRows(s);
        } catch (SQLException e) {
            throw failure("find pairs to analyse", e);
        }
    }

    /** The flags {@link #markDuplicates} owns; analyses never overwrite them. */
    private static final long DUPLICATE_FLAGS =
            QualityFlag.DUPLICATE.bit() | QualityFlag.CONFLICT.bit() | QualityFlag.NEAR_DUPLICATE.bit();

    @Override
    public void markDuplicates(List<DuplicateMark> marks, List<GroupMerge> merges) {
        if (marks.isEmpty() && merges.isEmpty()) {
            return;
        }
        write("mark duplicates", false, c -> new Written<>(null, List.copyOf(writeMarks(c, marks, merges))));
    }

    /** Writes duplicate marks, then renames merged groups in order; returns the ids of the rows changed. */
    private Set<Long> writeMarks(Connection c, List<DuplicateMark> marks, List<GroupMerge> merges) throws SQLException {
        Set<Long> changed = new LinkedHashSet<>();
        List<DuplicateMark> missing = new ArrayList<>();
        try (PreparedStatement mark = c.prepareStatement("UPDATE analysis SET duplicate_group = ?, "
                + "flags = " + dialect.keepBitsAndSet("flags") + " WHERE id = ?")) {
            for (DuplicateMark m : marks) {
                mark.setLong(1, m.group());
                mark.setLong(2, ~DUPLICATE_FLAGS);
                mark.setLong(3, duplicateBits(m));
                mark.setLong(4, m.id());
                mark.addBatch();
                changed.add(m.id());
            }
            int[] counts = mark.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    missing.add(marks.get(i));
                }
            }
        }
        if (!missing.isEmpty()) { // not analysed yet: an analysis row holding just the marks
            try (PreparedStatement add = c.prepareStatement("INSERT INTO analysis (id, flags, duplicate_group) "
                    + "SELECT ?, ?, ? FROM pairs WHERE id = ?")) {
                for (DuplicateMark m : missing) {
                    add.setLong(1, m.id());
                    add.setLong(2, duplicateBits(m));
                    add.setLong(3, m.group());
                    add.setLong(4, m.id());
                    add.addBatch();
                }
                add.executeBatch();
            }
        }
        for (GroupMerge g : merges) {
            // the members: the index's (no scan of the table), plus rows this transaction changed
            List<Long> members = new ArrayList<>(changed);
            index.peek(ix -> {
                for (int o = 0; o < ix.size(); o++) {
                    if (ix.duplicateGroup(o) == g.from() && !ix.purged(o)) {
                        members.add(ix.id(o));
                    }
                }
                return null;
            });
            changed.addAll(updateIds(c, "UPDATE analysis SET duplicate_group = ? WHERE duplicate_group = ? AND id = ANY(?)",
                    members, g.into(), g.from()).touched());
        }
        return changed;
    }

    private static long duplicateBits(DuplicateMark m) {
        long bits = 0;
        for (QualityFlag f : m.flags()) {
            bits |= f.bit() & DUPLICATE_FLAGS;
        }
        return bits;
    }

    // ---- schemas and validation (issue 15; the SQL is in SchemaTables) --------------------

    @Override
    public StoredSchema saveSchema(String databaseName, String source, String definition) {
        // no pair changes, so no store clock or change log; the version number is unique per name, and
        // another process that took the same number first makes this one try the next
        synchronized (writeLock) {
            for (int attempt = 1; ; attempt++) {
                try (Connection c = pool.getConnection()) {
                    return transaction(c, t -> SchemaTables.insertSchema(t, databaseName, source, definition, dialect.generatedIdColumn()));
                } catch (SQLException e) {
                    if (attempt < 3 && "23505".equals(e.getSQLState())) {
                        continue;
                    }
                    throw failure("store the schema of " + databaseName, e);
                }
            }
        }
    }

    @Override
    public List<StoredSchema> latestSchemas() {
        return read("read the schemas", SchemaTables::latest);
    }

    @Override
    public Optional<StoredSchema> schema(long id) {
        return read("read a schema", c -> SchemaTables.byId(c, id));
    }

    @Override
    public long validationsAgainst(String databaseName) {
        return read("count the validations against " + databaseName, c -> SchemaTables.validationsAgainst(c, databaseName));
    }

    @Override
    public long deleteSchema(String databaseName) {
        // through the write path when pairs lose flags (change log: open windows drop them too); a
        // schema no pair was checked against touches no pair, and write() rolls back what touches none
        long cleared = write("delete the schema of " + databaseName, c -> {
            List<Long> ids = SchemaTables.deleteValidationsAgainst(c, databaseName);
            SchemaTables.deleteSchemas(c, databaseName);
            return new Written<>((long) ids.size(), ids);
        });
        if (cleared == 0) {
            synchronized (writeLock) {
                try (Connection c = pool.getConnection()) {
                    transaction(c, t -> {
                        SchemaTables.deleteSchemas(t, databaseName);
                        return null;
                    });
                } catch (SQLException e) {
                    throw failure("delete the schema of " + databaseName, e);
                }
            }
        }
        return cleared;
    }

    @Override
    public void saveValidations(List<ValidationResult> results) {
        if (results.isEmpty()) {
            return;
        }
        // derived data like analyses: not forced to disk at once (validating again restores it)
        write("store validation results", false, c -> new Written<>(null, SchemaTables.replaceValidations(c, results)));
    }

    @Override
    public Optional<ValidationResult> validation(long pairId) {
        return read("read a validation", c -> SchemaTables.validation(c, pairId));
    }

    @Override
    public List<StoredPair> unvalidated(long afterId, int limit) {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement("SELECT " + PairRows.COLUMNS
                + PairRows.FROM + " JOIN schemas s ON s.database_name = p.database_name"
                + " AND s.version = (SELECT MAX(o.version) FROM schemas o WHERE o.database_name = p.database_name)"
                + " WHERE p.id > ? AND t.id IS NULL AND (v.id IS NULL OR v.schema_id <> s.id) ORDER BY p.id LIMIT ?")) {
            s.setLong(1, afterId);
            s.setInt(2, limit);
            return readRows(s);
        } catch (SQLException e) {
            throw failure("find pairs to validate", e);
        }
    }

    // ---- database-wide ------------------------------------------------------------------

    private void pruneChangeLog() {
        try (Connection c = pool.getConnection()) {
            ChangeLog.prune(c);
        } catch (SQLException e) {
            throw failure("tidy the change log", e);
        }
    }

    private void ensureSecret() {
        if (setting(SECRET_KEY).isEmpty()) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            update("INSERT INTO settings (setting_key, setting_value) SELECT ?, ? WHERE NOT EXISTS "
                    + "(SELECT 1 FROM settings WHERE setting_key = ?)", SECRET_KEY, HexFormat.of().formatHex(secret), SECRET_KEY);
        }
    }

    @Override
    public void rotatePrivacySecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        // putSetting refuses this key so that no ordinary setting write can replace the secret by accident
        update(upsertSetting(), SECRET_KEY, HexFormat.of().formatHex(secret));
    }

    @Override
    public byte[] privacySecret() {
        return HexFormat.of().parseHex(setting(SECRET_KEY).orElseThrow(() -> new StoreException(
                "The database " + dialect.display() + " has lost its privacy secret")));
    }

    @Override
    public Optional<String> setting(String key) {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT setting_value FROM settings WHERE setting_key = ?")) {
            s.setString(1, key);
            return Optional.ofNullable(single(s));
        } catch (SQLException e) {
            throw failure("read a setting", e);
        }
    }

    @Override
    public void putSetting(String key, String value) {
        if (SECRET_KEY.equals(key)) {
            throw new IllegalArgumentException("The privacy secret cannot be replaced");
        }
        if (value == null) {
            update("DELETE FROM settings WHERE setting_key = ?", key);
        } else {
            update(upsertSetting(), key, value);
        }
    }

    private String upsertSetting() {
        return dialect.upsert("settings", "setting_key", List.of("setting_key", "setting_value"), "VALUES (?, ?)");
    }

    private static List<String> withTables() {
        List<String> columns = new ArrayList<>(ANALYSIS_COLUMNS);
        columns.add("table_names");
        return columns;
    }

    /** Written by the dialect to a temporary file beside the target and renamed, so a failed backup never leaves a half file. */
    @Override
    public void backup(Path target) {
        Path absolute = target.toAbsolutePath();
        Path temp = absolute.resolveSibling(absolute.getFileName() + ".part");
        try {
            Files.createDirectories(absolute.getParent());
            Files.deleteIfExists(temp);
            try (Connection c = pool.getConnection()) {
                dialect.backup(c, temp);
            }
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("Cannot write the backup " + absolute + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new StoreException("Cannot write the backup " + absolute + ": " + OpenFailures.firstLine(e), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // best effort: the .part file is harmless
            }
        }
    }

    @Override
    public void prepare() {
        try {
            index.ensureText(); // builds the column index first, then the word index
        } catch (SQLException e) {
            throw failure("prepare the search index", e);
        }
    }

    @Override
    public void releaseIndex() {
        index.release();
    }

    @Override
    public java.util.OptionalDouble indexProgress() {
        long[] p = index.buildProgress();
        return p == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(Math.min(1.0, (double) p[0] / p[1]));
    }

    /** Where this process's index came from (tests): see {@link IndexKeeper#origin()}. */
    String indexOrigin() {
        return index.origin();
    }

    @Override
    public long liveTextDigest() {
        return readIndex("read the pairs' digest", PairIndex::liveTextDigest);
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

    /** Changes this store committed (raised before each commit, lowered again when it fails). */
    private final java.util.concurrent.atomic.AtomicLong ownChanges = new java.util.concurrent.atomic.AtomicLong();
    /** Clock minus own changes at the first {@link #changesByOthers()}: what others had done before anyone asked. */
    private final java.util.concurrent.atomic.AtomicLong clockAtFirstAsk = new java.util.concurrent.atomic.AtomicLong(-1);

    @Override
    public void sync() {
        synchronized (writeLock) {
            try (Connection c = pool.getConnection()) {
                sync(c, true);
            } catch (SQLException e) {
                throw failure("write the database to disk", e);
            }
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

    /** Set when the database file could not be written; {@link #close()} then shuts down without writing. */
    private volatile boolean fileWriteFailed;
    /** Rows this store wrote or rewrote since it opened, for the dialect's housekeeping on close. */
    private final java.util.concurrent.atomic.AtomicLong rowsWritten = new java.util.concurrent.atomic.AtomicLong();

    /** Rows written around the store ({@link DatasetCopy}), so that closing tidies the file as after its own writes. */
    void wroteRows(long n) {
        rowsWritten.addAndGet(n);
    }

    // ---- helpers ------------------------------------------------------------------------

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        }
    }

    /** One statement in its own transaction (settings), forced to disk. */
    private int update(String sql, Object... params) {
        try (Connection c = pool.getConnection()) {
            int changed = update(c, sql, params);
            sync(c, true);
            return changed;
        } catch (SQLException e) {
            throw failure("update pairs", e);
        }
    }

    private static String single(PreparedStatement s) throws SQLException {
        try (ResultSet r = s.executeQuery()) {
            return r.next() ? r.getString(1) : null;
        }
    }

    private StoreException failure(String what, SQLException e) {
        if (dialect.writeFailed(e)) {
            fileWriteFailed = true;
        }
        return new StoreException("Cannot " + what + " in " + dialect.display() + ": " + OpenFailures.firstLine(e), e);
    }
}
