package dev.pairstudio.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;

/**
 * Real SQLite's word on the syntax of a SQLite pair that JSqlParser rejects: {@code EXPLAIN}
 * (compiled, never run) in an empty, read-only in-memory database. SQLite reads a statement to its
 * end before it resolves a name, so an error about a name ("no such table") means the syntax is
 * sound: with no schema every table is missing. Only single reading statements are asked
 * ({@link SqlAnalyzer#singleRead}). One database per thread, kept for the thread's life.
 */
final class SqliteSyntax {
    /** SQLite's errors raised after the statement was read whole: name resolution, not syntax. */
    private static final Set<String> AFTER_PARSING = Set.of(
            "no such table",
            "no such column",
            "no such function",
            "no such collation",
            "ambiguous column name",
            "wrong number of arguments",
            "misuse of aggregate",
            "misuse of window function",
            "no such window");

    private static final ThreadLocal<Connection> DATABASE = new ThreadLocal<>();

    private SqliteSyntax() {}

    /** Whether SQLite reads {@code sql} as a whole statement; false also when SQLite cannot be asked. */
    static boolean accepts(String sql) {
        try {
            Connection c = DATABASE.get();
            if (c == null || c.isClosed()) {
                c = DriverManager.getConnection("jdbc:sqlite::memory:");
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA query_only = ON");
                }
                DATABASE.set(c);
            }
            try (Statement s = c.createStatement()) {
                s.setQueryTimeout(2);
                s.execute("EXPLAIN " + sql);
                return true;
            } catch (SQLException e) {
                String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
                return AFTER_PARSING.stream().anyMatch(m::contains);
            }
        } catch (SQLException | RuntimeException | LinkageError e) {
            return false; // no SQLite here (its native library did not load): JSqlParser's verdict stands
        }
    }
}
