package dev.pairstudio.cli;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.pair.Timestamps;
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
import picocli.CommandLine.Option;

/**
 * The filter options shared by every command that selects pairs (list, delete, export, stats):
 * {@code @Mixin FilterOptions filter;} then {@link #toFilter()}. Values may repeat or be
 * comma-separated; alternatives within an option are OR-ed, options are AND-ed.
 */
public final class FilterOptions {

    @Option(
            names = "--from",
            paramLabel = "DATE",
            description = "From this day (YYYY-MM-DD, UTC) or instant (ISO-8601), inclusive.")
    String from;

    @Option(
            names = "--to",
            paramLabel = "DATE",
            description = "Up to this day (YYYY-MM-DD, the whole day) or instant, inclusive.")
    String to;

    @Option(names = "--successful-only", description = "Only pairs whose SQL ran successfully.")
    boolean successfulOnly;

    @Option(names = "--failed-only", description = "Only pairs whose SQL failed.")
    boolean failedOnly;

    @Option(
            names = "--database-type",
            split = ",",
            paramLabel = "TYPE",
            description = "Database type, e.g. postgresql.")
    List<String> databaseTypes = new ArrayList<>();

    @Option(names = "--database", split = ",", paramLabel = "NAME", description = "Database name.")
    List<String> databaseNames = new ArrayList<>();

    @Option(
            names = "--query-type",
            split = ",",
            paramLabel = "TYPE",
            description = "SELECT, INSERT, UPDATE, DELETE, MERGE, CREATE, ALTER, DROP or OTHER.")
    List<String> queryTypes = new ArrayList<>();

    @Option(names = "--status", split = ",", paramLabel = "STATUS", description = "UNREVIEWED, ACCEPTED or REJECTED.")
    List<String> statuses = new ArrayList<>();

    @Option(
            names = "--flag",
            split = ",",
            paramLabel = "FLAG",
            description = "Quality flag the pair carries (all given must be present), e.g. CONTAINS_PII.")
    List<String> flags = new ArrayList<>();

    @Option(
            names = "--search",
            paramLabel = "TEXT",
            description = "Text in the question or the SQL (case-insensitive).")
    String search;

    @Option(names = "--regex", description = "Treat --search as a regular expression.")
    boolean regex;

    @Option(names = "--trash", description = "Select pairs in the trash instead of live ones.")
    boolean trash;

    /** The filter, or a {@link Cli.UserError} naming the value that is wrong. */
    public PairFilter toFilter() {
        if (successfulOnly && failedOnly) {
            throw new Cli.UserError("--successful-only and --failed-only exclude each other; give one", Cli.USAGE);
        }
        Instant start = from == null ? null : parseDate("--from", from, false);
        Instant end = to == null ? null : parseDate("--to", to, true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new Cli.UserError("--from " + from + " is after --to " + to);
        }
        return PairFilter.ALL
                .withDates(start, end)
                .withSuccess(successfulOnly ? Boolean.TRUE : failedOnly ? Boolean.FALSE : null)
                .withDatabaseTypes(Set.copyOf(databaseTypes))
                .withDatabaseNames(Set.copyOf(databaseNames))
                .withQueryTypes(enums("--query-type", queryTypes, QueryType.class))
                .withStatuses(enums("--status", statuses, ReviewStatus.class))
                .withFlags(enums("--flag", flags, QualityFlag.class))
                .withText(search, regex)
                .withTrash(trash);
    }

    /** A bare date covers its whole UTC day; the upper bound is inclusive (the filter's is exclusive). */
    private static Instant parseDate(String option, String value, boolean upper) {
        try {
            LocalDate day = LocalDate.parse(value.trim());
            Instant midnight = day.atStartOfDay().toInstant(ZoneOffset.UTC);
            return upper ? midnight.plus(1, ChronoUnit.DAYS) : midnight;
        } catch (DateTimeParseException notADay) {
            Instant t = Timestamps.parse(value)
                    .orElseThrow(() -> new Cli.UserError(
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
                List<String> names = new ArrayList<>();
                for (E c : type.getEnumConstants()) {
                    names.add(c.name());
                }
                throw new Cli.UserError(option + " \"" + v + "\" is not one of " + String.join(", ", names));
            }
        }
        return out;
    }
}
