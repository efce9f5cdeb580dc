package dev.pairstudio.schema;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * "Does it run?": {@code EXPLAIN} (planned, never executed, no data needed) against an empty
 * in-memory H2 copy of the schema in the database type's compatibility mode, with a time limit.
 * One private in-memory database per schema version and mode per thread ({@link ThreadConnections}).
 * Only read statements are ever handed to it.
 */
final class ExplainCheck implements AutoCloseable {
    private static final int KEPT_PER_THREAD = 8;
    /** H2 keywords that schemas use as column names (year, value, …): plain identifiers here. */
    private static final Set<String> SOFT_KEYWORDS = Set.of(
            "YEAR",
            "MONTH",
            "DAY",
            "HOUR",
            "MINUTE",
            "SECOND",
            "VALUE",
            "KEY",
            "USER",
            "ROW",
            "ROWNUM",
            "TOP",
            "INTERVAL",
            "CURRENT_USER",
            "SYSDATE",
            "END",
            "MINUS",
            "DEFAULT",
            "VALUES",
            "SESSION_USER",
            "SYSTEM_USER",
            "UNKNOWN",
            "GROUPS",
            "QUALIFY",
            "IF",
            "ARRAY",
            "SET",
            "ANY");

    /**
     * H2 functions that touch files or other sessions. EXPLAIN does not run a query, but H2 opens
     * a table function's file to learn its columns ({@code CSVREAD} read a file at plan time in a
     * trial): SQL naming any of these is not planned at all, so a dataset's SQL can never make
     * Pair Studio read or write a local file.
     */
    private static final Pattern UNSAFE = Pattern.compile(
            "(?i)\\b(CSVREAD|CSVWRITE|FILE_READ|FILE_WRITE|LINK_SCHEMA|RUNSCRIPT|SCRIPT|BACKUP|ABORT_SESSION|CANCEL_SESSION"
                    + "|SLEEP|JAVA_OBJECT|DB_OBJECT_SQL|DB_OBJECT_ID|DB_OBJECT_SIZE|DATABASE_PATH|DISK_SPACE_USED|MEMORY_FREE|MEMORY_USED)\\b");

    private final long timeoutMillis;
    private final ThreadConnections connections = new ThreadConnections(KEPT_PER_THREAD);

    ExplainCheck(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    /** H2's reason the query would not run, or empty when it plans (or is not planned: see {@link #UNSAFE}). */
    Optional<String> explain(String sql, long schemaId, DatabaseSchema schema, String mode) {
        if (UNSAFE.matcher(sql).find()) {
            return Optional.empty();
        }
        Connection c;
        try {
            c = connection(schemaId, schema, mode);
        } catch (SQLException e) {
            return Optional.empty(); // our copy of the schema failed: no verdict rather than a false one
        }
        try (Statement s = c.createStatement()) {
            s.setQueryTimeout((int) Math.max(1, (timeoutMillis + 999) / 1000));
            s.execute("EXPLAIN " + stripSemicolon(sql));
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(firstLine(e.getMessage()));
        }
    }

    private Connection connection(long schemaId, DatabaseSchema schema, String mode) throws SQLException {
        return connections.get(schemaId + "/" + mode, () -> create(schema, mode));
    }

    private Connection create(DatabaseSchema schema, String mode) throws SQLException {
        Set<String> soft = new TreeSet<>();
        for (SchemaTable t : schema.tables()) {
            for (SchemaColumn col : t.columns()) {
                String upper = col.name().toUpperCase(Locale.ROOT);
                if (SOFT_KEYWORDS.contains(upper)) {
                    soft.add(upper);
                }
            }
        }
        String url = "jdbc:h2:mem:;MODE=" + mode + ";CASE_INSENSITIVE_IDENTIFIERS=TRUE;QUERY_TIMEOUT=" + timeoutMillis
                + (soft.isEmpty() ? "" : ";NON_KEYWORDS=" + String.join(",", soft));
        Connection c = DriverManager.getConnection(url, "sa", "");
        try (Statement s = c.createStatement()) {
            for (String ddl : createStatements(schema)) {
                try {
                    s.execute(ddl);
                } catch (SQLException e) {
                    // one table H2 cannot create (an odd name): the others still check
                }
            }
        }
        return c;
    }

    static List<String> createStatements(DatabaseSchema schema) {
        List<String> out = new ArrayList<>();
        for (SchemaTable t : schema.tables()) {
            StringBuilder b =
                    new StringBuilder("CREATE TABLE ").append(quote(t.name())).append(" (");
            for (int i = 0; i < t.columns().size(); i++) {
                SchemaColumn col = t.columns().get(i);
                b.append(i == 0 ? "" : ", ")
                        .append(quote(col.name()))
                        .append(' ')
                        .append(h2Type(col.type()));
            }
            if (t.columns().isEmpty()) {
                b.append("\"_no_columns\" INT");
            }
            out.add(b.append(')').toString());
        }
        return out;
    }

    /** A loose H2 type for a declared type of any dialect: EXPLAIN needs types that compare and compute alike. */
    static String h2Type(String declared) {
        String t = declared.toUpperCase(Locale.ROOT);
        if (t.contains("INT") || t.equals("NUMBER") || t.contains("SERIAL")) {
            return "BIGINT";
        }
        if (t.contains("BOOL") || t.equals("BIT")) {
            return "BOOLEAN";
        }
        if (t.contains("REAL")
                || t.contains("FLOA")
                || t.contains("DOUB")
                || t.contains("NUM")
                || t.contains("DEC")
                || t.contains("MONEY")) {
            return "DOUBLE PRECISION";
        }
        if (t.contains("TIMESTAMP") || t.contains("DATETIME")) {
            return "TIMESTAMP";
        }
        if (t.startsWith("DATE")) {
            return "DATE";
        }
        if (t.startsWith("TIME")) {
            return "TIME";
        }
        if (t.contains("BLOB") || t.contains("BINARY") || t.contains("BYTEA")) {
            return "VARBINARY";
        }
        return "VARCHAR";
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String stripSemicolon(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    /** H2 messages end with the SQL statement and error code in brackets: keep the reason. */
    private static String firstLine(String message) {
        String m = message == null ? "H2 rejected the query" : message;
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl);
        int bracket = m.indexOf("; SQL statement:");
        m = bracket < 0 ? m : m.substring(0, bracket);
        return m.length() > 300 ? m.substring(0, 297) + "..." : m;
    }

    @Override
    public void close() {
        connections.close();
    }
}
