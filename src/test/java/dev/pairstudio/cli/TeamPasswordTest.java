package dev.pairstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.store.Databases;
import dev.pairstudio.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's password sources for a team database, in a child process as a user runs it:
 * the environment variable works, no terminal and no variable is one clear line, and neither the
 * output nor Pair Studio's log file ever holds the password.
 */
class TeamPasswordTest {
    @TempDir
    Path dir;

    record Result(int code, String output) {}

    private Result pairstudio(String password, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dpairstudio.home=" + dir.resolve("home"),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.pairstudio.app.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder b =
                new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE);
        b.environment().remove(Databases.PASSWORD_VARIABLE);
        if (password != null) {
            b.environment().put(Databases.PASSWORD_VARIABLE, password);
        }
        Process p = b.start();
        try {
            p.getOutputStream().close(); // no terminal: System.console() is null, as in a script
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return new Result(p.exitValue(), output);
        } finally {
            p.destroyForcibly(); // by its own handle, pass or fail; a no-op once it has exited
        }
    }

    @Test
    void thePasswordComesFromTheEnvironmentAndIsNeverWrittenDown() throws Exception {
        String url = TestPostgres.withoutPassword(TestPostgres.get().newDatabase());

        Result withVariable = pairstudio(TestPostgres.PASSWORD, "--db", url, "stats", "--json");
        assertThat(withVariable.code()).as(withVariable.output()).isZero();
        assertThat(withVariable.output()).containsPattern("\"total_pairs\" ?: ?0");

        Result without = pairstudio(null, "--db", url, "list");
        assertThat(without.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(without.output().strip())
                .startsWith("pairstudio list: The server asks for a password")
                .contains(Databases.PASSWORD_VARIABLE)
                .doesNotContain("Exception");

        Result wrong = pairstudio("not-it", "--db", url, "list");
        assertThat(wrong.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(wrong.output()).contains("Wrong password").doesNotContain("not-it");

        Path log = dir.resolve("home/pair-studio.log");
        String logged = Files.exists(log) ? Files.readString(log) : "";
        assertThat(logged + withVariable.output() + without.output()).doesNotContain(TestPostgres.PASSWORD);
    }
}
