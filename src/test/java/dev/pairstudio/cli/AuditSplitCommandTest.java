package dev.pairstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairstudio.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** audit-split on files planted with one crossing of each kind, in the layouts other tools and our presets write. */
class AuditSplitCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static final String NEAR =
            "List the ten most expensive products in the catalogue sorted by price from high to low ";

    /** train as the seed's JSONL, validation as OpenAI chat JSONL, test as Spider JSON. */
    private List<String> planted() throws Exception {
        Path train = dir.resolve("data.train.jsonl");
        Files.writeString(
                train,
                String.join(
                                "\n",
                                seed(
                                        "How many orders were shipped to Berlin last week?",
                                        "SELECT COUNT(*) FROM orders WHERE city = 'Berlin'",
                                        "shop"),
                                seed(
                                        NEAR + "today",
                                        "SELECT name FROM products ORDER BY price DESC LIMIT 10",
                                        "catalog"),
                                seed(
                                        "Which employees joined in 2020",
                                        "SELECT * FROM employees WHERE year = 2020",
                                        "hr"),
                                seed("What is the alpha of every gamma", "SELECT alpha FROM gamma", "greek"))
                        + "\n");
        Path validation = dir.resolve("data.validation.jsonl");
        Files.writeString(
                validation,
                String.join(
                                "\n",
                                chat(
                                        "How many orders were shipped to Berlin last week?",
                                        "SELECT COUNT(id) FROM shipments"), // same question
                                chat(
                                        "Staff hired during 2020",
                                        "SELECT * FROM employees WHERE year = 2020"), // identical SQL (and template)
                                chat(
                                        "Who won the cup in the year of the storm",
                                        "SELECT winner FROM cups WHERE storm = 1"))
                        + "\n");
        Path test = dir.resolve("dev.json"); // Spider's name for its held-out split
        Files.writeString(
                test,
                "[\n"
                        + spider(NEAR + "now", "SELECT title FROM books", "library") + ",\n" // near-duplicate question
                        + spider("Orders to Paris?", "SELECT COUNT(*) FROM orders WHERE city = 'Paris'", "shop")
                        + ",\n" // template and database
                        + spider(
                                "Name every river longer than the Rhine",
                                "SELECT name FROM rivers WHERE length > 1233",
                                "geo")
                        + "\n]\n");
        return List.of(train.toString(), validation.toString(), test.toString());
    }

    private static String seed(String q, String sql, String db) throws Exception {
        return JSON.writeValueAsString(JSON.createObjectNode()
                .put("pair_id", Integer.toHexString(q.hashCode()))
                .put("natural_language_query", q)
                .put("sql_query", sql)
                .put("database_type", "postgresql")
                .put("database_name", db));
    }

    private static String chat(String q, String sql) throws Exception {
        var n = JSON.createObjectNode();
        var m = n.putArray("messages");
        m.addObject().put("role", "system").put("content", "You are a text-to-SQL assistant.");
        m.addObject().put("role", "user").put("content", q);
        m.addObject().put("role", "assistant").put("content", sql);
        return JSON.writeValueAsString(n);
    }

    private static String spider(String q, String sql, String db) throws Exception {
        return JSON.writeValueAsString(
                JSON.createObjectNode().put("db_id", db).put("question", q).put("query", sql));
    }

    @Test
    void findsEveryPlantedKindBetweenTheRightSplitsWithExamples() throws Exception {
        List<String> args = new ArrayList<>(List.of("audit-split", "--json"));
        args.addAll(planted());
        CliRun r = run(args.toArray(new String[0]));
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        JsonNode report = JSON.readTree(r.out());
        assertThat(report.get("clean").asBoolean()).isFalse();
        assertThat(report.get("splits").get("train").asLong()).isEqualTo(4);
        assertThat(report.get("splits").get("validation").asLong()).isEqualTo(6); // dev.json is validation too
        assertThat(rows(report, "train", "validation", "duplicate_question")).isEqualTo(1);
        assertThat(rows(report, "train", "validation", "identical_sql")).isEqualTo(1);
        assertThat(rows(report, "train", "validation", "sql_template"))
                .isEqualTo(2); // employees, and Paris from dev.json
        assertThat(rows(report, "train", "validation", "near_duplicate_question"))
                .isEqualTo(1);
        assertThat(rows(report, "train", "validation", "database")).isEqualTo(1);
        JsonNode near = crossing(report, "train", "validation", "near_duplicate_question")
                .get("examples")
                .get(0);
        assertThat(near.get("first").get("where").asText()).isEqualTo("data.train.jsonl:2");
        assertThat(near.get("second").get("where").asText()).isEqualTo("dev.json record 1");
        assertThat(near.get("second").get("text").asText()).endsWith("now");
        assertThat(JSON.convertValue(report.get("failing_kinds"), List.class)).doesNotContain("database");
    }

    @Test
    void eachSplitOnItsOwnFileAndTextOutput() throws Exception {
        List<String> files = planted();
        Path test = dir.resolve("data.test.json");
        Files.move(Path.of(files.get(2)), test);
        CliRun r = run("audit-split", files.get(0), files.get(1), test.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out())
                .contains("Splits: train 4, validation 3, test 3")
                .contains("train / test (rows of test that match a row of train):")
                .containsPattern("near-duplicate question +1")
                .contains("data.train.jsonl:2")
                .contains("data.test.json record 1")
                .containsPattern("same database +1  \\(allowed\\)")
                .contains("Result: rows cross splits:");
        assertThat(r.out()).containsPattern("validation / test[^\\n]*\\n(  [^\\n]* +0\\n){5}");
    }

    @Test
    void cleanFilesExitZeroAndDatabasesFailOnlyWhenAsked() throws Exception {
        Path train = dir.resolve("train.csv");
        Files.writeString(
                train,
                "pair_id,natural_language_query,sql_query,timestamp,database_type,database_name,table_names,success,"
                        + "execution_time_ms,query_type\r\n"
                        + "a,How many singers are there,SELECT count(*) FROM singer,,sqlite,concert,singer,True,,SELECT\r\n"
                        + "b,Name the stadiums by capacity,SELECT name FROM stadium ORDER BY capacity,,sqlite,concert,stadium,True,,SELECT\r\n");
        Path test = dir.resolve("test.jsonl");
        Files.writeString(
                test, seed("Average salary of the pilots", "SELECT avg(salary) FROM pilot", "concert") + "\n");
        CliRun r = run("audit-split", train.toString(), test.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Result: clean");
        CliRun strict = run("audit-split", "--by-database", train.toString(), test.toString());
        assertThat(strict.code()).isEqualTo(1);
        assertThat(strict.out()).contains("same database 1");
    }

    @Test
    void badFilesAndOneSplitAreClearErrors() throws Exception {
        Path train = dir.resolve("train.jsonl");
        Files.writeString(train, seed("q", "SELECT 1", "d") + "\n{\"question\": \"no sql here\"}\n");
        Path test = dir.resolve("test.jsonl");
        Files.writeString(test, seed("r", "SELECT 2", "d") + "\n");
        CliRun bad = run("audit-split", train.toString(), test.toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("train.jsonl:2").contains("no question and SQL");
        CliRun one = run("audit-split", test.toString());
        assertThat(one.code()).isEqualTo(2);
        assertThat(one.err()).contains("at least two splits");
        CliRun missing = run(
                "audit-split", test.toString(), dir.resolve("validation.jsonl").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("validation.jsonl is not a readable file");
    }

    static JsonNode crossing(JsonNode report, String first, String second, String kind) {
        for (JsonNode c : report.get("crossings")) {
            if (c.get("first").asText().equals(first)
                    && c.get("second").asText().equals(second)
                    && c.get("kind").asText().equals(kind)) {
                return c;
            }
        }
        throw new AssertionError("no crossing entry " + first + "/" + second + "/" + kind);
    }

    static long rows(JsonNode report, String first, String second, String kind) {
        return crossing(report, first, second, kind).get("rows").asLong();
    }
}
