package dev.pairstudio.testing;

import dev.pairstudio.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
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

    /** For a test that runs several commands and asserts on what the last one printed. */
    public static final class Last {
        private CliRun last = new CliRun(-1, "", "");

        /** Runs the command line; its exit code. */
        public int run(String... args) {
            last = CliRun.of(args);
            return last.code();
        }

        public String out() {
            return last.out();
        }

        public String err() {
            return last.err();
        }
    }
}
