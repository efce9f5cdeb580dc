package dev.pairstudio.cli;

import dev.pairstudio.testing.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.PairStore;
import dev.pairstudio.store.PairStores;
import dev.pairstudio.store.StoredPair;
import java.util.Set;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** schema import, schema list and validate through the real command line on a real database file. */
class SchemaCommandsTest {
    static final String LINE = "{\"pair_id\": \"%s\", \"natural_language_query\": \"%s\", \"sql_query\": \"%s\", "
            + "\"timestamp\": \"2024-01-01T10:00:00\", \"database_type\": \"postgresql\", \"database_name\": \"%s\", \"success\": true}\n";

    @TempDir
    Path dir;
    String db;
    String out;
    String err;

    @BeforeEach
    void setUp() throws Exception {
        db = dir.resolve("test.mv.db").toString();
        Files.writeString(dir.resolve("pairs.jsonl"),
                String.format(LINE, "a1", "All customer names", "SELECT name FROM customers", "shop")
                + String.format(LINE, "a2", "Customer emails", "SELECT emial FROM customers", "shop")
                + String.format(LINE, "a3", "Top orders", "SELECT id FROM orders LIMIT 3", "shop")
                + String.format(LINE, "a4", "Staff", "SELECT * FROM staff", "hr"));
        Files.writeString(dir.resolve("shop.sql"), """
                CREATE TABLE customers (id SERIAL PRIMARY KEY, name TEXT, email TEXT);
                CREATE TABLE orders (id INT, customer_id INT REFERENCES customers(id), total NUMERIC);
                CREATE TABLE oops (id INT,);
                """);
    }

    int run(String... args) {
        CliRun r = CliRun.of(args);
        out = r.out();
        err = r.err();
        return r.code();
    }

    @Test
    void importReportsTheBadStatementByLineAndValidateCountsFlags() {
        assertThat(run("import", dir.resolve("pairs.jsonl").toString(), "--db", db)).isZero();
        assertThat(run("schema", "import", dir.resolve("shop.sql").toString(), "--database", "shop", "--dialect", "postgresql", "--db", db))
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(out).contains("Stored schema of shop, version 1: 2 tables, 6 columns")
                .contains("checked 3 pairs against it: 2 with a flag"); // the unknown column and the LIMIT hint
        assertThat(err).contains("shop.sql line 3").contains("CREATE TABLE oops");

        assertThat(run("schema", "list", "--tables", "--db", db)).isZero();
        assertThat(out).contains("shop").contains("v1").contains("customers (id, name, email)");

        assertThat(run("validate", "--db", db)).isZero();
        assertThat(out).contains("Validated 3 pairs").contains("UNKNOWN_COLUMN:            1")
                .contains("NON_DETERMINISTIC:         1 (hint)").contains("not checked, no schema for hr: 1");

        assertThat(run("stats", "--db", db)).isZero();
        assertThat(out).contains("Valid (schema): shop: 66.7 % of 3 validated (3 pairs)"); // a LIMIT hint is not an error
        assertThat(run("stats", "--json", "--db", db)).isZero();
        assertThat(out.replaceAll("\\s", "")).contains("\"schema_validity\":{\"shop\":{\"pairs\":3,\"validated\":3,\"valid\":2,");

        assertThat(run("list", "--flag", "UNKNOWN_COLUMN", "--db", db)).isZero();
        assertThat(out).contains("Customer emails").contains("1 of 1 matching pair").doesNotContain("All customer names");
    }

    @Test
    void pairsImportedAfterTheSchemaAreValidatedAtOnce() {
        assertThat(run("schema", "import", dir.resolve("shop.sql").toString(), "--database", "shop", "--create", "--db", db))
                .isEqualTo(Cli.BAD_INPUT); // the oops table
        assertThat(out).contains("note: no pair has database_name shop yet");
        assertThat(run("import", dir.resolve("pairs.jsonl").toString(), "--db", db)).isZero();
        assertThat(out).contains("validated against schemas: 3 (2 with a flag)");
    }

    @Test
    void readOnlyDatasetsFlagWritesWithoutRunningThem() throws Exception {
        Files.writeString(dir.resolve("w.jsonl"), String.format(LINE, "w1", "Remove customer 7", "DELETE FROM customers WHERE id = 7", "shop"));
        run("import", dir.resolve("w.jsonl").toString(), "--db", db);
        run("schema", "import", dir.resolve("shop.sql").toString(), "--database", "shop", "--db", db);
        assertThat(run("validate", "--read-only", "--db", db)).isZero();
        assertThat(out).contains("WRITE_STATEMENT:           1");
        assertThat(run("list", "--db", db)).isZero();
        assertThat(out).contains("Remove customer 7"); // flagged, never run, the pair untouched
    }

