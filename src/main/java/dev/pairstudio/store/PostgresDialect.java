package dev.pairstudio.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A team's database on a PostgreSQL server, behind a HikariCP pool. The password is handed to
 * the pool only (never put in the URL, a setting or a message); see {@link PostgresLocation}.
 */
final class PostgresDialect implements StoreDialect {
    /** Connections per store: a writer, index refreshes and page reads of one window at once. */
    private static final int POOL_SIZE = 8;

    private final PostgresLocation where;
    /** This store's connections, as the server lists them: tells ours from a colleague's. */
    private final String applicationName =
            "Pair Studio " + UUID.randomUUID().toString().substring(0, 8);

    PostgresDialect(PostgresLocation where) {
        this.where = where;
    }

    /** {@code index/HASH.index} in the user data directory, HASH naming server, port and database (no user, no password). */
    @Override
    public Path indexSnapshot() {
        String key = where.host() + ":" + where.port() + "/" + where.database();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return UserDataDirectory.get()
                    .resolve("index")
                    .resolve(HexFormat.of().formatHex(digest, 0, 16) + ".index");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public String display() {
        return where.display();
    }

    @Override
    public Connected connect() {
        HikariConfig config = new HikariConfig();
        config.setPoolName("pairstudio-postgresql");
        config.setJdbcUrl(where.jdbcUrl());
        config.setUsername(where.user());
        if (where.password() != null) {
            config.setPassword(new String(where.password()));
        }
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(15_000);
        config.setInitializationFailTimeout(1); // a wrong password or an unreachable server fails at open, once
        // like H2's LOCK_TIMEOUT: a writer waits up to 30 s for another curator's bulk change, then fails
        config.setConnectionInitSql("SET lock_timeout = '30s'");
        config.addDataSourceProperty("reWriteBatchedInserts", "true"); // multi-row INSERTs from JDBC batches
        config.addDataSourceProperty("ApplicationName", applicationName);
        config.addDataSourceProperty("connectTimeout", "10");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw PostgresFailures.explain(where, e.getCause() instanceof SQLException s ? s : null, e);
        }
        return new Connected(pool, null, pool::close, pool);
    }

    /**
     * PostgreSQL keeps a dead version of every row a statement rewrote until VACUUM, and plain
     * VACUUM never gives the space back: analysing and grouping 100,000 imported pairs left
     * 108,846 dead analysis rows, 13 of the database's 72 MB. As H2 compacts its file, a store
     * that wrote {@link #COMPACT_AFTER_ROWS}+ rows rewrites the tables it writes to on close, when
     * no other client is connected (VACUUM FULL locks each table while it runs).
     */
    @Override
    public void beforeClose(Connection keeper, boolean writeFailed, long rowsWritten) throws SQLException {
        if (writeFailed || rowsWritten < COMPACT_AFTER_ROWS || !alone(keeper)) {
            return;
        }
        keeper.setAutoCommit(true); // VACUUM runs outside transactions
        try (Statement s = keeper.createStatement()) {
            s.execute("VACUUM (FULL) pairs, analysis, trash, validation");
        }
    }

    /** Whether no client but this store is connected to the database. */
    private boolean alone(Connection c) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "
                        + "AND backend_type = 'client backend' AND application_name <> ?")) {
            s.setString(1, applicationName);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1) == 0;
            }
        }
    }

    @Override
    public List<String> migrations() {
        return List.of("classpath:db/migration-postgresql", COMMON_MIGRATIONS);
    }

    @Override
    public String tablesQuery() {
        return "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()";
    }

    @Override
    public String notOursMessage() {
        return "The PostgreSQL database " + where.display() + " holds tables of another application; give Pair Studio "
                + "a database of its own (createdb) and leave this one untouched";
    }

    @Override
    public String upsert(String table, String key, List<String> columns, String source) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") " + source + " ON CONFLICT (" + key
                + ") DO UPDATE SET "
                + columns.stream()
                        .filter(c -> !c.equals(key))
                        .map(c -> c + " = EXCLUDED." + c)
                        .collect(Collectors.joining(", "));
    }

    /**
     * POSIX regular expressions (PostgreSQL's {@code ~}, every version; {@code regexp_like} needs
     * 15+): the usual patterns ({@code \\d}, classes, anchors, alternation) mean the same as in Java.
     */
    @Override
    public String regexMatch(String column) {
        return column + " ~ ?";
    }

    @Override
    public String keepBitsAndSet(String column) {
        return "((" + column + " & CAST(? AS BIGINT)) | CAST(? AS BIGINT))";
    }

    /**
     * Reserved up front: the driver neither rewrites a batch that returns generated keys into
     * multi-row INSERTs (pgjdbc #3683) nor is safe with large ones (pgjdbc #194 can block). Writers
     * are serialised by the store clock, so the ids of one batch are consecutive.
     */
    @Override
    public List<Long> reserveIds(Connection c, int n) throws SQLException {
        List<Long> ids = new ArrayList<>(n);
        try (PreparedStatement s = c.prepareStatement(
                "SELECT nextval(pg_get_serial_sequence('pairs', 'id')) FROM generate_series(1, ?)")) {
            s.setInt(1, n);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        }
        Collections.sort(ids);
        return ids;
    }

    @Override
    public String generatedIdColumn() {
        return "id";
    }

    @Override
    public void forceToDisk(Connection c) {
        // a committed transaction is already on disk (synchronous_commit, the server's default)
    }

    @Override
    public void backup(Connection c, Path file) {
        throw new StoreException("A team database on PostgreSQL is backed up on its server: run pg_dump "
                + where.database() + " there, or copy it into an H2 file with: pairstudio migrate --from "
                + where.display() + " --to FILE");
    }
}
