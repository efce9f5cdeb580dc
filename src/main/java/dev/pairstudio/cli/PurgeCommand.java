package dev.pairstudio.cli;

import dev.pairstudio.pair.Plural;
import dev.pairstudio.store.Database;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code purge}: empties the trash for good. */
@Command(
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        name = "purge",
        description = "Delete the pairs in the trash for good.")
public final class PurgeCommand implements Callable<Integer> {

    @Mixin
    DatabaseOption database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Database store = StoreAccess.open(database)) {
            long n = store.purge();
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Deleted %s from the trash for good%n", Plural.of(n, "pair"));
            out.flush();
        }
        return Cli.OK;
    }
}
