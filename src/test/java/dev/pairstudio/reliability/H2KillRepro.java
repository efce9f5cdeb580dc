package dev.pairstudio.reliability;

import dev.pairstudio.app.Main;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The reduced reproduction of issue 25's "Chunk N not found": a child JVM writes to an H2 file the
 * way {@code JdbcPairStore} does (batches of 1,000 inserts, then batched updates of the same rows,
 * a change-log row per transaction, {@code CHECKPOINT SYNC} at most once a second), is killed with
 * SIGKILL by its PID 0-3 s after the updates began, and the file is reopened and read whole.
 * Counts the reopenings that fail per number of kills, and keeps each failed file as the kill left it.
 *
 * <pre>
 * java -cp … dev.pairstudio.reliability.H2KillRepro DIR KILLS "URL-SETTINGS" [SEED]
 *   e.g. DIR 200 ";LAZY_QUERY_EXECUTION=TRUE;MAX_COMPACT_TIME=5000;CACHE_SIZE=4096;WRITE_DELAY=0"
 * java -cp … dev.pairstudio.reliability.H2KillRepro --cli DIR KILLS SEED     (the real import; the H2
 *   settings are those of the classes on the class path)
 * java -cp … dev.pairstudio.reliability.H2KillRepro --open KILLED.mv.db "URL-SETTINGS"   (one file)
 * </pre>
 * Not a test (it runs for minutes): the numbers it prints are in docs/DECISIONS.md (issue 25).
 */
