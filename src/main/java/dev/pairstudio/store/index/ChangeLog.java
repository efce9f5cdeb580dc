package dev.pairstudio.store.index;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The store clock and the change log of V5__memory_index.sql. A writer first increments the clock
 * (its row lock serialises writers, also across processes), then logs which rows it touched in
 * the same transaction; a reader that sees clock value N knows that entries up to N are committed
 * and re-reads their rows into its index.
 */
public final class ChangeLog {
    /** Entries kept at least this long, so that a process that was busy can still catch up. */
    private static final long KEEP_HOURS = 24;

    /** One logged transaction: an id range (inserts) or a list of ids. */
    record Entry(long seq, long firstId, long lastId, long[] ids) {}

    private ChangeLog() {}

    public static long clock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT seq FROM store_clock WHERE id = 1");
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * What identifies entry {@code seq} beyond its number: when it was logged. A snapshot stamped
     * with it belongs to this database's history; a database restored from an older copy, or
     * another database at the same clock, has no such entry or another time. "" for seq 0 (an
     * empty history); null when the entry is gone (pruned, or a clock bumped without an entry).
     */
    static String stamp(Connection c, long seq) throws SQLException {
        if (seq == 0) {
            return "";
        }
        try (PreparedStatement s = c.prepareStatement("SELECT logged_at FROM change_log WHERE seq = ?")) {
            s.setLong(1, seq);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? seq + "@" + r.getObject(1, LocalDateTime.class) : null;
            }
        }
    }

    /** Takes the writer lock (until commit or rollback) and returns this transaction's number. */
    public static long bump(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE store_clock SET seq = seq + 1 WHERE id = 1")) {
            s.executeUpdate();
        }
        return clock(c);
    }

    /** Logs the touched ids: as a range when they are consecutive and ascending (an insert), else as a list. */
    public static void log(Connection c, long seq, List<Long> ids) throws SQLException {
        long first = ids.get(0);
        long last = ids.get(ids.size() - 1);
        boolean consecutive = last - first + 1 == ids.size();
        for (int i = 1; consecutive && i < ids.size(); i++) {
            consecutive = ids.get(i) == ids.get(i - 1) + 1;
        }
        if (consecutive) {
            insert(c, seq, first, last, null);
        } else {
            logIds(c, seq, ids);
        }
    }

    private static void logIds(Connection c, long seq, Collection<Long> ids) throws SQLException {
        ByteBuffer b = ByteBuffer.allocate(ids.size() * Long.BYTES);
        ids.forEach(b::putLong);
        insert(c, seq, null, null, b.array());
    }

    private static void insert(Connection c, long seq, Long first, Long last, byte[] ids) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO change_log (seq, first_id, last_id, ids, logged_at) VALUES (?, ?, ?, ?, ?)")) {
            s.setLong(1, seq);
            s.setObject(2, first);
            s.setObject(3, last);
            s.setBytes(4, ids);
            s.setObject(5, LocalDateTime.now(ZoneOffset.UTC));
            s.executeUpdate();
        }
    }

    /** The entries after {@code seq} up to {@code upTo}, in order; empty when the first of them was pruned. */
    static List<Entry> after(Connection c, long seq, long upTo) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT seq, first_id, last_id, ids FROM change_log WHERE seq > ? AND seq <= ? ORDER BY seq")) {
            s.setLong(1, seq);
            s.setLong(2, upTo);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    byte[] bytes = r.getBytes(4);
                    long[] ids = null;
                    if (bytes != null) {
                        ids = new long[bytes.length / Long.BYTES];
                        ByteBuffer.wrap(bytes).asLongBuffer().get(ids);
                    }
                    entries.add(new Entry(r.getLong(1), r.getLong(2), r.getLong(3), ids));
                }
            }
        }
        return entries;
    }

    /** Drops entries older than a day (keeping the last thousand); a process further behind reloads its index. */
    public static void prune(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "DELETE FROM change_log WHERE logged_at < ? AND seq < (SELECT MAX(seq) FROM change_log) - 1000")) {
            s.setObject(1, LocalDateTime.now(ZoneOffset.UTC).minusHours(KEEP_HOURS));
            s.executeUpdate();
        }
    }
}
