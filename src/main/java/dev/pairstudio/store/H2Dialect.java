package dev.pairstudio.store;

import dev.pairstudio.store.index.ChangeLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The embedded database: one H2 file (or memory) behind H2's small connection pool. Settings,
 * and why (measured with bench/run.sh and docs/BENCHMARKS.md):
 * <ul>
 * <li>{@code AUTO_SERVER=TRUE}: the GUI and a CLI command can use one file at once; the first
 * opener serves the others over a loopback socket.</li>
 * <li>{@code LAZY_QUERY_EXECUTION=TRUE}: result sets stream instead of being materialised.</li>
 * <li>{@code MAX_COMPACT_TIME=5000}: closing may spend up to 5 s compacting. After analysing
 * 100k pairs the file held 138 MB of which 87 MB were superseded pages; H2's default 0.2 s left
 * them, 1.7 s brought the file back to 1.3x the JSONL.</li>
 * <li>No {@code COMPRESS}: with it H2 also raises the page size from 4 KB to 64 KB, so reading
 * one row decompresses and decodes a page of ~90 rows. At 1M pairs a page of 100 rows in
 * another order than by id (the table sorted by time, search results) read 2-4x faster without
 * (100 random rows: 4-8 ms instead of 10-16 ms; 1,000: 20 ms instead of 83-133 ms), every
 * collector commit stopped compressing a 64 KB page, and rewriting rows (analysis, curation)
 * supersedes 4 KB instead of 64 KB: 1M pairs took 210 MB after the import's compaction (0.50x
 * the JSONL) and 273 MB once analysed, before the next compaction (0.65x), where the compressed
 * file held 799 MB at that point. Files written compressed stay readable.</li>
 * <li>{@code LOCK_TIMEOUT=30000}: writers queue on the store clock ({@link ChangeLog}); a bulk
 * change of 100,000 pairs holds it for seconds, and the next writer waits rather than fails.</li>
 * <li>{@code WRITE_DELAY=0}: no background writer. With H2's default (500 ms) a background thread
 * and two executors write chunks behind the committing thread, and a SIGKILL at the wrong moment
 * left a file H2 could not open again ("Chunk N not found", issue 25; the measurements are in
 * docs/DECISIONS.md). Now the committing thread writes its chunk itself: {@link #writeOut} after
 * every write, {@link #forceToDisk} (fsync) at most once a second for derived data and imports,
 * after every write a user or a client was told about.</li>
 * </ul>
 */
final class H2Dialect implements StoreDialect {
    private static final String USER = "sa";
    /** H2's page cache, in KB: see {@link #settings()}. */
    static final int CACHE_KB = 4096;

    private final H2Location where;
    private final char[] password;

    /** @param password non-null opens an AES-encrypted file */
    H2Dialect(H2Location where, char[] password) {
        this.where = where;
        this.password = password;
    }

    @Override
    public String display() {
        return where.display();
    }

    @Override
    public Connected connect() {
        if (!where.inMemory()) {
            try {
                Files.createDirectories(where.file().getParent());
                if (!Files.exists(where.file())) {
                    createWithSchema();
                }
            } catch (IOException e) {
                throw new StoreException("Cannot create the database " + where.display() + ": " + e.getMessage(), e);
            }
        }
        return open(where.url());
    }

    /**
     * A new file gets its schema under a temporary name and is linked into place once Flyway is
     * done. H2 commits every DDL statement on its own, so a kill inside the first migration left a
     * half-made schema that no later open could migrate ("Constraint PAIRS_PAIR_ID not found",
     * issue 25). A link never replaces a file another process created meanwhile: then that one is used.
     */
    private void createWithSchema() throws IOException {
        Path file = where.file();
        String name = file.getFileName().toString();
        String partialName = name.substring(0, name.length() - H2Location.SUFFIX.length()) + ".partial-"
                + ProcessHandle.current().pid();
        Path partial = file.resolveSibling(partialName + H2Location.SUFFIX);
        Files.deleteIfExists(partial); // left by a killed process that had our pid
        Connected c = open("jdbc:h2:file:" + file.resolveSibling(partialName));
        try {
            Schema.migrate(c.source(), this);
        } finally {
            try {
                c.keeper().close(); // the last connection: H2 closes the file
            } catch (SQLException e) {
                // the pool's dispose below closes what is left
            }
            c.dispose().run();
        }
        try {
            Files.createLink(file, partial);
        } catch (FileAlreadyExistsException otherProcessWasFirst) {
            // its file is as good as ours
        } catch (UnsupportedOperationException | IOException noHardLinks) {
            Files.move(partial, file); // without REPLACE_EXISTING: fails rather than replace
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private Connected open(String location) {
        // H2 takes "filePassword userPassword"; the user password is empty. Hex keeps spaces in a
        // passphrase from being read as that separator.
        String pw = password == null
                ? ""
                : HexFormat.of().formatHex(new String(password).getBytes(StandardCharsets.UTF_8)) + " ";
        String url = location + settings();
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, USER, pw);
        pool.setMaxConnections(16);
        try {
            // H2's pooled connections take a lock around every JDBC call (each getString of every
            // row): a plain connection read 1M rows about a fifth faster
            JdbcDataSource plain = new JdbcDataSource();
            plain.setURL(url);
            plain.setUser(USER);
            plain.setPassword(pw);
            return new Connected(pool, pool.getConnection(), pool::dispose, plain);
        } catch (SQLException e) {
            pool.dispose();
            throw OpenFailures.explain(where, password != null, e);
        }
    }

    private String settings() {
        // CACHE_SIZE (KB) of decoded pages: H2's 16 MB default kept every page a scan read alive
        // long enough to be copied by each young collection and promoted; at 256 MB heap that was
        // 1.7 s of GC in a 5.8 s pass over 1M pairs. With 4 MB: 0.4 s in 3.9 s, and reads by id
        // (pages of the table, search, statistics) as fast, the OS caching the file below.
        StringBuilder s = new StringBuilder(
                ";LAZY_QUERY_EXECUTION=TRUE;LOCK_TIMEOUT=30000;MAX_COMPACT_TIME=5000;WRITE_DELAY=0;CACHE_SIZE="
                        + CACHE_KB);
        if (!where.inMemory()) {
            s.append(";AUTO_SERVER=TRUE");
        }
        if (password != null) {
            s.append(";CIPHER=AES");
        }
        return s.toString();
    }

    /**
     * {@code NAME.index} beside {@code NAME.mv.db}. None in memory, and none for an encrypted file:
     * the snapshot holds words and text prefixes of the pairs, which must not sit unencrypted beside it.
     */
    @Override
    public Path indexSnapshot() {
        if (where.inMemory() || password != null) {
            return null;
        }
        String name = where.file().getFileName().toString();
        return where.file().resolveSibling(name.substring(0, name.length() - H2Location.SUFFIX.length()) + ".index");
    }

    @Override
    public List<String> migrations() {
        return List.of("classpath:db/migration", COMMON_MIGRATIONS);
    }

    @Override
    public String tablesQuery() {
        return "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'";
    }

    @Override
    public String notOursMessage() {
        return "The file " + where.display() + " is an H2 database but not a Pair Studio "
                + "database; choose another file (Pair Studio leaves this one untouched)";
    }

    @Override
    public String upsert(String table, String key, List<String> columns, String source) {
        return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + key + ") " + source;
    }

    /** No {@code SET COLLATION}: H2 compares strings as {@link String#compareTo} (checked by QuestionOrderTest). */
    @Override
    public java.util.Comparator<String> textCollation() {
        return String::compareTo;
    }

    @Override
    public String regexMatch(String column) {
        return "REGEXP_LIKE(" + column + ", ?)"; // Java's regular expressions, as the filter checks them
    }

    @Override
    public String keepBitsAndSet(String column) {
        return "BITOR(BITAND(" + column + ", CAST(? AS BIGINT)), CAST(? AS BIGINT))";
    }

    @Override
    public String generatedIdColumn() {
        return "ID";
    }

    @Override
    public void forceToDisk(Connection c) throws SQLException {
        checkpoint(c, "CHECKPOINT SYNC");
    }

    /** With {@code WRITE_DELAY=0} no background thread writes commits: this writes them, without fsync. */
    @Override
    public void writeOut(Connection c) throws SQLException {
        checkpoint(c, "CHECKPOINT");
    }

    private void checkpoint(Connection c, String statement) throws SQLException {
        if (!where.inMemory()) {
            try (Statement s = c.createStatement()) {
                s.execute(statement);
            }
        }
    }

    /**
     * A file database is copied with {@code BACKUP TO} (a zip holding the .mv.db, consistent while
     * others write); an in-memory one is written as a SQL script.
     */
    @Override
    public void backup(Connection c, Path file) throws SQLException {
        try (Statement s = c.createStatement()) {
            String quoted = "'" + file.toString().replace("'", "''") + "'";
            s.execute(where.inMemory() ? "SCRIPT TO " + quoted : "BACKUP TO " + quoted);
        }
    }

    @Override
    public void beforeClose(Connection keeper, boolean writeFailed, long rowsWritten) throws SQLException {
        if (writeFailed) {
            // The file could not be written (a full disk): close without the final write, or H2 keeps
            // the failed database open in this process and the next open gets the broken one.
            try (Statement s = keeper.createStatement()) {
                s.execute("SHUTDOWN IMMEDIATELY");
            }
        } else if (!where.inMemory() && rowsWritten >= COMPACT_AFTER_ROWS && aloneOnTheFile(keeper)) {
            try (Statement s = keeper.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
        }
    }

    /** Whether only this process uses the database (no session over the network, ours included). */
    private static boolean aloneOnTheFile(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE CLIENT_ADDR IS NOT NULL")) {
            r.next();
            return r.getLong(1) == 0;
        }
    }

    @Override
    public boolean writeFailed(SQLException e) {
        return String.valueOf(e.getMessage()).contains("MVStoreException: Writing to");
    }
}
