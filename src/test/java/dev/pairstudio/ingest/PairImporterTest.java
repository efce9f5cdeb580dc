package dev.pairstudio.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.pair.PairAnalysis;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.StoredPair;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairImporterTest {
    static final String A =
            "{\"pair_id\": \"a1\", \"natural_language_query\": \"How many users?\", \"sql_query\": \"SELECT COUNT(*) FROM users\", "
                    + "\"timestamp\": \"2024-01-15T10:30:00.123456\", \"database_type\": \"postgresql\", \"database_name\": \"app\", "
                    + "\"table_names\": [\"users\"], \"success\": true, \"execution_time_ms\": 45.0, \"metadata\": {\"user\": \"u@example.com\"}}";
    static final String B =
            "{\"pair_id\": \"b2\", \"natural_language_query\": \"List orders\", \"sql_query\": \"SELECT * FROM orders\", "
                    + "\"timestamp\": \"2024-01-16T08:00:00+02:00\", \"success\": false, \"execution_time_ms\": 45}";

    @TempDir
    Path dir;

    Database store;

    @BeforeEach
    void open() {
        store = Databases.open("mem:");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private Path writeBytes(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private ImportSummary run(Path... files) {
        return new PairImporter(store, PairEnricher.NONE, 2, 2)
                .importFiles(List.of(files), null, dir.resolve("reports"), null, null);
    }

    private List<StoredPair> all() {
        List<StoredPair> out = new ArrayList<>();
        store.forEach(PairFilter.ALL, PairSort.INSERTION, out::add);
        return out;
    }

    @Test
    void jsonlImportsEveryFieldAndConvertsOffsetsToUtc() throws IOException {
        ImportSummary s = run(write("pairs.jsonl", A + "\n" + B + "\n"));
        assertThat(s.added()).isEqualTo(2);
        assertThat(s.clean()).isTrue();
        List<StoredPair> rows = all();
        assertThat(rows.get(0).pair().executionTimeMs().toString()).isEqualTo("45.0");
        assertThat(rows.get(0).pair().metadata()).containsEntry("user", "u@example.com");
        assertThat(rows.get(0).pair().tableNames()).containsExactly("users");
        assertThat(rows.get(1).pair().timestamp().toString()).isEqualTo("2024-01-16T06:00:00Z");
        assertThat(rows.get(1).pair().executionTimeMs().toString()).isEqualTo("45");
        assertThat(rows.get(1).importBatch()).isEqualTo(s.batch());
    }

    @Test
    void reimportingAddsNothingAndCountsTheSkipped() throws IOException {
        Path f = write("pairs.jsonl", A + "\n" + B + "\n");
        run(f);
        ImportSummary again = run(f);
        assertThat(again.added()).isZero();
        assertThat(again.skipped()).isEqualTo(2);
        assertThat(store.count(PairFilter.ALL)).isEqualTo(2);
    }

    @Test
    void aMalformedLineIsReportedWithItsNumberAndTheRestImported() throws IOException {
        Path f = write(
                "mixed.jsonl",
                A + "\n{not json\n\n{\"natural_language_query\": \"q\"}\n[1,2]\n"
                        + "{\"natural_language_query\": \"q\", \"sql_query\": \"SELECT 1\", \"success\": \"yes\"}\n" + B
                        + "\n");
        ImportSummary s = run(f);
        assertThat(s.added()).isEqualTo(2);
        assertThat(s.malformed()).isEqualTo(4);
        assertThat(s.problems())
                .extracting(ImportProblem::toString)
                .containsExactly(
                        "mixed.jsonl line 2: invalid JSON: "
                                + s.problems().get(0).reason().substring("invalid JSON: ".length()),
                        "mixed.jsonl line 4: sql_query is missing or empty",
                        "mixed.jsonl line 5: expected a JSON object with a pair, found an array",
                        "mixed.jsonl line 6: success must be true or false, found a string");
        assertThat(s.reportFile()).exists().hasFileName(s.batch() + ".report.txt");
        assertThat(Files.readAllLines(s.reportFile())).hasSize(4).anyMatch(l -> l.contains("line 4"));
    }

    @Test
    void missingIdsGetContentUuidsAndMissingTimesNow() throws IOException {
        Path min = write("min.jsonl", "{\"natural_language_query\": \"q\", \"sql_query\": \"SELECT 1\"}\n");
        run(min);
        StoredPair p = all().get(0);
        assertThat(p.pair().pairId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(run(min).skipped()).isEqualTo(1);
        assertThat(p.pair().timestamp()).isAfter(Instant.now().minusSeconds(60));
        assertThat(p.pair().success()).isTrue();
    }

    @Test
    void jsonExportObjectAndPlainArray() throws IOException {
        Path export = write(
                "export.json",
                "{\n  \"exported_at\": \"2024-02-01T00:00:00\",\n  \"format_version\": \"1.0\",\n"
                        + "  \"total_pairs\": 2,\n  \"pairs\": [\n    " + A + ",\n    " + B
                        + "\n  ],\n  \"statistics\": {\"total_pairs\": 2}\n}");
        assertThat(run(export).added()).isEqualTo(2);
        Path array = write(
                "array.json",
                "[{\"natural_language_query\": \"q1\", \"sql_query\": \"SELECT 1\"},\n 42,\n"
                        + " {\"natural_language_query\": \"q2\", \"sql_query\": \"SELECT 2\"}]");
        ImportSummary s = run(array);
        assertThat(s.added()).isEqualTo(2);
        assertThat(s.problems())
                .extracting(ImportProblem::toString)
                .containsExactly("array.json line 2: expected a JSON object with a pair, found a number");
    }

    @Test
    void jsonOfTheWrongShapeIsOneClearError() throws IOException {
        ImportSummary s = run(write("obj.json", "{\"data\": [1, 2]}"), write("num.json", "42"));
        assertThat(s.added()).isZero();
        assertThat(s.problems())
                .extracting(ImportProblem::reason)
                .anyMatch(r -> r.contains("without a \"pairs\" array"))
                .anyMatch(r -> r.contains("expected a JSON array of pairs"));
    }

    @Test
    void brokenJsonKeepsWhatCameBefore() throws IOException {
        ImportSummary s = run(write("cut.json", "[" + A + ",\n" + B + ",\n{\"natural_language_query\": \"q\", "));
        assertThat(s.added()).isEqualTo(2);
        assertThat(s.malformed()).isEqualTo(1);
        assertThat(s.problems().get(0).line()).isEqualTo(3);
        assertThat(s.problems().get(0).reason()).contains("invalid JSON").contains("rest of the file was not read");
    }

    @Test
    void spiderAndBirdFilesAreRecognisedByTheirKeys() throws IOException {
        Path spider = write(
                "train_spider.json",
                "[{\"db_id\": \"concert_singer\", \"question\": \"How many singers?\", "
                        + "\"query\": \"SELECT count(*) FROM singer\", \"query_toks\": [\"SELECT\"]}]");
        Path bird = write(
                "dev.json",
                "[{\"question_id\": 0, \"db_id\": \"california_schools\", \"question\": \"Highest rate?\", "
                        + "\"evidence\": \"rate = a / b\", \"SQL\": \"SELECT MAX(rate) FROM frpm\", \"difficulty\": \"simple\"}]");
        ImportSummary s = run(spider, bird);
        assertThat(s.added()).isEqualTo(2);
        List<StoredPair> rows = all();
        assertThat(rows.get(0).pair().databaseName()).isEqualTo("concert_singer");
        assertThat(rows.get(0).pair().sql()).isEqualTo("SELECT count(*) FROM singer");
        assertThat(rows.get(0).pair().metadata()).containsEntry("dataset", "spider");
        assertThat(rows.get(1).pair().sql()).isEqualTo("SELECT MAX(rate) FROM frpm");
        assertThat(rows.get(1).pair().metadata())
                .containsEntry("evidence", "rate = a / b")
                .containsEntry("difficulty", "simple");

        // these files carry no pair ids: ids derived from the content keep a re-import idempotent
        ImportSummary again = run(spider, bird);
        assertThat(again.added()).isZero();
        assertThat(again.skipped()).isEqualTo(2);
        assertThat(all()).hasSize(2);
    }

    @Test
    void csvWithTheSeedColumnsIncludingMultilineFields() throws IOException {
        Path csv = write(
                "pairs.csv",
                "pair_id,natural_language_query,sql_query,timestamp,database_type,database_name,table_names,success,execution_time_ms,query_type\r\n"
                        + "c1,\"Orders, with a comma\",\"SELECT *\nFROM orders\",2024-01-15T10:30:00.000000,mysql,,\"orders,users\",True,12,SELECT\r\n"
                        + "c2,Bad success,SELECT 1,2024-01-15T10:30:00,mysql,,,maybe,,SELECT\r\n"
                        + "c3,Failed,SELECT 2,not a date,mysql,,,False,,SELECT\r\n"
                        + "c4,Fine,SELECT 3,,,,,False,1.5,SELECT\r\n");
        ImportSummary s = run(csv);
        assertThat(s.added()).isEqualTo(2);
        assertThat(s.problems())
                .extracting(ImportProblem::toString)
                .containsExactly(
                        "pairs.csv line 4: success must be True or False, found \"maybe\"",
                        "pairs.csv line 5: timestamp \"not a date\" is not an ISO-8601 date or date-time");
        StoredPair c1 = store.getByPairId("c1").orElseThrow();
        assertThat(c1.pair().sql()).isEqualTo("SELECT *\nFROM orders");
        assertThat(c1.pair().tableNames()).containsExactly("orders", "users");
        assertThat(store.getByPairId("c4").orElseThrow().pair().success()).isFalse();
    }

    @Test
    void aCsvWithoutTheColumnsIsRefused() throws IOException {
        ImportSummary s = run(write("other.csv", "name,age\nann,3\n"));
        assertThat(s.added()).isZero();
        assertThat(s.problems().get(0).reason()).contains("natural_language_query");
    }

    @Test
    void emptyFilesAreReported() throws IOException {
        ImportSummary s = run(write("empty.jsonl", ""), write("blank.json", "   \n"));
        assertThat(s.added()).isZero();
        assertThat(s.problems()).extracting(ImportProblem::reason).allMatch(r -> r.contains("empty"));
    }

    @Test
    void aBomIsSkipped() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = (A + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        assertThat(run(writeBytes("bom.jsonl", all)).added()).isEqualTo(1);
        byte[] csv =
                ("\uFEFFpair_id,natural_language_query,sql_query\nx,q,SELECT 1\n").getBytes(StandardCharsets.UTF_8);
        assertThat(run(writeBytes("bom.csv", csv)).added()).isEqualTo(1);
    }

    @Test
    void invalidUtf8AndNulBytesAreErrorsOfTheirLine() throws IOException {
        byte[] bad = "{\"natural_language_query\": \"caf\u00e9\", \"sql_query\": \"SELECT 1\"}\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] nul = "{\"natural_language_query\": \"a\u0000b\", \"sql_query\": \"SELECT 1\"}\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] good = (A + "\n").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bad);
        out.write(nul);
        out.write(good);
        ImportSummary s = run(writeBytes("enc.jsonl", out.toByteArray()));
        assertThat(s.added()).isEqualTo(1);
        assertThat(s.problems())
                .extracting(ImportProblem::toString)
                .containsExactly(
                        "enc.jsonl line 1: the line is not valid UTF-8; save the file as UTF-8",
                        "enc.jsonl line 2: the line contains a NUL byte");
    }

    @Test
    void binaryAndUtf16FilesAreRefusedAsAWhole() throws IOException {
        byte[] binary = new byte[4096];
        new Random(1).nextBytes(binary);
        for (int i = 0; i < binary.length; i += 8) {
            binary[i] = 0;
        }
        byte[] utf16 = (A + "\n").getBytes(StandardCharsets.UTF_16);
        ImportSummary s = run(writeBytes("blob.jsonl", binary), writeBytes("wide.jsonl", utf16));
        assertThat(s.added()).isZero();
        assertThat(s.problems())
                .extracting(ImportProblem::toString)
                .containsExactly(
                        "blob.jsonl: the file is binary (or UTF-16), not UTF-8 text; nothing was imported from it",
                        "wide.jsonl: the file is UTF-16 encoded; save it as UTF-8 and import it again");
    }

    @Test
    void aTenMegabyteLineIsRejectedAndTheNextLineImported() throws IOException {
        Path f = dir.resolve("huge.jsonl");
        try (var w = Files.newBufferedWriter(f)) {
            w.write("{\"natural_language_query\": \"");
            char[] block = new char[1 << 20];
            Arrays.fill(block, 'x');
            for (int i = 0; i < 10; i++) {
                w.write(block);
            }
            w.write("\", \"sql_query\": \"SELECT 1\"}\n");
            w.write(A + "\n");
        }
        ImportSummary s = run(f);
        assertThat(s.added()).isEqualTo(1);
        assertThat(s.problems().get(0).toString())
                .startsWith("huge.jsonl line 1: the line is")
                .contains("over the limit");
    }

    @Test
    void theEnricherRunsForEveryPairAndItsAnalysisIsStored() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        PairEnricher enricher = p -> {
            calls.incrementAndGet();
            return new PairEnricher.Enriched(
                    p.withTableNames(List.of("analysed")),
                    new PairAnalysis(QueryType.SELECT, "fp", null, null, null, null, null));
        };
        Path f = write("p.jsonl", A + "\n" + B + "\n");
        new PairImporter(store, enricher, 1, 2).importFiles(List.of(f), ImportFormat.JSONL, null, null, null);
        assertThat(calls).hasValue(2);
        assertThat(all()).allSatisfy(p -> {
            assertThat(p.pair().tableNames()).containsExactly("analysed");
            assertThat(p.analysis().queryType()).isEqualTo(QueryType.SELECT);
        });
        assertThat(store.count(PairFilter.ALL.withTables(Set.of("analysed")))).isEqualTo(2);
    }

    @Test
    void cancellingKeepsTheStoredBatchesAndARerunCompletes() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            sb.append("{\"pair_id\": \"id")
                    .append(i)
                    .append("\", \"natural_language_query\": \"q\", \"sql_query\": \"SELECT 1\"}\n");
        }
        Path f = write("many.jsonl", sb.toString());
        AtomicInteger checks = new AtomicInteger();
        ImportSummary s = new PairImporter(store, PairEnricher.NONE, 10, 1)
                .importFiles(List.of(f), null, null, null, () -> checks.incrementAndGet() > 3);
        assertThat(s.cancelled()).isTrue();
        assertThat(s.added() % 10).as("whole batches only").isZero();
        assertThat(s.added()).isLessThan(50);
        ImportSummary rerun = run(f);
        assertThat(rerun.added() + rerun.skipped()).isEqualTo(50);
        assertThat(store.count(PairFilter.ALL)).isEqualTo(50);
    }

    @Test
    void formatDetection() throws IOException {
        assertThat(ImportFormat.detect(write("a.jsonl", A))).isEqualTo(ImportFormat.JSONL);
        assertThat(ImportFormat.detect(write("a.txt", A + "\n" + B))).isEqualTo(ImportFormat.JSONL);
        assertThat(ImportFormat.detect(write("a.data", "{\n  \"pairs\": []\n}")))
                .isEqualTo(ImportFormat.JSON);
        assertThat(ImportFormat.detect(write("b.data", "[]"))).isEqualTo(ImportFormat.JSON);
        assertThat(ImportFormat.detect(write("c.csv", "x"))).isEqualTo(ImportFormat.CSV);
    }
}
