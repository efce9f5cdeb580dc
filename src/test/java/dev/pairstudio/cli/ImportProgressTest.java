package dev.pairstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.testing.CliRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long import says how far it is (issue 24: 10M pairs take many minutes, and the import printed
 * nothing until its summary): a line on standard error each time another tenth of the file is
 * stored; standard output keeps only the summary. Data: the project's generator (seed 7).
 */
class ImportProgressTest {

    @TempDir
    Path dir;

    @Test
    void anImportOfSeveralBatchesPrintsItsProgressOnStandardError() {
        Path file = dir.resolve("pairs.jsonl");
        assertThat(CliRun.of("generate", "--count", "12000", "--seed", "7", "--output", file.toString())
                        .code())
                .isZero();

        CliRun run = CliRun.of("import", "--db", dir.resolve("store").toString(), file.toString());

        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("Imported 12,000 pairs from 1 file").doesNotContain("stored 5,000");
        // batches of 5,000: stored after 5,000 (~42 %) and 10,000 (~83 %) records; the last batch is the summary's
        List<String> lines = run.err().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("  stored 5,000 records, 4[0-9] % of the file, [0-9]+:[0-5][0-9]");
        assertThat(lines.get(1)).matches("  stored 10,000 records, 8[0-9] % of the file, [0-9]+:[0-5][0-9]");
    }

    @Test
    void anImportOfOneBatchPrintsOnlyItsSummary() {
        Path file = dir.resolve("few.jsonl");
        assertThat(CliRun.of("generate", "--count", "300", "--seed", "7", "--output", file.toString())
                        .code())
                .isZero();

        CliRun run = CliRun.of("import", "--db", dir.resolve("store").toString(), file.toString());

        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("Imported 300 pairs from 1 file");
        assertThat(run.err()).isEmpty();
    }
}
