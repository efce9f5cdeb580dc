package dev.pairstudio.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pairstudio.store.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * "Does not run" against a live database instead of H2 (issue 15): {@code EXPLAIN} of the pair's
 * SQL (never the SQL itself) on one connection per database that is read-only unless writes are
 * allowed for that database, with a statement timeout, each statement inside a transaction that
 * is always rolled back. DML/DDL is never sent unless {@link Config#allowWrites()}. One statement
 * at a time (a JDBC connection is not shared between threads). Connections are remembered per
 * database name in the setting {@value #SETTING} (URL, user, the name of the environment
 * variable holding the password; never the password).
 */
public final class LiveExplain implements AutoCloseable {
    public static final String SETTING = "validation.live.by_database";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How to reach one database's live copy. */
    public record Config(String url, String user, String passwordEnv, int timeoutSeconds, boolean allowWrites) {
        public Config {
            if (url == null || !url.startsWith("jdbc:")) {
                throw new IllegalArgumentException(
                        "a live connection needs a JDBC URL (jdbc:...), not \"" + url + "\"");
            }
            if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:sqlserver:")) {
                throw new IllegalArgumentException(
                        "SQL Server has no EXPLAIN statement: live checks support H2, PostgreSQL, "
                                + "MySQL/MariaDB, SQLite and Oracle URLs");
            }
            if (timeoutSeconds < 1) {
                throw new IllegalArgumentException(
                        "the statement timeout must be at least 1 second, not " + timeoutSeconds);
            }
        }
    }

    private final String databaseName;
    private final Config config;
    private final Connection connection;
    private final String prefix;

    private LiveExplain(String databaseName, Config config, Connection connection) {
        this.databaseName = databaseName;
        this.config = config;
        this.connection = connection;
        this.prefix =
                config.url().toLowerCase(Locale.ROOT).startsWith("jdbc:oracle:") ? "EXPLAIN PLAN FOR " : "EXPLAIN ";
    }

    public String databaseName() {
        return databaseName;
    }

    public Config config() {
        return config;
    }

    // ---- stored configuration -----------------------------------------------------------

    /** The remembered live connections, by database name. */
    public static Map<String, Config> stored(Database store) {
        Map<String, Config> out = new TreeMap<>();
        String text = store.setting(SETTING).orElse(null);
        if (text == null || text.isBlank()) {
            return out;
        }
        try {
            JsonNode root = JSON.readTree(text);
            root.fields().forEachRemaining(e -> {
                JsonNode c = e.getValue();
                out.put(
                        e.getKey(),
                        new Config(
                                c.path("url").asText(),
                                c.hasNonNull("user") ? c.get("user").asText() : null,
                                c.hasNonNull("password_env")
                                        ? c.get("password_env").asText()
                                        : null,
                                c.path("timeout_seconds").asInt(5),
                                c.path("allow_writes").asBoolean(false)));
            });
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "The setting " + SETTING + " is not valid (" + e.getMessage()
                            + "); set the live connection again with validate --database NAME --live-jdbc URL",
                    e);
        }
        return out;
    }

    /** Remembers (or with a null config forgets) one database's live connection. */
    public static synchronized void remember(Database store, String databaseName, Config config) {
        Map<String, Config> all = stored(store);
        if (config == null) {
            all.remove(databaseName);
        } else {
            all.put(databaseName, config);
        }
        ObjectNode root = JSON.createObjectNode();
        all.forEach((name, c) -> {
            ObjectNode o = root.putObject(name);
            o.put("url", c.url());
            if (c.user() != null) {
                o.put("user", c.user());
            }
            if (c.passwordEnv() != null) {
                o.put("password_env", c.passwordEnv());
            }
            o.put("timeout_seconds", c.timeoutSeconds());
            o.put("allow_writes", c.allowWrites());
        });
        store.putSetting(SETTING, root.toString());
    }

    // ---- connecting and checking --------------------------------------------------------

    /**
     * Connects within the statement timeout (a server that hangs costs at most that long).
     *
     * @throws JdbcSchemaReader.ConnectionFailure with a message naming the database and URL (no password)
     */
    public static LiveExplain connect(String databaseName, Config config) throws JdbcSchemaReader.ConnectionFailure {
        String password = null;
        if (config.passwordEnv() != null) {
            password = System.getenv(config.passwordEnv());
            if (password == null) {
                throw new JdbcSchemaReader.ConnectionFailure(
                        "The live connection of " + databaseName + " takes its password from the "
                                + "environment variable " + config.passwordEnv()
                                + ", which is not set; set it and run again",
                        null);
            }
        }
        String pw = password;
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "live-connect");
            t.setDaemon(true);
            return t;
        });
        Future<Connection> opening = worker.submit(() -> {
            Properties props = new Properties();
            if (config.user() != null) {
                props.setProperty("user", config.user());
            }
            if (pw != null) {
                props.setProperty("password", pw);
            }
            DriverManager.setLoginTimeout(config.timeoutSeconds());
            Connection c = DriverManager.getConnection(config.url(), props);
            try {
                c.setReadOnly(!config.allowWrites());
                c.setAutoCommit(false);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            return c;
        });
        String where = databaseName + " (" + JdbcSchemaReader.safe(config.url()) + ")";
        try {
            return new LiveExplain(databaseName, config, opening.get(config.timeoutSeconds(), TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            opening.cancel(true);
            throw new JdbcSchemaReader.ConnectionFailure(
                    "No answer from the live database of " + where + " within " + config.timeoutSeconds() + " s", e);
        } catch (ExecutionException e) {
            String first = String.valueOf(e.getCause().getMessage())
                    .lines()
                    .findFirst()
                    .orElse("");
            throw new JdbcSchemaReader.ConnectionFailure(
                    "Cannot connect to the live database of " + where + ": " + first, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JdbcSchemaReader.ConnectionFailure("Interrupted while connecting to " + where, e);
        } finally {
            worker.shutdown();
        }
    }

    /**
     * EXPLAINs one statement. Empty when it runs, or when it writes and writes are not allowed
     * (then nothing is sent); otherwise the database's reason (first line).
     */
    public synchronized Optional<String> explain(String sql, boolean writes) {
        if (writes && !config.allowWrites()) {
            return Optional.empty();
        }
        String statement = sql.strip();
        while (statement.endsWith(";")) {
            statement = statement.substring(0, statement.length() - 1).strip();
        }
        try (Statement s = connection.createStatement()) {
            s.setQueryTimeout(config.timeoutSeconds());
            s.execute(prefix + statement);
            return Optional.empty();
        } catch (SQLTimeoutException e) {
            return Optional.of("no answer within " + config.timeoutSeconds() + " s");
        } catch (SQLException e) {
            return Optional.of(
                    String.valueOf(e.getMessage()).lines().findFirst().orElse("error " + e.getErrorCode()));
        } finally {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the connection is gone: the next statement says so
            }
        }
    }

    @Override
    public void close() {
        try {
            connection.rollback();
            connection.close();
        } catch (SQLException ignored) {
            // closing
        }
    }
}
