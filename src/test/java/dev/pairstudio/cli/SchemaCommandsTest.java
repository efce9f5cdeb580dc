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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
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
        cli.writePairs(String.format(LINE, "a1", "All customer names", "SELECT name FROM customers", "shop")
                + String.format(LINE, "a2", "Customer emails", "SELECT emial FROM customers", "shop")
                + String.format(LINE, "a3", "Top orders", "SELECT id FROM orders LIMIT 3", "shop")
                + String.format(LINE, "a4", "Staff", "SELECT * FROM staff", "hr"));
        cli.write("shop.sql", """
                CREATE TABLE customers (id SERIAL PRIMARY KEY, name TEXT, email TEXT);
                CREATE TABLE orders (id INT, customer_id INT REFERENCES customers(id), total NUMERIC);
                CREATE TABLE oops (id INT,);
                """);
    }

    /** A live H2 database in the test's folder with what {@code statements} create; its JDBC URL (user sa). */
    private String liveDatabase(String... statements) throws SQLException {
        String live = "jdbc:h2:" + cli.dir().resolve("live").toAbsolutePath();
        try (Connection c = DriverManager.getConnection(live, "sa", "");
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
        return live;
    }

    private static int customersIn(String live) throws SQLException {
        try (Connection c = DriverManager.getConnection(live, "sa", "");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM customers")) {
            r.next();
            return r.getInt(1);
        }
    }

    @Test
    void importReportsTheBadStatementByLineAndValidateCountsFlags() {
        assertThat(cli.runOnDb("import", cli.file("pairs.jsonl"))).isZero();
        assertThat(cli.runOnDb(
                        "schema", "import", cli.file("shop.sql"), "--database", "shop", "--dialect", "postgresql"))
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(cli.out())
                .contains("Stored schema of shop, version 1: 2 tables, 6 columns")
                .contains("checked 3 pairs against it: 2 with a flag"); // the unknown column and the LIMIT hint
        assertThat(cli.err()).contains("shop.sql line 3").contains("CREATE TABLE oops");

        assertThat(cli.runOnDb("schema", "list", "--tables")).isZero();
        assertThat(cli.out()).contains("shop").contains("v1").contains("customers (id, name, email)");

        assertThat(cli.runOnDb("validate")).isZero();
        assertThat(cli.out())
                .contains("Validated 3 pairs")
                .contains("UNKNOWN_COLUMN:            1")
                .contains("NON_DETERMINISTIC:         1 (hint)")
                .contains("not checked, no schema for hr: 1");

        assertThat(cli.runOnDb("stats")).isZero();
        assertThat(cli.out())
                .contains("Valid (schema): shop: 66.7 % of 3 validated (3 pairs)"); // a LIMIT hint is not an error
        assertThat(cli.runOnDb("stats", "--json")).isZero();
        assertThat(cli.out().replaceAll("\\s", ""))
                .contains("\"schema_validity\":{\"shop\":{\"pairs\":3,\"validated\":3,\"valid\":2,");

        assertThat(cli.runOnDb("list", "--flag", "UNKNOWN_COLUMN")).isZero();
        assertThat(cli.out())
                .contains("Customer emails")
                .contains("1 of 1 matching pair")
                .doesNotContain("All customer names");
    }

    @Test
    void pairsImportedAfterTheSchemaAreValidatedAtOnce() {
        assertThat(cli.runOnDb("schema", "import", cli.file("shop.sql"), "--database", "shop", "--create"))
                .isEqualTo(Cli.BAD_INPUT); // the oops table
        assertThat(cli.out()).contains("note: no pair has database_name shop yet");
        assertThat(cli.runOnDb("import", cli.file("pairs.jsonl"))).isZero();
        assertThat(cli.out()).contains("validated against schemas: 3 (2 with a flag)");
    }

    @Test
    void readOnlyDatasetsFlagWritesWithoutRunningThem() throws Exception {
        cli.write(
                "w.jsonl",
                String.format(LINE, "w1", "Remove customer 7", "DELETE FROM customers WHERE id = 7", "shop"));
        cli.runOnDb("import", cli.file("w.jsonl"));
        cli.runOnDb("schema", "import", cli.file("shop.sql"), "--database", "shop");
        assertThat(cli.runOnDb("validate", "--read-only")).isZero();
        assertThat(cli.out()).contains("WRITE_STATEMENT:           1");
        assertThat(cli.runOnDb("list")).isZero();
        assertThat(cli.out()).contains("Remove customer 7"); // flagged, never run, the pair untouched
    }

    @Test
    void readOnlyIsASettingPerDatabase() throws Exception {
        cli.write(
                "w.jsonl",
                String.format(LINE, "w1", "Remove customer 7", "DELETE FROM customers WHERE id = 7", "shop")
                        + String.format(LINE, "w2", "Clear the staging table", "DELETE FROM staging", "etl"));
        cli.write("etl.sql", "CREATE TABLE staging (id INT);");
        cli.runOnDb("import", cli.file("w.jsonl"));
        cli.runOnDb("schema", "import", cli.file("shop.sql"), "--database", "shop");
        assertThat(cli.runOnDb("schema", "import", cli.file("etl.sql"), "--database", "etl"))
                .as(cli.err())
                .isZero();

        assertThat(cli.runOnDb("validate", "--read-only", "--database", "shop")).isZero();
        assertThat(cli.out())
                .contains("Remembered: shop holds read-only questions")
                .contains("WRITE_STATEMENT:           1");
        assertThat(cli.runOnDb("schema", "list")).isZero();
        assertThat(cli.out()
                        .lines()
                        .filter(l -> l.contains("read-only questions"))
                        .count())
                .isEqualTo(1); // shop's, not etl's
        // a later run over every database remembers it for shop only: etl's DELETE is a job, not a question
        assertThat(cli.runOnDb("validate")).isZero();
        assertThat(cli.out()).contains("WRITE_STATEMENT:           1");
        assertThat(cli.runOnDb("list", "--flag", "WRITE_STATEMENT")).isZero();
        assertThat(cli.out()).contains("Remove customer 7").doesNotContain("Clear the staging table");

        // the store-wide default covers databases without their own setting; an own "no" wins over it
        assertThat(cli.runOnDb("validate", "--read-only")).isZero();
        assertThat(cli.out()).contains("WRITE_STATEMENT:           2");
        assertThat(cli.runOnDb("validate", "--no-read-only", "--database", "etl"))
                .isZero();
        assertThat(cli.runOnDb("validate")).isZero();
        assertThat(cli.out()).contains("WRITE_STATEMENT:           1");
    }

    @Test
    void doesNotRunIsCheckedAgainstALiveCopyReadOnlyAndWritesAreNeverSent() throws Exception {
        String live = liveDatabase(
                "CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50))",
                "CREATE ALIAS only_live FOR \"java.lang.Math.abs(int)\"",
                "INSERT INTO customers VALUES (1, 'Ann')");
        cli.write(
                "live.jsonl",
                String.format(LINE, "l1", "Names", "SELECT only_live(id) FROM customers", "shop") // runs live only
                        + String.format(LINE, "l2", "Names", "SELECT no_such_fn(name) FROM customers", "shop")
                        + String.format(LINE, "l3", "Remove customer 1", "DELETE FROM customers WHERE id = 1", "shop"));
        cli.write("shop2.sql", "CREATE TABLE customers (id INT PRIMARY KEY, name TEXT);");
        cli.runOnDb("import", cli.file("live.jsonl"));
        cli.runOnDb("schema", "import", cli.file("shop2.sql"), "--database", "shop", "--dialect", "postgresql");
        // in H2's PostgreSQL mode both functions are unknown
        assertThat(cli.runOnDb("validate")).isZero();
        assertThat(cli.out()).contains("DOES_NOT_RUN:              2");

        assertThat(cli.runOnDb(
                        "validate",
                        "--database",
                        "shop",
                        "--live-jdbc",
                        live,
                        "--live-user",
                        "sa",
                        "--statement-timeout",
                        "3"))
                .as(cli.err())
                .isZero();
        assertThat(cli.out())
                .contains("Remembered the live connection of shop")
                .contains("(read-only)")
                .contains("DOES_NOT_RUN:              1");
        assertThat(cli.runOnDb("schema", "list")).isZero();
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
        assertThat(cli.runOnDb(
                        "validate", "--database", "shop", "--live-jdbc", live, "--live-user", "sa", "--allow-writes"))
                .as(cli.err())
                .isZero();
        assertThat(cli.out()).contains("(writes EXPLAINed too)");
        assertThat(customersIn(live)).isEqualTo(1);
        // a live copy that is gone: said once, checked in H2 instead
        assertThat(cli.runOnDb(
                        "validate",
                        "--database",
                        "shop",
                        "--live-jdbc",
                        "jdbc:h2:" + cli.dir().resolve("nothing-here") + ";IFEXISTS=TRUE"))
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
            assertThat(cli.runOnDb(
                            "validate",
                            "--database",
                            "shop",
                            "--live-jdbc",
                            "jdbc:h2:tcp://127.0.0.1:" + silent.getLocalPort() + "/x",
                            "--statement-timeout",
                            "1"))
                    .isZero();
            assertThat((System.nanoTime() - t0) / 1e9).isLessThan(8);
            assertThat(cli.err())
                    .contains("No answer from the live database of shop")
                    .contains("within 1 s")
                    .contains("checked in H2 instead");
            accept.interrupt();
        }
        assertThat(cli.runOnDb("validate", "--database", "shop", "--live-jdbc", "jdbc:sqlserver://x"))
                .isEqualTo(Cli.USAGE);
        assertThat(cli.err()).contains("SQL Server has no EXPLAIN");
        assertThat(cli.runOnDb("validate", "--live-jdbc", live)).isEqualTo(Cli.USAGE);
        assertThat(cli.err()).contains("--live-jdbc belongs to one database");
    }

    @Test
    void aLiveDatabaseIsReadThroughMetadataOnly() throws Exception {
        String live = liveDatabase(
                "CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50), email VARCHAR(80))",
                "CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT REFERENCES customers(id), total DECIMAL(8,2))",
                "INSERT INTO customers VALUES (1, 'Ann', 'ann@example.com')");
        assertThat(cli.runOnDb(
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
                        "--create"))
                .isZero();
        assertThat(cli.out()).contains("Stored schema of shop, version 1: 2 tables, 6 columns");
        assertThat(cli.runOnDb("import", cli.file("pairs.jsonl"))).isZero();
        assertThat(cli.out()).contains("validated against schemas: 3 (2 with a flag)");
        assertThat(customersIn(live)).isEqualTo(1); // untouched
    }

    @Test
    void aLiveDatabaseThatHangsFailsWithinTheTimeLimit() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();
            int code = cli.runOnDb(
                    "schema",
                    "import",
                    "--jdbc",
                    "jdbc:h2:tcp://127.0.0.1:" + silent.getLocalPort() + "/x;PASSWORD=secret",
                    "--database",
                    "shop",
                    "--create",
                    "--timeout",
                    "2");
            assertThat(code).isEqualTo(Cli.BAD_INPUT);
            assertThat((System.nanoTime() - start) / 1e9).isLessThan(15);
            assertThat(cli.err())
                    .contains("within 2.0 s")
                    .contains("nothing imported")
                    .doesNotContain("secret");
        }
        assertThat(cli.runOnDb("schema", "list")).isZero();
        assertThat(cli.out()).contains("No schemas stored");
    }

    @Test
    void aSchemaForADatabaseNameNoPairUsesIsRefusedWithTheClosestNamesUnlessCreateIsGiven() throws Exception {
        assertThat(cli.runOnDb("import", cli.file("pairs.jsonl"))).isZero(); // pairs of shop and hr
        cli.write("more.jsonl", String.format(LINE, "b1", "Shop stock", "SELECT 1", "shops"));
        assertThat(cli.runOnDb("import", cli.file("more.jsonl"))).isZero();

        assertThat(cli.runOnDb("schema", "import", cli.file("shop.sql"), "--database", "shpo"))
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(cli.err().lines().toList())
                .containsExactly(
                        "pairstudio schema import: No pair uses the database name shpo and no schema is stored "
                                + "for it (did you mean shop, shops?): nothing stored; add --create to store its schema anyway");
        assertThat(cli.runOnDb("schema", "import", cli.file("shop.sql"), "--database", "inventory"))
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(cli.err())
                .contains("database name inventory and no schema is stored for it: nothing stored; add --create");
        assertThat(cli.runOnDb("schema", "list")).isZero();
        assertThat(cli.out()).contains("No schemas stored");

        assertThat(cli.runOnDb("schema", "import", cli.file("shop.sql"), "--database", "inventory", "--create"))
                .isEqualTo(Cli.BAD_INPUT); // stored; exit 1 for the statement that does not parse
        assertThat(cli.out())
                .contains("Stored schema of inventory, version 1")
                .contains("note: no pair has database_name inventory yet");
        // once registered, the next version needs no --create
        cli.write("inventory.sql", "CREATE TABLE stock (id INT PRIMARY KEY, qty INT);");
        assertThat(cli.runOnDb("schema", "import", cli.file("inventory.sql"), "--database", "inventory"))
                .as(cli.err())
                .isZero();
        assertThat(cli.out()).contains("Stored schema of inventory, version 2");
    }

    @Test
    void deleteSaysWhatItWouldClearThenDeletesWithYes() throws Exception {
        cli.runOnDb("import", cli.file("pairs.jsonl"));
        cli.write("shop2.sql", "CREATE TABLE customers (id INT PRIMARY KEY, name TEXT, email TEXT UNIQUE);");
        cli.runOnDb("schema", "import", cli.file("shop.sql"), "--database", "shop");
        assertThat(cli.runOnDb("schema", "import", cli.file("shop2.sql"), "--database", "shop"))
                .as(cli.err())
                .isZero();
        assertThat(cli.runOnDb("schema", "list", "--tables")).isZero();
        assertThat(cli.out()).contains("customers (id, name, email) unique (email)");
        assertThat(cli.runOnDb("list", "--flag", "UNKNOWN_TABLE")).isZero();
        assertThat(cli.out()).contains("Top orders"); // orders is not in version 2

        assertThat(cli.runOnDb("schema", "delete", "shop")).isEqualTo(Cli.BAD_INPUT);
        assertThat(cli.err().strip())
                .isEqualTo(
                        "pairstudio schema delete: Deleting the schema of shop (2 versions) would clear the checks of "
                                + "3 pairs; nothing deleted: add --yes to delete it");
        assertThat(cli.runOnDb("schema", "delete", "shop", "--yes")).isZero();
        assertThat(cli.out().strip())
                .isEqualTo("Deleted the schema of shop (2 versions); 3 pairs are no longer validated");
        assertThat(cli.runOnDb("list", "--flag", "UNKNOWN_TABLE")).isZero();
        assertThat(cli.out()).doesNotContain("Top orders");
        assertThat(cli.runOnDb("schema", "delete", "shop", "--yes")).isEqualTo(Cli.BAD_INPUT);
        assertThat(cli.err()).contains("No schema is stored for shop");
        assertThat(cli.runOnDb("list")).isZero();
        assertThat(cli.out()).contains("4 of 4"); // the pairs stay
    }

    @Test
    void ddlWithoutDatabaseNameOrWithUnknownFormatIsAUsageError() {
        assertThat(cli.runOnDb("schema", "import", cli.file("shop.sql"))).isEqualTo(Cli.USAGE);
        assertThat(cli.err()).contains("needs --database NAME");
        assertThat(cli.runOnDb("schema", "import", cli.file("shop.sql"), "--database", "x", "--format", "xml"))
                .isEqualTo(Cli.USAGE);
        assertThat(cli.runOnDb("validate")).isEqualTo(Cli.BAD_INPUT);
        assertThat(cli.err()).contains("No schemas stored");
    }
}
