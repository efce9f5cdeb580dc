package dev.pairstudio.testing;

import dev.pairstudio.cli.Cli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import picocli.CommandLine;

/** One in-process run of the real command line, with what it printed on each stream: the CLI tests' runner. */
public record CliRun(int code, String out, String err) {

    public static CliRun of(String... args) {
        CommandLine cl = Cli.commandLine(args); // as Main builds it: only the named command
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * The CLI tests' workspace, a JUnit extension ({@code @RegisterExtension final CliRun.InFolder cli = new
     * CliRun.InFolder();}): a fresh temporary folder for each test with a database file named in it (created by the
     * first command that opens it), and the last command run, whose output the test asserts on.
     */
    public static final class InFolder implements BeforeEachCallback, AfterEachCallback {
        private Path dir;
        private CliRun last = new CliRun(-1, "", "");

        /** The test's own folder. */
        public Path dir() {
            return dir;
        }

        /** The database file the test's commands name with --db. */
        public String db() {
            return dir.resolve("test.mv.db").toString();
        }

        /** A file in the test's folder, as a command's argument. */
        public String file(String name) {
            return dir.resolve(name).toString();
        }

        /** Writes a file into the test's folder; its path. */
        public Path write(String name, String content) throws IOException {
            return Files.writeString(dir.resolve(name), content);
        }

        /** Writes the test's pairs file, {@code pairs.jsonl} in its folder. */
        public Path writePairs(String jsonl) throws IOException {
            return write("pairs.jsonl", jsonl);
        }

        /** Runs the command line; its exit code. */
        public int run(String... args) {
            last = CliRun.of(args);
            return last.code();
        }

        /** Runs a command on the test's database: {@code args}, then {@code --db} and {@link #db()}. */
        public int runOnDb(String... args) {
            String[] all = Arrays.copyOf(args, args.length + 2);
            all[args.length] = "--db";
            all[args.length + 1] = db();
            return run(all);
        }

        public String out() {
            return last.out();
        }

        public String err() {
            return last.err();
        }

        @Override
        public void beforeEach(ExtensionContext context) throws IOException {
            dir = Files.createTempDirectory("pairstudio-cli");
        }

        @Override
        public void afterEach(ExtensionContext context) throws IOException {
            TempFolder.delete(dir);
        }
    }
}
