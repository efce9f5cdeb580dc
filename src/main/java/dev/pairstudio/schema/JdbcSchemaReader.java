package dev.pairstudio.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads a schema from a live database through JDBC metadata only (tables, columns, types,
 * primary, unique and foreign keys): no query touches the data, the connection is read-only, and the
 * whole read has a time limit, so a server that hangs costs at most that long. The caller's
 * password is used for the connection and never stored (the stored source is the URL without it).
 */
public final class JdbcSchemaReader {
    private final long timeoutMillis;

    public JdbcSchemaReader(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    /** A failure with a message fit for the user: what, where, and the driver's first line. */
    public static final class ConnectionFailure extends Exception {
        public ConnectionFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @param schemaPattern the database schema to read (PUBLIC, dbo, …); null reads every non-system schema
     */
    public DatabaseSchema read(String url, String user, char[] password, String schemaPattern, String databaseName)
            throws ConnectionFailure {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "schema-from-jdbc");
            t.setDaemon(true);
            return t;
        });
        Future<DatabaseSchema> result = worker.submit(() -> readNow(url, user, password, schemaPattern, databaseName));
        try {
            return result.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new ConnectionFailure(
                    "No answer from " + safe(url) + " within " + timeoutMillis / 1000.0 + " s; nothing imported", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String first =
                    String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
            throw new ConnectionFailure("Cannot read the schema from " + safe(url) + ": " + first, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionFailure("Interrupted while reading the schema from " + safe(url), e);
        } finally {
            worker.shutdownNow();
        }
    }

    private DatabaseSchema readNow(String url, String user, char[] password, String schemaPattern, String databaseName)
            throws SQLException {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", new String(password));
        }
        DriverManager.setLoginTimeout((int) Math.max(1, timeoutMillis / 1000));
        try (Connection c = DriverManager.getConnection(url, props)) {
            c.setReadOnly(true);
            DatabaseMetaData md = c.getMetaData();
            Map<String, List<SchemaColumn>> columns = new LinkedHashMap<>();
            try (ResultSet r = md.getTables(null, schemaPattern, "%", new String[] {"TABLE", "VIEW", "BASE TABLE"})) {
                while (r.next()) {
                    String schema = r.getString("TABLE_SCHEM");
                    if (schemaPattern == null && isSystem(schema)) {
                        continue;
                    }
                    columns.put(r.getString("TABLE_NAME"), new ArrayList<>());
                }
            }
            try (ResultSet r = md.getColumns(null, schemaPattern, "%", "%")) {
                while (r.next()) {
                    List<SchemaColumn> list = columns.get(r.getString("TABLE_NAME"));
                    if (list != null && (schemaPattern != null || !isSystem(r.getString("TABLE_SCHEM")))) {
                        list.add(new SchemaColumn(r.getString("COLUMN_NAME"), r.getString("TYPE_NAME")));
                    }
                }
            }
            List<SchemaTable> tables = new ArrayList<>();
            for (Map.Entry<String, List<SchemaColumn>> e : columns.entrySet()) {
                List<String> keys = new ArrayList<>();
                try (ResultSet r = md.getPrimaryKeys(null, schemaPattern, e.getKey())) {
                    while (r.next()) {
                        keys.add(r.getString("COLUMN_NAME"));
                    }
                }
                List<ForeignKey> foreign = new ArrayList<>();
                try (ResultSet r = md.getImportedKeys(null, schemaPattern, e.getKey())) {
                    while (r.next()) {
                        foreign.add(new ForeignKey(
                                r.getString("FKCOLUMN_NAME"),
                                r.getString("PKTABLE_NAME"),
                                r.getString("PKCOLUMN_NAME")));
                    }
                }
                tables.add(new SchemaTable(
                        e.getKey(), e.getValue(), keys, foreign, uniqueKeys(md, schemaPattern, e.getKey())));
            }
            return new DatabaseSchema(databaseName, md.getDatabaseProductName().toLowerCase(Locale.ROOT), tables);
        }
    }

    /**
     * The table's unique indexes (constraints show up as their indexes), each as its columns in
     * index order; partial indexes (a filter condition) and expression indexes are left out. The
     * primary key's own index comes back too and is dropped by {@link SchemaTable}.
     */
    private static List<List<String>> uniqueKeys(DatabaseMetaData md, String schemaPattern, String table)
            throws SQLException {
        Map<String, TreeMap<Integer, String>> byIndex = new LinkedHashMap<>();
        Set<String> unusable = new HashSet<>();
        try (ResultSet r = md.getIndexInfo(null, schemaPattern, table, true, true)) {
            while (r.next()) {
                if (r.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic || r.getBoolean("NON_UNIQUE")) {
                    continue;
                }
                String index = r.getString("INDEX_NAME");
                String column = r.getString("COLUMN_NAME");
                if (column == null || r.getString("FILTER_CONDITION") != null) {
                    unusable.add(index);
                    continue;
                }
                byIndex.computeIfAbsent(index, k -> new TreeMap<>()).put((int) r.getShort("ORDINAL_POSITION"), column);
            }
        }
        List<List<String>> keys = new ArrayList<>();
        byIndex.forEach((index, columns) -> {
            if (!unusable.contains(index)) {
                keys.add(List.copyOf(columns.values()));
            }
        });
        return keys;
    }

    private static boolean isSystem(String schema) {
        String s = schema == null ? "" : schema.toUpperCase(Locale.ROOT);
        return s.equals("INFORMATION_SCHEMA")
                || s.equals("PG_CATALOG")
                || s.equals("SYS")
                || s.equals("MYSQL")
                || s.equals("PERFORMANCE_SCHEMA")
                || s.startsWith("PG_TOAST");
    }

    /** The URL without a password parameter, for messages and the stored source. */
    public static String safe(String url) {
        return url.replaceAll("(?i)(password|pwd)=[^;&]*", "$1=***");
    }
}
