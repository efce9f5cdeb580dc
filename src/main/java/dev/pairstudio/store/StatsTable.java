package dev.pairstudio.store;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairAnalysis;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.pair.ReviewStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * Keeps the pre-aggregated statistics of V4__stats.sql exact and answers statistics queries
 * from them. Every write to {@code pairs} goes through one of the methods here in the writer's
 * own transaction, so the aggregates commit or roll back with the change:
 * <ul>
 * <li>adding: the deltas are computed from the pairs in memory ({@link #added});</li>
 * <li>bulk changes by a WHERE clause (status, trash, restore, purge): the affected rows are read
 * and locked (lengths need the text), subtracted, and added back changed ({@link #change});</li>
 * <li>changes of some rows by id (edit, analyses): subtracted before, re-read and added after
 * ({@link #rewrite}).</li>
 * </ul>
 * Reading ({@link #facts}) uses the day table when the filter only touches its dimensions (with
 * exact queries for partial days at the edges of a date range), else reads the matching pairs.
 */
final class StatsTable {
    static final String BUILT_SETTING = "stats.built";
    private static final String BUILT_VERSION = "1";
    private static final int WIDTH = 3 + 2 * StatCounts.BINS;
    private static final String ROW_COLUMNS = "in_trash, ts, database_type, database_name, success, query_type, status, "
            + "complexity, flags, pii_types, table_names, question, sql_text";
    private static final String UPDATE;
    private static final String INSERT;
    private static final String DAY_COLUMNS;

    static {
        List<String> cols = new ArrayList<>(List.of("n", "question_len", "sql_len"));
        for (int i = 0; i < StatCounts.BINS; i++) {
            cols.add("qh" + i);
        }
        for (int i = 0; i < StatCounts.BINS; i++) {
            cols.add("sh" + i);
        }
        StringBuilder update = new StringBuilder();
        for (String c : cols) {
            update.append(update.length() == 0 ? "" : ", ").append(c).append(" = ").append(c).append(" + ?");
        }
        String all = "in_trash, stat_day, profile, " + String.join(", ", cols);
        UPDATE = "UPDATE stat_days SET " + update + " WHERE in_trash = ? AND stat_day = ? AND profile = ?";
        INSERT = "INSERT INTO stat_days (" + all + ") VALUES (?, ?, ?" + ", ?".repeat(cols.size()) + ")";
        DAY_COLUMNS = String.join(", ", cols);
    }

    private final DataSource pool;
    private final Map<String, Integer> profileIds = new ConcurrentHashMap<>();
    private final Map<Integer, StatGroup> groups = new ConcurrentHashMap<>();

    StatsTable(DataSource pool) {
        this.pool = pool;
    }

    /** One pair's contribution, as stored. */
    record Row(boolean trash, LocalDate day, String databaseType, String databaseName, boolean success, String queryType,
            String statementType, String status, Integer complexity, long flags, String pii, String tables,
            int questionLength, int sqlLength) {

        Row withTrash(boolean value) {
            return new Row(value, day, databaseType, databaseName, success, queryType, statementType, status, complexity,
                    flags, pii, tables, questionLength, sqlLength);
        }

        Row withStatus(ReviewStatus value) {
            return new Row(trash, day, databaseType, databaseName, success, queryType, statementType, value.name(),
                    complexity, flags, pii, tables, questionLength, sqlLength);
        }

        String key() {
            return StatGroup.key(databaseType, databaseName, success, queryType, statementType, status, complexity, flags,
                    pii, tables);
        }

        static Row of(ResultSet r) throws SQLException {
            LocalDateTime ts = r.getObject(2, LocalDateTime.class);
            String queryType = r.getString(6);
            int complexity = r.getInt(8);
            Integer level = r.wasNull() ? null : complexity;
            String question = r.getString(12);
            String sql = r.getString(13);
            return new Row(r.getBoolean(1), ts.toLocalDate(), r.getString(3), r.getString(4), r.getBoolean(5), queryType,
                    queryType != null ? queryType : StatGroup.guessType(sql).name(), r.getString(7), level, r.getLong(9),
                    r.getString(10), r.getString(11), question.codePointCount(0, question.length()),
                    sql.codePointCount(0, sql.length()));
        }

        static Row of(Pair p, PairAnalysis a, String tablesJson) {
            QueryType t = a.queryType();
            return new Row(false, LocalDateTime.ofInstant(p.timestamp(), ZoneOffset.UTC).toLocalDate(), p.databaseType(),
                    p.databaseName(), p.success(), t == null ? null : t.name(),
                    (t != null ? t : StatGroup.guessType(p.sql())).name(), ReviewStatus.UNREVIEWED.name(),
                    a.complexity() == null ? null : a.complexity().ordinal(), a.flagBits(), PairRows.piiColumn(a.piiTypes()),
                    tablesJson, p.question().codePointCount(0, p.question().length()),
                    p.sql().codePointCount(0, p.sql().length()));
        }
    }

    private record Cell(boolean trash, LocalDate day, String profile) {
    }

    /** Deltas to the day table, summed in memory and written with one batch. */
    final class Delta {
        private final Map<Cell, long[]> cells = new HashMap<>();

        void add(Row row, int sign) {
            long[] v = cells.computeIfAbsent(new Cell(row.trash(), row.day(), row.key()), k -> new long[WIDTH]);
            v[0] += sign;
            v[1] += (long) sign * row.questionLength();
            v[2] += (long) sign * row.sqlLength();
            v[3 + StatCounts.bin(row.questionLength())] += sign;
            v[3 + StatCounts.BINS + StatCounts.bin(row.sqlLength())] += sign;
        }

        int size() {
            return cells.size();
        }

        /**
         * Adds the deltas: a batch of UPDATEs by key, then INSERTs for the cells that were not
         * there, then DELETEs of cells that dropped to zero pairs. (Cheaper than H2's MERGE USING.)
         */
        void flush(Connection c) throws SQLException {
            if (cells.isEmpty()) {
                return;
            }
            Map<String, Integer> ids = profileIds(cells.keySet().stream().map(Cell::profile).collect(java.util.stream.Collectors.toSet()));
            List<Map.Entry<Cell, long[]>> todo = new ArrayList<>();
            boolean negative = false;
            for (Map.Entry<Cell, long[]> e : cells.entrySet()) {
                if (!allZero(e.getValue())) {
                    todo.add(e);
                    negative |= e.getValue()[0] < 0;
                }
            }
            List<Map.Entry<Cell, long[]>> missing = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(UPDATE)) {
                for (int from = 0; from < todo.size(); from += 5_000) {
                    List<Map.Entry<Cell, long[]>> chunk = todo.subList(from, Math.min(todo.size(), from + 5_000));
                    for (Map.Entry<Cell, long[]> e : chunk) {
                        long[] v = e.getValue();
                        for (int i = 0; i < WIDTH; i++) {
                            s.setLong(1 + i, v[i]);
                        }
                        s.setBoolean(WIDTH + 1, e.getKey().trash());
                        s.setObject(WIDTH + 2, e.getKey().day());
                        s.setInt(WIDTH + 3, ids.get(e.getKey().profile()));
                        s.addBatch();
                    }
                    int[] counts = s.executeBatch();
                    for (int i = 0; i < counts.length; i++) {
                        if (counts[i] == 0) {
                            missing.add(chunk.get(i));
                        }
                    }
                }
            }
            if (!missing.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement(INSERT)) {
                    for (Map.Entry<Cell, long[]> e : missing) {
                        s.setBoolean(1, e.getKey().trash());
                        s.setObject(2, e.getKey().day());
                        s.setInt(3, ids.get(e.getKey().profile()));
                        long[] v = e.getValue();
                        for (int i = 0; i < WIDTH; i++) {
                            s.setLong(4 + i, v[i]);
                        }
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            }
            if (negative) {
                try (PreparedStatement s = c.prepareStatement(
                        "DELETE FROM stat_days WHERE in_trash = ? AND stat_day = ? AND profile = ? AND n = 0")) {
                    for (Map.Entry<Cell, long[]> e : todo) {
                        if (e.getValue()[0] < 0) {
                            s.setBoolean(1, e.getKey().trash());
                            s.setObject(2, e.getKey().day());
                            s.setInt(3, ids.get(e.getKey().profile()));
                            s.addBatch();
                        }
                    }
                    s.executeBatch();
                }
            }
            cells.clear();
        }
    }

    private static boolean allZero(long[] v) {
        for (long x : v) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    Delta delta() {
        return new Delta();
    }

    // ---- maintenance --------------------------------------------------------------------

    /** In the inserting transaction, after the rows went in. */
    void added(Connection c, List<Pair> pairs, List<PairAnalysis> analyses, List<Integer> inserted) throws SQLException {
        Delta d = new Delta();
        for (int i : inserted) {
            Pair p = pairs.get(i);
            d.add(Row.of(p, analyses == null ? PairAnalysis.NONE : analyses.get(i), PairRows.toJson(p.tableNames())), +1);
        }
        d.flush(c);
    }

    /** An UPDATE/DELETE on the pairs matching {@code where}, run in the same transaction as the aggregate change. */
    @FunctionalInterface
    interface Action {
        long run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code action} (which changes or deletes exactly the rows matching {@code where}) in one
     * transaction with the aggregates: the rows are locked and subtracted, then added back as
     * {@code after} maps them (null: deleted).
     */
    long change(String where, List<Object> params, UnaryOperator<Row> after, Action action) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                Delta d = new Delta();
                forEachRow(c, where, params, true, row -> {
                    d.add(row, -1);
                    if (after != null) {
                        d.add(after.apply(row), +1);
                    }
                });
                long n = action.run(c);
                d.flush(c);
                c.commit();
                return n;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** Like {@link #change}, for rows whose identity survives the action (by id): re-read after it. */
    long rewrite(String where, List<Object> params, Action action) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                Delta d = new Delta();
                forEachRow(c, where, params, true, row -> d.add(row, -1));
                long n = action.run(c);
                forEachRow(c, where, params, false, row -> d.add(row, +1));
                d.flush(c);
                c.commit();
                return n;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    @FunctionalInterface
    interface RowConsumer {
        void accept(Row row) throws SQLException;
    }

    private static void forEachRow(Connection c, String where, List<Object> params, boolean lock, RowConsumer action)
            throws SQLException {
        String sql = "SELECT " + ROW_COLUMNS + " FROM pairs WHERE " + where + (lock ? " FOR UPDATE" : "");
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            s.setFetchSize(1000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    action.accept(Row.of(r));
                }
            }
        }
    }

    /** Builds the aggregates from the pairs when they are missing (a database from before V3, or a lost table). */
    void ensureBuilt() throws SQLException {
        try (Connection c = pool.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT setting_value FROM settings WHERE setting_key = ?")) {
                s.setString(1, BUILT_SETTING);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next() && BUILT_VERSION.equals(r.getString(1))) {
                        return;
                    }
                }
            }
            rebuild(c);
        }
    }

    /** Recomputes the day table from every pair, in one transaction. */
    void rebuild(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM stat_days");
            }
            Delta d = new Delta();
            forEachRow(c, "TRUE", List.of(), false, row -> {
                d.add(row, +1);
                if (d.size() >= 100_000) {
                    d.flush(c);
                }
            });
            d.flush(c);
            try (PreparedStatement s = c.prepareStatement(
                    "MERGE INTO settings (setting_key, setting_value) KEY (setting_key) VALUES (?, ?)")) {
                s.setString(1, BUILT_SETTING);
                s.setString(2, BUILT_VERSION);
                s.executeUpdate();
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /**
     * The ids of profiles, created when new. Created on their own connection and committed at
     * once: a profile row is harmless when the change that needed it rolls back, and the cache
     * never holds an id that is not there.
     */
    Map<String, Integer> profileIds(java.util.Set<String> keys) {
        Map<String, Integer> out = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String k : keys) {
            Integer id = profileIds.get(k);
            if (id == null) {
                missing.add(k);
            } else {
                out.put(k, id);
            }
        }
        if (missing.isEmpty()) {
            return out;
        }
        try (Connection c = pool.getConnection()) {
            Map<String, Integer> found = findProfiles(c, missing);
            List<String> create = missing.stream().filter(k -> !found.containsKey(k)).toList();
            if (!create.isEmpty()) {
                c.setAutoCommit(false);
                try (PreparedStatement s = c.prepareStatement("INSERT INTO stat_profiles (profile_key) SELECT ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM stat_profiles WHERE profile_key = ?)")) {
                    for (String k : create) {
                        s.setString(1, k);
                        s.setString(2, k);
                        s.addBatch();
                    }
                    s.executeBatch();
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    if (e.getErrorCode() != org.h2.api.ErrorCode.DUPLICATE_KEY_1) {
                        throw e;
                    }
                } finally {
                    c.setAutoCommit(true);
                }
                found.putAll(findProfiles(c, create));
            }
            for (String k : missing) {
                Integer id = Objects.requireNonNull(found.get(k), "profile id");
                profileIds.put(k, id);
                out.put(k, id);
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Cannot record statistics profiles: " + OpenFailures.firstLine(e), e);
        }
    }

    private static Map<String, Integer> findProfiles(Connection c, List<String> keys) throws SQLException {
        Map<String, Integer> found = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT profile_key, id FROM stat_profiles WHERE profile_key = ANY(?)")) {
            s.setObject(1, keys.toArray(new String[0]));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.put(r.getString(1), r.getInt(2));
                }
            }
        }
        return found;
    }

    // ---- reading ------------------------------------------------------------------------

    /** Whether the day table can answer for {@code f} (with exact queries for partial edge days). */
    static boolean aggregatable(PairFilter f) {
        return f.text() == null && f.duplicateGroup() == null && f.ids().isEmpty() && f.changedSince() == null;
    }

    void facts(PairFilter f, StatSink sink) throws SQLException {
        if (!aggregatable(f)) {
            exact(f, sink);
            return;
        }
        LocalDate firstFull = f.from() == null ? null : ceilDay(f.from());
        LocalDate endFull = f.to() == null ? null : floorDay(f.to());
        if (firstFull != null && endFull != null && !firstFull.isBefore(endFull)) {
            exact(f, sink); // less than one whole day: a short ts range
            return;
        }
        if (f.from() != null && !startOf(firstFull).equals(f.from())) {
            exact(f.withDates(f.from(), startOf(firstFull)), sink);
        }
        if (f.to() != null && !startOf(endFull).equals(f.to())) {
            exact(f.withDates(startOf(endFull), f.to()), sink);
        }
        fromDays(f, firstFull, endFull, sink);
    }

    /**
     * Two aggregate queries over the day table, summed inside the database: per profile (the
     * matching ones), then per day. The profiles are few; matching runs in Java.
     */
    private void fromDays(PairFilter f, LocalDate from, LocalDate to, StatSink sink) throws SQLException {
        try (Connection c = pool.getConnection()) {
            loadGroups(c);
            List<Integer> matching = new ArrayList<>();
            boolean all = true;
            for (Map.Entry<Integer, StatGroup> e : groups.entrySet()) {
                if (e.getValue().matches(f)) {
                    matching.add(e.getKey());
                } else {
                    all = false;
                }
            }
            if (matching.isEmpty()) {
                return;
            }
            StringBuilder where = new StringBuilder(" FROM stat_days WHERE in_trash = ?");
            List<Object> params = new ArrayList<>(List.of(f.trash()));
            if (from != null) {
                where.append(" AND stat_day >= ?");
                params.add(from);
            }
            if (to != null) {
                where.append(" AND stat_day < ?");
                params.add(to);
            }
            if (!all) {
                where.append(" AND profile = ANY(?)");
                params.add(matching.toArray(new Integer[0]));
            }
            StringBuilder sums = new StringBuilder();
            for (String col : DAY_COLUMNS.split(", ")) {
                sums.append(", SUM(").append(col).append(')');
            }
            try (PreparedStatement s = c.prepareStatement("SELECT profile" + sums + where + " GROUP BY profile")) {
                bind(s, params);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        StatGroup g = groups.get(r.getInt(1));
                        long[] q = new long[StatCounts.BINS];
                        long[] h = new long[StatCounts.BINS];
                        for (int i = 0; i < StatCounts.BINS; i++) {
                            q[i] = r.getLong(5 + i);
                            h[i] = r.getLong(5 + StatCounts.BINS + i);
                        }
                        sink.group(g, new StatCounts(r.getLong(2), r.getLong(3), r.getLong(4), q, h));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT stat_day, SUM(n)" + where + " GROUP BY stat_day")) {
                bind(s, params);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long n = r.getLong(2);
                        if (n != 0) {
                            sink.day(r.getObject(1, LocalDate.class), n);
                        }
                    }
                }
            }
        }
    }

    private static void bind(PreparedStatement s, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            s.setObject(i + 1, params.get(i));
        }
    }

    private void loadGroups(Connection c) throws SQLException {
        int max = groups.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        try (PreparedStatement s = c.prepareStatement("SELECT id, profile_key FROM stat_profiles WHERE id > ?")) {
            s.setInt(1, max);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    groups.put(r.getInt(1), StatGroup.decode(r.getString(2)));
                }
            }
        }
    }

    /** One fact per matching pair: exact for any filter, and as slow as reading the pairs. */
    void exact(PairFilter f, StatSink sink) throws SQLException {
        SqlFilter w = SqlFilter.of(f);
        Map<String, StatGroup> byKey = new HashMap<>();
        try (Connection c = pool.getConnection()) {
            forEachRow(c, w.sql.toString(), w.params, false, row -> {
                String key = row.key();
                StatGroup g = byKey.get(key);
                if (g == null) {
                    if (byKey.size() > 50_000) {
                        byKey.clear();
                    }
                    g = StatGroup.decode(key);
                    byKey.put(key, g);
                }
                sink.group(g, StatCounts.of(row.questionLength(), row.sqlLength()));
                sink.day(row.day(), 1);
            });
        }
    }

    private static LocalDate ceilDay(Instant t) {
        LocalDateTime d = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        LocalDate day = d.toLocalDate();
        return d.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? day : day.plusDays(1);
    }

    private static LocalDate floorDay(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC).toLocalDate();
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    static Instant endOf(LocalDate day) {
        return startOf(day).plus(1, ChronoUnit.DAYS);
    }
}
