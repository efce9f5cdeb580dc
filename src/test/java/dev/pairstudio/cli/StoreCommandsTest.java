package dev.pairstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairstudio.testing.CliRun;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store commands through the real command line, on real temporary database files. */
class StoreCommandsTest {
    static final String LINE =
            "{\"pair_id\": \"%s\", \"natural_language_query\": \"%s\", \"sql_query\": \"SELECT * FROM %s\", "
                    + "\"timestamp\": \"%s\", \"database_type\": \"%s\", \"success\": %s}\n";

    @RegisterExtension
    final CliRun.InFolder cli = new CliRun.InFolder();

    @BeforeEach
    void setUp() throws Exception {
        cli.writePairs(String.format(LINE, "a1", "All users", "users", "2024-01-01T10:00:00", "postgresql", "true")
                + String.format(LINE, "a2", "All orders", "orders", "2024-01-02T10:00:00", "mysql", "true")
                + String.format(LINE, "a3", "Failed one", "logs", "2024-01-03T10:00:00", "postgresql", "false"));
    }

    int importSample() {
        return cli.runOnDb("import", cli.file("pairs.jsonl"));
    }

    @Test
    void importPrintsASummaryAndIsIdempotent() {
        assertThat(importSample()).isZero();
        assertThat(cli.out())
                .startsWith("Imported 3 pairs from 1 file (batch ")
                .contains("added:                     3")
                .contains("skipped (already present): 0");
        assertThat(cli.run("--db", cli.db(), "import", cli.file("pairs.jsonl"))).isZero();
        assertThat(cli.out()).contains("added:                     0").contains("skipped (already present): 3");
    }

    @Test
    void malformedLinesAreNamedByLineNumberAndExitOne() throws Exception {
        Path bad = cli.write(
                "bad.jsonl",
                String.format(LINE, "b1", "ok", "t", "2024-01-01", "x", "true") + "{broken\n"
                        + "{\"natural_language_query\": \"no sql\"}\n");
        assertThat(cli.runOnDb("import", bad.toString())).isEqualTo(1);
        assertThat(cli.out()).contains("added:                     1").contains("malformed (not imported):  2");
        assertThat(cli.err())
                .contains("bad.jsonl line 2: invalid JSON")
                .contains("bad.jsonl line 3: sql_query is missing")
                .contains("all problems: ")
                .contains(".report.txt");
        assertThat(cli.runOnDb("import", cli.file("nope.jsonl"))).isEqualTo(1);
        assertThat(cli.err()).contains("nope.jsonl: no such file");
    }

    @Test
    void listFiltersAndPagesAsJson() throws Exception {
        importSample();
        assertThat(cli.run("list", "--db", cli.db(), "--database-type", "postgresql", "--successful-only", "--json"))
                .isZero();
        JsonNode page = new ObjectMapper().readTree(cli.out());
        assertThat(page.get("count").asInt()).isEqualTo(1);
        assertThat(page.get("total").asInt()).isEqualTo(1);
        assertThat(page.get("pairs").get(0).get("pair_id").asText()).isEqualTo("a1");
        assertThat(page.get("next_cursor").isNull()).isTrue();

        assertThat(cli.run("list", "--db", cli.db(), "--limit", "2", "--json", "--sort", "TIMESTAMP", "--desc"))
                .isZero();
        page = new ObjectMapper().readTree(cli.out());
        assertThat(page.get("pairs").findValuesAsText("pair_id")).containsExactly("a3", "a2");
        String cursor = page.get("next_cursor").asText();
        assertThat(cli.run(
                        "list",
                        "--db",
                        cli.db(),
                        "--limit",
                        "2",
                        "--json",
                        "--sort",
                        "TIMESTAMP",
                        "--desc",
                        "--after",
                        cursor))
                .isZero();
        assertThat(new ObjectMapper().readTree(cli.out()).get("pairs").findValuesAsText("pair_id"))
                .containsExactly("a1");

        assertThat(cli.run("list", "--db", cli.db(), "--from", "2024-01-02", "--to", "2024-01-02"))
                .isZero();
        assertThat(cli.out()).contains("All orders").contains("1 of 1 matching pair");
        assertThat(cli.run("list", "--db", cli.db(), "--search", "ORDERS")).isZero();
        assertThat(cli.out()).contains("1 of 1");
    }

