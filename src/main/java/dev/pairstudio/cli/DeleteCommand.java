package dev.pairstudio.cli;

import dev.pairstudio.pair.Plural;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.store.TrashBatch;
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

/** {@code delete ID... | --filter [filters]}: moves pairs to the trash as one restorable batch. */
@Command(
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        name = "delete",
        description = "Move pairs to the trash (restorable): by id, or everything matching --filter.")
public final class DeleteCommand implements Callable<Integer> {

    @Mixin
    DatabaseOption database;

    @Mixin
    FilterOptions filter;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "ID", description = "Store ids or pair_ids.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--filter", description = "Delete every live pair that matches the filter options.")
    boolean byFilter;

    @Override
    public Integer call() {
        if (ids.isEmpty() == !byFilter) {
            throw new Cli.UserError("give either pair ids or --filter with filter options", Cli.USAGE);
        }
        try (Database store = StoreAccess.open(database)) {
            TrashBatch batch;
            if (byFilter) {
                batch = store.trash(filter.toFilter());
            } else {
                List<Long> storeIds = new ArrayList<>();
                for (String id : ids) {
                    StoredPair p = StoreAccess.find(store, id)
                            .orElseThrow(() -> new Cli.UserError(
                                    "No pair with id " + id + " in " + store.location() + "; nothing was deleted"));
                    storeIds.add(p.id());
                }
                batch = store.trash(storeIds);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Moved %s to the trash (batch %s)%n", Plural.of(batch.count(), "pair"), batch.id());
            if (batch.count() > 0) {
                out.printf("Undo with: pairstudio restore %s%n", batch.id());
            }
            out.flush();
        }
        return Cli.OK;
    }
}
