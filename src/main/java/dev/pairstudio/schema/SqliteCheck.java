package dev.pairstudio.schema;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real SQLite as the judge of SQLite pairs: {@code EXPLAIN} (compiled, never run) of the pair's
 * SQL against an empty in-memory SQLite database built from the stored schema, which is then made
 * read-only ({@code PRAGMA query_only}). Only single reading statements are handed to it
 * ({@link dev.pairstudio.sql.SqlAnalyzer#singleRead}); a statement has a time limit. One database
 * per schema version per thread ({@link ThreadConnections}).
 */
final class SqliteCheck implements AutoCloseable {
    private static final int KEPT_PER_THREAD = 8;
    /** sqlite-jdbc wraps SQLite's own message: "[SQLITE_ERROR] SQL error or missing database (no such column: x)". */
    private static final Pattern WRAPPED = Pattern.compile("^\\[SQLITE_[A-Z_]+\\][^(]*\\((.*)\\)\\s*$", Pattern.DOTALL);

    private static final Pattern NAMED =
            Pattern.compile("(?:no such (?:column|table): |ambiguous column name: |near \")([^\"\\s]+)");

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
    private final ThreadConnections connections = new ThreadConnections(KEPT_PER_THREAD);

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
        return connections.get(String.valueOf(schemaId), () -> create(schema));
    }

    private static Connection create(DatabaseSchema schema) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
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
        return c;
    }

    /** The table with its columns and declared types (SQLite takes any type name; an odd one is left out). */
    static String createTable(SchemaTable t) {
        StringBuilder b =
                new StringBuilder("CREATE TABLE ").append(quote(t.name())).append(" (");
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
        String m = e.getMessage() == null
                ? "SQLite rejected the query"
                : e.getMessage().strip();
        Matcher w = WRAPPED.matcher(m);
        m = w.matches() ? w.group(1) : m;
        return m.length() > 300 ? m.substring(0, 297) + "..." : m;
    }

    @Override
    public void close() {
        connections.close();
    }
}