public final class H2KillRepro {
    private H2KillRepro() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            child(Path.of(args[1]), args[2]);
            return;
        }
        if (args.length > 0
                && args[0].equals("--open")) { // --open KILLED.mv.db SETTINGS: opens a copy, says what happened
            Path copy = Files.createTempDirectory("h2open").resolve("pairs.mv.db");
            Files.copy(Path.of(args[1]), copy);
            String said = reopen(copy.resolveSibling("pairs"), args[2]);
            System.out.println(said == null ? "reopened" : "FAILED " + said);
            return;
        }
        if (args.length > 0 && args[0].equals("--cli")) {
            cli(Path.of(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]));
            return;
        }
        Path dir = Path.of(args[0]);
        int kills = Integer.parseInt(args[1]);
        String settings = args[2];
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 25;
        Random random = new Random(seed);
        Map<String, Integer> failures = new TreeMap<>();
        int failed = 0;
        long started = System.nanoTime();
        for (int i = 1; i <= kills; i++) {
            Path run = dir.resolve("run");
            clear(run);
            Files.createDirectories(run);
            Path db = run.resolve("pairs");
            Process child = Reliability.child(H2KillRepro.class, List.of(), "--child", db.toString(), settings);
            long delayMs = random.nextInt(3_000);
            String said;
            try (var r = Reliability.reader(child)) {
                String line = r.readLine(); // "analysing": the first rows are stored, updates begin among the inserts
                if (!"analysing".equals(line)) {
                    throw new IllegalStateException("child said " + line);
                }
                Thread.sleep(delayMs);
            } finally {
                child.destroyForcibly(); // SIGKILL, by its own handle
                child.waitFor(30, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(run.resolve("pairs.lock.db")); // its owner is dead: no need to wait out the stale lock
            Path killed = run.resolve("killed.mv.db");
            Files.copy(run.resolve("pairs.mv.db"), killed); // as the kill left it: opening it writes to it
            said = reopen(db, settings);
            if (said != null) {
                failed++;
                failures.merge(said.replaceAll("\\d+", "N"), 1, Integer::sum);
                Files.copy(killed, dir.resolve("failed-" + i + ".mv.db"));
            }
            System.out.printf(
                    "kill %d %d ms into the updates: %s%n", i, delayMs, said == null ? "reopened" : "FAILED " + said);
        }
        System.out.printf(
                "RESULT settings=%s kills=%d failed=%d (%.1f%%) in %d s %s%n",
                settings,
                kills,
                failed,
                100.0 * failed / kills,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started),
                failures);
    }

    /**
     * The same with the real code: `pairstudio import` of 40,000 pairs in a child JVM, killed up to
     * 20 s after it began to store (storing, analysing or grouping), the file opened again by
     * {@code Databases}.
     * The H2 settings are those of the classes on the class path.
     */
    private static void cli(Path dir, int kills, long seed) throws Exception {
        Files.createDirectories(dir);
        Path pairs = dir.resolve("pairs.jsonl");
        if (!Files.exists(pairs)) {
            CliRun.of("generate", "--count", "40000", "--seed", "25", "--output", pairs.toString());
        }
        Random random = new Random(seed);
        Map<String, Integer> failures = new TreeMap<>();
        int failed = 0;
        int finished = 0;
        for (int i = 1; i <= kills; i++) {
            Path run = dir.resolve("run");
            clear(run);
            Files.createDirectories(run);
            Path db = run.resolve("pairs");
            long delayMs = random.nextInt(20_000);
            Process child = Reliability.child(Main.class, List.of(), "--db", db.toString(), "import", pairs.toString());
            Reliability.Output out = new Reliability.Output(child);
            Path file = run.resolve("pairs.mv.db");
            // past creating the schema (a kill inside Flyway's migration is another matter): pairs are being stored
            while (child.isAlive() && !(Files.exists(file) && Files.size(file) > 1 << 20)) {
                Thread.sleep(5);
            }
            boolean exited = child.waitFor(delayMs, TimeUnit.MILLISECONDS);
            child.destroyForcibly(); // SIGKILL, by its own handle
            child.waitFor(30, TimeUnit.SECONDS);
            if (exited) {
                finished++;
                System.out.printf("run %d: it had finished before the kill %d ms into storing%n", i, delayMs);
                continue;
            }
            out.finish();
            String phase = out.text().contains("analysed:")
                    ? "grouping"
                    : out.text().contains("Imported ") ? "analysing" : "storing";
            Files.deleteIfExists(run.resolve("pairs.lock.db"));
            Path killed = run.resolve("killed.mv.db");
            Files.copy(run.resolve("pairs.mv.db"), killed);
            String said;
            try (Database store = Databases.open(db.toString())) {
                Reliability.live(store);
                said = null;
            } catch (RuntimeException e) {
                Throwable t = e;
                while (t.getCause() != null) {
                    t = t.getCause();
                }
                said = t.getClass().getSimpleName() + ": " + t.getMessage();
            }
            if (said != null) {
                failed++;
                failures.merge(said.replaceAll("\\d+", "N"), 1, Integer::sum);
                Files.copy(killed, dir.resolve("failed-" + seed + "-" + i + ".mv.db"));
            }
            System.out.printf(
                    "kill %d %d ms into storing (%s): %s%n",
                    i, delayMs, phase, said == null ? "reopened" : "FAILED " + said);
        }
        System.out.printf(
                "RESULT cli kills=%d failed=%d not-midway=%d %s%n", kills - finished, failed, finished, failures);
    }

    /** Opens the killed file and reads every row; the failure's message, or null. */
    private static String reopen(Path db, String settings) {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db + settings, "sa", "");
                Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT COUNT(*), SUM(LENGTH(question)), SUM(flags) FROM pairs")) {
                r.next();
            }
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM pairs WHERE pair_id > ''")) { // the secondary index
                r.next();
            }
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM change_log")) {
                r.next();
            }
            return null;
        } catch (SQLException | RuntimeException e) {
            Throwable t = e;
            while (t.getCause() != null) {
                t = t.getCause();
            }
            return t.getClass().getSimpleName() + ": " + t.getMessage();
        }
    }

    private static void clear(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p :
                        s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    // ---- the child: writes until it is killed ----------------------------------------------------

    private static final int BATCH = 1_000;
    /** Rows inserted before the updates ("analysis") begin; then both alternate. */
    private static final int STORE_FIRST = 10_000;

    private static void child(Path db, String settings) throws SQLException {
        String url = "jdbc:h2:file:" + db + settings;
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS pairs (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "
                        + "pair_id VARCHAR(200) NOT NULL, question VARCHAR NOT NULL, sql_text VARCHAR NOT NULL, "
                        + "metadata VARCHAR NOT NULL DEFAULT '{}', flags BIGINT NOT NULL DEFAULT 0, analysis VARCHAR)");
                s.execute("CREATE INDEX IF NOT EXISTS pairs_pair_id ON pairs (pair_id)");
                s.execute(
                        "CREATE TABLE IF NOT EXISTS change_log (seq BIGINT PRIMARY KEY, first_id BIGINT, last_id BIGINT, "
                                + "ids VARCHAR, logged_at TIMESTAMP)");
            }
        }
        Random random = new Random();
        long seq = 0;
        long stored = 0;
        long analysed = 0;
        long lastSync = 0;
        Connection c = DriverManager.getConnection(url, "sa", "");
        while (true) {
            c.setAutoCommit(false);
            boolean analyse =
                    stored >= STORE_FIRST && (analysed < stored && (stored >= 200_000 || random.nextBoolean()));
            if (analyse) {
                if (analysed == 0) {
                    System.out.println("analysing");
                    System.out.flush();
                }
                try (PreparedStatement u =
                        c.prepareStatement("UPDATE pairs SET flags = ?, analysis = ? WHERE id = ?")) {
                    for (int i = 0; i < BATCH; i++) {
                        long id = ++analysed;
                        u.setLong(1, random.nextInt(64));
                        u.setString(
                                2,
                                "{\"type\":\"SELECT\",\"tables\":[\"t" + (id % 97) + "\"],\"tokens\":"
                                        + random.nextInt(200) + "}");
                        u.setLong(3, id);
                        u.addBatch();
                    }
                    u.executeBatch();
                }
            } else {
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO pairs (pair_id, question, sql_text, metadata) VALUES (?,?,?,?)")) {
                    for (int i = 0; i < BATCH; i++) {
                        long n = ++stored;
                        p.setString(1, "pair-" + n);
                        p.setString(
                                2,
                                "How many orders did customer " + n + " place in " + (2000 + n % 25) + " by region?");
                        p.setString(
                                3, "SELECT region, COUNT(*) FROM orders WHERE customer_id = " + n + " GROUP BY region");
                        p.setString(
                                4,
                                "{\"model\":\"m" + (n % 7) + "\",\"session\":\"" + Long.toHexString(random.nextLong())
                                        + "\"}");
                        p.addBatch();
                    }
                    p.executeBatch();
                }
            }
            try (PreparedStatement l = c.prepareStatement(
                    "INSERT INTO change_log (seq, first_id, last_id, ids, logged_at) VALUES (?,?,?,?,CURRENT_TIMESTAMP)")) {
                l.setLong(1, ++seq);
                l.setLong(2, seq);
                l.setLong(3, seq + BATCH);
                l.setString(4, null);
                l.executeUpdate();
            }
            c.commit();
            if (System.nanoTime() - lastSync
                    > 1_000_000_000L) { // JdbcPairStore.sync: at most once a second for an import
                try (Statement s = c.createStatement()) {
                    s.execute("CHECKPOINT SYNC");
                }
                lastSync = System.nanoTime();
            }
        }
    }
}
