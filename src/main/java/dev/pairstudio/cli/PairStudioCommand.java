package dev.pairstudio.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root of the command line: {@code pairstudio <command> [options]}. Its commands are added by
 * {@link Cli}, all of them or only the one a run names (see {@link Cli#commandLine(String...)}).
 */
@Command(
        name = "pairstudio",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Curate natural-language/SQL pairs: import, review, anonymize and export training sets.%n"
                + "Without a command, Pair Studio opens its window.")
public final class PairStudioCommand implements Runnable {
    /** Every command, in the order the usage lists them. */
    static final List<Class<?>> COMMANDS = List.of(
            CommandLine.HelpCommand.class,
            ImportCommand.class,
            ListCommand.class,
            GetCommand.class,
            DeleteCommand.class,
            RestoreCommand.class,
            PurgeCommand.class,
            BackupCommand.class,
            AnonymizeCommand.class,
            GenerateCommand.class,
            PrivacyCommand.class,
            StatsCommand.class,
            SchemaCommand.class,
            ValidateCommand.class,
            ExportCommand.class,
            AuditSplitCommand.class,
            ServeCommand.class,
            MigrateCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DatabaseOption database;

    @Override
    public void run() {
        // "pairstudio --db x" with no command: show what there is to do.
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
