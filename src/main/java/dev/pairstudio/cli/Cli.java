package dev.pairstudio.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Runs the command line and maps failures to the contract's exit codes: 0 ok, 1 bad input, 2 usage. */
public final class Cli {
    public static final int OK = 0;
    public static final int BAD_INPUT = 1;
    public static final int USAGE = 2;

    private Cli() {}

    public static int run(String... args) {
        return commandLine(args).execute(args);
    }

    /** The whole command line, every command. */
    public static CommandLine commandLine() {
        return withCommands(PairStudioCommand.COMMANDS);
    }

    /**
     * The command line for these arguments: when they name a command, only that command's model
     * is built. Picocli reflects over every option of every command it is given, and a short
     * command such as {@code stats} spent a fifth of its CPU on the seventeen it did not run.
     * Anything else (no command, {@code help}, a misspelt name) gets the whole tree, so usage,
     * suggestions and errors stay those of the full command line.
     */
    public static CommandLine commandLine(String... args) {
        String named = commandName(args);
        List<Class<?>> only = PairStudioCommand.COMMANDS.stream()
                .filter(c -> c != CommandLine.HelpCommand.class
                        && c.getAnnotation(Command.class).name().equals(named))
                .toList();
        return withCommands(only.isEmpty() ? PairStudioCommand.COMMANDS : only);
    }

    private static CommandLine withCommands(List<Class<?>> commands) {
        CommandLine cl = new CommandLine(new PairStudioCommand());
        commands.forEach(cl::addSubcommand);
        cl.setExecutionExceptionHandler(Cli::reportFailure);
        return cl;
    }

    /** The first argument that is neither an option of the root nor {@code --db}'s value. */
    private static String commandName(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(DatabaseOption.NAME)) {
                i++;
            } else if (!args[i].startsWith("-")) {
                return args[i];
            }
        }
        return null;
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
