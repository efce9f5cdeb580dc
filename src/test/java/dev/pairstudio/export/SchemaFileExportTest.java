package dev.pairstudio.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairstudio.cli.Cli;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.schema.DatabaseSchema;
import dev.pairstudio.schema.SchemaJson;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.StoredSchema;
import dev.pairstudio.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The schema exports issue 15 names, through the real command line on real database files:
 * BIRD with a {@code dev_tables.json}-style file, Spider with {@code tables.json}, DB-GPT-Hub
 * Alpaca with the schema in the instruction. Export, then import the data and the schema file
 * into a new database: the same pairs and the same tables. Synthetic data only.
 */
class SchemaFileExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final CliRun.InFolder cli = new CliRun.InFolder();

    @BeforeEach
    void setUp() throws Exception {
        cli.write("tables.json", """
                [{"db_id": "shop",
                  "table_names_original": ["customers", "orders"], "table_names": ["customers", "orders"],
                  "column_names_original": [[-1, "*"], [0, "id"], [0, "name"], [0, "city"], [1, "order_id"], [1, "customer_id"], [1, "total"]],
                  "column_names": [[-1, "*"], [0, "id"], [0, "name"], [0, "city"], [1, "order_id"], [1, "customer_id"], [1, "total"]],
                  "column_types": ["text", "number", "text", "text", "number", "number", "number"],
                  "primary_keys": [1, 4], "foreign_keys": [[5, 1]]},
                 {"db_id": "school",
                  "table_names_original": ["enrolment"], "table_names": ["enrolment"],
                  "column_names_original": [[-1, "*"], [0, "student"], [0, "course"], [0, "grade"]],
                  "column_names": [[-1, "*"], [0, "student"], [0, "course"], [0, "grade"]],
                  "column_types": ["text", "text", "text", "real"],
                  "primary_keys": [[1, 2]], "foreign_keys": []},
                 {"db_id": "unused", "table_names_original": ["t"], "table_names": ["t"],
                  "column_names_original": [[-1, "*"], [0, "x"]], "column_names": [[-1, "*"], [0, "x"]],
                  "column_types": ["text", "text"], "primary_keys": [], "foreign_keys": []}]
                """);
        cli.write("bird.json", """
                [{"question_id": 0, "db_id": "shop", "question": "How many customers live in Oslo?",
                  "evidence": "Oslo refers to city = 'Oslo'", "SQL": "SELECT COUNT(*) FROM customers WHERE city = 'Oslo'", "difficulty": "simple"},
                 {"question_id": 1, "db_id": "shop", "question": "Total of all orders of customer Ann",
                  "evidence": "", "SQL": "SELECT SUM(o.total) FROM orders o JOIN customers c ON o.customer_id = c.id WHERE c.name = 'Ann'", "difficulty": "moderate"},
                 {"question_id": 2, "db_id": "school", "question": "Best grade in course X1?",
                  "evidence": "X1 is a course", "SQL": "SELECT MAX(grade) FROM enrolment WHERE course = 'X1'", "difficulty": "challenging"}]
                """);
    }

    private void importBoth(String data, String format, String into) {
        assertThat(cli.run("import", data, "--format", format, "--db", into))
                .as(cli.err())
                .isZero();
        assertThat(cli.run("schema", "import", cli.file("tables.json"), "--db", into))
                .as(cli.err())
                .isZero();
    }

    /** A new database with an export's data file and its Spider-style schema file imported back. */
    private String importedAgain(Path data, String format, Path tables) {
        String db2 = cli.file("b.mv.db");
        assertThat(cli.run("import", data.toString(), "--format", format, "--db", db2))
                .as(cli.err())
                .isZero();
        assertThat(cli.run("schema", "import", tables.toString(), "--format", "spider", "--db", db2))
                .as(cli.err())
                .isZero();
        return db2;
    }

    /** Every pair as (question, sql, database, metadata) keyed by pair id. */
    private static Map<String, List<Object>> pairs(String file) {
        Map<String, List<Object>> all = new TreeMap<>();
        try (Database store = Databases.open(file.replace(".mv.db", ""))) {
            store.forEach(
                    PairFilter.ALL,
                    PairSort.INSERTION,
                    p -> all.put(
                            p.pair().pairId(),
                            List.of(
                                    p.pair().question(),
                                    p.pair().sql(),
                                    p.pair().databaseName(),
                                    p.pair().databaseType(),
                                    p.pair().metadata())));
        }
        return all;
    }

    private static Map<String, DatabaseSchema> schemas(String file) {
        Map<String, DatabaseSchema> all = new TreeMap<>();
        try (Database store = Databases.open(file.replace(".mv.db", ""))) {
            for (StoredSchema s : store.latestSchemas()) {
                all.put(s.databaseName(), SchemaJson.read(s.definition()));
            }
        }
        return all;
    }

    @Test
    void birdExportWritesTheQuestionsAndADevTablesFileThatBothImportBackUnchanged() throws Exception {
        importBoth(cli.file("bird.json"), "bird", cli.db());
        Path target = cli.dir().resolve("out").resolve("dev.json");
        Files.createDirectories(target.getParent());
        assertThat(cli.runOnDb("export", "--format", "bird", "--no-anonymize", "--output", target.toString()))
                .as(cli.err())
                .isZero();

        JsonNode first = JSON.readTree(target.toFile()).get(0);
        assertThat(List.of(first.fieldNames()).toString()).isNotEmpty();
        List<String> keys = new ArrayList<>();
        first.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("question_id", "db_id", "question", "evidence", "SQL", "difficulty");
        assertThat(first.get("question_id").isInt()).isTrue();
        assertThat(first.get("evidence").asText()).isEqualTo("Oslo refers to city = 'Oslo'");

        Path tables = target.resolveSibling("dev_tables.json");
        assertThat(tables).exists();
        JsonNode schemaFile = JSON.readTree(tables.toFile());
        assertThat(schemaFile).hasSize(2); // shop and school; "unused" has no exported pair
        JsonNode manifest =
                JSON.readTree(target.resolveSibling("dev.json.manifest.json").toFile());
        assertThat(manifest.get("schema_file").get("name").asText()).isEqualTo("dev_tables.json");

        String db2 = importedAgain(target, "bird", tables);
        assertThat(pairs(db2)).isEqualTo(pairs(cli.db()));
        Map<String, DatabaseSchema> before = schemas(cli.db());
        Map<String, DatabaseSchema> after = schemas(db2);
        assertThat(after.keySet()).containsExactly("school", "shop");
        assertThat(after.get("shop").tables()).isEqualTo(before.get("shop").tables());
        assertThat(after.get("school").tables()).isEqualTo(before.get("school").tables()); // composite key kept
    }

    @Test
    void spiderExportWritesTablesJsonBesideTheDataAndBothImportBackUnchanged() throws Exception {
        cli.write("spider.json", """
                [{"db_id": "shop", "question": "Names of customers in Rome", "query": "SELECT name FROM customers WHERE city = 'Rome'"},
                 {"db_id": "school", "question": "Courses of student S1", "query": "SELECT course FROM enrolment WHERE student = 'S1'"}]
                """);
        importBoth(cli.file("spider.json"), "spider", cli.db());
        Path target = cli.dir().resolve("out").resolve("train_spider.json");
        Files.createDirectories(target.getParent());
        assertThat(cli.runOnDb("export", "--format", "spider", "--no-anonymize", "--output", target.toString()))
                .as(cli.err())
                .isZero();
        Path tables = target.resolveSibling("tables.json");
        assertThat(tables).exists();

        String db2 = importedAgain(target, "spider", tables);
        assertThat(pairs(db2)).isEqualTo(pairs(cli.db()));
        assertThat(schemas(db2).get("shop").tables())
                .isEqualTo(schemas(cli.db()).get("shop").tables());

        // a second export beside it: tables.json is taken, so it fails unless --overwrite or --rename
        Path again = target.resolveSibling("dev.json");
        assertThat(cli.runOnDb("export", "--format", "spider", "--no-anonymize", "--output", again.toString()))
                .isNotZero();
        assertThat(cli.err()).contains("tables.json");
        assertThat(again).doesNotExist();
        assertThat(cli.runOnDb(
                        "export", "--format", "spider", "--no-anonymize", "--rename", "--output", again.toString()))
                .as(cli.err())
                .isZero();
        assertThat(again).exists();
        assertThat(target.resolveSibling("tables (2).json")).exists();
    }

    @Test
    void anonymizedDatabaseNamesAreTheSameInTheDataAndTheSchemaFileAndTableNamesAreKept() throws Exception {
        importBoth(cli.file("bird.json"), "bird", cli.db());
        Path target = cli.dir().resolve("anon.json");
        assertThat(cli.runOnDb("export", "--format", "bird", "--output", target.toString()))
                .as(cli.err())
                .isZero();
        JsonNode data = JSON.readTree(target.toFile());
        JsonNode tables =
                JSON.readTree(target.resolveSibling("anon_tables.json").toFile());
        List<String> dataDbs = new ArrayList<>();
        data.forEach(r -> dataDbs.add(r.get("db_id").asText()));
        List<String> schemaDbs = new ArrayList<>();
        tables.forEach(t -> schemaDbs.add(t.get("db_id").asText()));
        assertThat(schemaDbs).containsExactlyInAnyOrderElementsOf(new LinkedHashSet<>(dataDbs));
        assertThat(schemaDbs).hasSize(2).doesNotContain("shop", "school"); // the default policy replaces database names
        assertThat(tables.toString())
                .contains("\"customers\"")
                .contains("\"customer_id\"")
                .contains("\"enrolment\"");
    }

    @Test
    void aPolicyThatRedactsTwoDatabasesToOneNameStopsTheExportWithTheReason() throws Exception {
        importBoth(cli.file("bird.json"), "bird", cli.db());
        Path policy = cli.dir().resolve("redact.json");
        Files.writeString(policy, "{\"name\": \"redact-db\", \"operators\": {\"DB_NAME\": \"redact\"}}");
        Path target = cli.dir().resolve("redacted.json");
        assertThat(cli.runOnDb(
                        "export", "--format", "bird", "--policy", policy.toString(), "--output", target.toString()))
                .isNotZero();
        assertThat(cli.err())
                .contains("The databases shop and school are both exported as")
                .contains("No file was written");
        assertThat(target).doesNotExist();
        assertThat(cli.dir().resolve("redacted_tables.json")).doesNotExist();
        // the same policy without a schema file is fine
        assertThat(cli.runOnDb(
                        "export", "--format", "alpaca", "--policy", policy.toString(), "--output", cli.file("a.json")))
                .as(cli.err())
                .isZero();
    }

    @Test
    void dbGptAlpacaPutsTheSchemaInTheInstructionAndTheScopeOptionChoosesTheTables() throws Exception {
        importBoth(cli.file("bird.json"), "bird", cli.db());
        Path used = cli.dir().resolve("used.json");
        assertThat(cli.runOnDb("export", "--format", "dbgpt-alpaca", "--no-anonymize", "--output", used.toString()))
                .as(cli.err())
                .isZero();
        JsonNode first = JSON.readTree(used.toFile()).get(0);
        assertThat(first.get("instruction").asText())
                .contains("shop contains tables such as:")
                .contains("CREATE TABLE customers (id number, name text, city text, PRIMARY KEY (id));")
                .doesNotContain("CREATE TABLE orders");
        assertThat(first.get("input").asText())
                .isEqualTo("###Input:\nHow many customers live in Oslo?\n\n###Response:");
        assertThat(first.get("output").asText()).isEqualTo("SELECT COUNT(*) FROM customers WHERE city = 'Oslo'");
        assertThat(first.get("history")).isEmpty();

        Path whole = cli.dir().resolve("whole.json");
        assertThat(cli.runOnDb(
                        "export",
                        "--format",
                        "dbgpt-alpaca",
                        "--no-anonymize",
                        "--schema-scope",
                        "database",
                        "--output",
                        whole.toString()))
                .as(cli.err())
                .isZero();
        assertThat(JSON.readTree(whole.toFile()).get(0).get("instruction").asText())
                .contains("CREATE TABLE customers")
                .contains("CREATE TABLE orders");

        assertThat(cli.runOnDb(
                        "export", "--format", "dbgpt-alpaca", "--schema-scope", "all", "--output", cli.file("x.json")))
                .isEqualTo(Cli.USAGE);
        assertThat(cli.err()).contains("--schema-scope must be used or database");
    }

    @Test
    void theWizardPreviewShowsTheSchemaContextInTheChosenScopeAndTheProfileKeepsTheScope() throws Exception {
        importBoth(cli.file("bird.json"), "bird", cli.db());
        try (Database store = Databases.open(cli.db().replace(".mv.db", ""))) {
            String used = ExportPreview.firstRecords(
                    store, PairFilter.ALL, "sql-create-context", null, null, null, null, 1, false);
            String whole = ExportPreview.firstRecords(
                    store, PairFilter.ALL, "sql-create-context", null, null, null, null, 1, true);
            assertThat(JSON.readTree(used).get("context").asText())
                    .contains("CREATE TABLE customers")
                    .doesNotContain("CREATE TABLE orders");
            assertThat(JSON.readTree(whole).get("context").asText())
                    .contains("CREATE TABLE customers")
                    .contains("CREATE TABLE orders");
        }
        ExportProfile p = ExportProfile.defaults("dbgpt-alpaca").withWholeSchema(true);
        assertThat(ExportProfile.fromJson(p.toJson()).wholeSchema()).isTrue();
        assertThat(p.toJson().get("schema_scope").asText()).isEqualTo("database");
        assertThat(ExportProfile.fromJson(ExportProfile.defaults("openai").toJson())
                        .wholeSchema())
                .isFalse();
    }

    @Test
    void aPresetWithABadSchemaFileNameIsRefusedWithTheReason() {
        assertThatThrownBy(() ->
                        Preset.parse("{\"name\": \"x\", \"record\": {}, \"schema_file\": \"../tables.txt\"}", "x.json"))
                .hasMessageContaining("\"schema_file\" must be a file name ending in .json");
    }
}
