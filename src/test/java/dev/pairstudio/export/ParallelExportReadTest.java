package dev.pairstudio.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.ingest.OnePassImport;
import dev.pairstudio.ingest.PairImporter;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.Source;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.store.Page;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.testing.TestPair;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.datafaker.Faker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export reads the table on two threads, in numbered id ranges handed over in order, and the
 * JSONL lines are made on the workers (issue 24: plain export of 1M pairs). The file must hold
 * the bytes the one-thread road writes: the pairs read a page at a time through the store's
 * query and written by one streaming generator. The store holds generated pairs imported as the
 * CLI does (analysis rows, table names found by the analysis, PII, duplicate groups), pairs with
 * datafaker metadata and non-ASCII text, a trashed pair, and a purged run of ids longer than a
 * read range, so that some ranges come back empty.
 */
class ParallelExportReadTest {
    @TempDir
    static Path dir;

    @TempDir
    Path out;

    static Database store;

    @BeforeAll
    static void fill() throws Exception {
        Path jsonl = dir.resolve("generated.jsonl");
        try (OutputStream o = Files.newOutputStream(jsonl);
                SeedJsonlWriter w = new SeedJsonlWriter(o)) {
            new SyntheticPairs(424).generate(3_100, p -> {
                try {
                    w.write(p);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        store = Databases.open(dir.resolve("store").toString());
        OnePassImport.run(
                store, List.of(jsonl), null, null, 250, 2, null, PairImporter.estimatedRecords(List.of(jsonl), null));
        Faker faker = new Faker(new java.util.Random(24));
        List<Pair> more = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("user", faker.internet().emailAddress());
            metadata.put("tokens", faker.number().numberBetween(1, 5_000));
            metadata.put("score", faker.number().randomDouble(3, 0, 1));
            metadata.put("tags", List.of(faker.lorem().word(), "naïve ☕ 🚀"));
            more.add(TestPair.of(
                            "meta-" + i,
                            "Wie viele Bestellungen hat " + faker.name().firstName() + " 🚀 aufgegeben?",
                            "SELECT COUNT(*) FROM orders WHERE note = 'çà\\t\"q\"'")
                    .tookMs("12.50")
                    .metadata(metadata)
                    .build());
        }
        store.addAll(more, null, Source.FILE, "metadata");
        // a run of 700 ids gone for good (longer than a read range of 500), and one pair in the trash
        long[] ids = ids(PairFilter.ALL);
        store.trash(Arrays.stream(ids, 1_200, 1_900).boxed().toList());
        store.purge();
        store.trash(List.of(ids[10]));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static long[] ids(PairFilter filter) {
        List<Long> ids = new ArrayList<>();
        String cursor = null;
        do {
            Page page = store.query(filter, PairSort.INSERTION, cursor, 500);
            page.rows().forEach(p -> ids.add(p.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    /** The pairs outside the trash, read a page at a time by the store's query, written by one generator. */
    private static List<String> referenceLines() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SeedJsonlWriter w = new SeedJsonlWriter(bytes)) {
            String cursor = null;
            do {
                Page page = store.query(PairFilter.ALL.withTrash(false), PairSort.INSERTION, cursor, 100);
                for (StoredPair p : page.rows()) {
                    w.write(p.pair());
                }
                cursor = page.nextCursor();
            } while (cursor != null);
        }
        return lines(bytes.toByteArray());
    }

    private static List<String> lines(byte[] bytes) {
        return List.of(new String(bytes, StandardCharsets.UTF_8).split("(?<=\n)"));
    }

    private ExportResult export(ExportProfile profile, boolean cli, String name) {
        DatasetExporter exporter = new DatasetExporter(store, null);
        if (cli) {
            exporter.releasingIndex();
        } else {
            store.prepare(); // the window holds its index
        }
        return exporter.export(profile, out.resolve(name), ExportTargetPolicy.FAIL, ExportListener.NONE);
    }

    @Test
    void aPlainExportHoldsTheBytesOfTheOneThreadRoad() throws Exception {
        List<String> reference = referenceLines();
        assertThat(reference).hasSize(3_100 + 40 - 700 - 1);
        assertThat(String.join("", reference))
                .as("the reference holds what the readers must keep apart")
                .contains("🚀", "\"table_names\": [\"", "\"metadata\": {\"user\": ");
        ExportProfile plain =
                ExportProfile.defaults("jsonl").withAnonymize(false).withDedup(false);
        for (boolean cli : new boolean[] {true, false}) {
            ExportResult r = export(plain, cli, "plain-" + cli + ".jsonl");
            byte[] file = Files.readAllBytes(r.files().get(0).path());
            assertThat(r.written()).isEqualTo(reference.size());
            assertThat(lines(file))
                    .as(cli ? "the CLI's road" : "the window's road")
                    .isEqualTo(reference);
        }
    }

    @Test
    void aDeduplicatedExportReadByIdKeepsTheOrderAndTheBytes() throws Exception {
        List<String> reference = referenceLines();
        ExportResult r = export(
                ExportProfile.defaults("jsonl").withAnonymize(false), true, "dedup.jsonl"); // kept ids read by id
        List<String> written = lines(Files.readAllBytes(r.files().get(0).path()));
        assertThat(r.duplicates()).as("the generator repeats pairs").isPositive();
        assertThat(written).hasSize(reference.size() - (int) r.duplicates());
        int at = 0;
        for (String line : written) { // a subsequence of the reference, byte for byte
            while (at < reference.size() && !reference.get(at).equals(line)) {
                at++;
            }
            assertThat(at).as("line in order: " + line).isLessThan(reference.size());
            at++;
        }
    }

    @Test
    void anEmptyStoreExportsAnEmptyFile() throws Exception {
        try (Database empty = Databases.open(dir.resolve("empty").toString())) {
            ExportResult r = new DatasetExporter(empty, null)
                    .releasingIndex()
                    .export(
                            ExportProfile.defaults("jsonl").withAnonymize(false).withDedup(false),
                            out.resolve("empty.jsonl"),
                            ExportTargetPolicy.FAIL,
                            ExportListener.NONE);
            assertThat(r.written()).isZero();
            assertThat(Files.size(r.files().get(0).path())).isZero();
        }
    }
}
