package dev.pairstudio.store;

import dev.pairstudio.store.index.IndexSnapshot;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * What differs between the databases one {@link JdbcPairStore} runs on (H2 and PostgreSQL):
 * connecting, the migrations' location, the few statements whose syntax differs, and the file
 * housekeeping only an embedded database has. Everything else is one SQL text for both.
 */
interface StoreDialect {

    /**
     * An open connection pool; {@code keeper} (nullable) holds an in-memory database alive;
     * {@code streaming} hands out connections for reads of every row in order (exports).
     */
    record Connected(DataSource source, Connection keeper, Runnable dispose, DataSource streaming) {}

    /** For titles and messages: a file path, or a URL without password. */
    String display();

    /**
     * How the database orders text ({@code ORDER BY question}) when the JVM can compare the same
     * way; null: only the database knows (its collation), so the text ranks of the index ask it.
     */
    default java.util.Comparator<String> textCollation() {
        return null;
    }

    /** Opens the pool and one connection, turning failures into one line that says what to do. */
    Connected connect();

    /**
     * Flyway's locations of this database's migrations: its own folder, and {@link #COMMON_MIGRATIONS}
     * for those written in SQL both databases take (one version numbering for both).
     */
    List<String> migrations();

    /**
     * After this many rows written, closing compacts what the writes left behind, when no one else
     * uses the database. H2: its own compaction leaves the pages superseded by analysing and
     * grouping a large import (1M pairs, compressed pages: 799 MB, 1.9x the JSONL; rewritten in 4 s
     * to 222 MB, 0.53x). PostgreSQL: dead row versions (see {@code PostgresDialect.beforeClose}).
     */
    long COMPACT_AFTER_ROWS = 100_000;

    /** Migrations both databases run as they are (V6 onwards, so far). */
    String COMMON_MIGRATIONS = "classpath:db/migration-common";

    /** The names of the tables in the schema the store uses, to tell an empty or foreign database from ours. */
    String tablesQuery();

    /** Why a non-empty database without our history table is refused. */
    String notOursMessage();

    /**
     * Insert-or-update of {@code columns} on {@code key}, with the values from {@code source}
     * ({@code VALUES (...)} or a {@code SELECT}); columns left out keep their value on update.
     */
    String upsert(String table, String key, List<String> columns, String source);

    /** A condition true when {@code column} matches the regular expression given as one parameter. */
    String regexMatch(String column);

    /** {@code (column AND ?) OR ?} on BIGINT bit sets: the parameters are the bits kept and the bits set. */
    String keepBitsAndSet(String column);

    /**
     * Ids for {@code n} new pairs, ascending, taken from the id sequence before they are inserted;
     * null when the INSERT generates them and they are read back as generated keys.
     */
    default List<Long> reserveIds(Connection c, int n) throws SQLException {
        return null;
    }

    /** The name of the generated key column as the driver wants it for {@code getGeneratedKeys}. */
    String generatedIdColumn();

    /** Forces committed transactions to disk (PostgreSQL: a commit already is). */
    void forceToDisk(Connection c) throws SQLException;

    /**
     * Hands committed transactions to the operating system without forcing them to the disk: they
     * survive the process being killed, not a power cut. PostgreSQL: the server already has them.
     */
    default void writeOut(Connection c) throws SQLException {}

    /** Writes a consistent snapshot to {@code file}. */
    void backup(Connection c, Path file) throws SQLException;

    /**
     * Where this process keeps the in-memory index between runs ({@link IndexSnapshot}); null for
     * none. H2: beside the file. PostgreSQL: in each client's user data directory, keyed by server
     * and database.
     */
    default Path indexSnapshot() {
        return null;
    }

    /**
     * Last words before the pool closes: H2 compacts a file this process wrote much to, or
     * shuts down without writing when its file could not be written.
     */
    default void beforeClose(Connection keeper, boolean writeFailed, long rowsWritten) throws SQLException {}

    /** Whether this failure means the database file can no longer be written (a full disk). */
    default boolean writeFailed(SQLException e) {
        return false;
    }
}
