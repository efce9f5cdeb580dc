package dev.pairstudio.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.ingest.DuplicateTracker;
import dev.pairstudio.pair.ComplexityLevel;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairAnalysis;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.pair.Source;
import dev.pairstudio.pair.Timestamps;
import dev.pairstudio.sql.SqlTemplate;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.testing.Contracts;
import dev.pairstudio.testing.CsvRecords;
import dev.pairstudio.testing.TestPair;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports from one real H2 file: every format read back and compared with the stored pairs field by field. */
class DatasetExporterTest {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    @TempDir
    static Path dbDir;

    @TempDir
    Path out;

    static Database store;
    static List<StoredPair> stored;
    static String fingerprintBefore;

    @BeforeAll
    static void fill() throws Exception {
        store = Databases.open(dbDir.resolve("export").toString());
        List<Pair> pairs = new ArrayList<>();
        List<PairAnalysis> analyses = new ArrayList<>();
        pairs.add(TestPair.of(
                        "p-1",
                        "Orders of jane.doe@example.org?",
                        "SELECT * FROM orders WHERE email = 'jane.doe@example.org'")
                .at(Timestamps.parse("2025-01-02T03:04:05.123456").orElseThrow())
                .tables("orders")
                .tookMs("45")
                .metadata(Map.of("k", "v", "n", 3))
                .build());
        analyses.add(
                new PairAnalysis(QueryType.SELECT, "fpA", ComplexityLevel.EASY, Set.of(), null, Set.of("EMAIL"), null));
        pairs.add(TestPair.of("p-2", "=HYPERLINK(\"x\") Café 😀, \"quoted\"\nnext line", "-- comment\nSELECT 1")
                .at(Timestamps.parse("2025-01-03T00:00:00").orElseThrow())
                .on(null, null)
                .failed()
                .tookMs("45.0")
                .build());
        analyses.add(PairAnalysis.NONE);
        pairs.add(TestPair.of("p-3", "+1 more", "@x")
                .at(Timestamps.parse("2025-02-01T10:00:00").orElseThrow())
                .on("mysql", "crm")
                .tables("a", "b")
                .build());
        analyses.add(new PairAnalysis(QueryType.OTHER, "fpB", ComplexityLevel.MEDIUM, Set.of(), null, Set.of(), null));
        // three exact duplicates (one accepted later) and a near one in the same group
        for (int i = 0; i < 3; i++) {
            pairs.add(TestPair.of("dup-" + i, "How many users?", "SELECT COUNT(*) FROM users")
                    .at(Timestamps.parse("2025-03-0" + (i + 1) + "T00:00:00").orElseThrow())
                    .on("sqlite", "app")
                    .tables("users")
                    .tookMs(BigDecimal.ONE)
                    .build());
            analyses.add(new PairAnalysis(
                    QueryType.SELECT, "fpU", ComplexityLevel.EASY, Set.of(QualityFlag.DUPLICATE), 99L, Set.of(), null));
        }
        SyntheticPairs gen = new SyntheticPairs(4);
        for (int i = 0; i < 600; i++) {
            Pair p = gen.next();
            pairs.add(p.withTableNames(List.of("t" + (i % 7))));
            analyses.add(new PairAnalysis(
                    QueryType.SELECT, "tpl" + (i % 50), ComplexityLevel.HARD, Set.of(), null, Set.of(), null));
        }
        store.addAll(pairs, analyses, Source.FILE, "t");
        StoredPair dup1 = store.getByPairId("dup-1").orElseThrow();
        store.setStatus(List.of(dup1.id()), ReviewStatus.ACCEPTED);
        store.trash(List.of(store.getByPairId(pairs.get(pairs.size() - 1).pairId())
                .orElseThrow()
                .id()));
        new DuplicateTracker(store)
                .catchUp(); // the groups an import leaves (split exports would bring them up to date anyway)
        stored = new ArrayList<>();
        store.forEach(PairFilter.ALL, PairSort.INSERTION, stored::add);
        fingerprintBefore = storeFingerprint();
    }

    @AfterAll
    static void close() {
        assertThat(storeFingerprint())
                .as("exports never change the store (except profile settings)")
                .isEqualTo(fingerprintBefore);
        store.close();
    }

