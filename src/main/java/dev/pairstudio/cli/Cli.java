package dev.pairstudio.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Runs the command line and maps failures to the contract's exit codes: 0 ok, 1 bad input, 2 usage. */
public final class Cli {
    public static final int OK = 0;
    public static final int BAD_INPUT = 1;
    public static final int USAGE = 2;

    private Cli() {
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new PairStudioCommand());
        cl.setExecutionExceptionHandler(Cli::reportFailure);
        return cl;
    }

    /** Expected failures (bad files, locked databases) are one clear line on stderr, never a stack trace. */
    private static int reportFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        err.println(cl.getCommandSpec().qualifiedName() + ": " + message); // "pairstudio schema import: …"
        err.flush();
        return e instanceof UserError u ? u.exitCode() : BAD_INPUT;
    }

    /** An error in what the user gave us: the message says what, where and how to fix it. */
    public static class UserError extends RuntimeException {
        private final int exitCode;

        public UserError(String message) {
            this(message, BAD_INPUT);
        }

        public UserError(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }
}
