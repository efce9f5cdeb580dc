package dev.pairstudio.cli;

import dev.pairstudio.store.Database;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code backup --to FILE}: a consistent snapshot, safe while the app runs (docs/user-guide/backup.md). */
@Command(
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        name = "backup",
        description = "Write a consistent backup of the database (a zip), also while Pair Studio runs.")
public final class BackupCommand implements Callable<Integer> {

    @Mixin
    DatabaseOption database;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--to",
            required = true,
            paramLabel = "FILE",
            description = "The backup file to write, e.g. pairs-backup.zip.")
    Path target;

    @Override
    public Integer call() {
        try (Database store = StoreAccess.open(database)) {
            store.backup(target);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Backup of %s written to %s%n", store.location(), target.toAbsolutePath());
            out.flush();
        }
        return Cli.OK;
    }
}