    static String storeFingerprint() {
        StringBuilder b = new StringBuilder();
        store.forEach(
                PairFilter.ALL,
                PairSort.INSERTION,
                p -> b.append(p.id()).append(':').append(p.version()).append(';'));
        store.forEach(
                PairFilter.ALL.withTrash(true),
                PairSort.INSERTION,
                p -> b.append(p.id()).append(':').append(p.version()).append(';'));
        return b.toString();
    }

    private ExportResult export(ExportProfile p, Path target) {
        return new DatasetExporter(store, null).export(p, target, ExportTargetPolicy.FAIL, ExportListener.NONE);
    }

    private static ExportProfile plain(String format) {
        return ExportProfile.defaults(format).withAnonymize(false).withDedup(false);
    }

    @Test
    void jsonlRoundTripsEveryFieldInTheSeedsLayout() throws Exception {
        Path f = out.resolve("o.jsonl");
        ExportResult r = export(plain("jsonl"), f);
        assertThat(r.written()).isEqualTo(stored.size());
        String text = Files.readString(f, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n").doesNotContain("\r");
        String[] lines = text.split("\n");
        assertThat(lines).hasSize(stored.size());
        assertThat(lines[0])
                .startsWith("{\"pair_id\": \"p-1\", \"natural_language_query\": \"Orders of jane.doe@example.org?\", ")
                .contains("\"timestamp\": \"2025-01-02T03:04:05.123456\"")
                .contains(
                        "\"table_names\": [\"orders\"], \"success\": true, \"execution_time_ms\": 45, \"metadata\": {\"")
                .containsAnyOf("{\"k\": \"v\", \"n\": 3}}", "{\"n\": 3, \"k\": \"v\"}}");
        assertThat(lines[1])
                .contains("Café 😀")
                .contains("\"execution_time_ms\": 45.0")
                .contains("\"database_type\": null")
                .contains("\"table_names\": []");
        for (int i = 0; i < lines.length; i++) {
            JsonNode n = JSON.readTree(lines[i]);
            List<String> keys = new ArrayList<>();
            n.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).containsExactlyElementsOf(Contracts.PAIR_JSON_KEYS);
            assertSame(stored.get(i).pair(), n);
        }
        JsonNode manifest = JSON.readTree(out.resolve("o.jsonl.manifest.json").toFile());
        assertThat(manifest.get("files").get(0).get("sha256").asText()).isEqualTo(sha256(f));
        assertThat(manifest.get("counts").get("all").asLong()).isEqualTo(stored.size());
        assertThat(manifest.get("privacy").get("anonymized").asBoolean()).isFalse();
    }

    static void assertSame(Pair p, JsonNode n) {
        assertThat(n.get("pair_id").asText()).isEqualTo(p.pairId());
        assertThat(n.get("natural_language_query").asText()).isEqualTo(p.question());
        assertThat(n.get("sql_query").asText()).isEqualTo(p.sql());
        assertThat(Timestamps.parse(n.get("timestamp").asText())).contains(p.timestamp());
        assertThat(
                        n.get("database_type").isNull()
                                ? null
                                : n.get("database_type").asText())
                .isEqualTo(p.databaseType());
        assertThat(
                        n.get("database_name").isNull()
                                ? null
                                : n.get("database_name").asText())
                .isEqualTo(p.databaseName());
        List<String> tables = new ArrayList<>();
        n.get("table_names").forEach(t -> tables.add(t.asText()));
        assertThat(tables).isEqualTo(p.tableNames());
        assertThat(n.get("success").asBoolean()).isEqualTo(p.success());
        JsonNode e = n.get("execution_time_ms");
        assertThat(e.isNull() ? null : new BigDecimal(e.toString())).isEqualTo(p.executionTimeMs());
        assertThat(JSON.convertValue(n.get("metadata"), Map.class)).isEqualTo(new HashMap<>(p.metadata()));
    }

