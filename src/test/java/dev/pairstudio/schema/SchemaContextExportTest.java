package dev.pairstudio.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairstudio.export.DatasetExporter;
import dev.pairstudio.export.ExportListener;
import dev.pairstudio.export.ExportProfile;
import dev.pairstudio.export.ExportTargetPolicy;
import dev.pairstudio.ingest.AnalyzingEnricher;
import dev.pairstudio.ingest.PendingAnalysis;
import dev.pairstudio.pair.Source;
import dev.pairstudio.sql.SqlAnalyzer;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.testing.TestPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export presets with schema context: only the tables the SQL uses, the database name anonymized, table names kept. */
class SchemaContextExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Database storeWithSchema() throws Exception {
        Database store = Databases.open(dir.resolve("db").toString());
        store.addAll(
                List.of(
                        TestPair.of(
                                        "c1",
                                        "How many orders does each customer have?",
                                        "SELECT c.name, COUNT(*) FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.name")
                                .on("postgresql", "acme_prod")
                                .build(),
                        TestPair.of("c2", "List all products", "SELECT name FROM products")
                                .at("2025-01-02T00:00:00Z")
                                .on("postgresql", "acme_prod")
                                .build(),
                        TestPair.of("c3", "Staff names", "SELECT name FROM staff")
                                .at("2025-01-03T00:00:00Z")
                                .on("postgresql", "hr")
                                .build()),
                null,
                Source.FILE,
                "t");
        try (SqlAnalyzer analyzer = new SqlAnalyzer();
                AnalyzingEnricher enricher = AnalyzingEnricher.forStore(store)) {
            PendingAnalysis.run(store, enricher, 1, n -> {}, () -> false); // the tables each SQL uses
            Path ddl = dir.resolve("acme.sql");
            Files.writeString(ddl, """
                    CREATE TABLE customers (id INT PRIMARY KEY, name TEXT);
                    CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT REFERENCES customers(id), total NUMERIC(8,2));
                    CREATE TABLE products (id INT PRIMARY KEY, name TEXT, price NUMERIC);
                    """);
            new SchemaImporter(store, analyzer).importFile(ddl, SchemaFormat.DDL, "acme_prod", "postgresql");
        }
        return store;
    }

    private List<JsonNode> export(Database store, String format, boolean anonymize) throws Exception {
        Path out = dir.resolve(format + anonymize + ".jsonl");
        new DatasetExporter(store, null)
                .export(
                        ExportProfile.defaults(format).withAnonymize(anonymize),
                        out,
                        ExportTargetPolicy.FAIL,
                        ExportListener.NONE);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    @Test
    void sqlCreateContextHasTheCreateTableStatementsOfTheTablesTheSqlUses() throws Exception {
        try (Database store = storeWithSchema()) {
            List<JsonNode> lines = export(store, "sql-create-context", true);
            assertThat(lines).hasSize(3);
            JsonNode first = lines.get(0);
            assertThat(first.get("question").asText()).isEqualTo("How many orders does each customer have?");
            assertThat(first.get("context").asText())
                    .contains("CREATE TABLE customers (id INT, name TEXT, PRIMARY KEY (id));")
                    .contains(
                            "CREATE TABLE orders (id INT, customer_id INT, total NUMERIC(8, 2), PRIMARY KEY (id), FOREIGN KEY (customer_id) REFERENCES customers (id));")
                    .doesNotContain("products");
            assertThat(first.get("answer").asText()).startsWith("SELECT c.name");
            assertThat(lines.get(1).get("context").asText())
                    .isEqualTo("CREATE TABLE products (id INT, name TEXT, price NUMERIC, PRIMARY KEY (id));");
            assertThat(lines.get(2).get("context").isNull()).isTrue(); // hr has no schema
        }
    }

    @Test
    void openAiChatCarriesTheSchemaInTheSystemMessage() throws Exception {
        try (Database store = storeWithSchema()) {
            JsonNode first = export(store, "openai-schema", true).get(0);
            String system = first.get("messages").get(0).get("content").asText();
            assertThat(first.get("messages").get(0).get("role").asText()).isEqualTo("system");
            assertThat(system)
                    .startsWith("You are a text-to-SQL assistant.")
                    .contains("Database schema:\nCREATE TABLE customers");
            assertThat(first.get("messages").get(1).get("content").asText())
                    .isEqualTo("How many orders does each customer have?");
        }
    }
}
