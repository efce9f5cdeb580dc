package dev.pairstudio.schema;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real SQLite as the judge of SQLite pairs: {@code EXPLAIN} (compiled, never run) of the pair's
 * SQL against an empty in-memory SQLite database built from the stored schema, which is then made
 * read-only ({@code PRAGMA query_only}). Only single reading statements are handed to it
 * ({@link dev.pairstudio.sql.SqlAnalyzer#singleRead}); a statement has a time limit. One database
 * per schema version per thread, created on first use; a few per thread are kept, the oldest closed.
 */
final class SqliteCheck implements AutoCloseable {
    private static final int KEPT_PER_THREAD = 8;
    /** sqlite-jdbc wraps SQLite's own message: "[SQLITE_ERROR] SQL error or missing database (no such column: x)". */
    private static final Pattern WRAPPED = Pattern.compile("^\\[SQLITE_[A-Z_]+\\][^(]*\\((.*)\\)\\s*$", Pattern.DOTALL);
    private static final Pattern NAMED = Pattern.compile("(?:no such (?:column|table): |ambiguous column name: |near \")([^\"\\s]+)");

    /** SQLite's verdict on one query: {@code reason} null when it accepts the query. */
    record Verdict(String reason) {
        boolean accepted() {
            return reason == null;
        }

        /** The name or token SQLite's message points at ("no such column: T2.nmae" → T2.nmae), null if none. */
        String offendingPart() {
            if (reason == null) {
                return null;
            }
            Matcher m = NAMED.matcher(reason);
            return m.find() ? m.group(1) : null;
        }
    }

    private final long timeoutMillis;
    private final ConcurrentLinkedQueue<Connection> all = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<Map<Long, Connection>> open = ThreadLocal.withInitial(() -> new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Connection> eldest) {
            if (size() > KEPT_PER_THREAD) {
                closeQuietly(eldest.getValue());
                all.remove(eldest.getValue());
                return true;
            }
            return false;
        }
    });

    SqliteCheck(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    /** SQLite's verdict, or empty when there is none (our copy of the schema could not be built). */
    Optional<Verdict> explain(String sql, long schemaId, DatabaseSchema schema) {
        Connection c;
        try {
            c = connection(schemaId, schema);
        } catch (SQLException e) {
            return Optional.empty();
        }
        try (Statement s = c.createStatement()) {
            s.setQueryTimeout((int) Math.max(1, (timeoutMillis + 999) / 1000));
            s.execute("EXPLAIN " + sql);
            return Optional.of(new Verdict(null));
        } catch (SQLException e) {
            return Optional.of(new Verdict(message(e)));
        }
    }

    private Connection connection(long schemaId, DatabaseSchema schema) throws SQLException {
        Map<Long, Connection> mine = open.get();
        Connection c = mine.get(schemaId);
        if (c != null && !c.isClosed()) {
            return c;
        }
        c = DriverManager.getConnection("jdbc:sqlite::memory:");
        all.add(c);
        try (Statement s = c.createStatement()) {
            for (SchemaTable t : schema.tables()) {
                String name = t.name().toLowerCase(Locale.ROOT);
                if (name.equals("sqlite_sequence")) {
                    // SQLite keeps this table itself: it exists once a table has AUTOINCREMENT
                    s.execute("CREATE TABLE \"pair studio: sqlite_sequence\" (id INTEGER PRIMARY KEY AUTOINCREMENT)");
                } else if (!name.startsWith("sqlite_")) {
                    try {
                        s.execute(createTable(t));
                    } catch (SQLException e) {
                        // one table SQLite cannot create (a duplicate name): the others still check
                    }
                }
            }
            s.execute("PRAGMA query_only = ON");
        }
        mine.put(schemaId, c);
        return c;
    }

    /** The table with its columns and declared types (SQLite takes any type name; an odd one is left out). */
    static String createTable(SchemaTable t) {
        StringBuilder b = new StringBuilder("CREATE TABLE ").append(quote(t.name())).append(" (");
        for (int i = 0; i < t.columns().size(); i++) {
            SchemaColumn col = t.columns().get(i);
            b.append(i == 0 ? "" : ", ").append(quote(col.name()));
            if (col.type().matches("[A-Za-z][A-Za-z0-9_ ]*(\\([0-9, ]*\\))?")) {
                b.append(' ').append(col.type());
            }
        }
        if (t.columns().isEmpty()) {
            b.append("\"pair studio: no columns\"");
        }
        return b.append(')').toString();
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String message(SQLException e) {
        String m = e.getMessage() == null ? "SQLite rejected the query" : e.getMessage().strip();
        Matcher w = WRAPPED.matcher(m);
        m = w.matches() ? w.group(1) : m;
        return m.length() > 300 ? m.substring(0, 297) + "..." : m;
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // an in-memory database: nothing to lose
        }
    }

    @Override
    public void close() {
        all.forEach(SqliteCheck::closeQuietly);
        all.clear();
    }
}