    @Test
    void badFilterValuesAreNamed() {
        importSample();
        assertThat(cli.run("list", "--db", cli.db(), "--from", "yesterday")).isEqualTo(1);
        assertThat(cli.err()).contains("--from \"yesterday\" is not a date").doesNotContain("Exception");
        assertThat(cli.run("list", "--db", cli.db(), "--status", "maybe")).isEqualTo(1);
        assertThat(cli.err()).contains("--status \"maybe\" is not one of UNREVIEWED, ACCEPTED, REJECTED");
        assertThat(cli.run("list", "--db", cli.db(), "--successful-only", "--failed-only"))
                .isEqualTo(2);
        assertThat(cli.run("list", "--db", cli.db(), "--search", "(", "--regex"))
                .isEqualTo(1);
        assertThat(cli.err()).contains("Invalid regular expression \"(\"");
        assertThat(cli.run("list", "--db", cli.db(), "--limit", "0")).isEqualTo(2);
    }

    @Test
    void getByStoreIdOrPairId() throws Exception {
        importSample();
        assertThat(cli.runOnDb("get", "a2")).isZero();
        JsonNode pair = new ObjectMapper().readTree(cli.out());
        assertThat(pair.get("natural_language_query").asText()).isEqualTo("All orders");
        long id = pair.get("id").asLong();
        assertThat(cli.runOnDb("get", String.valueOf(id))).isZero();
        assertThat(cli.out()).contains("\"pair_id\" : \"a2\"");
        assertThat(cli.runOnDb("get", "missing")).isEqualTo(1);
        assertThat(cli.err()).contains("No pair with id missing");
    }

    @Test
    void deleteRestorePurge() {
        importSample();
        assertThat(cli.runOnDb("delete", "a1", "a2")).isZero();
        Matcher m = Pattern.compile("Moved 2 pairs to the trash \\(batch ([0-9a-f-]+)\\)")
                .matcher(cli.out());
        assertThat(m.find()).as(cli.out()).isTrue();
        assertThat(cli.runOnDb("list")).isZero();
        assertThat(cli.out()).contains("1 of 1");
        assertThat(cli.runOnDb("restore", m.group(1))).isZero();
        assertThat(cli.out()).contains("Restored 2 pairs");

        assertThat(cli.runOnDb("delete", "--filter", "--failed-only")).isZero();
        assertThat(cli.out()).contains("Moved 1 pair to the trash");
        assertThat(cli.runOnDb("list", "--trash")).isZero();
        assertThat(cli.out()).contains("Failed one");
        assertThat(cli.runOnDb("purge")).isZero();
        assertThat(cli.out()).contains("Deleted 1 pair from the trash for good");
        assertThat(cli.runOnDb("get", "a3")).isEqualTo(1);

        assertThat(cli.runOnDb("delete")).isEqualTo(2);
        assertThat(cli.runOnDb("delete", "nope")).isEqualTo(1);
        assertThat(cli.runOnDb("restore")).isEqualTo(2);
    }

    @Test
    void backupWritesAZip() {
        importSample();
        Path zip = cli.dir().resolve("b/backup.zip");
        assertThat(cli.runOnDb("backup", "--to", zip.toString())).isZero();
        assertThat(zip).exists();
        assertThat(cli.out()).contains("written to");
    }

    @Test
    void aDatabaseThatIsNotOursIsOneLineOnStderr() throws Exception {
        Path fake = cli.write("fake.mv.db", "not a database");
        assertThat(cli.run("list", "--db", fake.toString())).isEqualTo(1);
        assertThat(cli.err().strip().lines()).hasSize(1);
        assertThat(cli.err())
                .contains(fake.toString())
                .contains("not a Pair Studio database")
                .doesNotContain("Exception");
    }

    @Test
    void aLockedDatabaseIsOneLineOnStderr() throws Exception {
        importSample();
        try (var ch = FileChannel.open(Path.of(cli.db()), StandardOpenOption.WRITE);
                var lock = ch.lock()) {
            assertThat(cli.runOnDb("list")).isEqualTo(1);
        }
        assertThat(cli.err().strip().lines()).hasSize(1);
        assertThat(cli.err()).contains(cli.db()).contains("in use by another program");
    }

    @Test
    void anUnreachableTeamDatabaseIsOneClearLineWithoutThePassword() {
        // port 1 on loopback: nothing listens; the server's own tests are PostgresDatabaseTest and MigrateCommandTest
        assertThat(cli.run("list", "--db", "postgresql://ann:hunter2@127.0.0.1:1/pairs"))
                .isEqualTo(1);
        assertThat(cli.err())
                .contains("Cannot reach the PostgreSQL server at 127.0.0.1:1")
                .contains("check the host and port")
                .doesNotContain("hunter2")
                .doesNotContain("Exception");
        assertThat(cli.err().strip().lines()).hasSize(1);
    }
}
