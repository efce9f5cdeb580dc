package dev.pairstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairstudio.testing.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What validate, stats, get and list say about a pair's verdicts, through the real command line on a real file. */
class ValidationVerdictsCliTest {
    static final String LINE = "{\"pair_id\": \"%s\", \"natural_language_query\": \"%s\", \"sql_query\": \"%s\", "
            + "\"timestamp\": \"2024-01-01T10:00:00\", \"database_type\": \"sqlite\", \"database_name\": \"shop\", \"success\": true}\n";

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final CliRun.InFolder cli = new CliRun.InFolder();

    @BeforeEach
    void setUp() throws Exception {
        cli.writePairs(String.format(LINE, "good", "All customer names", "SELECT name FROM customers")
                + String.format(
                        LINE, "open", "Customers in France", "SELECT name FROM customers WHERE country = 'France")
                + String.format(
                        LINE,
                        "typo",
                        "Names of customers in Peru",
                        "SELECT nmae FROM customers WHERE country = 'Chile'"));
        cli.write("shop.sql", "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, country TEXT);\n");
        assertThat(cli.runOnDb("import", cli.file("pairs.jsonl"))).isZero();
        assertThat(cli.runOnDb("schema", "import", cli.file("shop.sql"), "--database", "shop", "--dialect", "sqlite"))
                .isZero();
    }

    @Test
    void unparseableSqlIsNeverValidAgainstItsSchema() {
        assertThat(cli.runOnDb("validate")).isZero();
        assertThat(cli.out())
                .contains("Validated 3 pairs")
                .contains("no flag:                   1")
                .contains("UNPARSEABLE:               1");
        assertThat(cli.runOnDb("stats")).isZero();
        assertThat(cli.out()).contains("Valid (schema): shop: 33.3 % of 3 validated (3 pairs)");
        assertThat(cli.runOnDb("stats", "--json")).isZero();
        assertThat(cli.out().replaceAll("\\s", "")).contains("\"shop\":{\"pairs\":3,\"validated\":3,\"valid\":1,");
    }

    @Test
    void getAndListShowTheFlagsAndMessagesInTheWindowsWords() throws Exception {
        assertThat(cli.runOnDb("get", "typo", "--json")).isZero();
        JsonNode typo = JSON.readTree(cli.out());
        assertThat(typo.get("flags"))
                .extracting(JsonNode::asText)
                .contains("UNKNOWN_COLUMN", "DOES_NOT_RUN", "LITERAL_NOT_IN_QUESTION");
        assertThat(typo.get("flag_labels"))
                .extracting(JsonNode::asText)
                .contains("Column not in the schema", "SQL value not in the question");
        assertThat(typo.at("/validation/schema").asText()).isEqualTo("shop");
        assertThat(typo.at("/validation/schema_version").asInt()).isEqualTo(1);
        JsonNode unknown = null;
        for (JsonNode m : typo.at("/validation/messages")) {
            if (m.get("flag").asText().equals("UNKNOWN_COLUMN")) {
                unknown = m;
            }
            if (m.get("flag").asText().equals("LITERAL_NOT_IN_QUESTION")) {
                assertThat(m.get("text").asText())
                        .isEqualTo("the SQL compares with 'Chile', which the question does not mention");
            }
        }
        assertThat(unknown).isNotNull();
        assertThat(unknown.get("label").asText()).isEqualTo("Column not in the schema");
        assertThat(unknown.get("text").asText()).startsWith("unknown column nmae");
        String sql = typo.get("sql_query").asText();
        assertThat(sql.substring(
                        unknown.get("start").asInt(), unknown.get("end").asInt()))
                .isEqualTo("nmae");
        // the seed's keys stay first and unchanged
        assertThat(typo.fieldNames().next()).isEqualTo("pair_id");

        assertThat(cli.runOnDb("list", "--json")).isZero();
        JsonNode list = JSON.readTree(cli.out());
        assertThat(list.get("pairs")).hasSize(3);
        for (JsonNode p : list.get("pairs")) {
            switch (p.get("pair_id").asText()) {
                case "good" -> {
                    assertThat(p.get("flags")).isEmpty();
                    assertThat(p.at("/validation/messages")).isEmpty();
                }
                case "open" -> {
                    assertThat(p.get("flags")).extracting(JsonNode::asText).contains("UNPARSEABLE");
                    assertThat(p.get("parse_error").asText()).isNotBlank();
                }
                default ->
                    assertThat(p.at("/validation/messages").toString())
                            .isEqualTo(typo.at("/validation/messages").toString());
            }
        }
    }

    @Test
    void oneValidatedPairIsOnePair() throws Exception {
        cli.write(
                "hr.jsonl",
                String.format(LINE, "solo", "All staff names please", "SELECT name FROM staff")
                        .replace("\"shop\"", "\"hr\""));
        cli.write("hr.sql", "CREATE TABLE staff (id INTEGER PRIMARY KEY, name TEXT);\n");
        assertThat(cli.runOnDb("import", cli.file("hr.jsonl"))).isZero();
        assertThat(cli.runOnDb("schema", "import", cli.file("hr.sql"), "--database", "hr"))
                .isZero();
        assertThat(cli.runOnDb("stats")).isZero();
        assertThat(cli.out()).contains("hr: 100.0 % of 1 validated (1 pair)");
    }
}