    @Test
    void readOnlyIsASettingPerDatabase() throws Exception {
        Files.writeString(dir.resolve("w.jsonl"), String.format(LINE, "w1", "Remove customer 7", "DELETE FROM customers WHERE id = 7", "shop")
                + String.format(LINE, "w2", "Clear the staging table", "DELETE FROM staging", "etl"));
        Files.writeString(dir.resolve("etl.sql"), "CREATE TABLE staging (id INT);");
        run("import", dir.resolve("w.jsonl").toString(), "--db", db);
        run("schema", "import", dir.resolve("shop.sql").toString(), "--database", "shop", "--db", db);
        assertThat(run("schema", "import", dir.resolve("etl.sql").toString(), "--database", "etl", "--db", db)).as(err).isZero();

        assertThat(run("validate", "--read-only", "--database", "shop", "--db", db)).isZero();
        assertThat(out).contains("Remembered: shop holds read-only questions").contains("WRITE_STATEMENT:           1");
        assertThat(run("schema", "list", "--db", db)).isZero();
        assertThat(out.lines().filter(l -> l.contains("read-only questions")).count()).isEqualTo(1); // shop's, not etl's
        // a later run over every database remembers it for shop only: etl's DELETE is a job, not a question
        assertThat(run("validate", "--db", db)).isZero();
        assertThat(out).contains("WRITE_STATEMENT:           1");
        assertThat(run("list", "--flag", "WRITE_STATEMENT", "--db", db)).isZero();
        assertThat(out).contains("Remove customer 7").doesNotContain("Clear the staging table");

        // the store-wide default covers databases without their own setting; an own "no" wins over it
        assertThat(run("validate", "--read-only", "--db", db)).isZero();
        assertThat(out).contains("WRITE_STATEMENT:           2");
        assertThat(run("validate", "--no-read-only", "--database", "etl", "--db", db)).isZero();
        assertThat(run("validate", "--db", db)).isZero();
        assertThat(out).contains("WRITE_STATEMENT:           1");
    }

