package dev.pairstudio.cli;

import dev.pairstudio.pair.Plural;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.StoredPair;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code restore BATCH | --ids ID...}: brings pairs back from the trash. */
@Command(
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        name = "restore",
        description = "Bring pairs back from the trash: one delete batch, or the given ids.")
public final class RestoreCommand implements Callable<Integer> {

    @Mixin
    DatabaseOption database;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "BATCH", description = "The trash batch printed by delete.")
    String batch;

    @Option(names = "--ids", split = ",", arity = "1..*", paramLabel = "ID", description = "Store ids or pair_ids.")
    List<String> ids = new ArrayList<>();

    @Override
    public Integer call() {
        if ((batch == null) == ids.isEmpty()) {
            throw new Cli.UserError("give either a trash batch id or --ids", Cli.USAGE);
        }
        try (Database store = StoreAccess.open(database)) {
            long n;
            if (batch != null) {
                n = store.restore(batch);
            } else {
                List<Long> storeIds = new ArrayList<>();
                for (String id : ids) {
                    StoredPair p = StoreAccess.find(store, id)
                            .orElseThrow(() -> new Cli.UserError(
                                    "No pair with id " + id + " in " + store.location() + "; nothing was restored"));
                    storeIds.add(p.id());
                }
                n = store.restore(storeIds);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Restored %s%n", Plural.of(n, "pair"));
            out.flush();
            if (n == 0 && batch != null) {
                throw new Cli.UserError("No pairs in the trash from batch " + batch);
            }
        }
        return Cli.OK;
    }
}