    @Test
    void jsonHasTheSeedsEnvelopeIndentedWithStatistics() throws Exception {
        Path f = out.resolve("o.json");
        export(plain("json"), f);
        String text = Files.readString(f);
        assertThat(text)
                .startsWith("{\n  \"exported_at\": \"")
                .contains("\n  \"format_version\": \"1.0\",\n  \"total_pairs\": " + stored.size()
                        + ",\n  \"pairs\": [\n    {\n      \"pair_id\": \"p-1\",\n")
                .doesNotEndWith("\n")
                .endsWith("}");
        JsonNode j = JSON.readTree(text);
        List<String> keys = new ArrayList<>();
        j.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("exported_at", "format_version", "total_pairs", "pairs", "statistics");
        assertThat(j.get("pairs")).hasSize(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            assertSame(stored.get(i).pair(), j.get("pairs").get(i));
        }
        assertThat(j.get("statistics").get("total_pairs").asLong()).isEqualTo(stored.size());
        assertThat(j.get("statistics").get("failed_pairs").asLong()).isPositive();
    }

    @Test
    void csvHasTheSeedsColumnsQuotingAndNeutralisedFormulas() throws Exception {
        Path f = out.resolve("o.csv");
        export(plain("csv"), f);
        String text = Files.readString(f);
        assertThat(text).startsWith(String.join(",", Contracts.CSV_HEADER) + "\r\n");
        List<CSVRecord> rows;
        try (Reader in = Files.newBufferedReader(f)) {
            rows = CsvRecords.read(in);
        }
        assertThat(rows).hasSize(stored.size());
        CSVRecord first = rows.get(0);
        assertThat(first.get("pair_id")).isEqualTo("p-1");
        assertThat(first.get("execution_time_ms")).isEqualTo("45");
        assertThat(first.get("success")).isEqualTo("True");
        assertThat(first.get("query_type")).isEqualTo("SELECT");
        CSVRecord second = rows.get(1);
        assertThat(second.get("natural_language_query")).isEqualTo("'=HYPERLINK(\"x\") Café 😀, \"quoted\"\nnext line");
        assertThat(second.get("sql_query")).isEqualTo("'-- comment\nSELECT 1");
        assertThat(second.get("database_type")).isEmpty();
        assertThat(second.get("success")).isEqualTo("False");
        assertThat(second.get("execution_time_ms")).isEqualTo("45.0");
        assertThat(second.get("query_type")).isEqualTo("OTHER"); // unanalysed: the seed's prefix rule
        CSVRecord third = rows.get(2);
        assertThat(third.get("natural_language_query")).isEqualTo("'+1 more");
        assertThat(third.get("sql_query")).isEqualTo("'@x");
        assertThat(third.get("table_names")).isEqualTo("a,b");
        assertThat(text).contains("\r\np-3,'+1 more,'@x,2025-02-01T10:00:00.000000,mysql,crm,\"a,b\",True,,OTHER\r\n");
        for (int i = 3; i < rows.size(); i++) {
            assertThat(rows.get(i).get("pair_id"))
                    .isEqualTo(stored.get(i).pair().pairId());
            assertThat(rows.get(i).get("natural_language_query"))
                    .isEqualTo(stored.get(i).pair().question());
        }
    }

    @Test
    void presetsWriteTheirTemplates() throws Exception {
        ExportProfile openai = plain("openai").with(c -> c.context = "CREATE TABLE users (id INT);");
        export(openai, out.resolve("chat.jsonl"));
        JsonNode line =
                JSON.readTree(Files.readAllLines(out.resolve("chat.jsonl")).get(0));
        assertThat(line.get("messages")).hasSize(3);
        assertThat(line.get("messages").get(0).get("role").asText()).isEqualTo("system");
        assertThat(line.get("messages").get(1).get("content").asText())
                .isEqualTo("CREATE TABLE users (id INT);\n\nOrders of jane.doe@example.org?");
        assertThat(line.get("messages").get(2).get("content").asText()).startsWith("SELECT * FROM orders");

        export(plain("sharegpt"), out.resolve("sg.jsonl"));
        JsonNode sg = JSON.readTree(Files.readAllLines(out.resolve("sg.jsonl")).get(0));
        assertThat(sg.get("conversations").get(1).get("from").asText()).isEqualTo("human");
        assertThat(sg.get("conversations").get(2).get("value").asText()).startsWith("SELECT");

        export(plain("alpaca"), out.resolve("a.json"));
        JsonNode alpaca = JSON.readTree(out.resolve("a.json").toFile());
        assertThat(alpaca).hasSize(stored.size());
        assertThat(alpaca.get(0).get("instruction").asText()).isEqualTo("Orders of jane.doe@example.org?");
        assertThat(alpaca.get(0).get("input").asText()).isEmpty();

        export(plain("spider"), out.resolve("s.json"));
        JsonNode spider = JSON.readTree(out.resolve("s.json").toFile());
        assertThat(spider.get(0).get("db_id").asText()).isEqualTo("shop");
        assertThat(spider.get(0).get("query").asText()).startsWith("SELECT * FROM orders");
        assertThat(spider.get(1).get("db_id").isNull()).isTrue();
    }

