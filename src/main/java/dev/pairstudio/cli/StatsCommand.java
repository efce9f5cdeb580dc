package dev.pairstudio.cli;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.stats.Statistics;
import dev.pairstudio.stats.StatisticsJson;
import dev.pairstudio.stats.StatisticsText;
import dev.pairstudio.store.Database;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pairstudio stats [filters] [--json]}: dataset statistics, computed in the database. */
@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        description =
                "Show statistics of the pairs (all, or those matching the filters). --json prints the seed's keys first.")
public final class StatsCommand implements Callable<Integer> {

    @CommandLine.Mixin
    DatabaseOption database;

    @CommandLine.Mixin
    FilterOptions filters;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print JSON (the seed's keys, then ours) instead of text.")
    boolean json;

    @Override
    public Integer call() {
        PairFilter filter = filters.toFilter();
        try (Database store = StoreAccess.open(database)) {
            Statistics s = Statistics.compute(store, filter);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(StatisticsJson.toJson(s));
            } else {
                out.print(StatisticsText.format(s));
            }
            out.flush();
        }
        return Cli.OK;
    }
}
