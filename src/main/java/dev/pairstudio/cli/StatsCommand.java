package dev.pairstudio.cli;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.pair.Timestamps;
import dev.pairstudio.stats.Statistics;
import dev.pairstudio.stats.StatisticsJson;
import dev.pairstudio.stats.StatisticsText;
import dev.pairstudio.store.PairStore;
import dev.pairstudio.store.PairStores;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pairstudio stats [filters] [--json]}: dataset statistics, computed in the database. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Show statistics of the pairs (all, or those matching the filters). --json prints the seed's keys first.")
public final class StatsCommand implements Callable<Integer> {

    @CommandLine.Mixin
    DatabaseOption database;

    @CommandLine.Mixin
    Filters filters;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print JSON (the seed's keys, then ours) instead of text.")
    boolean json;

    @Override
    public Integer call() {
        PairFilter filter = filters.toFilter();
        try (PairStore store = PairStores.open(database.location().orElse(null))) {
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

    /**
     * The filter options of stats and export (a minimal set until the shared filter mixin lands
     * on main; same names). Dates are UTC days (inclusive) or ISO-8601 timestamps.
     */
    public static final class Filters {
        @Option(names = "--from", paramLabel = "DATE", description = "From this day (YYYY-MM-DD, UTC) or instant, inclusive.")
        String from;

        @Option(names = "--to", paramLabel = "DATE", description = "Up to this day (the whole day) or instant, inclusive.")
        String to;

        @Option(names = "--successful-only", description = "Only pairs whose SQL ran successfully.")
        boolean successfulOnly;

        @Option(names = "--failed-only", description = "Only pairs whose SQL failed.")
        boolean failedOnly;

        @Option(names = "--database-type", split = ",", paramLabel = "TYPE", description = "Database type, e.g. postgresql.")
        List<String> databaseTypes = new ArrayList<>();

        @Option(names = "--database", split = ",", paramLabel = "NAME", description = "Database name.")
        List<String> databaseNames = new ArrayList<>();

        @Option(names = "--query-type", split = ",", paramLabel = "TYPE", description = "SELECT, INSERT, UPDATE, DELETE, MERGE, CREATE, ALTER, DROP or OTHER.")
        List<String> queryTypes = new ArrayList<>();

        @Option(names = "--status", split = ",", paramLabel = "STATUS", description = "UNREVIEWED, ACCEPTED or REJECTED.")
        List<String> statuses = new ArrayList<>();

        @Option(names = "--search", paramLabel = "TEXT", description = "Text in the question or the SQL (case-insensitive).")
        String search;

        public PairFilter toFilter() {
            if (successfulOnly && failedOnly) {
                throw new Cli.UserError("--successful-only and --failed-only exclude each other; give one", Cli.USAGE);
            }
            Instant start = from == null ? null : date("--from", from, false);
            Instant end = to == null ? null : date("--to", to, true);
            if (start != null && end != null && !start.isBefore(end)) {
                throw new Cli.UserError("--from " + from + " is after --to " + to);
            }
            return PairFilter.ALL.withDates(start, end)
                    .withSuccess(successfulOnly ? Boolean.TRUE : failedOnly ? Boolean.FALSE : null)
                    .withDatabaseTypes(Set.copyOf(databaseTypes))
                    .withDatabaseNames(Set.copyOf(databaseNames))
                    .withQueryTypes(enums("--query-type", queryTypes, QueryType.class))
                    .withStatuses(enums("--status", statuses, ReviewStatus.class))
                    .withText(search, false);
        }

        private static Instant date(String option, String value, boolean upper) {
            try {
                Instant midnight = LocalDate.parse(value.trim()).atStartOfDay().toInstant(ZoneOffset.UTC);
                return upper ? midnight.plus(1, ChronoUnit.DAYS) : midnight;
            } catch (DateTimeParseException notADay) {
                Instant t = Timestamps.parse(value).orElseThrow(() -> new Cli.UserError(
                        option + " \"" + value + "\" is not a date (YYYY-MM-DD) or an ISO-8601 timestamp"));
                return upper ? t.plus(1, ChronoUnit.MICROS) : t;
            }
        }

        private static <E extends Enum<E>> Set<E> enums(String option, List<String> values, Class<E> type) {
            Set<E> out = new LinkedHashSet<>();
            for (String v : values) {
                try {
                    out.add(Enum.valueOf(type, v.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new Cli.UserError(option + " \"" + v + "\" is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
                }
            }
            return out;
        }
    }
}