    @Test
    void everyLineOfTheJsonlPresetsIsAnObjectStartingWithABrace() throws Exception {
        for (String preset : List.of("openai", "sharegpt", "sql-create-context")) {
            Path file = out.resolve(preset + ".jsonl");
            export(plain(preset), file);
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            assertThat(lines).as(preset).hasSize(stored.size());
            for (String line : lines) {
                assertThat(line).as(preset).startsWith("{").endsWith("}");
                assertThat(JSON.readTree(line).isObject()).isTrue();
            }
        }
        Path folder = out.resolve("hf-lines");
        export(plain("hf"), folder);
        for (String split : List.of("train", "validation", "test")) {
            for (String line : Files.readAllLines(folder.resolve(split + ".jsonl"), StandardCharsets.UTF_8)) {
                assertThat(line).as("hf " + split).startsWith("{").endsWith("}");
            }
        }
    }

    @Test
    void userPresetFromAFolder() throws Exception {
        Path presets = Files.createDirectories(out.resolve("presets"));
        Files.writeString(
                presets.resolve("mine.json"),
                "{\"name\": \"mine\", \"layout\": \"jsonl\", \"record\": "
                        + "{\"q\": \"{{question}}\", \"t\": \"{{table_names}}\", \"ok\": \"{{success}}\"}}");
        new DatasetExporter(store, presets)
                .export(plain("mine"), out.resolve("m.jsonl"), ExportTargetPolicy.FAIL, ExportListener.NONE);
        JsonNode n = JSON.readTree(Files.readAllLines(out.resolve("m.jsonl")).get(0));
        assertThat(n.toString())
                .isEqualTo("{\"q\":\"Orders of jane.doe@example.org?\",\"t\":[\"orders\"],\"ok\":true}");
    }