    @Test
    void doesNotRunIsCheckedAgainstALiveCopyReadOnlyAndWritesAreNeverSent() throws Exception {
        String live = "jdbc:h2:" + dir.resolve("live").toAbsolutePath();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(live, "sa", "");
                java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50))");
            s.execute("CREATE ALIAS only_live FOR \"java.lang.Math.abs(int)\"");
            s.execute("INSERT INTO customers VALUES (1, 'Ann')");
        }
        Files.writeString(dir.resolve("live.jsonl"),
                String.format(LINE, "l1", "Names", "SELECT only_live(id) FROM customers", "shop") // runs live only
                + String.format(LINE, "l2", "Names", "SELECT no_such_fn(name) FROM customers", "shop")
                + String.format(LINE, "l3", "Remove customer 1", "DELETE FROM customers WHERE id = 1", "shop"));
        Files.writeString(dir.resolve("shop2.sql"), "CREATE TABLE customers (id INT PRIMARY KEY, name TEXT);");
        run("import", dir.resolve("live.jsonl").toString(), "--db", db);
        run("schema", "import", dir.resolve("shop2.sql").toString(), "--database", "shop", "--dialect", "postgresql", "--db", db);
        // in H2's PostgreSQL mode both functions are unknown
        assertThat(run("validate", "--db", db)).isZero();
        assertThat(out).contains("DOES_NOT_RUN:              2");

        assertThat(run("validate", "--database", "shop", "--live-jdbc", live, "--live-user", "sa", "--statement-timeout", "3", "--db", db))
                .as(err).isZero();
        assertThat(out).contains("Remembered the live connection of shop").contains("(read-only)").contains("DOES_NOT_RUN:              1");
        assertThat(run("schema", "list", "--db", db)).isZero();
        assertThat(out).contains("does-not-run checked live at " + live + " (read-only)");
        try (PairStore store = PairStores.open(db.replace(".mv.db", ""))) {
            StoredPair bad = store.query(PairFilter.ALL.withFlags(Set.of(QualityFlag.DOES_NOT_RUN)), PairSort.INSERTION, null, 5).rows().get(0);
            assertThat(bad.pair().pairId()).isEqualTo("l2");
            assertThat(store.validation(bad.id()).orElseThrow().messages()).contains("does not run against the live database of shop")
                    .contains("NO_SUCH_FN");
        }
        // writes allowed: EXPLAINed, never executed, rolled back
        assertThat(run("validate", "--database", "shop", "--live-jdbc", live, "--live-user", "sa", "--allow-writes", "--db", db))
                .as(err).isZero();
        assertThat(out).contains("(writes EXPLAINed too)");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(live, "sa", "");
                java.sql.Statement s = c.createStatement(); java.sql.ResultSet r = s.executeQuery("SELECT COUNT(*) FROM customers")) {
            r.next();
            assertThat(r.getInt(1)).isEqualTo(1);
        }
        // a live copy that is gone: said once, checked in H2 instead
        assertThat(run("validate", "--database", "shop", "--live-jdbc", "jdbc:h2:" + dir.resolve("nothing-here") + ";IFEXISTS=TRUE",
                "--db", db)).isZero();
        assertThat(err).contains("Cannot connect to the live database of shop").contains("checked in H2 instead");
        assertThat(out).contains("DOES_NOT_RUN:              2");
        // a live copy that hangs (accepts the connection, never answers): the time limit, one clear line
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0)) {
            Thread accept = new Thread(() -> {
                try (java.net.Socket ignored = silent.accept()) {
                    Thread.sleep(10_000);
                } catch (Exception e) {
                    // closed by the test
                }
            });
            accept.setDaemon(true);
            accept.start();
            long t0 = System.nanoTime();
            assertThat(run("validate", "--database", "shop", "--live-jdbc", "jdbc:h2:tcp://127.0.0.1:" + silent.getLocalPort() + "/x",
                    "--statement-timeout", "1", "--db", db)).isZero();
            assertThat((System.nanoTime() - t0) / 1e9).isLessThan(8);
            assertThat(err).contains("No answer from the live database of shop").contains("within 1 s").contains("checked in H2 instead");
            accept.interrupt();
        }
        assertThat(run("validate", "--database", "shop", "--live-jdbc", "jdbc:sqlserver://x", "--db", db)).isEqualTo(Cli.USAGE);
        assertThat(err).contains("SQL Server has no EXPLAIN");
        assertThat(run("validate", "--live-jdbc", live, "--db", db)).isEqualTo(Cli.USAGE);
        assertThat(err).contains("--live-jdbc belongs to one database");
    }

    @Test
    void aLiveDatabaseIsReadThroughMetadataOnly() throws Exception {
        String live = "jdbc:h2:" + dir.resolve("live").toAbsolutePath();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(live, "sa", "");
                java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50), email VARCHAR(80))");
            s.execute("CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT REFERENCES customers(id), total DECIMAL(8,2))");
            s.execute("INSERT INTO customers VALUES (1, 'Ann', 'ann@example.com')");
        }
        assertThat(run("schema", "import", "--jdbc", live, "--user", "sa", "--schema", "PUBLIC", "--database", "shop", "--create", "--db", db))
                .isZero();
        assertThat(out).contains("Stored schema of shop, version 1: 2 tables, 6 columns");
        assertThat(run("import", dir.resolve("pairs.jsonl").toString(), "--db", db)).isZero();
        assertThat(out).contains("validated against schemas: 3 (2 with a flag)");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(live, "sa", "");
                java.sql.Statement s = c.createStatement(); java.sql.ResultSet r = s.executeQuery("SELECT COUNT(*) FROM customers")) {
            r.next();
            assertThat(r.getInt(1)).isEqualTo(1); // untouched
        }
    }

    @Test
    void aLiveDatabaseThatHangsFailsWithinTheTimeLimit() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();
            int code = run("schema", "import", "--jdbc", "jdbc:h2:tcp://127.0.0.1:" + silent.getLocalPort() + "/x;PASSWORD=secret",
                    "--database", "shop", "--create", "--timeout", "2", "--db", db);
            assertThat(code).isEqualTo(Cli.BAD_INPUT);
            assertThat((System.nanoTime() - start) / 1e9).isLessThan(15);
            assertThat(err).contains("within 2.0 s").contains("nothing imported").doesNotContain("secret");
        }
        assertThat(run("schema", "list", "--db", db)).isZero();
        assertThat(out).contains("No schemas stored");
    }

    @Test
    void aSchemaForADatabaseNameNoPairUsesIsRefusedWithTheClosestNamesUnlessCreateIsGiven() throws Exception {
        assertThat(run("import", dir.resolve("pairs.jsonl").toString(), "--db", db)).isZero(); // pairs of shop and hr
        Files.writeString(dir.resolve("more.jsonl"), String.format(LINE, "b1", "Shop stock", "SELECT 1", "shops"));
        assertThat(run("import", dir.resolve("more.jsonl").toString(), "--db", db)).isZero();

        assertThat(run("schema", "import", dir.resolve("shop.sql").toString(), "--database", "shpo", "--db", db)).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.lines().toList()).containsExactly("pairstudio schema import: No pair uses the database name shpo and no schema is stored "
                + "for it (did you mean shop, shops?): nothing stored; add --create to store its schema anyway");
        assertThat(run("schema", "import", dir.resolve("shop.sql").toString(), "--database", "inventory", "--db", db))
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(err).contains("database name inventory and no schema is stored for it: nothing stored; add --create");
        assertThat(run("schema", "list", "--db", db)).isZero();
        assertThat(out).contains("No schemas stored");

        assertThat(run("schema", "import", dir.resolve("shop.sql").toString(), "--database", "inventory", "--create", "--db", db))
                .isEqualTo(Cli.BAD_INPUT); // stored; exit 1 for the statement that does not parse
        assertThat(out).contains("Stored schema of inventory, version 1").contains("note: no pair has database_name inventory yet");
        // once registered, the next version needs no --create
        Files.writeString(dir.resolve("inventory.sql"), "CREATE TABLE stock (id INT PRIMARY KEY, qty INT);");
        assertThat(run("schema", "import", dir.resolve("inventory.sql").toString(), "--database", "inventory", "--db", db)).as(err).isZero();
        assertThat(out).contains("Stored schema of inventory, version 2");
    }

    @Test
    void deleteSaysWhatItWouldClearThenDeletesWithYes() throws Exception {
        run("import", dir.resolve("pairs.jsonl").toString(), "--db", db);
        Files.writeString(dir.resolve("shop2.sql"), "CREATE TABLE customers (id INT PRIMARY KEY, name TEXT, email TEXT UNIQUE);");
        run("schema", "import", dir.resolve("shop.sql").toString(), "--database", "shop", "--db", db);
        assertThat(run("schema", "import", dir.resolve("shop2.sql").toString(), "--database", "shop", "--db", db)).as(err).isZero();
        assertThat(run("schema", "list", "--tables", "--db", db)).isZero();
        assertThat(out).contains("customers (id, name, email) unique (email)");
        assertThat(run("list", "--flag", "UNKNOWN_TABLE", "--db", db)).isZero();
        assertThat(out).contains("Top orders"); // orders is not in version 2

        assertThat(run("schema", "delete", "shop", "--db", db)).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.strip()).isEqualTo("pairstudio schema delete: Deleting the schema of shop (2 versions) would clear the checks of "
                + "3 pairs; nothing deleted: add --yes to delete it");
        assertThat(run("schema", "delete", "shop", "--yes", "--db", db)).isZero();
        assertThat(out.strip()).isEqualTo("Deleted the schema of shop (2 versions); 3 pairs are no longer validated");
        assertThat(run("list", "--flag", "UNKNOWN_TABLE", "--db", db)).isZero();
        assertThat(out).doesNotContain("Top orders");
        assertThat(run("schema", "delete", "shop", "--yes", "--db", db)).isEqualTo(Cli.BAD_INPUT);
        assertThat(err).contains("No schema is stored for shop");
        assertThat(run("list", "--db", db)).isZero();
        assertThat(out).contains("4 of 4"); // the pairs stay
    }

    @Test
    void ddlWithoutDatabaseNameOrWithUnknownFormatIsAUsageError() {
        assertThat(run("schema", "import", dir.resolve("shop.sql").toString(), "--db", db)).isEqualTo(Cli.USAGE);
        assertThat(err).contains("needs --database NAME");
        assertThat(run("schema", "import", dir.resolve("shop.sql").toString(), "--database", "x", "--format", "xml", "--db", db))
                .isEqualTo(Cli.USAGE);
        assertThat(run("validate", "--db", db)).isEqualTo(Cli.BAD_INPUT);
        assertThat(err).contains("No schemas stored");
    }
}
