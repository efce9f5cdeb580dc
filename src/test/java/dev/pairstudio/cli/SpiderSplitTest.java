package dev.pairstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.pairstudio.testing.CliRun;
import dev.pairstudio.testing.SpiderCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spider's real training pairs (7,000 questions over 140 databases, written by others): imported,
 * exported with splits, and audited; and Spider cut naively, where the audit must see the leaks.
 */
class SpiderSplitTest {
    private static final Path SPIDER = SpiderCorpus.FOLDER.resolve("train.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static String db;

    @BeforeAll
    static void importSpider() {
        Assumptions.assumeTrue(Files.isRegularFile(SPIDER), "the Spider corpus is in ../shared/corpora/spider");
        db = dir.resolve("spider").toString();
        CliRun r = CliRun.of("import", SPIDER.toString(), "--db", db);
        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void ourSplitOfSpiderIsCleanByTemplateAndByDatabase() {
        Path out = dir.resolve("by-template.jsonl");
        CliRun export = CliRun.of(
                "export",
                "--db",
                db,
                "--format",
                "jsonl",
                "--no-anonymize",
                "--keep-duplicates",
                "--split",
                "80/10/10",
                "--output",
                out.toString());
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out())
                .contains("Split: 6,992 pairs in")
                .contains("achieved 80/10/10")
                .contains("Split check: clean");
        CliRun audit = CliRun.of(
                "audit-split",
                dir.resolve("by-template.train.jsonl").toString(),
                dir.resolve("by-template.validation.jsonl").toString(),
                dir.resolve("by-template.test.jsonl").toString());
        assertThat(audit.code()).as(audit.out()).isZero();
        assertThat(audit.out()).contains("Result: clean").containsPattern("same SQL template +0");

        Path hf = dir.resolve("hf-by-database");
        CliRun byDb = CliRun.of(
                "export",
                "--db",
                db,
                "--format",
                "hf",
                "--no-anonymize",
                "--group-by",
                "database",
                "--output",
                hf.toString());
        assertThat(byDb.code()).as(byDb.err()).isZero();
        CliRun strict = CliRun.of(
                "audit-split",
                "--by-database",
                hf.resolve("train.jsonl").toString(),
                hf.resolve("validation.jsonl").toString(),
                hf.resolve("test.jsonl").toString());
        assertThat(strict.code()).as(strict.out()).isZero();
        assertThat(strict.out()).containsPattern("same database +0");
    }

    @Test
    void aNaiveCutOfSpiderLeaksTemplatesAndQuestionsAndTheAuditSaysSo() throws Exception {
        JsonNode all = JSON.readTree(SPIDER.toFile());
        ArrayNode train = JSON.createArrayNode();
        ArrayNode dev = JSON.createArrayNode();
        for (int i = 0; i < all.size(); i++) {
            (i % 10 == 0 ? dev : train).add(all.get(i));
        }
        Path t = dir.resolve("naive_train.json");
        Path d = dir.resolve("naive_dev.json");
        JSON.writeValue(t.toFile(), train);
        JSON.writeValue(d.toFile(), dev);
        CliRun r = CliRun.of("audit-split", "--json", t.toString(), d.toString());
        assertThat(r.code()).isEqualTo(1);
        JsonNode report = JSON.readTree(r.out());
        assertThat(report.get("splits").get("validation").asLong()).isEqualTo(700);
        // Spider asks most queries twice in other words, over one database: a row-wise cut puts them on both sides
        assertThat(AuditSplitCommandTest.rows(report, "train", "validation", "identical_sql"))
                .isGreaterThan(100);
        assertThat(AuditSplitCommandTest.rows(report, "train", "validation", "sql_template"))
                .isGreaterThan(200);
        assertThat(AuditSplitCommandTest.rows(report, "train", "validation", "database"))
                .isEqualTo(700);
    }
}
