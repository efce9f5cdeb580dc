package dev.pairstudio.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.ingest.DuplicateTracker;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.pair.Source;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.testing.TestPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CLI exports by other roads than the window (issues 22 and 24): the index let go after the
 * statistics, the scope read once with its duplicates and the kept pairs looked up by id, the
 * split check's later readings by id from the texts alone, templates taken from the plan. The
 * files must not change by a byte: here both roads export one seeded store of generated pairs
 * with exact duplicates (one of them accepted), near duplicates, a trashed pair and PII.
 */
class ExportPathsTest {
    @TempDir
    static Path dbDir;

    @TempDir
    Path out;

    static Database store;

    @BeforeAll
    static void fill() {
        store = Databases.open(dbDir.resolve("paths").toString());
        List<Pair> pairs = new ArrayList<>(new SyntheticPairs(2024).list(2_000));
        for (int i = 0; i < 300; i++) { // a pair collected again later: same text, new id
            Pair p = pairs.get(i * 5);
            pairs.add(TestPair.copyOf(p)
                    .id(p.pairId() + "-again")
                    .at(p.timestamp().plusSeconds(3_600))
                    .build());
        }
        store.addAll(pairs, null, Source.FILE, "generated");
        new DuplicateTracker(store).catchUp();
        StoredPair firstDuplicate = store.query(
                        PairFilter.ALL.withFlags(Set.of(QualityFlag.DUPLICATE)), PairSort.INSERTION, null, 1)
                .rows()
                .get(0);
        store.setStatus(List.of(firstDuplicate.id()), ReviewStatus.ACCEPTED);
        store.trash(
                List.of(store.getByPairId(pairs.get(7).pairId()).orElseThrow().id()));
        new DuplicateTracker(store).catchUp();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static Stream<Arguments> profiles() {
        ExportProfile defaults = ExportProfile.defaults("jsonl");
        return Stream.of(
                Arguments.of("plain jsonl", defaults.withAnonymize(false).withDedup(false)),
                Arguments.of("default jsonl: anonymized, deduplicated", defaults),
                Arguments.of("json (states its count)", ExportProfile.defaults("json")),
                Arguments.of(
                        "split 80/10/10",
                        defaults.withAnonymize(false)
                                .withDedup(false)
                                .withSplit(SplitRatios.parse("80/10/10"), SplitAssigner.Grouping.TEMPLATE)),
                Arguments.of(
                        "split 70/15/15 by database, anonymized, deduplicated",
                        defaults.withSplit(SplitRatios.parse("70/15/15"), SplitAssigner.Grouping.DATABASE)),
                Arguments.of(
                        "openai preset, filtered",
                        ExportProfile.defaults("openai").withFilter(PairFilter.ALL.withSuccess(true))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void theCliWritesTheBytesTheWindowWrites(String what, ExportProfile profile) throws Exception {
        store.prepare(); // a window holds its index
        ExportResult window = new DatasetExporter(store, null)
                .export(profile, out.resolve("window.out"), ExportTargetPolicy.FAIL, ExportListener.NONE);
        ExportResult cli = new DatasetExporter(store, null)
                .releasingIndex()
                .export(profile, out.resolve("cli.out"), ExportTargetPolicy.FAIL, ExportListener.NONE);

        assertThat(window.written()).isPositive();
        if (profile.dedup()) {
            assertThat(window.duplicates())
                    .as("the store holds exact duplicates to drop")
                    .isGreaterThan(200);
        }
        assertThat(cli.written()).isEqualTo(window.written());
        assertThat(cli.duplicates()).isEqualTo(window.duplicates());
        assertThat(cli.files()).hasSameSizeAs(window.files());
        for (int i = 0; i < window.files().size(); i++) {
            ExportResult.FileEntry w = window.files().get(i);
            ExportResult.FileEntry c = cli.files().get(i);
            assertThat(c.pairs()).isEqualTo(w.pairs());
            if (profile.format().equals("json")) { // the one data file that states when it was written
                assertThat(withoutTime(c.path())).as(c.split() + " file").isEqualTo(withoutTime(w.path()));
            } else {
                assertThat(Files.readAllBytes(c.path()))
                        .as(c.split() + " file")
                        .isEqualTo(Files.readAllBytes(w.path()));
                assertThat(c.sha256()).isEqualTo(w.sha256());
            }
        }
        boolean timed = profile.format().equals("json");
        assertThat(comparable(cli.manifest(), timed))
                .as("the manifest, but for its time and file names")
                .isEqualTo(comparable(window.manifest(), timed));
        if (window.split() != null) {
            assertThat(cli.splitCheck().clean()).isTrue();
            assertThat(cli.splitCheck().crossings())
                    .isEqualTo(window.splitCheck().crossings());
        }
    }

    private static String withoutTime(Path file) throws Exception {
        String text = Files.readString(file);
        assertThat(text).contains("\"exported_at\": \"");
        return text.replaceFirst("\"exported_at\": \"[^\"]*\"", "\"exported_at\": \"\"");
    }

    /** @param timed the data file holds its time too (json): its checksum differs with it */
    private static JsonNode comparable(Path manifest, boolean timed) throws Exception {
        ObjectNode m = (ObjectNode) ExportWriters.MAPPER.readTree(manifest.toFile());
        m.remove("exported_at");
        m.get("files").forEach(f -> ((ObjectNode) f).remove(timed ? List.of("name", "sha256") : List.of("name")));
        return m;
    }
}
