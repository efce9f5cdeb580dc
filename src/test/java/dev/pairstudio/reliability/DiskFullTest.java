package dev.pairstudio.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.export.DatasetExporter;
import dev.pairstudio.export.ExportException;
import dev.pairstudio.export.ExportListener;
import dev.pairstudio.export.ExportProfile;
import dev.pairstudio.export.ExportResult;
import dev.pairstudio.export.ExportTargetPolicy;
import dev.pairstudio.ingest.ImportSummary;
import dev.pairstudio.ingest.PairEnricher;
import dev.pairstudio.ingest.PairImporter;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A really full disk: a 6 MB tmpfs mounted for the test (needs root, as in CI; skipped otherwise,
 * where {@code io.DatasetExporterTest} still covers an injected failing stream). An export that
 * does not fit fails with a clear message and leaves no file; an import whose database fills the
 * disk stops with a clear error, and after space is freed the database opens with whole batches
 * and a rerun completes. Nothing stored is lost.
 */
class DiskFullTest {
    static final int PAIRS = 5_000;

    @TempDir
    Path dir;

    Path small;
    boolean mounted;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        small = Files.createDirectory(dir.resolve("small"));
        mounted = run("mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", small.toString()) == 0;
        assumeTrue(
                mounted,
                "needs root to mount a 6 MB tmpfs (CI runs as root); io.DatasetExporterTest covers an injected failing disk");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            run("umount", "-l", small.toString());
        }
    }

    /** The command's exit code; -1 when it cannot run (no such program) or takes too long. */
    private static int run(String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor(30, TimeUnit.SECONDS)) {
                return p.exitValue();
            }
            p.destroyForcibly(); // a hung mount: stopped by its own handle
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static Path database() {
        return Reliability.synthetic(PAIRS);
    }

    private static ExportResult export(Database store, ExportProfile profile, Path target) {
        return new DatasetExporter(store, null).export(profile, target, ExportTargetPolicy.FAIL, ExportListener.NONE);
    }

    /** Fills the small disk so that {@code free} bytes are left. */
    private void leave(long free) throws IOException {
        long filler = Files.getFileStore(small).getUsableSpace() - free;
        try (var out = Files.newOutputStream(small.resolve("filler"))) {
            out.write(new byte[(int) filler]);
        }
        assertThat(Files.getFileStore(small).getUsableSpace()).isEqualTo(free);
    }

    @Test
    void anExportThatDoesNotFitFailsClearlyAndLeavesNoFile() throws Exception {
        try (Database store = Databases.open(database().toString())) {
            String before = Reliability.fingerprint(store);
            PairFilter scope =
                    PairFilter.ALL.withDatabaseTypes(Set.of("sqlite", "mysql")); // well under what the disk holds
            long pairs = store.count(scope);
            for (String format : List.of("jsonl", "json", "csv")) {
                // not anonymized: quicker, and the bytes on disk are what matters here
                ExportProfile profile = ExportProfile.defaults(format)
                        .withFilter(scope)
                        .withDedup(false)
                        .withAnonymize(false);
                Path probe = dir.resolve("probe." + format);
                long size = export(store, profile, probe).files().get(0).bytes();
                leave(size / 2 / 4096 * 4096);
                Path target = small.resolve("all." + format);
                assertThatThrownBy(() -> export(store, profile, target))
                        .isInstanceOf(ExportException.class)
                        .hasMessageContaining("No space left on device")
                        .hasMessageContaining("No file was written");
                assertThat(Reliability.filesIn(small))
                        .as("%s: nothing left on the full disk", format)
                        .containsExactly("filler");
                // with room again the same export goes through
                Files.delete(small.resolve("filler"));
                assertThat(export(store, profile, target).written()).isEqualTo(pairs);
                assertThat(Files.size(target))
                        .as("the same size as on a roomy disk")
                        .isEqualTo(size);
                Files.delete(target);
                Files.delete(small.resolve("all." + format + ".manifest.json"));
            }
            assertThat(Reliability.live(store)).isEqualTo(PAIRS);
            assertThat(Reliability.fingerprint(store))
                    .as("the store is untouched")
                    .isEqualTo(before);
        }
    }

    @Test
    void whenTheDataFitsButTheManifestDoesNotTheExportLeavesNothing() throws Exception {
        ExportProfile profile = ExportProfile.defaults("jsonl")
                .withDedup(false)
                .withAnonymize(false)
                .withFilter(PairFilter.ALL.withDatabaseTypes(Set.of("sqlite")));
        try (Database store = Databases.open(database().toString())) {
            Path probe = dir.resolve("probe.jsonl");
            long size = export(store, profile, probe).files().get(0).bytes();
            leave((size + 4095) / 4096 * 4096); // exactly the data file's pages, none for the manifest
            Path target = small.resolve("part.jsonl");
            assertThatThrownBy(() -> export(store, profile, target))
                    .isInstanceOf(ExportException.class)
                    .hasMessageContaining("No space left on device");
            assertThat(Reliability.filesIn(small))
                    .as("no data file without its manifest, no temporary file")
                    .containsExactly("filler");
        }
    }

    static final int RECORDS =
            18_000; // about 1 KB each: several times what fits on the disk (H2 writes each commit's chunk at once: a
    // 500-pair batch takes ~1.7 MB)
    static final int BATCH = 500;

    /** What an import that filled the disk left: the database (space freed again) and what the store had acknowledged. */
    private record AfterFullDisk(
            String db,
            Path file,
            List<Pair> baseline,
            String baselineFingerprint,
            long acknowledged,
            long acknowledgedASecondBeforeTheFailure) {}

    private AfterFullDisk importUntilTheDiskIsFull() throws Exception {
        Path file = dir.resolve("big.jsonl");
        Random random = new Random(30);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < RECORDS; i++) {
                // a random code per record: the store compresses its pages, so repetitive text alone might fit
                StringBuilder code = new StringBuilder();
                for (int k = 0; k < 32; k++) {
                    code.append(Long.toHexString(random.nextLong()));
                }
                w.write("{\"pair_id\": \"full-" + i + "\", \"natural_language_query\": \"How many orders did customer "
                        + i
                        + " place last year under code " + code
                        + ", counting only orders shipped to example.com addresses? "
                        + "Also list them. ".repeat(i % 7 + 20)
                        + "\", \"sql_query\": \"SELECT COUNT(*) FROM orders o JOIN customers c ON o.customer_id = c.id WHERE c.id = "
                        + i
                        + " AND o.note <> '" + Integer.toHexString(i * 7919).repeat(40)
                        + "'\", \"timestamp\": \"2024-05-01T10:00:00\"}\n");
            }
        }
        String db = small.resolve("pairs").toString();
        List<Pair> baseline = new SyntheticPairs(6).list(200);
        try (Database store = Databases.open(db)) {
            Reliability.add(store, baseline, "baseline");
        }
        String baselineFingerprint;
        try (Database store = Databases.open(db)) {
            baselineFingerprint = Reliability.fingerprint(store);
        }
        long[] acknowledged = {0}; // the progress listener hears of each batch after its commit returned
        List<long[]> acks = new ArrayList<>(); // {when (ns), acknowledged so far}
        long[] failedAt = {0};
        try (Database store = Databases.open(db)) {
            assertThatThrownBy(() -> {
                        try {
                            new PairImporter(store, PairEnricher.NONE, BATCH, 1)
                                    .importFiles(
                                            List.of(file),
                                            null,
                                            null,
                                            (read, size, recs) -> {
                                                acknowledged[0] += BATCH;
                                                acks.add(new long[] {System.nanoTime(), acknowledged[0]});
                                                try {
                                                    Thread.sleep(400); // a slow source: the disk fills seconds into the
                                                    // import, not within the first
                                                } catch (InterruptedException e) {
                                                    Thread.currentThread().interrupt();
                                                }
                                            },
                                            null);
                        } finally {
                            failedAt[0] = System.nanoTime();
                        }
                    })
                    .as("the import stops with an error instead of reporting success")
                    .isInstanceOf(RuntimeException.class)
                    .hasMessageStartingWith("Import stopped: the database cannot be written (No space left on device).")
                    .hasMessageContaining("import the same files again");
        } catch (RuntimeException closing) {
            // closing a store whose disk is full may fail too; what matters is what opens afterwards
        }
        assertThat(run("mount", "-o", "remount,size=64m", small.toString())).isZero();
        long safe = acks.stream()
                .filter(a -> a[0] <= failedAt[0] - 1_000_000_000L)
                .mapToLong(a -> a[1])
                .max()
                .orElse(0);
        return new AfterFullDisk(db, file, baseline, baselineFingerprint, acknowledged[0], safe);
    }

    @Test
    void anImportThatFillsTheDiskStopsClearlyAndARerunCompletesIt() throws Exception {
        AfterFullDisk full = importUntilTheDiskIsFull();
        try (Database store = Databases.open(full.db())) {
            long afterFull = Reliability.live(store) - full.baseline().size();
            assertThat(afterFull).isNotNegative().isLessThan(RECORDS);
            assertThat(afterFull % BATCH)
                    .as("whole batches of %d only (a store that keeps part of a failed batch fails here)", BATCH)
                    .isZero();
            assertThat(Reliability.fingerprint(store, Reliability.maxIdOf(store, full.baseline())))
                    .as("the pairs stored before the import are intact")
                    .isEqualTo(full.baselineFingerprint());
            ImportSummary rerun = new PairImporter(store, PairEnricher.NONE, BATCH, 1)
                    .importFiles(List.of(full.file()), null, null, null, null);
            assertThat(rerun.skipped()).isEqualTo(afterFull);
            assertThat(rerun.added()).isEqualTo(RECORDS - afterFull);
            assertThat(Reliability.live(store)).isEqualTo(full.baseline().size() + RECORDS);
        }
    }

    /**
     * The documented bound (docs/DECISIONS.md, durability): an import's batches reach the disk
     * within a second. Every batch acknowledged at least 1 s before the disk filled survives.
     */
    @Test
    void batchesAcknowledgedASecondBeforeTheDiskFilledSurviveIt() throws Exception {
        AfterFullDisk full = importUntilTheDiskIsFull();
        assertThat(full.acknowledgedASecondBeforeTheFailure())
                .as("batches were acknowledged a second before the disk was full")
                .isPositive();
        try (Database store = Databases.open(full.db())) {
            assertThat(Reliability.live(store) - full.baseline().size())
                    .as(
                            "every batch acknowledged 1 s before the failure (%d pairs)",
                            full.acknowledgedASecondBeforeTheFailure())
                    .isGreaterThanOrEqualTo(full.acknowledgedASecondBeforeTheFailure());
        }
    }
}
