package dev.pairstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    @TempDir
    Path dir;

    @Test
    void sameSeedSameFileAndItImportsWhole() throws Exception {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        assertThat(Cli.run("generate", "--count", "500", "--seed", "9", "--output", a.toString())).isZero();
        assertThat(Cli.run("generate", "--count", "500", "--seed", "9", "--output", b.toString())).isZero();
        assertThat(Files.readString(a)).isEqualTo(Files.readString(b));
        List<String> lines = Files.readAllLines(a);
        assertThat(lines).hasSize(500).allSatisfy(l -> assertThat(l).startsWith("{\"pair_id\": \""));

        Path db = dir.resolve("db");
        assertThat(Cli.run("--db", db.toString(), "import", a.toString())).isZero();
        assertThat(Cli.run("--db", db.toString(), "import", a.toString())).isZero();
        java.io.StringWriter out = new java.io.StringWriter();
        var cl = Cli.commandLine();
        cl.setOut(new java.io.PrintWriter(out));
        assertThat(cl.execute("--db", db.toString(), "stats", "--json")).isZero();
        assertThat(out.toString()).contains("\"total_pairs\": 500");
    }

    @Test
    void anUnwritableTargetIsOneClearError() {
        assertThat(Cli.run("generate", "--count", "5", "--output", "/proc/no-such-place/x.jsonl")).isEqualTo(Cli.BAD_INPUT);
    }
}
