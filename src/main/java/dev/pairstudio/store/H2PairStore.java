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
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
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
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The embedded store: one H2 file (or memory) behind a small connection pool. H2 settings, and
 * why (measured with StoreBenchmark on 1M pairs, see the class comment there):
 * <ul>
 * <li>{@code AUTO_SERVER=TRUE}: the GUI and a CLI command can use one file at once; the first
 * opener serves the others over a loopback socket.</li>
 * <li>{@code LAZY_QUERY_EXECUTION=TRUE}: result sets stream instead of being materialised, so
 * {@link #forEach} has constant memory and exports run about twice as fast.</li>
 * <li>Every secondary index leads with {@code in_trash} and ends with {@code id} (V2__indexes.sql),
 * so each list query and keyset step is one ordered index range ({@link KeysetStep}).</li>
 * </ul>
 */
public final class H2PairStore implements PairStore {
    private static final String SECRET_KEY = "privacy.secret";
    private static final String USER = "sa";

    private final H2Location where;
    private final JdbcConnectionPool pool;
    /** Keeps an in-memory database alive between pooled uses. */
    private final Connection keeper;
    /** Pre-aggregated statistics, kept exact on every write (V4__stats.sql). */
    private final StatsTable stats;

    private H2PairStore(H2Location where, JdbcConnectionPool pool, Connection keeper) {
        this.where = where;
        this.pool = pool;
        this.keeper = keeper;
        this.stats = new StatsTable(pool);
    }

    /** Opens (creating when absent) and migrates; {@code password} non-null opens an AES-encrypted file. */
    static H2PairStore open(H2Location where, char[] password) {
        if (!where.inMemory()) {
            try {
                Files.createDirectories(where.file().getParent());
            } catch (IOException e) {
                throw new StoreException("Cannot create the folder for the database " + where.display() + ": " + e.getMessage(), e);
            }
        }
        String url = where.url() + settings(where, password != null);
        // H2 takes "filePassword userPassword"; the user password is empty. Hex keeps spaces in a
        // passphrase from being read as that separator.
        String pw = password == null ? "" : HexFormat.of().formatHex(new String(password).getBytes(java.nio.charset.StandardCharsets.UTF_8)) + " ";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, USER, pw);
        pool.setMaxConnections(16);
        Connection keeper = null;
        try {
            keeper = pool.getConnection();
        } catch (SQLException e) {
            pool.dispose();
            throw OpenFailures.explain(where, password != null, e);
        }
        H2PairStore store = new H2PairStore(where, pool, keeper);
        try {
            Schema.migrate(pool, where);
            store.ensureSecret();
            store.stats.ensureBuilt();
            return store;
        } catch (RuntimeException e) {
            store.close();
            if (e instanceof StoreException) {
                throw e;
            }
            throw new StoreException("Cannot prepare the database " + where.display() + ": " + OpenFailures.firstLine(e), e);
        } catch (SQLException e) {
            store.close();
            throw new StoreException("Cannot prepare the statistics of " + where.display() + ": " + OpenFailures.firstLine(e), e);
        }
    }

    private static String settings(H2Location where, boolean encrypted) {
        StringBuilder s = new StringBuilder(";LAZY_QUERY_EXECUTION=TRUE");
        if (!where.inMemory()) {
            s.append(";AUTO_SERVER=TRUE");
        }
        if (encrypted) {
            s.append(";CIPHER=AES");
        }
        return s.toString();
    }

    // ---- adding -------------------------------------------------------------------------

    private static final String INSERT = "INSERT INTO pairs (pair_id, question, sql_text, ts, database_type, database_name, "
            + "table_names, success, execution_ms_text, metadata, source, import_batch, updated_at, query_type, fingerprint, "
            + "complexity, flags, duplicate_group, pii_types, parse_error) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    @Override
    public AddResult addAll(List<Pair> pairs, List<PairAnalysis> analyses, Source source, String importBatch) {
        if (analyses != null && analyses.size() != pairs.size()) {
            throw new IllegalArgumentException("analyses must match pairs one to one (" + analyses.size() + " for " + pairs.size() + ")");
        }
        if (pairs.isEmpty()) {
            return new AddResult(List.of(), 0);
        }
        try {
            return insert(pairs, analyses, source, importBatch);
        } catch (SQLException e) {
            if (e.getErrorCode() != ErrorCode.DUPLICATE_KEY_1) {
                throw failure("add pairs", e);
            }
        }
        try {
            // Another writer added one of these pair_ids in between: its rows are committed now, so a retry skips them.
            return insert(pairs, analyses, source, importBatch);
        } catch (SQLException e) {
            throw failure("add pairs", e);
        }
    }

    private AddResult insert(List<Pair> pairs, List<PairAnalysis> analyses, Source source, String importBatch) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                Set<String> seen = existingPairIds(c, pairs);
                List<Integer> toInsert = new ArrayList<>();
                for (int i = 0; i < pairs.size(); i++) {
                    if (seen.add(pairs.get(i).pairId())) {
                        toInsert.add(i);
                    }
                }
                List<Long> ids = new ArrayList<>(toInsert.size());
                java.time.LocalDateTime now = SqlFilter.time(Timestamps.now());
                try (PreparedStatement s = c.prepareStatement(INSERT, new String[] {"ID"})) {
                    for (int i : toInsert) {
                        bindInsert(s, pairs.get(i), analyses == null ? PairAnalysis.NONE : analyses.get(i), source, importBatch, now);
                        s.addBatch();
                    }
                    s.executeBatch();
                    try (ResultSet keys = s.getGeneratedKeys()) {
                        while (keys.next()) {
                            ids.add(keys.getLong(1));
                        }
                    }
                }
                if (ids.size() != toInsert.size()) {
                    throw new SQLException("expected " + toInsert.size() + " generated keys, got " + ids.size());
                }
                insertTables(c, pairs, toInsert, ids);
                stats.added(c, pairs, analyses, toInsert);
                c.commit();
                return new AddResult(ids, pairs.size() - toInsert.size());
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static Set<String> existingPairIds(Connection c, List<Pair> pairs) throws SQLException {
        Set<String> found = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT pair_id FROM pairs WHERE pair_id = ANY(?)")) {
            s.setObject(1, pairs.stream().map(Pair::pairId).toArray(String[]::new));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(r.getString(1));
                }
            }
        }
        return found;
    }

    private static void bindInsert(PreparedStatement s, Pair p, PairAnalysis a, Source source, String batch,
            java.time.LocalDateTime now) throws SQLException {
        s.setString(1, p.pairId());
        s.setString(2, p.question());
        s.setString(3, p.sql());
        s.setObject(4, SqlFilter.time(p.timestamp()));
        s.setString(5, p.databaseType());
        s.setString(6, p.databaseName());
        s.setString(7, PairRows.toJson(p.tableNames()));
        s.setBoolean(8, p.success());
        s.setString(9, p.executionTimeMs() == null ? null : p.executionTimeMs().toString());
        s.setString(10, PairRows.toJson(p.metadata()));
        s.setString(11, source.name());
        s.setString(12, batch);
        s.setObject(13, now);
        bindAnalysis(s, 14, a);
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
        s.setLong(i++, a.flagBits());
        s.setObject(i++, a.duplicateGroup(), Types.BIGINT);
        s.setString(i++, PairRows.piiColumn(a.piiTypes()));
        s.setString(i++, a.parseError());
        return i;
    }

    private static void insertTables(Connection c, List<Pair> pairs, List<Integer> inserted, List<Long> ids) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO pair_tables (table_name, pair) VALUES (?, ?)")) {
            boolean any = false;
            for (int k = 0; k < inserted.size(); k++) {
                for (String table : new LinkedHashSet<>(pairs.get(inserted.get(k)).tableNames())) {
                    s.setString(1, table);
                    s.setLong(2, ids.get(k));
                    s.addBatch();
                    any = true;
                }
            }
            if (any) {
                s.executeBatch();
            }
        }
    }

    // ---- reading ------------------------------------------------------------------------

    @Override
    public Optional<StoredPair> get(long id) {
        return one("SELECT " + PairRows.COLUMNS + " FROM pairs WHERE id = ?", id);
    }

    @Override
    public Optional<StoredPair> getByPairId(String pairId) {
        return one("SELECT " + PairRows.COLUMNS + " FROM pairs WHERE pair_id = ?", pairId);
    }

    private Optional<StoredPair> one(String sql, Object key) {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(PairRows.read(r)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read a pair", e);
        }
    }

    @Override
    public long count(PairFilter filter) {
        SqlFilter f = SqlFilter.of(filter);
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM pairs" + f.where())) {
            f.bind(s);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw failure("count pairs", e);
        }
    }

    @Override
    public Page query(PairFilter filter, PairSort sort, String afterCursor, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        SortKey key = SortKey.of(sort.column());
        List<KeysetStep> steps = afterCursor == null ? KeysetStep.firstPage(key, sort.descending())
                : KeysetStep.after(key, sort.descending(), Cursor.decode(afterCursor, sort));
        List<StoredPair> rows = new ArrayList<>();
        Object lastValue = null;
        Object beforeLastValue = null;
        try (Connection c = pool.getConnection()) {
            for (KeysetStep step : steps) {
                int wanted = limit + 1 - rows.size(); // one more than a page tells whether there is a next page
                if (wanted <= 0) {
                    break;
                }
                SqlFilter f = SqlFilter.of(filter);
                if (step.condition() != null) {
                    f.and(step.condition(), step.params().toArray());
                }
                String sql = "SELECT " + PairRows.COLUMNS + ", " + key.column + " FROM pairs" + f.where()
                        + " ORDER BY " + step.orderBy() + " LIMIT ?";
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setInt(f.bind(s), wanted);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            rows.add(PairRows.read(r));
                            beforeLastValue = lastValue;
                            lastValue = key.read(r, PairRows.NEXT);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw failure("list pairs", e);
        }
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        rows.remove(rows.size() - 1);
        return new Page(rows, new Cursor(sort, beforeLastValue, rows.get(rows.size() - 1).id()).encode());
    }

    @Override
    public List<String> pageStarts(PairFilter filter, PairSort sort, int pageSize) {
        if (pageSize <= 0) {
            throw new IllegalArgumentException("pageSize must be positive, was " + pageSize);
        }
        SortKey key = SortKey.of(sort.column());
        SqlFilter f = SqlFilter.of(filter);
        String sql = "SELECT " + key.column + ", id FROM pairs" + f.where() + " ORDER BY "
                + KeysetStep.firstPage(key, sort.descending()).get(0).orderBy();
        List<String> starts = new ArrayList<>();
        starts.add(null);
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            f.bind(s);
            s.setFetchSize(1000);
            try (ResultSet r = s.executeQuery()) {
                long n = 0;
                Cursor pending = null;
                while (r.next()) {
                    if (pending != null) {
                        starts.add(pending.encode()); // only when a row follows: no empty last page
                        pending = null;
                    }
                    if (++n % pageSize == 0) {
                        pending = new Cursor(sort, key.read(r, 1), r.getLong(2));
                    }
                }
            }
        } catch (SQLException e) {
            throw failure("index pages", e);
        }
        return starts;
    }

    @Override
    public void forEach(PairFilter filter, PairSort sort, Consumer<StoredPair> action) {
        // Keyset pages instead of one lazy cursor held for the whole stream: an export of a
        // million pairs takes minutes, and H2 2.5 can free chunks under a long-lived lazy result
        // while others write ("MVStoreException: Chunk … not found", h2database #4142).
        String cursor = null;
        do {
            Page page = query(filter, sort, cursor, STREAM_PAGE);
            page.rows().forEach(action);
            cursor = page.nextCursor();
        } while (cursor != null);
    }

    /** Rows per query when streaming: large enough that per-query overhead is noise, small enough to hold briefly. */
    private static final int STREAM_PAGE = 2_000;

    @Override
    public void statistics(PairFilter filter, StatSink sink) {
        try {
            stats.facts(filter, sink);
        } catch (SQLException e) {
            throw failure("compute statistics", e);
        }
    }

    @Override
    public Optional<java.time.Instant> edgeTimestamp(PairFilter filter, boolean latest) {
        SqlFilter f = SqlFilter.of(filter);
        String sql = "SELECT ts FROM pairs" + f.where() + " ORDER BY ts" + (latest ? " DESC" : "") + " LIMIT 1";
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            f.bind(s);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(PairRows.instant(r, 1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("find the date range", e);
        }
    }

    @Override
    public List<String> databaseTypes() {
        return distinct("database_type");
    }

    @Override
    public List<String> databaseNames() {
        return distinct("database_name");
    }

    /**
     * Distinct values by skipping through an (in_trash, column, id) index: one seek per value
     * instead of a DISTINCT over every row.
     */
    private List<String> distinct(String column) {
        TreeSet<String> values = new TreeSet<>();
        String first = "SELECT " + column + " FROM pairs WHERE in_trash = ? AND " + column + " IS NOT NULL ORDER BY " + column + " LIMIT 1";
        String next = "SELECT " + column + " FROM pairs WHERE in_trash = ? AND " + column + " > ? ORDER BY " + column + " LIMIT 1";
        try (Connection c = pool.getConnection(); PreparedStatement s1 = c.prepareStatement(first); PreparedStatement sn = c.prepareStatement(next)) {
            for (boolean trash : new boolean[] {false, true}) {
                s1.setBoolean(1, trash);
                String v = single(s1);
                while (v != null) {
                    values.add(v);
                    sn.setBoolean(1, trash);
                    sn.setString(2, v);
                    v = single(sn);
                }
            }
        } catch (SQLException e) {
            throw failure("list " + column.replace('_', ' ') + "s", e);
        }
        return List.copyOf(values);
    }

    private static String single(PreparedStatement s) throws SQLException {
        try (ResultSet r = s.executeQuery()) {
            return r.next() ? r.getString(1) : null;
        }
    }

    // ---- curation -----------------------------------------------------------------------

    @Override
    public StoredPair updateText(long id, String question, String sql, long expectedVersion) {
        if (question == null || question.isBlank() || sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("The question and the SQL must not be empty");
        }
        int changed = (int) rewrite("id = ?", List.of(id), c -> update(c, "UPDATE pairs SET original_question = COALESCE(original_question, question), "
                + "original_sql = COALESCE(original_sql, sql_text), question = ?, sql_text = ?, updated_at = ?, "
                + "version = version + 1 WHERE id = ? AND version = ?",
                question, sql, SqlFilter.time(Timestamps.now()), id, expectedVersion));
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
        SqlFilter f = SqlFilter.of(filter.withTrash(false)).and("status <> ?", status.name());
        return change(f.sql.toString(), f.params, row -> row.withStatus(status), c -> update(c,
                "UPDATE pairs SET status = ?, updated_at = ?, version = version + 1" + f.where(),
                prepend(f, status.name(), SqlFilter.time(Timestamps.now()))));
    }

    @Override
    public void setNote(long id, String note) {
        int n = update("UPDATE pairs SET note = ?, updated_at = ?, version = version + 1 WHERE id = ?",
                note == null || note.isBlank() ? null : note, SqlFilter.time(Timestamps.now()), id);
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
        SqlFilter f = SqlFilter.of(filter.withTrash(false));
        java.time.LocalDateTime now = SqlFilter.time(Timestamps.now());
        long n = change(f.sql.toString(), f.params, row -> row.withTrash(true), c -> update(c,
                "UPDATE pairs SET in_trash = TRUE, deleted_at = ?, trash_batch = ?, updated_at = ?, "
                + "version = version + 1" + f.where(), prepend(f, now, batch, now)));
        return new TrashBatch(batch, n);
    }

    @Override
    public long restore(String trashBatchId) {
        return restoreWhere("trash_batch = ?", trashBatchId);
    }

    @Override
    public int restore(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return (int) restoreWhere("id = ANY(?)", (Object) ids.toArray(new Long[0]));
    }

    private long restoreWhere(String condition, Object param) {
        return change("in_trash = TRUE AND " + condition, List.of(param), row -> row.withTrash(false), c -> update(c,
                "UPDATE pairs SET in_trash = FALSE, deleted_at = NULL, trash_batch = NULL, updated_at = ?, "
                + "version = version + 1 WHERE in_trash = TRUE AND " + condition, SqlFilter.time(Timestamps.now()), param));
    }

    @Override
    public long purge() {
        try {
            return stats.change("in_trash = TRUE", List.of(), null, c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("DELETE FROM pair_tables WHERE pair IN (SELECT id FROM pairs WHERE in_trash = TRUE)");
                    return s.executeLargeUpdate("DELETE FROM pairs WHERE in_trash = TRUE");
                }
            });
        } catch (SQLException e) {
            throw failure("empty the trash", e);
        }
    }

    @Override
    public void updateAnalyses(Map<Long, PairAnalysis> analyses) {
        if (analyses.isEmpty()) {
            return;
        }
        try {
            stats.rewrite("id = ANY(?)", List.of((Object) analyses.keySet().toArray(new Long[0])), c -> {
                try (PreparedStatement s = c.prepareStatement("UPDATE pairs SET query_type = ?, fingerprint = ?, "
                        + "complexity = ?, flags = ?, duplicate_group = ?, pii_types = ?, parse_error = ? WHERE id = ?")) {
                    for (Map.Entry<Long, PairAnalysis> e : analyses.entrySet()) {
                        s.setLong(bindAnalysis(s, 1, e.getValue()), e.getKey());
                        s.addBatch();
                    }
                    s.executeBatch();
                    return analyses.size();
                }
            });
        } catch (SQLException e) {
            throw failure("store analyses", e);
        }
    }

    @Override
    public void reanalysed(long id, List<String> tableNames, PairAnalysis a) {
        long keep = DUPLICATE_FLAGS;
        try {
            stats.rewrite("id = ?", List.of(id), c -> {
                try (PreparedStatement s = c.prepareStatement("UPDATE pairs SET table_names = ?, query_type = ?, fingerprint = ?, "
                        + "complexity = ?, flags = BITOR(BITAND(flags, CAST(? AS BIGINT)), CAST(? AS BIGINT)), pii_types = ?, "
                        + "parse_error = ? WHERE id = ?");
                        PreparedStatement drop = c.prepareStatement("DELETE FROM pair_tables WHERE pair = ?");
                        PreparedStatement add = c.prepareStatement("INSERT INTO pair_tables (table_name, pair) VALUES (?, ?)")) {
                    s.setString(1, PairRows.toJson(tableNames));
                    s.setString(2, a.queryType() == null ? null : a.queryType().name());
                    s.setString(3, a.fingerprint());
                    if (a.complexity() == null) {
                        s.setNull(4, Types.TINYINT);
                    } else {
                        s.setInt(4, a.complexity().ordinal());
                    }
                    s.setLong(5, keep);
                    s.setLong(6, a.flagBits() & ~keep);
                    s.setString(7, PairRows.piiColumn(a.piiTypes()));
                    s.setString(8, a.parseError());
                    s.setLong(9, id);
                    int n = s.executeUpdate();
                    drop.setLong(1, id);
                    drop.executeUpdate();
                    for (String table : new LinkedHashSet<>(tableNames)) {
                        add.setString(1, table);
                        add.setLong(2, id);
                        add.addBatch();
                    }
                    add.executeBatch();
                    return n;
                }
            });
        } catch (SQLException e) {
            throw failure("store the analysis of pair " + id, e);
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
        try {
            // duplicate flags feed the statistics: keep the aggregates exact for the rows marked
            stats.rewrite("id = ANY(?)", List.of((Object) marks.stream().map(DuplicateMark::id).toArray(Long[]::new)), c -> {
                try (PreparedStatement mark = c.prepareStatement("UPDATE pairs SET duplicate_group = ?, "
                        + "flags = BITOR(BITAND(flags, CAST(? AS BIGINT)), CAST(? AS BIGINT)) WHERE id = ?");
                        PreparedStatement merge = c.prepareStatement("UPDATE pairs SET duplicate_group = ? WHERE duplicate_group = ?")) {
                    for (DuplicateMark m : marks) {
                        long bits = 0;
                        for (QualityFlag f : m.flags()) {
                            bits |= f.bit() & DUPLICATE_FLAGS;
                        }
                        mark.setLong(1, m.group());
                        mark.setLong(2, ~DUPLICATE_FLAGS);
                        mark.setLong(3, bits);
                        mark.setLong(4, m.id());
                        mark.addBatch();
                    }
                    mark.executeBatch();
                    for (GroupMerge g : merges) { // group ids are not statistics: no rewrite needed for these rows
                        merge.setLong(1, g.into());
                        merge.setLong(2, g.from());
                        merge.executeUpdate();
                    }
                    return marks.size();
                }
            });
        } catch (SQLException e) {
            throw failure("mark duplicates", e);
        }
    }

    // ---- database-wide ------------------------------------------------------------------

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
        update("MERGE INTO settings (setting_key, setting_value) KEY (setting_key) VALUES (?, ?)",
                SECRET_KEY, HexFormat.of().formatHex(secret));
    }

    @Override
    public byte[] privacySecret() {
        return HexFormat.of().parseHex(setting(SECRET_KEY).orElseThrow(() -> new StoreException(
                "The database " + where.display() + " has lost its privacy secret")));
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
            update("MERGE INTO settings (setting_key, setting_value) KEY (setting_key) VALUES (?, ?)", key, value);
        }
    }

    /**
     * A file database is copied with {@code BACKUP TO} (a zip holding the .mv.db, consistent while
     * others write); an in-memory one is written as a SQL script. Written to a temporary file
     * beside the target and renamed, so a failed backup never leaves a half file.
     */
    @Override
    public void backup(Path target) {
        Path absolute = target.toAbsolutePath();
        Path temp = absolute.resolveSibling(absolute.getFileName() + ".part");
        try {
            Files.createDirectories(absolute.getParent());
            Files.deleteIfExists(temp);
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                String quoted = "'" + temp.toString().replace("'", "''") + "'";
                s.execute(where.inMemory() ? "SCRIPT TO " + quoted : "BACKUP TO " + quoted);
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
    public String location() {
        return where.display();
    }

    @Override
    public void close() {
        try {
            if (keeper != null) {
                keeper.close();
            }
        } catch (SQLException ignored) {
            // closing anyway
        }
        pool.dispose();
    }

    // ---- helpers ------------------------------------------------------------------------

    private static Object[] prepend(SqlFilter f, Object... first) {
        List<Object> all = new ArrayList<>(List.of(first));
        all.addAll(f.params);
        return all.toArray();
    }

    private long change(String where, List<Object> params, java.util.function.UnaryOperator<StatsTable.Row> after,
            StatsTable.Action action) {
        try {
            return stats.change(where, params, after, action);
        } catch (SQLException e) {
            throw failure("update pairs", e);
        }
    }

    private long rewrite(String where, List<Object> params, StatsTable.Action action) {
        try {
            return stats.rewrite(where, params, action);
        } catch (SQLException e) {
            throw failure("update pairs", e);
        }
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        }
    }

    private int update(String sql, Object... params) {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failure("update pairs", e);
        }
    }

    private StoreException failure(String what, SQLException e) {
        return new StoreException("Cannot " + what + " in " + where.display() + ": " + OpenFailures.firstLine(e), e);
    }
}
