package dev.pairstudio.ui.stats;

import dev.pairstudio.pair.Plural;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.stats.ReadableBins;
import dev.pairstudio.stats.Statistics;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/** Turns {@link DashboardData} into headline figures and the numbers of each chart; no JavaFX, so it is plain to test. */
public final class DashboardCharts {
    public static final String PAIRS_PER_DAY = "pairs-per-day";
    public static final String REVIEW_STATUS = "review-status";
    public static final String QUERY_TYPES = "query-types";
    public static final String DATABASE_TYPES = "database-types";
    public static final String COMPLEXITY = "complexity";
    public static final String QUESTION_LENGTH = "question-length";
    public static final String SQL_LENGTH = "sql-length";
    public static final String PII_TYPES = "pii-types";
    public static final String TOP_TABLES = "top-tables";

    /** At most this many bars in a length histogram, the longest 1 % in one more. */
    static final int HISTOGRAM_BARS = 12;

    /** Days in the rolling window of the success-rate line (a single day holds too few pairs to say much). */
    public static final int ROLLING_DAYS = 7;

    private DashboardCharts() {}

    /** One headline figure. */
    public record Headline(String id, String label, String value, String detail) {}

    public static List<Headline> headlines(DashboardData d) {
        Statistics s = d.stats();
        long total = s.totalPairs();
        List<Headline> out = new ArrayList<>();
        out.add(new Headline(
                "pairs", "Pairs", count(total), total == 0 ? "none match the filter" : "matching the filter"));
        out.add(new Headline(
                "success-rate",
                "Success rate",
                total == 0 ? "–" : percent(d.successRate()),
                count(s.successfulPairs()) + " ran, " + count(s.failedPairs()) + " failed"));
        out.add(new Headline(
                "accepted",
                "Accepted",
                count(status(s, ReviewStatus.ACCEPTED)),
                share(status(s, ReviewStatus.ACCEPTED), total)));
        out.add(new Headline(
                "rejected",
                "Rejected",
                count(status(s, ReviewStatus.REJECTED)),
                share(status(s, ReviewStatus.REJECTED), total)));
        out.add(new Headline(
                "unreviewed",
                "Unreviewed",
                count(status(s, ReviewStatus.UNREVIEWED)),
                share(status(s, ReviewStatus.UNREVIEWED), total)));
        out.add(new Headline(
                "duplicates", "Duplicates", count(s.duplicates()), count(s.nearDuplicates()) + " near-duplicates"));
        out.add(new Headline("conflicts", "Conflicts", count(s.conflicts()), "same question, other SQL"));
        out.add(
                d.pairsWithPii() == null
                        ? new Headline("pii", "Pairs with PII", "…", "counting")
                        : new Headline(
                                "pii", "Pairs with PII", count(d.pairsWithPii()), share(d.pairsWithPii(), total)));
        out.add(new Headline(
                "unique-tables",
                "Unique tables",
                count(s.uniqueTables().size()),
                Plural.of(s.databaseTypes().size(), "database type")));
        out.add(schemaValidity(s));
        return out;
    }

    /** The share of validated pairs with no schema error, over every database with a schema (issue 15). */
    private static Headline schemaValidity(Statistics s) {
        long validated = 0;
        long valid = 0;
        for (Statistics.SchemaValidity v : s.schemaValidity().values()) {
            validated += v.validated();
            valid += v.valid();
        }
        if (validated == 0) {
            return new Headline("schema-valid", "Valid vs schema", "–", "no pair checked against a schema");
        }
        return new Headline(
                "schema-valid",
                "Valid vs schema",
                percent(100.0 * valid / validated),
                count(valid) + " of " + count(validated) + " checked, "
                        + Plural.of(s.schemaValidity().size(), "database"));
    }

    /** "241 of 601 reviewed": how far the review of the pairs in the review-status chart has come. */
    public static String reviewed(ChartNumbers status) {
        long total = status.total();
        long open = status.row(ReviewStatus.UNREVIEWED.name())
                .map(ChartNumbers.Row::count)
                .orElse(0L);
        return count(total - open) + " of " + count(total) + " reviewed";
    }

