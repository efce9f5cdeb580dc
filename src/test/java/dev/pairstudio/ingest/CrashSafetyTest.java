package dev.pairstudio.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A SIGKILL in the middle of an import leaves whole batches, and a rerun completes it without duplicates. */
class CrashSafetyTest {
    static final int PAIRS = 8_000;

    @TempDir
    Path dir;

    @Test
    void aKilledImportKeepsWholeBatchesAndARerunCompletesIt() throws Exception {
        Path file = dir.resolve("big.jsonl");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < PAIRS; i++) {
                w.write("{\"pair_id\": \"crash-" + i + "\", \"natural_language_query\": \"Question number " + i
                        + "\", \"sql_query\": \"SELECT * FROM t WHERE id = " + i
                        + "\", \"timestamp\": \"2024-01-01T00:00:00\"}\n");
            }
        }
        String db = dir.resolve("crash").toString();
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        ImportChild.class.getName(),
                        db,
                        file.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            int stored = 0;
            String line;
            while (stored < 3 && (line = out.readLine()) != null) {
                if (line.startsWith("stored")) {
                    stored++;
                }
            }
            assertThat(stored)
                    .as("the child stored some batches before the kill")
                    .isEqualTo(3);
        } finally {
            child.destroyForcibly(); // SIGKILL by its own handle: no shutdown hooks, no close (also when an
            // assertion failed)
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        long afterCrash;
        try (Database store = Databases.open(db)) {
            afterCrash = store.count(PairFilter.ALL);
        }
        assertThat(afterCrash).isPositive().isLessThan(PAIRS);
        assertThat(afterCrash % 1_000).as("whole batches only").isZero();

        try (Database store = Databases.open(db)) {
            ImportSummary rerun =
                    new PairImporter(store, PairEnricher.NONE).importFiles(List.of(file), null, null, null, null);
            assertThat(rerun.skipped()).isEqualTo(afterCrash);
            assertThat(rerun.added()).isEqualTo(PAIRS - afterCrash);
            assertThat(store.count(PairFilter.ALL)).isEqualTo(PAIRS);
        }
    }
}