    @Test
    void huggingFaceFolderWithSplitsCardAndManifest() throws Exception {
        Path folder = out.resolve("hf");
        ExportResult r = export(plain("hf"), folder);
        assertThat(Files.list(folder)
                        .map(p -> p.getFileName().toString())
                        .sorted()
                        .toList())
                .containsExactly("README.md", "manifest.json", "test.jsonl", "train.jsonl", "validation.jsonl");
        long lines = 0;
        for (String s : List.of("train", "validation", "test")) {
            lines += Files.readAllLines(folder.resolve(s + ".jsonl")).size();
        }
        assertThat(lines).isEqualTo(stored.size()).isEqualTo(r.written());
        String card = Files.readString(folder.resolve("README.md"));
        assertThat(card).contains("- split: train").contains("## Statistics");
        // the card states the grouping and what the check after writing found, and only what is true
        assertThat(card)
                .contains("a SQL template are kept in one split")
                .contains("near-duplicate question")
                .contains(
                        "Checked after writing: no exact or near-duplicate question, identical SQL, SQL template or duplicate group "
                                + "occurs in two splits.")
                .contains("Databases are shared between splits")
                .doesNotContain("never straddle");
        assertThat(r.splitCheck().clean()).isTrue();
        assertThat(r.splits().get("train")).isBetween((long) (stored.size() * 0.6), (long) (stored.size() * 0.95));
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.filter(p -> p.getFileName().toString().startsWith(".")).toList())
                    .isEmpty();
        }
    }

    @Test
    void splitsKeepGroupsTogetherAndAreDeterministic() throws Exception {
        ExportProfile p = plain("jsonl").withSplit(SplitRatios.parse("60/20/20"), SplitAssigner.Grouping.TEMPLATE);
        ExportResult a = export(p, out.resolve("a.jsonl"));
        ExportResult b = export(p, out.resolve("b.jsonl"));
        for (int i = 0; i < 3; i++) {
            assertThat(a.files().get(i).sha256()).isEqualTo(b.files().get(i).sha256());
        }
        Map<String, String> keySplit = new HashMap<>();
        Map<String, StoredPair> byId = new HashMap<>();
        stored.forEach(s -> byId.put(s.pair().pairId(), s));
        for (ExportResult.FileEntry f : a.files()) {
            for (String line : Files.readAllLines(f.path())) {
                StoredPair s = byId.get(JSON.readTree(line).get("pair_id").asText());
                for (String key : List.of(
                        "g" + s.analysis().duplicateGroup(),
                        "t" + SqlTemplate.of(s.pair().sql(), s.pair().databaseType()))) {
                    String before = keySplit.putIfAbsent(key, f.split());
                    assertThat(before == null || before.equals(f.split()))
                            .as(key + " straddles splits")
                            .isTrue();
                }
            }
        }
        // the files themselves, audited as any user's would be
        SplitFiles files = new SplitFiles(
                a.files().stream().map(ExportResult.FileEntry::path).toList());
        SplitAudit audit = new SplitAudit(
                files.splits(),
                files.largest(),
                EnumSet.allOf(SplitAudit.Kind.class),
                EnumSet.complementOf(EnumSet.of(SplitAudit.Kind.DATABASE)),
                2);
        files.forEach(true, audit::add);
        SplitAudit.Report report = audit.finish(files.source());
        assertThat(report.clean()).as(report.summary()).isTrue();
        assertThat(a.splitCheck().clean()).isTrue();
        JsonNode manifest =
                JSON.readTree(out.resolve("a.manifest.json").toFile()).get("split");
        assertThat(manifest.get("grouping").asText()).contains("near-duplicate").contains("SQL template");
        assertThat(manifest.get("check").get("result").asText()).isEqualTo("clean");
        assertThat(manifest.get("check")
                        .get("crossing_rows")
                        .get("sql_template")
                        .asLong())
                .isZero();
        assertThat(manifest.get("achieved_ratios").asText()).isEqualTo(a.split().achievedText());
        assertThat(manifest.get("strata").get("counts").has("SELECT")).isTrue();
        assertThat(a.files().get(0).path().getFileName().toString()).isEqualTo("a.train.jsonl");
        assertThat(out.resolve("a.manifest.json")).exists();
    }

    @Test
    void dedupKeepsTheAcceptedDuplicate() throws Exception {
        ExportResult r = export(ExportProfile.defaults("jsonl").withAnonymize(false), out.resolve("d.jsonl"));
        // the three planted ones less one, and the generator's own exact duplicates as the grouping found them
        assertThat(r.duplicates()).isGreaterThanOrEqualTo(2);
        assertThat(r.written() + r.duplicates()).isEqualTo(stored.size());
        String text = Files.readString(out.resolve("d.jsonl"));
        assertThat(text)
                .contains("\"pair_id\": \"dup-1\"")
                .doesNotContain("\"dup-0\"")
                .doesNotContain("\"dup-2\"");
    }

    @Test
    void duplicatesAreDroppedAndCountedWithinTheScopeOnly() throws Exception {
        // a scope narrowed by a flag the duplicates lack: none of them is in it, so none is dropped or counted
        PairFilter unparseable = PairFilter.ALL.withFlags(Set.of(QualityFlag.UNPARSEABLE));
        ExportResult none = export(
                ExportProfile.defaults("jsonl").withAnonymize(false).withFilter(unparseable), out.resolve("u.jsonl"));
        assertThat(none.duplicates()).isZero();
        assertThat(JSON.readTree(none.manifest().toFile())
                        .get("duplicates_dropped")
                        .asInt())
                .isZero();
        // the duplicates' own flag: every flagged pair in scope, one of each exact duplicate set kept (the planted
        // three
        // and the generator's own), the others dropped and counted
        PairFilter flagged = PairFilter.ALL.withFlags(Set.of(QualityFlag.DUPLICATE));
        ExportResult dups = export(
                ExportProfile.defaults("jsonl").withAnonymize(false).withFilter(flagged), out.resolve("f.jsonl"));
        assertThat(dups.written() + dups.duplicates()).isEqualTo(store.count(flagged));
        assertThat(dups.duplicates()).isGreaterThanOrEqualTo(2).isLessThan(store.count(flagged));
        assertThat(JSON.readTree(dups.manifest().toFile())
                        .get("duplicates_dropped")
                        .asLong())
                .isEqualTo(dups.duplicates());
        assertThat(Files.readString(out.resolve("f.jsonl")))
                .contains("\"pair_id\": \"dup-1\"")
                .doesNotContain("\"dup-0\"");
    }

    @Test
    void scopeIdsAcceptedOnlyAndNeverTheTrash() throws Exception {
        Set<Long> ids = Set.of(stored.get(0).id(), stored.get(2).id());
        ExportResult r = export(plain("jsonl").withFilter(PairFilter.ALL.withIds(ids)), out.resolve("ids.jsonl"));
        assertThat(r.written()).isEqualTo(2);
        ExportProfile accepted = plain("jsonl").with(c -> c.acceptedOnly = true);
        assertThat(export(accepted, out.resolve("acc.jsonl")).written()).isEqualTo(1);
        ExportResult trash = export(plain("jsonl").withFilter(PairFilter.ALL.withTrash(true)), out.resolve("t.jsonl"));
        assertThat(trash.written()).isEqualTo(stored.size()); // the trash flag is ignored: live pairs only
    }

    @Test
    void anonymizedByDefaultAndTheManifestNamesThePolicyNotTheKey() throws Exception {
        ExportResult r = export(ExportProfile.defaults("jsonl"), out.resolve("anon.jsonl"));
        String first = Files.readAllLines(out.resolve("anon.jsonl")).get(0);
        assertThat(first).doesNotContain("jane.doe@example.org").doesNotContain("\"shop\"");
        JsonNode n = JSON.readTree(first);
        assertThat(n.get("natural_language_query").asText()).contains("@");
        String manifest = Files.readString(r.manifest());
        assertThat(JSON.readTree(manifest).get("privacy").get("policy").asText())
                .isEqualTo("default");
        assertThat(manifest).doesNotContain(HexFormat.of().formatHex(store.privacySecret()));
    }

    @Test
    void gzipAndChecksums() throws Exception {
        ExportProfile p = plain("jsonl").with(c -> c.gzip = true);
        ExportResult r = export(p, out.resolve("z.jsonl"));
        Path gz = out.resolve("z.jsonl.gz");
        assertThat(r.files().get(0).path()).isEqualTo(gz);
        assertThat(r.files().get(0).sha256()).isEqualTo(sha256(gz));
        try (var in = new GZIPInputStream(Files.newInputStream(gz))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .hasSize(stored.size());
        }
    }

    @Test
    void incrementalProfileExportsOnlyWhatChanged() throws Exception {
        ExportProfile p = plain("jsonl").withName("nightly").withIncremental(true);
        assertThat(export(p, out.resolve("n1.jsonl")).written()).isEqualTo(stored.size());
        assertThat(new ExportProfiles(store).lastExport("nightly")).isPresent();
        assertThat(new ExportProfiles(store).lastUsed()).contains("nightly");
        assertThat(export(p, out.resolve("n2.jsonl")).written()).isZero();
    }

    @Test
    void profilesRoundTripThroughSettings() {
        ExportProfiles profiles = new ExportProfiles(store);
        ExportProfile p = new ExportProfile(
                "weekly",
                "openai",
                PairFilter.ALL.withDatabaseTypes(Set.of("mysql")),
                true,
                true,
                null,
                SplitRatios.parse("80/10/10"),
                7,
                SplitAssigner.Grouping.DATABASE,
                true,
                true,
                true,
                "sys",
                "ctx",
                true,
                "/tmp/x",
                true);
        profiles.save(p);
        assertThat(profiles.load("weekly")).contains(p);
        assertThat(profiles.names()).contains("weekly");
        profiles.delete("weekly");
        assertThat(profiles.load("weekly")).isEmpty();
    }

    @Test
    void oneClickUsesTheLastProfileAndATimestampedName() throws Exception {
        ExportProfiles profiles = new ExportProfiles(store);
        profiles.save(plain("csv").withName("quick"));
        profiles.markUsed("quick");
        ExportResult r = new DatasetExporter(store, null).exportLastUsed(out.resolve("exports"), ExportListener.NONE);
        assertThat(r.files().get(0).path().getFileName().toString()).matches("training_data-\\d{8}-\\d{6}\\.csv");
        assertThat(r.written()).isEqualTo(stored.size());
    }

    // ---- bad input ------------------------------------------------------------------------

    @Test
    void anExistingFileIsNeverReplacedSilently() throws Exception {
        Path f = out.resolve("x.jsonl");
        Files.writeString(f, "keep me");
        assertThatThrownBy(() -> export(plain("jsonl"), f))
                .isInstanceOf(ExportException.TargetExists.class)
                .hasMessageContaining("already exists");
        assertThat(Files.readString(f)).isEqualTo("keep me");
        DatasetExporter e = new DatasetExporter(store, null);
        ExportResult renamed = e.export(plain("jsonl"), f, ExportTargetPolicy.RENAME, ExportListener.NONE);
        assertThat(renamed.files().get(0).path().getFileName().toString()).isEqualTo("x (2).jsonl");
        assertThat(Files.readString(f)).isEqualTo("keep me");
        e.export(plain("jsonl"), f, ExportTargetPolicy.OVERWRITE, ExportListener.NONE);
        assertThat(Files.readAllLines(f)).hasSize(stored.size());
        assertNoTempFiles();
    }

    @Test
    void aMissingOrUnusableFolderIsAClearError() {
        assertThatThrownBy(() -> export(plain("jsonl"), out.resolve("nope/o.jsonl")))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void aFullDiskLeavesNoPartialFile() throws Exception {
        DatasetExporter e = new DatasetExporter(store, null);
        e.outputs = (target, gzip) -> AtomicFileOutput.openWithSink(target, gzip, new OutputStream() {
            long n;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                n += len;
                if (n > 20_000) {
                    throw new IOException("No space left on device");
                }
            }
        });
        Path f = out.resolve("full.jsonl");
        assertThatThrownBy(() -> e.export(plain("jsonl"), f, ExportTargetPolicy.FAIL, ExportListener.NONE))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("No space left on device")
                .hasMessageContaining("No file was written");
        assertThat(f).doesNotExist();
        assertNoTempFiles();
    }

    @Test
    void aCancelledExportLeavesNothing() throws Exception {
        List<ExportProgress> seen = new ArrayList<>();
        ExportListener cancelSoon = new ExportListener() {
            int polls;

            @Override
            public void progress(ExportProgress p) {
                seen.add(p);
            }

            @Override
            public boolean isCancelled() {
                return ++polls > 0;
            }
        };
        Path f = out.resolve("c.json");
        assertThatThrownBy(() ->
                        new DatasetExporter(store, null).export(plain("json"), f, ExportTargetPolicy.FAIL, cancelSoon))
                .isInstanceOf(ExportException.Cancelled.class);
        assertThat(f).doesNotExist();
        assertThat(out.resolve("c.json.manifest.json")).doesNotExist();
        assertNoTempFiles();
    }

    @Test
    void progressReportsRowsTotalRateAndEta() {
        List<ExportProgress> seen = new ArrayList<>();
        new DatasetExporter(store, null)
                .export(plain("jsonl"), out.resolve("p.jsonl"), ExportTargetPolicy.FAIL, new ExportListener() {
                    @Override
                    public void progress(ExportProgress p) {
                        seen.add(p);
                    }
                });
        ExportProgress last = seen.get(seen.size() - 1);
        assertThat(last.done()).isEqualTo(stored.size());
        assertThat(last.total()).isEqualTo(stored.size());
        assertThat(last.fraction()).isEqualTo(1.0);
        assertThat(last.eta()).isEqualTo(Duration.ZERO);
    }

    private void assertNoTempFiles() throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString())
                            .filter(n -> n.startsWith(".") || n.endsWith(".part"))
                            .toList())
                    .isEmpty();
        }
    }

    static String sha256(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    static Map<String, Object> ordered() {
        return new LinkedHashMap<>();
    }
}
