package dev.pairstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.app.Main;
import dev.pairstudio.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    @TempDir
    Path dir;

    @Test
    void sameSeedSameFileAndItImportsWhole() throws Exception {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        assertThat(Cli.run("generate", "--count", "500", "--seed", "9", "--output", a.toString()))
                .isZero();
        assertThat(Cli.run("generate", "--count", "500", "--seed", "9", "--output", b.toString()))
                .isZero();
        assertThat(Files.readString(a)).isEqualTo(Files.readString(b));
        List<String> lines = Files.readAllLines(a);
        assertThat(lines).hasSize(500).allSatisfy(l -> assertThat(l).startsWith("{\"pair_id\": \""));

        Path db = dir.resolve("db");
        assertThat(Cli.run("--db", db.toString(), "import", a.toString())).isZero();
        assertThat(Cli.run("--db", db.toString(), "import", a.toString())).isZero();
        CliRun stats = CliRun.of("--db", db.toString(), "stats", "--json");
        assertThat(stats.code()).isZero();
        assertThat(stats.out()).contains("\"total_pairs\": 500");
    }

    /** Map.of iterates in an order fixed per JVM: only separate runs show whether one seed gives one file. */
    @Test
    void sameSeedSameBytesAcrossRuns() throws Exception {
        Path here = dir.resolve("here.jsonl");
        assertThat(Cli.run("generate", "--count", "400", "--seed", "5", "--output", here.toString()))
                .isZero();
        List<String> withMetadata = Files.readAllLines(here).stream()
                .filter(l -> l.contains("\"assistant\""))
                .toList();
        assertThat(withMetadata)
                .as("some pairs carry metadata")
                .hasSizeGreaterThan(20)
                .allSatisfy(l -> assertThat(l.indexOf("\"assistant\"")).isLessThan(l.indexOf("\"session\"")));
        byte[] expected = Files.readAllBytes(here);
        for (int run = 0; run < 3; run++) {
            Path other = dir.resolve("run" + run + ".jsonl");
            Process p = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-XX:TieredStopAtLevel=1",
                            "-cp",
                            System.getProperty("java.class.path"),
                            Main.class.getName(),
                            "generate",
                            "--count",
                            "400",
                            "--seed",
                            "5",
                            "--output",
                            other.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("run" + run + ".log").toFile())
                    .start();
            try {
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            } finally {
                p.destroyForcibly(); // by its own handle: nothing else is touched
            }
            assertThat(p.exitValue())
                    .as(Files.readString(dir.resolve("run" + run + ".log")))
                    .isZero();
            assertThat(Files.readAllBytes(other))
                    .as("run %d, byte for byte", run)
                    .isEqualTo(expected);
        }
    }

    @Test
    void anUnwritableTargetIsOneClearError() {
        assertThat(Cli.run("generate", "--count", "5", "--output", "/proc/no-such-place/x.jsonl"))
                .isEqualTo(Cli.BAD_INPUT);
    }
}
