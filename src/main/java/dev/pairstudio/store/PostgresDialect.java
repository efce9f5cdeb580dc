package dev.pairstudio.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A team's database on a PostgreSQL server, behind a HikariCP pool. The password is handed to
 * the pool only (never put in the URL, a setting or a message); see {@link PostgresLocation}.
 */
final class PostgresDialect implements StoreDialect {
    /** Connections per store: a writer, index refreshes and page reads of one window at once. */
    private static final int POOL_SIZE = 8;

    private final PostgresLocation where;

    PostgresDialect(PostgresLocation where) {
        this.where = where;
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
        config.addDataSourceProperty("ApplicationName", "Pair Studio");
        config.addDataSourceProperty("connectTimeout", "10");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw PostgresFailures.explain(where, e.getCause() instanceof SQLException s ? s : null, e);
        }
        return new Connected(pool, null, pool::close);
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
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") " + source + " ON CONFLICT (" + key + ") DO UPDATE SET "
                + columns.stream().filter(c -> !c.equals(key)).map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
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
        List<Long> ids = new java.util.ArrayList<>(n);
        try (java.sql.PreparedStatement s = c.prepareStatement(
                "SELECT nextval(pg_get_serial_sequence('pairs', 'id')) FROM generate_series(1, ?)")) {
            s.setInt(1, n);
            try (java.sql.ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        }
        java.util.Collections.sort(ids);
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
        throw new StoreException("A team database on PostgreSQL is backed up on its server: run pg_dump " + where.database()
                + " there, or copy it into an H2 file with: pairstudio migrate --from " + where.display() + " --to FILE");
    }
}
