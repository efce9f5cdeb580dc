package dev.pairstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairstudio.testing.CliRun;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnonymizeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CliRun r = CliRun.of(args);
        err.append(r.err());
        return r.code();
    }

    /** Runs anonymize from {@code in} to {@code out} with the database {@code db} in the test's folder. */
    private int anonymize(String db, Path in, Path out, String... options) {
        List<String> args = new ArrayList<>(List.of(
                "anonymize", "--db", dir.resolve(db).toString(), "--input", in.toString(), "--output", out.toString()));
        args.addAll(List.of(options));
        return run(args.toArray(String[]::new));
    }

    private List<JsonNode> lines(Path p) throws Exception {
        return Files.readAllLines(p).stream()
                .map(l -> {
                    try {
                        return JSON.readTree(l);
                    } catch (Exception e) {
                        throw new AssertionError(l, e);
                    }
                })
                .toList();
    }

    @Test
    void textAndPairLinesOneOutputLinePerInputLineWithOriginalOffsets() throws Exception {
        Path in = dir.resolve("in.jsonl");
        String text = "Mail jane.doe@example.org or call +1 415 555 0132 — ünïcødé 😀 ssn 123-45-6789";
        Files.writeString(
                in,
                String.join(
                                "\n",
                                JSON.writeValueAsString(Map.of("id", "t1", "text", text)),
                                "{\"id\":\"p1\",\"question\":\"Orders of jane.doe@example.org\",\"sql\":\"SELECT * FROM orders WHERE email = 'jane.doe@example.org'\",\"database_type\":\"postgresql\",\"database_name\":\"shop_db\"}",
                                "{\"id\":\"bad\",\"question\": 5, \"sql\": \"x\"}",
                                "not json at all",
                                "{\"id\":\"t2\",\"text\":\"nothing here\"}")
                        + "\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("out.jsonl");
        int code = anonymize("pairs", in, out);

        assertThat(code).isEqualTo(Cli.BAD_INPUT);
        List<JsonNode> o = lines(out);
        assertThat(o).hasSize(5);
        JsonNode t1 = o.get(0);
        assertThat(t1.get("id").asText()).isEqualTo("t1");
        assertThat(t1.get("text").asText())
                .doesNotContain("jane.doe", "415 555 0132", "123-45-6789")
                .contains("ünïcødé 😀");
        int[] cps = text.codePoints().toArray();
        for (JsonNode f : t1.get("findings")) {
            String value = new String(
                    cps,
                    f.get("start").asInt(),
                    f.get("end").asInt() - f.get("start").asInt());
            assertThat(value).isIn("jane.doe@example.org", "+1 415 555 0132", "123-45-6789");
        }
        assertThat(t1.get("findings")).extracting(f -> f.get("type").asText()).containsExactly("EMAIL", "PHONE", "SSN");
        JsonNode p1 = o.get(1);
        assertThat(p1.get("question").asText() + p1.get("sql").asText()).doesNotContain("jane.doe");
        assertThat(p1.get("findings"))
                .extracting(f -> f.get("field").asText())
                .containsExactly("question", "sql", "database_name");
        assertThat(p1.get("database_name").asText()).startsWith("db_");
        assertThat(o.get(2).get("id").asText()).isEqualTo("bad");
        assertThat(o.get(2).get("error").asText()).contains("\"question\" must be a string");
        assertThat(o.get(3).get("error").asText()).contains("malformed JSON");
        assertThat(o.get(4).get("text").asText()).isEqualTo("nothing here");
        assertThat(err.toString()).contains("in.jsonl:3:", "in.jsonl:4:").doesNotContain("jane", "shop_db");

        // the database's secret keys the pseudonyms: the same database gives the same surrogates on the next run,
        // another database other ones, and no key file lies around
        assertThat(dir.resolve("privacy.key")).doesNotExist();
        Path other = dir.resolve("other.jsonl");
        anonymize("another", in, other);
        assertThat(Files.readString(other)).isNotEqualTo(Files.readString(out));
        Path out2 = dir.resolve("out2.jsonl");
        anonymize("pairs", in, out2);
        assertThat(Files.readString(out2)).isEqualTo(Files.readString(out));
    }

    @Test
    void policyFileChoosesOperatorsAndBadPoliciesAreClearErrors() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"id\":1,\"text\":\"a@example.com\"}\n");
        Path policy = dir.resolve("policy.json");
        Files.writeString(policy, "{\"name\":\"r\",\"operators\":{\"EMAIL\":\"redact\"}}");
        Path out = dir.resolve("o.jsonl");
        assertThat(anonymize("db", in, out, "--policy", policy.toString())).isZero();
        assertThat(lines(out).get(0).get("text").asText()).isEqualTo("<EMAIL>");
        assertThat(lines(out).get(0).get("id").asInt()).isEqualTo(1);

        Files.writeString(policy, "{\"custom_rules\":[{\"name\":\"emp\",\"pattern\":\"EMP-(\\\\d\"}]}");
        assertThat(anonymize("db", in, out, "--policy", policy.toString())).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString()).contains("custom rule 'emp'", "does not compile");

        // a rule that backtracks badly fails only the line it cannot finish, and says why
        Files.writeString(policy, "{\"custom_rules\":[{\"name\":\"slow\",\"pattern\":\"(a+)+$\"}]}");
        Files.writeString(
                in,
                "{\"id\":\"long\",\"text\":\"" + "a".repeat(20_000)
                        + "!\"}\n{\"id\":\"ok\",\"text\":\"b@example.com\"}\n");
        assertThat(anonymize("db", in, out, "--policy", policy.toString())).isEqualTo(Cli.BAD_INPUT);
        List<JsonNode> o = lines(out);
        assertThat(o.get(0).get("error").asText()).contains("custom rule 'slow'", "not anonymized");
        assertThat(o.get(1).get("text").asText())
                .matches("[a-z]@example\\.(com|net|org)")
                .isNotEqualTo("b@example.com");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("anonymize", "--input", "x.jsonl")).isEqualTo(Cli.USAGE);
        assertThat(run(
                        "anonymize",
                        "--input",
                        dir.resolve("missing.jsonl").toString(),
                        "--output",
                        dir.resolve("o").toString(),
                        "--db",
                        dir.resolve("db").toString()))
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString()).contains("missing.jsonl");
    }
}
