package dev.pairstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairstudio.app.Main;
import dev.pairstudio.testing.CliRun;
import dev.pairstudio.testing.CsvRecords;
import dev.pairstudio.testing.Fifos;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a command's one output file goes: {@code --output -} is standard output (a pipe or a file
 * the shell opened), and a symbolic link or a FIFO is written through, never replaced. Only
 * FIFOs and links in a temporary folder: the real /dev/stdout is never a test's target.
 */
class OutputTargetsTest {
    @TempDir
    Path dir;

    /** A command in its own JVM, working directory {@code dir}; returns its standard output's bytes. */
    private byte[] child(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        Process p = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectError(err.toFile())
                .start();
        try {
            byte[] out = p.getInputStream().readAllBytes(); // a pipe, as in `pairstudio … --output - | next`
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(Files.readString(err)).isZero();
            return out;
        } finally {
            p.destroyForcibly(); // by its own handle; a no-op once it has exited
        }
    }

    private int run(String... args) {
        return CliRun.of(args).code();
    }

    private List<String> entries() throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void dashIsStandardOutputForGenerateAnonymizeAndExport() throws Exception {
        Path file = dir.resolve("pairs.jsonl");
        assertThat(run("generate", "--count", "300", "--seed", "4", "--output", file.toString()))
                .isZero();
        byte[] generated = child("generate", "--count", "300", "--seed", "4", "--output", "-");
        assertThat(generated).as("the same bytes as the file, nothing else").isEqualTo(Files.readAllBytes(file));

        Path texts = Files.writeString(
                dir.resolve("texts.jsonl"),
                "{\"id\":\"t1\",\"text\":\"Mail ann.lee@example.org\"}\n"
                        + "{\"id\":\"t2\",\"text\":\"nothing personal\"}\n");
        String anonymized = new String(
                child("--db", dir.resolve("db").toString(), "anonymize", "--input", texts.toString(), "--output", "-"),
                StandardCharsets.UTF_8);
        assertThat(anonymized.lines().toList())
                .hasSize(2)
                .allSatisfy(l -> assertThat(l).startsWith("{\"id\":\"t"));
        assertThat(anonymized).doesNotContain("ann.lee@example.org").contains("nothing personal");

        String db = dir.resolve("db").toString();
        assertThat(run("--db", db, "import", file.toString())).isZero();
        for (String format : List.of("jsonl", "json", "csv")) {
            String text = new String(
                    child(
                            "--db",
                            db,
                            "export",
                            "--format",
                            format,
                            "--no-anonymize",
                            "--keep-duplicates",
                            "--output",
                            "-"),
                    StandardCharsets.UTF_8);
            switch (format) {
                case "jsonl" -> assertThat(text.lines().count()).isEqualTo(300);
                case "json" ->
                    assertThat(new ObjectMapper().readTree(text).get("pairs").size())
                            .isEqualTo(300);
                default -> assertThat(CsvRecords.read(text)).hasSize(300);
            }
        }
        assertThat(entries())
                .as("no file named -, no manifest, no staging folder left")
                .doesNotContain("-")
                .noneMatch(n -> n.contains("manifest") || n.startsWith("pairstudio-export"));
    }

    @Test
    void severalFilesCannotGoToStandardOutput() {
        String db = dir.resolve("db").toString();
        assertThat(run("--db", db, "export", "--format", "jsonl", "--split", "80/10/10", "--output", "-"))
                .isEqualTo(Cli.USAGE);
        assertThat(run("--db", db, "export", "--format", "openai", "--output", "-"))
                .isEqualTo(Cli.USAGE);
    }

    @Test
    void aFifoAndALinkAreWrittenThroughNeverReplaced() throws Exception {
        Path fifo = Fifos.make(dir.resolve("pipe"));
        Path stdout = Files.createSymbolicLink(dir.resolve("stdout"), fifo); // what /dev/stdout is under a shell's pipe
        var read = Fifos.readAll(fifo);
        assertThat(run("generate", "--count", "50", "--seed", "2", "--output", stdout.toString()))
                .isZero();
        Path file = dir.resolve("same.jsonl");
        assertThat(run("generate", "--count", "50", "--seed", "2", "--output", file.toString()))
                .isZero();
        assertThat(read.get(30, TimeUnit.SECONDS)).isEqualTo(Files.readAllBytes(file));

        String db = dir.resolve("db").toString();
        assertThat(run("--db", db, "import", file.toString())).isZero();
        read = Fifos.readAll(fifo);
        assertThat(run("--db", db, "export", "--format", "jsonl", "--keep-duplicates", "--output", fifo.toString()))
                .isZero();
        assertThat(new String(read.get(30, TimeUnit.SECONDS), StandardCharsets.UTF_8)
                        .lines()
                        .count())
                .isEqualTo(50);

        Path texts = Files.writeString(dir.resolve("texts.jsonl"), "{\"id\":\"t1\",\"text\":\"hello\"}\n");
        Path real = Files.writeString(dir.resolve("real.jsonl"), "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), real.getFileName());
        assertThat(run("--db", db, "anonymize", "--input", texts.toString(), "--output", link.toString()))
                .isZero();
        assertThat(Files.readString(real)).startsWith("{\"id\":\"t1\"");

        assertThat(Files.isSymbolicLink(stdout)).isTrue();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.isRegularFile(fifo)).as("the FIFO is still a FIFO").isFalse();
        assertThat(entries())
                .as("no manifest beside the FIFO, no temporary files")
                .noneMatch(n -> n.startsWith("pipe.") || n.endsWith(".part") || n.endsWith(".tmp"));
    }
}
