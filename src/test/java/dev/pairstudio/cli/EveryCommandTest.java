package dev.pairstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * What scripts rely on for every command: --help works and exits 0 without picocli's warnings on
 * the console (an unescaped '%' in a description printed one), unknown options exit 2 with one
 * clear line.
 */
class EveryCommandTest {

    @Test
    void everyCommandHasHelpAndRefusesUnknownOptions() {
        CommandLine root = Cli.commandLine();
        assertThat(root.getSubcommands().keySet())
                .contains(
                        "import",
                        "export",
                        "stats",
                        "anonymize",
                        "list",
                        "get",
                        "delete",
                        "restore",
                        "purge",
                        "backup");
        for (String name : root.getSubcommands().keySet()) {
            if (name.equals("help")) {
                continue;
            }
            StringWriter out = new StringWriter();
            CommandLine cl = Cli.commandLine(name, "--help");
            cl.setOut(new PrintWriter(out));
            java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
            java.io.PrintStream stderr = System.err;
            System.setErr(new java.io.PrintStream(console, true, java.nio.charset.StandardCharsets.UTF_8));
            try {
                assertThat(cl.execute(name, "--help")).as(name + " --help").isZero();
            } finally {
                System.setErr(stderr);
            }
            assertThat(out.toString()).as(name + " usage").contains("Usage: pairstudio " + name);
            assertThat(console.toString(java.nio.charset.StandardCharsets.UTF_8))
                    .as(name + " --help on the console")
                    .doesNotContain("WARN");

            StringWriter err = new StringWriter();
            CommandLine bad = Cli.commandLine(name, "--no-such-option");
            bad.setErr(new PrintWriter(err));
            assertThat(bad.execute(name, "--no-such-option"))
                    .as(name + " unknown option")
                    .isEqualTo(Cli.USAGE);
            assertThat(err.toString().lines().findFirst().orElse(""))
                    .as(name)
                    .isNotBlank()
                    .doesNotContain("Exception");
        }
    }

    @Test
    void aNamedCommandGetsOnlyItsOwnModelAndAnythingElseTheWholeTree() {
        assertThat(Cli.commandLine("--db", "stats", "stats", "--json")
                        .getSubcommands()
                        .keySet())
                .as("--db's value is not the command")
                .containsExactly("stats");
        assertThat(Cli.commandLine("--db=x", "schema", "list").getSubcommands().keySet())
                .containsExactly("schema");
        assertThat(Cli.commandLine("--help").getSubcommands())
                .containsOnlyKeys(Cli.commandLine().getSubcommands().keySet());
        assertThat(Cli.commandLine("help", "stats").getSubcommands())
                .hasSameSizeAs(Cli.commandLine().getSubcommands());

        StringWriter err = new StringWriter();
        CommandLine misspelt = Cli.commandLine("stat", "--json");
        misspelt.setErr(new PrintWriter(err));
        assertThat(misspelt.execute("stat", "--json")).isEqualTo(Cli.USAGE);
        assertThat(err.toString())
                .as("picocli's suggestion needs the whole tree")
                .contains("stats");

        StringWriter out = new StringWriter();
        CommandLine help = Cli.commandLine("help", "export");
        help.setOut(new PrintWriter(out));
        assertThat(help.execute("help", "export")).isZero();
        assertThat(out.toString()).contains("Usage: pairstudio export");
    }
}
