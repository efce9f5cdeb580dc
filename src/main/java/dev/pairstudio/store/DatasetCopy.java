package dev.pairstudio.store;

import dev.pairstudio.store.index.ChangeLog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Copies a whole dataset between two stores of either kind (H2 file, PostgreSQL): pairs with their
 * review status, notes, versions and original texts, the trash, the analysis and the settings, ids
 * kept. Streams in id order with constant memory, reading the source in one snapshot (a repeatable-
 * read transaction) and committing the target every {@link #CHUNK} rows. Each table is verified
 * by its row count and an order-independent checksum of its rows, read back from the target.
 * <p>
 * The privacy secret is copied by default: the same originals then get the same pseudonyms in
 * exports from either database (the secret never leaves the two databases). {@code keepTargetSecret}
 * keeps the target's own secret instead, for a copy that must not be linkable to the source's exports.
 */
public final class DatasetCopy {
    static final int CHUNK = 5_000;
    private static final String SECRET_KEY = "privacy.secret";
    /** Tables the copy leaves alone: the schema history, and the writers' clock and log (the target keeps its own). */
    private static final Set<String> BOOKKEEPING = Set.of("flyway_schema_history", "store_clock", "change_log");

    private enum Kind {
        LONG,
        INT,
        TEXT,
        BOOL,
        TIME
    }

    private record Column(String name, Kind kind) {}

    private record Table(String name, String key, List<Column> columns) {
        String names() {
            return String.join(", ", columns.stream().map(Column::name).toList());
        }
    }

    private static Column c(String name, Kind kind) {
        return new Column(name, kind);
    }

    /**
     * Every table and column of the schema (db/migration V6): a migration adding a table or a
     * column must add it here, or copies refuse databases that have it.
     */
    private static final List<Table> TABLES = List.of(
            new Table(
                    "pairs",
                    "id",
                    List.of(
                            c("id", Kind.LONG),
                            c("pair_id", Kind.TEXT),
                            c("question", Kind.TEXT),
                            c("sql_text", Kind.TEXT),
                            c("ts", Kind.TIME),
                            c("database_type", Kind.TEXT),
                            c("database_name", Kind.TEXT),
                            c("table_names", Kind.TEXT),
                            c("success", Kind.BOOL),
                            c("execution_ms_text", Kind.TEXT),
                            c("metadata", Kind.TEXT),
                            c("status", Kind.TEXT),
                            c("note", Kind.TEXT),
                            c("original_question", Kind.TEXT),
                            c("original_sql", Kind.TEXT),
                            c("source", Kind.TEXT),
                            c("import_batch", Kind.TEXT),
                            c("updated_at", Kind.TIME),
                            c("version", Kind.LONG))),
            new Table("trash", "id", List.of(c("id", Kind.LONG), c("batch", Kind.TEXT), c("deleted_at", Kind.TIME))),
            new Table(
                    "analysis",
                    "id",
                    List.of(
                            c("id", Kind.LONG),
                            c("query_type", Kind.TEXT),
                            c("fingerprint", Kind.TEXT),
                            c("complexity", Kind.INT),
                            c("flags", Kind.LONG),
                            c("duplicate_group", Kind.LONG),
                            c("pii_types", Kind.TEXT),
                            c("parse_error", Kind.TEXT),
                            c("table_names", Kind.TEXT))),
            new Table("settings", "setting_key", List.of(c("setting_key", Kind.TEXT), c("setting_value", Kind.TEXT))),
            new Table(
                    "schemas",
                    "id",
                    List.of(
                            c("id", Kind.LONG),
                            c("database_name", Kind.TEXT),
                            c("version", Kind.INT),
                            c("source", Kind.TEXT),
                            c("imported_at", Kind.TIME),
                            c("definition", Kind.TEXT))),
            new Table(
                    "validation",
                    "id",
                    List.of(
                            c("id", Kind.LONG),
                            c("schema_id", Kind.LONG),
                            c("flags", Kind.LONG),
                            c("messages", Kind.TEXT),
                            c("validated_at", Kind.TIME))));

    /** One table's figures: rows and checksum as read from the source and as read back from the target. */
    public record TableCheck(
            String table, long sourceRows, long targetRows, String sourceChecksum, String targetChecksum) {
        public boolean matches() {
            return sourceRows == targetRows && sourceChecksum.equals(targetChecksum);
        }
    }

    /** What was copied; {@link #verified()} when every table matches. */
    public record Report(List<TableCheck> tables) {
        public boolean verified() {
            return tables.stream().allMatch(TableCheck::matches);
        }
    }

    private DatasetCopy() {}

    /**
     * Copies {@code from} into {@code to}.
     *
     * @param replace          empty a target that holds pairs first (else such a target is refused)
     * @param keepTargetSecret keep the target's privacy secret instead of the source's
     * @param progress         called with the rows copied so far
     */
    public static Report copy(
            Database from, Database to, boolean replace, boolean keepTargetSecret, LongConsumer progress) {
        JdbcPairStore source = jdbc(from);
        JdbcPairStore target = jdbc(to);
        if (source.location().equals(target.location())) {
            throw new StoreException("The source and the target are the same database (" + source.location() + ")");
        }
        try (Connection in = source.dataSource().getConnection();
                Connection out = target.dataSource().getConnection()) {
            refuseUnknownTables(in, source);
            refuseUnknownTables(out, target);
            long present = rows(out, "pairs") + rows(out, "trash") + rows(out, "analysis");
            if (present > 0 && !replace) {
                throw new StoreException("The target " + target.location() + " already holds " + rows(out, "pairs")
                        + " pairs; copy into an empty database, or add --replace to delete them first");
            }
            int isolation = in.getTransactionIsolation();
            in.setAutoCommit(false);
            in.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // one snapshot of the source
            out.setAutoCommit(false);
            try {
                Report report = copyTables(in, out, keepTargetSecret, progress);
                target.wroteRows(report.tables().stream()
                        .mapToLong(TableCheck::targetRows)
                        .sum()); // H2 compacts on close
                return report;
            } finally {
                in.rollback(); // pooled connections go back as the stores use them
                in.setTransactionIsolation(isolation);
                in.setAutoCommit(true);
                out.rollback();
                out.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(
                    "Cannot copy " + source.location() + " to " + target.location() + ": " + OpenFailures.firstLine(e)
                            + "; the target may hold part of the copy: run again with --replace",
                    e);
        }
    }

    private static Report copyTables(Connection in, Connection out, boolean keepTargetSecret, LongConsumer progress)
            throws SQLException {
        empty(out, keepTargetSecret);
        long[] copied = {0};
        List<long[]> sums = new ArrayList<>();
        for (Table t : TABLES) {
            sums.add(copyTable(in, out, t, keepTargetSecret, n -> progress.accept(copied[0] += n)));
        }
        in.commit();
        restartIds(out);
        ChangeLog.bump(out); // a clock without a log entry: every open store (ours too) rebuilds its index
        out.commit();
        List<TableCheck> checks = new ArrayList<>();
        for (int i = 0; i < TABLES.size(); i++) {
            long[] back = checksum(out, TABLES.get(i), keepTargetSecret);
            checks.add(
                    new TableCheck(TABLES.get(i).name(), sums.get(i)[0], back[0], hex(sums.get(i)[1]), hex(back[1])));
        }
        out.commit();
        return new Report(checks);
    }

    private static JdbcPairStore jdbc(Database store) {
        if (store instanceof JdbcPairStore s) {
            return s;
        }
        throw new IllegalArgumentException("Only stores opened by Databases can be copied");
    }

    /**
     * Refuses a schema the copy does not know completely: a table or column added by a later
     * migration would otherwise be left behind without the checksums noticing.
     */
    private static void refuseUnknownTables(Connection c, JdbcPairStore store) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(store.dialect().tablesQuery())) {
            while (r.next()) {
                String name = r.getString(1).toLowerCase(Locale.ROOT);
                if (!BOOKKEEPING.contains(name)
                        && TABLES.stream().noneMatch(t -> t.name().equals(name))) {
                    throw cannotCopy(store, "table " + name);
                }
            }
        }
        for (Table t : TABLES) {
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT * FROM " + t.name() + " WHERE 1 = 0")) {
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    String column = r.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT);
                    if (t.columns().stream().noneMatch(k -> k.name().equals(column))) {
                        throw cannotCopy(store, "column " + t.name() + "." + column);
                    }
                }
            }
        }
    }

    private static StoreException cannotCopy(JdbcPairStore store, String what) {
        return new StoreException("The database " + store.location() + " has a " + what
                + " that this Pair Studio cannot copy; " + "copy it with the Pair Studio version that wrote it");
    }

    private static long rows(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void empty(Connection out, boolean keepTargetSecret) throws SQLException {
        try (Statement s = out.createStatement()) {
            for (String table : List.of("validation", "schemas", "analysis", "trash", "pairs")) {
                s.executeUpdate("DELETE FROM " + table);
            }
            s.executeUpdate(
                    "DELETE FROM settings" + (keepTargetSecret ? " WHERE setting_key <> '" + SECRET_KEY + "'" : ""));
        }
        out.commit();
    }

    /** Copies one table in key order, CHUNK rows a transaction; returns {rows, checksum} of what was read. */
    private static long[] copyTable(
            Connection in, Connection out, Table t, boolean keepTargetSecret, LongConsumer copied) throws SQLException {
        String marks = String.join(", ", t.columns().stream().map(x -> "?").toList());
        Object last = null;
        long rows = 0;
        long sum = 0;
        try (PreparedStatement read = in.prepareStatement("SELECT " + t.names() + " FROM " + t.name() + " WHERE "
                        + t.key() + " > ? ORDER BY " + t.key() + " LIMIT " + CHUNK);
                PreparedStatement write = out.prepareStatement(
                        "INSERT INTO " + t.name() + " (" + t.names() + ") VALUES (" + marks + ")")) {
            int n;
            do {
                n = 0;
                int batched = 0;
                read.setObject(
                        1,
                        last == null ? (t.columns().get(0).kind() == Kind.LONG ? (Object) Long.MIN_VALUE : "") : last);
                try (ResultSet r = read.executeQuery()) {
                    while (r.next()) {
                        n++;
                        Object[] row = readRow(r, t);
                        last = row[0];
                        if (skipped(t, row, keepTargetSecret)) {
                            continue;
                        }
                        rows++;
                        sum += rowHash(row);
                        for (int i = 0; i < row.length; i++) {
                            bind(write, i + 1, t.columns().get(i).kind(), row[i]);
                        }
                        write.addBatch();
                        batched++;
                    }
                }
                if (batched > 0) {
                    write.executeBatch();
                }
                out.commit();
                copied.accept(batched);
            } while (n == CHUNK);
        }
        return new long[] {rows, sum};
    }

    /** The secret row, when the target keeps its own: neither copied nor counted. */
    private static boolean skipped(Table t, Object[] row, boolean keepTargetSecret) {
        return keepTargetSecret && t.name().equals("settings") && SECRET_KEY.equals(row[0]);
    }

    /** {rows, checksum} of a table as stored, read in key order. */
    private static long[] checksum(Connection c, Table t, boolean keepTargetSecret) throws SQLException {
        long rows = 0;
        long sum = 0;
        try (Statement s = c.createStatement()) {
            // PostgreSQL's driver holds a whole result in memory unless it may fetch in steps (inside a transaction)
            s.setFetchSize(CHUNK);
            ResultSet r = s.executeQuery("SELECT " + t.names() + " FROM " + t.name());
            while (r.next()) {
                Object[] row = readRow(r, t);
                if (!skipped(t, row, keepTargetSecret)) {
                    rows++;
                    sum += rowHash(row);
                }
            }
        }
        return new long[] {rows, sum};
    }

    /** The tables whose ids the database generates continue after the copied ones. */
    private static void restartIds(Connection out) throws SQLException {
        for (String table : List.of("pairs", "schemas")) {
            long max;
            try (Statement s = out.createStatement();
                    ResultSet r = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
                r.next();
                max = r.getLong(1);
            }
            try (Statement s = out.createStatement()) {
                s.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH "
                        + (max + 1)); // same statement in H2 and PostgreSQL
            }
        }
    }

    private static Object[] readRow(ResultSet r, Table t) throws SQLException {
        Object[] row = new Object[t.columns().size()];
        for (int i = 0; i < row.length; i++) {
            int at = i + 1;
            row[i] = switch (t.columns().get(i).kind()) {
                case LONG -> nullable(r, r.getLong(at));
                case INT -> nullable(r, r.getInt(at));
                case BOOL -> nullable(r, r.getBoolean(at));
                case TEXT -> r.getString(at);
                case TIME -> r.getObject(at, LocalDateTime.class);
            };
        }
        return row;
    }

    private static Object nullable(ResultSet r, Object value) throws SQLException {
        return r.wasNull() ? null : value;
    }

    private static void bind(PreparedStatement s, int at, Kind kind, Object value) throws SQLException {
        if (value == null) {
            s.setNull(
                    at,
                    switch (kind) {
                        case LONG -> Types.BIGINT;
                        case INT -> Types.SMALLINT;
                        case BOOL -> Types.BOOLEAN;
                        case TEXT -> Types.VARCHAR;
                        case TIME -> Types.TIMESTAMP;
                    });
        } else if (kind == Kind.INT) {
            s.setShort(at, ((Integer) value).shortValue());
        } else {
            s.setObject(at, value);
        }
    }

    /** 64 bits of SHA-256 over the row's values: summed over rows, the checksum ignores row order (collations differ). */
    private static long rowHash(Object[] row) {
        StringBuilder text = new StringBuilder();
        for (Object v : row) {
            text.append(v == null ? "\u0000" : v.toString()).append('\u0001');
        }
        byte[] d = SHA256.get().digest(text.toString().getBytes(StandardCharsets.UTF_8));
        long h = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            h = h << 8 | (d[i] & 0xff);
        }
        return h;
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private static String hex(long sum) {
        return HexFormat.of().toHexDigits(sum);
    }
}
