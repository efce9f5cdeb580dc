package dev.pairstudio.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairstudio.api.CollectorConfig;
import dev.pairstudio.api.CollectorServer;
import dev.pairstudio.cli.Cli;
import dev.pairstudio.export.DatasetExporter;
import dev.pairstudio.export.ExportListener;
import dev.pairstudio.export.ExportPreview;
import dev.pairstudio.export.ExportProfile;
import dev.pairstudio.export.ExportResult;
import dev.pairstudio.export.ExportTargetPolicy;
import dev.pairstudio.export.SplitAssigner;
import dev.pairstudio.export.SplitRatios;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.settings.PrivacySettings;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.testing.TestPair;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A pair that cannot be anonymized safely (here an e-mail address outside any literal, in SQL no
 * lexer can quote) is withheld: the export goes on, writes no raw value, and says which pair and
 * why in the manifest, the CLI summary, and through the API.
 */
class UnanonymizablePairIsWithheldTest {
    private static final String RAW = "ann.raw@corp.example.org";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Database store;
    static String db;

    @BeforeAll
    static void fill() {
        db = dir.resolve("withheld").toString();
        store = Databases.open(db);
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            pairs.add(TestPair.of(
                            "ok-" + i,
                            "Orders of " + RAW + " number " + i,
                            "SELECT * FROM orders WHERE email = \"" + RAW + "\" AND n = " + i)
                    .at("2024-06-01T10:00:00Z")
                    .on("sqlite", "shop")
                    .build());
        }
        pairs.add(TestPair.of("bad-1", "Orders of " + RAW, "SELECT * FROM orders WHERE email = " + RAW)
                .at("2024-06-02T10:00:00Z")
                .on(null, "shop")
                .build());
        Reliability.add(store, pairs, "withheld");
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static ExportResult export(ExportProfile p, Path target) {
        return new DatasetExporter(store, null).export(p, target, ExportTargetPolicy.FAIL, ExportListener.NONE);
    }

    @Test
    void aJsonFileThatStatesItsCountHoldsEveryOtherPairAndTheManifestSaysWhy() throws Exception {
        Path out = dir.resolve("pairs.json");
        ExportResult r = export(ExportProfile.defaults("json").withDedup(false), out);
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain(RAW);
        JsonNode file = JSON.readTree(text);
        assertThat(file.get("total_pairs").asInt()).isEqualTo(20);
        assertThat(file.get("pairs")).hasSize(20);
        assertThat(r.written()).isEqualTo(20);
        assertThat(r.withheld()).extracting(ExportResult.Withheld::pairId).containsExactly("bad-1");
        JsonNode privacy = JSON.readTree(r.manifest().toFile()).get("privacy");
        assertThat(privacy.get("withheld").asInt()).isEqualTo(1);
        assertThat(privacy.get("withheld_pairs").get(0).get("pair_id").asText()).isEqualTo("bad-1");
        assertThat(privacy.get("withheld_pairs").get(0).get("reason").asText())
                .contains("EMAIL")
                .doesNotContain(RAW);
    }

    @Test
    void theWizardsPreviewLeavesTheWithheldPairOutInsteadOfFailing() {
        String preview = ExportPreview.firstRecords(
                store, PairFilter.ALL, "jsonl", null, null, PrivacySettings.anonymizer(store), null, 50, false);
        assertThat(preview).doesNotContain(RAW).doesNotContain("bad-1");
        assertThat(preview.lines()).hasSize(20);
    }

    @Test
    void splitsCountWithoutTheWithheldPair() throws Exception {
        Path out = dir.resolve("split.jsonl");
        ExportResult r = export(
                ExportProfile.defaults("jsonl")
                        .withDedup(false)
                        .withSplit(SplitRatios.parse("80/10/10"), SplitAssigner.Grouping.TEMPLATE),
                out);
        assertThat(r.splits().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(20);
        assertThat(r.withheld()).hasSize(1);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("split"))
                    .toList()) {
                assertThat(Files.readString(f, StandardCharsets.UTF_8)).doesNotContain(RAW);
            }
        }
    }

    @Test
    void theCliSummaryNamesTheWithheldPair() throws Exception {
        Path out = dir.resolve("cli.jsonl");
        StringWriter text = new StringWriter();
        CommandLine cl = Cli.commandLine();
        cl.setOut(new PrintWriter(text));
        assertThat(cl.execute(
                        "export", "--db", db, "--format", "jsonl", "--output", out.toString(), "--keep-duplicates"))
                .isZero();
        assertThat(text.toString())
                .contains("Exported 20 pairs")
                .contains("Withheld 1 pairs that could not be anonymized safely")
                .contains("bad-1: ")
                .doesNotContain(RAW);
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).doesNotContain(RAW);
    }

    @Test
    void theApiExportAnswers200WithoutTheRawValue() throws Exception {
        try (CollectorServer server = CollectorServer.start(
                store, CollectorConfig.defaults().withPort(0).withThreads(2).withTrackDuplicates(false))) {
            RawHttp api = new RawHttp("127.0.0.1", server.port(), server.token());
            RawHttp.Response r = api.get(CollectorServer.PREFIX + "/export?format=json");
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            assertThat(r.text()).doesNotContain(RAW);
            assertThat(JSON.readTree(r.text()).get("pairs")).hasSize(20);
        }
    }
}