    /** The charts in dashboard order. */
    public static List<ChartNumbers> charts(DashboardData d) {
        Statistics s = d.stats();
        List<ChartNumbers> out = new ArrayList<>();
        out.add(perDay(s.pairsPerDay(), d.successfulPerDay()));

        List<ChartNumbers.Row> status = new ArrayList<>();
        for (ReviewStatus r :
                List.of(ReviewStatus.ACCEPTED, ReviewStatus.REJECTED, ReviewStatus.UNREVIEWED)) { // the reviewed first
            status.add(new ChartNumbers.Row(
                    pretty(r.name()), r.name(), s.reviewStatus().getOrDefault(r, 0L)));
        }
        out.add(new ChartNumbers(
                REVIEW_STATUS, "Review status", Dimension.REVIEW_STATUS, List.of("review_status", "pairs"), status));

        List<ChartNumbers.Row> types = new ArrayList<>();
        for (Map.Entry<QueryType, Long> e : s.queryTypeDistribution().entrySet()) {
            types.add(new ChartNumbers.Row(e.getKey().name(), e.getKey().name(), e.getValue()));
        }
        out.add(new ChartNumbers(
                QUERY_TYPES, "Query types", Dimension.QUERY_TYPE, List.of("query_type", "pairs"), types));

        List<ChartNumbers.Row> dbs = new ArrayList<>();
        (d.databaseTypes() == null ? Map.<String, Long>of() : d.databaseTypes())
                .forEach(
                        (k, v) -> dbs.add(new ChartNumbers.Row(k.isEmpty() ? "(none)" : k, k.isEmpty() ? null : k, v)));
        out.add(new ChartNumbers(
                DATABASE_TYPES, "Database types", Dimension.DATABASE_TYPE, List.of("database_type", "pairs"), dbs));

        List<ChartNumbers.Row> levels = new ArrayList<>();
        s.complexity()
                .forEach((k, v) -> levels.add(new ChartNumbers.Row(
                        k.equals("UNANALYSED") ? "Not analysed" : pretty(k), k.equals("UNANALYSED") ? null : k, v)));
        out.add(new ChartNumbers(
                COMPLEXITY, "Complexity", Dimension.COMPLEXITY, List.of("complexity", "pairs"), levels));

        out.add(histogram(
                QUESTION_LENGTH, "Question length", "question_length_characters", s.questionLengthHistogram()));
        out.add(histogram(SQL_LENGTH, "SQL length", "sql_length_characters", s.sqlLengthHistogram()));

        List<ChartNumbers.Row> pii = new ArrayList<>();
        s.piiFindings().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> pii.add(new ChartNumbers.Row(e.getKey(), e.getKey(), e.getValue())));
        out.add(new ChartNumbers(
                PII_TYPES,
                "PII findings per type",
                Dimension.PII_TYPE,
                List.of("pii_type", "pairs_with_finding"),
                pii));

        List<ChartNumbers.Row> tables = new ArrayList<>();
        for (Statistics.TableCount t : s.topTables()) {
            tables.add(new ChartNumbers.Row(t.table(), t.table(), t.pairs()));
        }
        out.add(new ChartNumbers(
                TOP_TABLES,
                "Top " + Statistics.TOP_TABLES + " tables",
                Dimension.TABLE,
                List.of("table", "pairs"),
                tables));
        return out;
    }

    /**
     * Pairs and successful pairs per day, with the success rate over the {@link #ROLLING_DAYS} days up
     * to each day; {@code successful} null (not computed yet) leaves those columns empty.
     */
    static ChartNumbers perDay(SortedMap<LocalDate, Long> pairs, SortedMap<LocalDate, Long> successful) {
        List<ChartNumbers.Row> rows = new ArrayList<>();
        for (Map.Entry<LocalDate, Long> e : pairs.entrySet()) {
            LocalDate day = e.getKey();
            LocalDate windowStart = day.minusDays(ROLLING_DAYS - 1L);
            long windowPairs = pairs.subMap(windowStart, day.plusDays(1)).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            List<Number> values = new ArrayList<>();
            values.add(e.getValue());
            if (successful == null) {
                values.add(null);
                values.add(null);
            } else {
                long windowOk = successful.subMap(windowStart, day.plusDays(1)).values().stream()
                        .mapToLong(Long::longValue)
                        .sum();
                values.add(successful.getOrDefault(day, 0L));
                values.add(windowPairs == 0 ? null : 100.0 * windowOk / windowPairs);
            }
            rows.add(new ChartNumbers.Row(day.toString(), day.toString(), values));
        }
        return new ChartNumbers(
                PAIRS_PER_DAY,
                "Pairs per day and success rate",
                Dimension.DAY,
                List.of("day_utc", "pairs", "successful_pairs", "success_rate_" + ROLLING_DAYS + "d_percent"),
                rows);
    }

    private static ChartNumbers histogram(String id, String title, String column, List<Statistics.LengthBin> bins) {
        List<ChartNumbers.Row> rows = new ArrayList<>();
        for (Statistics.LengthBin b : ReadableBins.of(bins, HISTOGRAM_BARS)) {
            String label = b.to() == null ? b.from() + "+" : b.from() + "–" + b.to();
            rows.add(new ChartNumbers.Row(label, null, b.pairs()));
        }
        return new ChartNumbers(id, title, Dimension.NONE, List.of(column, "pairs"), rows);
    }

    private static long status(Statistics s, ReviewStatus r) {
        return s.reviewStatus().getOrDefault(r, 0L);
    }

    static String pretty(String enumName) {
        return enumName.charAt(0)
                + enumName.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f %%", p);
    }

    private static String share(long part, long total) {
        return total == 0 ? "" : percent(100.0 * part / total) + " of pairs";
    }
}
