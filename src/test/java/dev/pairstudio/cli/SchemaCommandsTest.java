package dev.pairstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.testing.CliRun;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** schema import, schema list and validate through the real command line on a real database file. */
class SchemaCommandsTest {
    static final String LINE = "{\"pair_id\": \"%s\", \"natural_language_query\": \"%s\", \"sql_query\": \"%s\", "
            + "\"timestamp\": \"2024-01-01T10:00:00\", \"database_type\": \"postgresql\", \"database_name\": \"%s\", \"success\": true}\n";

    @RegisterExtension
    final CliRun.InFolder cli = new CliRun.InFolder();

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(
                cli.dir().resolve("pairs.jsonl"),
                String.format(LINE, "a1", "All customer names", "SELECT name FROM customers", "shop")
                        + String.format(LINE, "a2", "Customer emails", "SELECT emial FROM customers", "shop")
                        + String.format(LINE, "a3", "Top orders", "SELECT id FROM orders LIMIT 3", "shop")
                        + String.format(LINE, "a4", "Staff", "SELECT * FROM staff", "hr"));
        Files.writeString(cli.dir().resolve("shop.sql"), """
                CREATE TABLE customers (id SERIAL PRIMARY KEY, name TEXT, email TEXT);
                CREATE TABLE orders (id INT, customer_id INT REFERENCES customers(id), total NUMERIC);
                CREATE TABLE oops (id INT,);
                """);
    }

    @Test
    void importReportsTheBadStatementByLineAndValidateCountsFlags() {
        assertThat(cli.run("import", cli.dir().resolve("pairs.jsonl").toString(), "--db", cli.db()))
                .isZero();
        assertThat(cli.run(
                        "schema",
                        "import",
                        cli.dir().resolve("shop.sql").toString(),
                        "--database",
                        "shop",
                        "--dialect",
                        "postgresql",
                        "--db",
                        cli.db()))
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(cli.out())
                .contains("Stored schema of shop, version 1: 2 tables, 6 columns")
                .contains("checked 3 pairs against it: 2 with a flag"); // the unknown column and the LIMIT hint
        assertThat(cli.err()).contains("shop.sql line 3").contains("CREATE TABLE oops");

        assertThat(cli.run("schema", "list", "--tables", "--db", cli.db())).isZero();
        assertThat(cli.out()).contains("shop").contains("v1").contains("customers (id, name, email)");

        assertThat(cli.run("validate", "--db", cli.db())).isZero();
        assertThat(cli.out())
                .contains("Validated 3 pairs")
                .contains("UNKNOWN_COLUMN:            1")
                .contains("NON_DETERMINISTIC:         1 (hint)")
                .contains("not checked, no schema for hr: 1");

        assertThat(cli.run("stats", "--db", cli.db())).isZero();
        assertThat(cli.out())
                .contains("Valid (schema): shop: 66.7 % of 3 validated (3 pairs)"); // a LIMIT hint is not an error
        assertThat(cli.run("stats", "--json", "--db", cli.db())).isZero();
        assertThat(cli.out().replaceAll("\\s", ""))
                .contains("\"schema_validity\":{\"shop\":{\"pairs\":3,\"validated\":3,\"valid\":2,");

        assertThat(cli.run("list", "--flag", "UNKNOWN_COLUMN", "--db", cli.db()))
                .isZero();
        assertThat(cli.out())
                .contains("Customer emails")
                .contains("1 of 1 matching pair")
                .doesNotContain("All customer names");
    }

    @Test
    void pairsImportedAfterTheSchemaAreValidatedAtOnce() {
        assertThat(cli.run(
                        "schema",
                        "import",
                        cli.dir().resolve("shop.sql").toString(),
                        "--database",
                        "shop",
                        "--create",
                        "--db",
                        cli.db()))
                .isEqualTo(Cli.BAD_INPUT); // the oops table
        assertThat(cli.out()).contains("note: no pair has database_name shop yet");
        assertThat(cli.run("import", cli.dir().resolve("pairs.jsonl").toString(), "--db", cli.db()))
                .isZero();
        assertThat(cli.out()).contains("validated against schemas: 3 (2 with a flag)");
    }

    @Test
    void readOnlyDatasetsFlagWritesWithoutRunningThem() throws Exception {
        Files.writeString(
                cli.dir().resolve("w.jsonl"),
                String.format(LINE, "w1", "Remove customer 7", "DELETE FROM customers WHERE id = 7", "shop"));
        cli.run("import", cli.dir().resolve("w.jsonl").toString(), "--db", cli.db());
        cli.run("schema", "import", cli.dir().resolve("shop.sql").toString(), "--database", "shop", "--db", cli.db());
        assertThat(cli.run("validate", "--read-only", "--db", cli.db())).isZero();
        assertThat(cli.out()).contains("WRITE_STATEMENT:           1");
        assertThat(cli.run("list", "--db", cli.db())).isZero();
        assertThat(cli.out()).contains("Remove customer 7"); // flagged, never run, the pair untouched
    }

    @Test
    void readOnlyIsASettingPerDatabase() throws Exception {
        Files.writeString(
                cli.dir().resolve("w.jsonl"),
                String.format(LINE, "w1", "Remove customer 7", "DELETE FROM customers WHERE id = 7", "shop")
                        + String.format(LINE, "w2", "Clear the staging table", "DELETE FROM staging", "etl"));
        Files.writeString(cli.dir().resolve("etl.sql"), "CREATE TABLE staging (id INT);");
        cli.run("import", cli.dir().resolve("w.jsonl").toString(), "--db", cli.db());
        cli.run("schema", "import", cli.dir().resolve("shop.sql").toString(), "--database", "shop", "--db", cli.db());
        assertThat(cli.run(
                        "schema",
                        "import",
                        cli.dir().resolve("etl.sql").toString(),
                        "--database",
                        "etl",
                        "--db",
                        cli.db()))
                .as(cli.err())
                .isZero();

        assertThat(cli.run("validate", "--read-only", "--database", "shop", "--db", cli.db()))
                .isZero();
        assertThat(cli.out())
                .contains("Remembered: shop holds read-only questions")
                .contains("WRITE_STATEMENT:           1");
        assertThat(cli.run("schema", "list", "--db", cli.db())).isZero();
        assertThat(cli.out()
                        .lines()
                        .filter(l -> l.contains("read-only questions"))
                        .count())
                .isEqualTo(1); // shop's, not etl's
        // a later run over every database remembers it for shop only: etl's DELETE is a job, not a question
        assertThat(cli.run("validate", "--db", cli.db())).isZero();
        assertThat(cli.out()).contains("WRITE_STATEMENT:           1");
        assertThat(cli.run("list", "--flag", "WRITE_STATEMENT", "--db", cli.db()))
                .isZero();
        assertThat(cli.out()).contains("Remove customer 7").doesNotContain("Clear the staging table");

        // the store-wide default covers databases without their own setting; an own "no" wins over it
        assertThat(cli.run("validate", "--read-only", "--db", cli.db())).isZero();
        assertThat(cli.out()).contains("WRITE_STATEMENT:           2");
        assertThat(cli.run("validate", "--no-read-only", "--database", "etl", "--db", cli.db()))
                .isZero();
        assertThat(cli.run("validate", "--db", cli.db())).isZero();
        assertThat(cli.out()).contains("WRITE_STATEMENT:           1");
    }

    @Test
    void doesNotRunIsCheckedAgainstALiveCopyReadOnlyAndWritesAreNeverSent() throws Exception {
        String live = "jdbc:h2:" + cli.dir().resolve("live").toAbsolutePath();
        try (Connection c = DriverManager.getConnection(live, "sa", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50))");
            s.execute("CREATE ALIAS only_live FOR \"java.lang.Math.abs(int)\"");
            s.execute("INSERT INTO customers VALUES (1, 'Ann')");
        }
        Files.writeString(
                cli.dir().resolve("live.jsonl"),
                String.format(LINE, "l1", "Names", "SELECT only_live(id) FROM customers", "shop") // runs live only
                        + String.format(LINE, "l2", "Names", "SELECT no_such_fn(name) FROM customers", "shop")
                        + String.format(LINE, "l3", "Remove customer 1", "DELETE FROM customers WHERE id = 1", "shop"));
        Files.writeString(cli.dir().resolve("shop2.sql"), "CREATE TABLE customers (id INT PRIMARY KEY, name TEXT);");
        cli.run("import", cli.dir().resolve("live.jsonl").toString(), "--db", cli.db());
        cli.run(
                "schema",
                "import",
                cli.dir().resolve("shop2.sql").toString(),
                "--database",
                "shop",
                "--dialect",
                "postgresql",
                "--db",
                cli.db());
        // in H2's PostgreSQL mode both functions are unknown
        assertThat(cli.run("validate", "--db", cli.db())).isZero();
        assertThat(cli.out()).contains("DOES_NOT_RUN:              2");

        assertThat(cli.run(
                        "validate",
                        "--database",
                        "shop",
                        "--live-jdbc",
                        live,
                        "--live-user",
                        "sa",
                        "--statement-timeout",
                        "3",
                        "--db",
                        cli.db()))
                .as(cli.err())
                .isZero();
        assertThat(cli.out())
                .contains("Remembered the live connection of shop")
                .contains("(read-only)")
                .contains("DOES_NOT_RUN:              1");
        assertThat(cli.run("schema", "list", "--db", cli.db())).isZero();
        assertThat(cli.out()).contains("does-not-run checked live at " + live + " (read-only)");
        try (Database store = Databases.open(cli.db().replace(".mv.db", ""))) {
            StoredPair bad = store.query(
                            PairFilter.ALL.withFlags(Set.of(QualityFlag.DOES_NOT_RUN)), PairSort.INSERTION, null, 5)
                    .rows()
                    .get(0);
            assertThat(bad.pair().pairId()).isEqualTo("l2");
            assertThat(store.validation(bad.id()).orElseThrow().messages())
                    .contains("does not run against the live database of shop")
                    .contains("NO_SUCH_FN");
        }
        // writes allowed: EXPLAINed, never executed, rolled back
        assertThat(cli.run(
                        "validate",
                        "--database",
                        "shop",
                        "--live-jdbc",
                        live,
                        "--live-user",
                        "sa",
                        "--allow-writes",
                        "--db",
                        cli.db()))
                .as(cli.err())
                .isZero();
        assertThat(cli.out()).contains("(writes EXPLAINed too)");
        try (Connection c = DriverManager.getConnection(live, "sa", "");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM customers")) {
            r.next();
            assertThat(r.getInt(1)).isEqualTo(1);
        }
        // a live copy that is gone: said once, checked in H2 instead
        assertThat(cli.run(
                        "validate",
                        "--database",
                        "shop",
                        "--live-jdbc",
                        "jdbc:h2:" + cli.dir().resolve("nothing-here") + ";IFEXISTS=TRUE",
                        "--db",
                        cli.db()))
                .isZero();
        assertThat(cli.err())
                .contains("Cannot connect to the live database of shop")
                .contains("checked in H2 instead");
        assertThat(cli.out()).contains("DOES_NOT_RUN:              2");
        // a live copy that hangs (accepts the connection, never answers): the time limit, one clear line
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread accept = new Thread(() -> {
                try (Socket ignored = silent.accept()) {
                    Thread.sleep(10_000);
                } catch (Exception e) {
                    // closed by the test
                }
            });
            accept.setDaemon(true);
            accept.start();
            long t0 = System.nanoTime();
            assertThat(cli.run(
                            "validate",
                            "--database",
                            "shop",
                            "--live-jdbc",
                            "jdbc:h2:tcp://127.0.0.1:" + silent.getLocalPort() + "/x",
                            "--statement-timeout",
                            "1",
                            "--db",
                            cli.db()))
                    .isZero();
            assertThat((System.nanoTime() - t0) / 1e9).isLessThan(8);
            assertThat(cli.err())
                    .contains("No answer from the live database of shop")
                    .contains("within 1 s")
                    .contains("checked in H2 instead");
            accept.interrupt();
        }
        assertThat(cli.run("validate", "--database", "shop", "--live-jdbc", "jdbc:sqlserver://x", "--db", cli.db()))
                .isEqualTo(Cli.USAGE);
        assertThat(cli.err()).contains("SQL Server has no EXPLAIN");
        assertThat(cli.run("validate", "--live-jdbc", live, "--db", cli.db())).isEqualTo(Cli.USAGE);
        assertThat(cli.err()).contains("--live-jdbc belongs to one database");
    }

    @Test
    void aLiveDatabaseIsReadThroughMetadataOnly() throws Exception {
        String live = "jdbc:h2:" + cli.dir().resolve("live").toAbsolutePath();
        try (Connection c = DriverManager.getConnection(live, "sa", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50), email VARCHAR(80))");
            s.execute(
                    "CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT REFERENCES customers(id), total DECIMAL(8,2))");
            s.execute("INSERT INTO customers VALUES (1, 'Ann', 'ann@example.com')");
        }
        assertThat(cli.run(
                        "schema",
                        "import",
                        "--jdbc",
                        live,
                        "--user",
                        "sa",
                        "--schema",
                        "PUBLIC",
                        "--database",
                        "shop",
                        "--create",
                        "--db",
                        cli.db()))
                .isZero();
        assertThat(cli.out()).contains("Stored schema of shop, version 1: 2 tables, 6 columns");
        assertThat(cli.run("import", cli.dir().resolve("pairs.jsonl").toString(), "--db", cli.db()))
                .isZero();
        assertThat(cli.out()).contains("validated against schemas: 3 (2 with a flag)");
        try (Connection c = DriverManager.getConnection(live, "sa", "");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM customers")) {
            r.next();
            assertThat(r.getInt(1)).isEqualTo(1); // untouched
        }
    }

    @Test
    void aLiveDatabaseThatHangsFailsWithinTheTimeLimit() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();
            int code = cli.run(
                    "schema",
                    "import",
                    "--jdbc",
                    "jdbc:h2:tcp://127.0.0.1:" + silent.getLocalPort() + "/x;PASSWORD=secret",
                    "--database",
                    "shop",
                    "--create",
                    "--timeout",
                    "2",
                    "--db",
                    cli.db());
            assertThat(code).isEqualTo(Cli.BAD_INPUT);
            assertThat((System.nanoTime() - start) / 1e9).isLessThan(15);
            assertThat(cli.err())
                    .contains("within 2.0 s")
                    .contains("nothing imported")
                    .doesNotContain("secret");
        }
        assertThat(cli.run("schema", "list", "--db", cli.db())).isZero();
        assertThat(cli.out()).contains("No schemas stored");
    }

    @Test
    void aSchemaForADatabaseNameNoPairUsesIsRefusedWithTheClosestNamesUnlessCreateIsGiven() throws Exception {
        assertThat(cli.run("import", cli.dir().resolve("pairs.jsonl").toString(), "--db", cli.db()))
                .isZero(); // pairs of shop and hr
        Files.writeString(
                cli.dir().resolve("more.jsonl"), String.format(LINE, "b1", "Shop stock", "SELECT 1", "shops"));
        assertThat(cli.run("import", cli.dir().resolve("more.jsonl").toString(), "--db", cli.db()))
                .isZero();

        assertThat(cli.run(
                        "schema",
                        "import",
                        cli.dir().resolve("shop.sql").toString(),
                        "--database",
                        "shpo",
                        "--db",
                        cli.db()))
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(cli.err().lines().toList())
                .containsExactly(
                        "pairstudio schema import: No pair uses the database name shpo and no schema is stored "
                                + "for it (did you mean shop, shops?): nothing stored; add --create to store its schema anyway");
        assertThat(cli.run(
                        "schema",
                        "import",
                        cli.dir().resolve("shop.sql").toString(),
                        "--database",
                        "inventory",
                        "--db",
                        cli.db()))
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(cli.err())
                .contains("database name inventory and no schema is stored for it: nothing stored; add --create");
        assertThat(cli.run("schema", "list", "--db", cli.db())).isZero();
        assertThat(cli.out()).contains("No schemas stored");

        assertThat(cli.run(
                        "schema",
                        "import",
                        cli.dir().resolve("shop.sql").toString(),
                        "--database",
                        "inventory",
                        "--create",
                        "--db",
                        cli.db()))
                .isEqualTo(Cli.BAD_INPUT); // stored; exit 1 for the statement that does not parse
        assertThat(cli.out())
                .contains("Stored schema of inventory, version 1")
                .contains("note: no pair has database_name inventory yet");
        // once registered, the next version needs no --create
        Files.writeString(cli.dir().resolve("inventory.sql"), "CREATE TABLE stock (id INT PRIMARY KEY, qty INT);");
        assertThat(cli.run(
                        "schema",
                        "import",
                        cli.dir().resolve("inventory.sql").toString(),
                        "--database",
                        "inventory",
                        "--db",
                        cli.db()))
                .as(cli.err())
                .isZero();
        assertThat(cli.out()).contains("Stored schema of inventory, version 2");
    }

    @Test
    void deleteSaysWhatItWouldClearThenDeletesWithYes() throws Exception {
        cli.run("import", cli.dir().resolve("pairs.jsonl").toString(), "--db", cli.db());
        Files.writeString(
                cli.dir().resolve("shop2.sql"),
                "CREATE TABLE customers (id INT PRIMARY KEY, name TEXT, email TEXT UNIQUE);");
        cli.run("schema", "import", cli.dir().resolve("shop.sql").toString(), "--database", "shop", "--db", cli.db());
        assertThat(cli.run(
                        "schema",
                        "import",
                        cli.dir().resolve("shop2.sql").toString(),
                        "--database",
                        "shop",
                        "--db",
                        cli.db()))
                .as(cli.err())
                .isZero();
        assertThat(cli.run("schema", "list", "--tables", "--db", cli.db())).isZero();
        assertThat(cli.out()).contains("customers (id, name, email) unique (email)");
        assertThat(cli.run("list", "--flag", "UNKNOWN_TABLE", "--db", cli.db())).isZero();
        assertThat(cli.out()).contains("Top orders"); // orders is not in version 2

        assertThat(cli.run("schema", "delete", "shop", "--db", cli.db())).isEqualTo(Cli.BAD_INPUT);
        assertThat(cli.err().strip())
                .isEqualTo(
                        "pairstudio schema delete: Deleting the schema of shop (2 versions) would clear the checks of "
                                + "3 pairs; nothing deleted: add --yes to delete it");
        assertThat(cli.run("schema", "delete", "shop", "--yes", "--db", cli.db()))
                .isZero();
        assertThat(cli.out().strip())
                .isEqualTo("Deleted the schema of shop (2 versions); 3 pairs are no longer validated");
        assertThat(cli.run("list", "--flag", "UNKNOWN_TABLE", "--db", cli.db())).isZero();
        assertThat(cli.out()).doesNotContain("Top orders");
        assertThat(cli.run("schema", "delete", "shop", "--yes", "--db", cli.db()))
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(cli.err()).contains("No schema is stored for shop");
        assertThat(cli.run("list", "--db", cli.db())).isZero();
        assertThat(cli.out()).contains("4 of 4"); // the pairs stay
    }

    @Test
    void ddlWithoutDatabaseNameOrWithUnknownFormatIsAUsageError() {
        assertThat(cli.run("schema", "import", cli.dir().resolve("shop.sql").toString(), "--db", cli.db()))
                .isEqualTo(Cli.USAGE);
        assertThat(cli.err()).contains("needs --database NAME");
        assertThat(cli.run(
                        "schema",
                        "import",
                        cli.dir().resolve("shop.sql").toString(),
                        "--database",
                        "x",
                        "--format",
                        "xml",
                        "--db",
                        cli.db()))
                .isEqualTo(Cli.USAGE);
        assertThat(cli.run("validate", "--db", cli.db())).isEqualTo(Cli.BAD_INPUT);
        assertThat(cli.err()).contains("No schemas stored");
    }
}
