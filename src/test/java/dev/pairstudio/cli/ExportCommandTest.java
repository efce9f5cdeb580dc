package dev.pairstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.ingest.DuplicateTracker;
import dev.pairstudio.pair.Source;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stats and export commands on a real H2 file: output shapes, exit codes and messages. */
class ExportCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static String db;

    @BeforeAll
    static void fill() {
        db = dir.resolve("cli").toString();
        try (Database store = Databases.open(db)) {
            store.addAll(new SyntheticPairs(9).list(300), null, Source.FILE, "t");
            new DuplicateTracker(store).catchUp(); // as an import leaves them: grouped
        }
    }

    /** A command on this test's database. */
    static CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--db");
        all.add(db);
        return CliRun.of(all.toArray(new String[0]));
    }

    @Test
    void statsJsonHasTheSeedKeysAndTextIsReadable() throws Exception {
        CliRun r = run("stats", "--json");
        assertThat(r.code()).isZero();
        JsonNode s = JSON.readTree(r.out());
        assertThat(s.get("total_pairs").asLong()).isEqualTo(300);
        assertThat(s.get("unique_tables").isArray()).isTrue();
        CliRun filtered =
                run("stats", "--json", "--database-type", "mysql", "--from", "2025-03-01", "--to", "2025-06-30");
        assertThat(JSON.readTree(filtered.out()).get("total_pairs").asLong()).isBetween(1L, 299L);
        CliRun text = run("stats");
        assertThat(text.out()).contains("Pairs:").contains("300");
        CliRun bad = run("stats", "--from", "yesterday");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("--from \"yesterday\" is not a date");
    }

    @Test
    void exportWritesTheSeedFormatsAndRefusesToOverwrite() throws Exception {
        Path jsonl = dir.resolve("o.jsonl");
        CliRun r =
                run("export", "--format", "jsonl", "--no-anonymize", "--keep-duplicates", "--output", jsonl.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Exported 300 pairs");
        assertThat(Files.readAllLines(jsonl)).hasSize(300);
        CliRun again = run("export", "--format", "jsonl", "--no-anonymize", "--output", jsonl.toString());
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("already exists").contains("--overwrite");
        assertThat(run("export", "--format", "jsonl", "--output", jsonl.toString(), "--overwrite")
                        .code())
                .isZero();
        Path csv = dir.resolve("o.csv");
        assertThat(run("export", "--format", "csv", "--no-anonymize", "--output", csv.toString())
                        .code())
                .isZero();
        assertThat(Files.readAllLines(csv).get(0))
                .isEqualTo("pair_id,natural_language_query,sql_query,timestamp,database_type,"
                        + "database_name,table_names,success,execution_time_ms,query_type");
        Path json = dir.resolve("o.json");
        assertThat(run("export", "--format", "json", "--keep-duplicates", "--output", json.toString())
                        .code())
                .isZero();
        assertThat(JSON.readTree(json.toFile()).get("total_pairs").asLong()).isEqualTo(300);
    }

    @Test
    void splitsProfilesAndUsageErrors() throws Exception {
        Path base = dir.resolve("chat.jsonl");
        CliRun r = run(
                "export",
                "--format",
                "openai",
                "--output",
                base.toString(),
                "--split",
                "80/10/10",
                "--profile",
                "chat");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(dir.resolve("chat.train.jsonl")).exists();
        assertThat(dir.resolve("chat.manifest.json")).exists();
        // the profile remembers format and split; the next run only names the output
        CliRun again = run(
                "export",
                "--profile",
                "chat",
                "--output",
                dir.resolve("chat2.jsonl").toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(dir.resolve("chat2.validation.jsonl")).exists();
        CliRun incremental = run(
                "export",
                "--profile",
                "chat",
                "--incremental",
                "--output",
                dir.resolve("chat3.jsonl").toString());
        assertThat(incremental.out()).contains("Exported 0 pairs");

        CliRun unknown = run(
                "export", "--format", "yaml", "--output", dir.resolve("x.yaml").toString());
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown --format \"yaml\"");
        CliRun badSplit = run(
                "export",
                "--format",
                "jsonl",
                "--split",
                "a/b",
                "--output",
                dir.resolve("y.jsonl").toString());
        assertThat(badSplit.code()).isEqualTo(2);
        CliRun noFolder = run(
                "export",
                "--format",
                "jsonl",
                "--output",
                dir.resolve("missing/z.jsonl").toString());
        assertThat(noFolder.code()).isEqualTo(1);
        assertThat(noFolder.err()).contains("does not exist");
    }
}
