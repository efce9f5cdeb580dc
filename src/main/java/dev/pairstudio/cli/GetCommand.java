package dev.pairstudio.cli;

import dev.pairstudio.store.Database;
import dev.pairstudio.store.StoredPair;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code get ID}: one pair as JSON, by store id or pair_id. */
@Command(
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        name = "get",
        description = "Print one pair as JSON, by its store id or its pair_id, with its flags and validation messages.")
public final class GetCommand implements Callable<Integer> {

    @Mixin
    DatabaseOption database;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "Store id (a number) or pair_id.")
    String id;

    @Option(
            names = "--json",
            description = "JSON (the only output; accepted so that get and list take the same option).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (Database store = StoreAccess.open(database)) {
            StoredPair p = StoreAccess.find(store, id)
                    .orElseThrow(() -> new Cli.UserError("No pair with id " + id + " in " + store.location()));
            PrintWriter out = spec.commandLine().getOut();
            out.println(PairOutput.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(PairOutput.json(p, store)));
            out.flush();
        }
        return Cli.OK;
    }
}
