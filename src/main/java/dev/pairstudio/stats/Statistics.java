package dev.pairstudio.stats;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.store.PairReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Dataset statistics for one filter: the seed's figures (SEED-CONTRACT.md §3) and ours. Computed
 * in the database by {@link #compute}; never by loading pairs.
 *
 * @param uniqueTables          distinct table names, sorted
 * @param databaseTypes         distinct non-empty database types, sorted
 * @param avgQueryLength        mean question length in code points (Python {@code len}); 0.0 when empty
 * @param start                 earliest timestamp, null when empty
 * @param queryTypeDistribution count per query type, only types present, in {@link QueryType} order
 * @param reviewStatus          count per review status (all statuses, zeros included)
 * @param complexity            count per complexity level name, plus {@code UNANALYSED}; zeros left out
 * @param duplicates            pairs flagged as exact duplicates of another
 * @param conflicts             pairs whose question has another, different SQL
 * @param nearDuplicates        pairs with a near-duplicate question
 * @param piiFindings           per finding type, the pairs with at least one finding of it
 * @param pairsPerDay           UTC day to count, days without pairs left out
 * @param topTables             the most referenced tables, most first (at most {@link #TOP_TABLES})
 * @param schemaValidity        per database name with validated pairs (issue 15): how many are valid against its schema
 */
public record Statistics(
        long totalPairs,
        long successfulPairs,
        long failedPairs,
        List<String> uniqueTables,
        List<String> databaseTypes,
        double avgQueryLength,
        double avgSqlLength,
        Instant start,
        Instant end,
        Map<QueryType, Long> queryTypeDistribution,
        Map<ReviewStatus, Long> reviewStatus,
        Map<String, Long> complexity,
        long duplicates,
        long conflicts,
        long nearDuplicates,
        Map<String, Long> piiFindings,
        SortedMap<LocalDate, Long> pairsPerDay,
        List<TableCount> topTables,
        List<LengthBin> questionLengthHistogram,
        List<LengthBin> sqlLengthHistogram,
        Map<String, SchemaValidity> schemaValidity) {

    public static final int TOP_TABLES = 20;

    /** One table and the number of pairs that reference it. */
    public record TableCount(String table, long pairs) {}

    /**
     * The pairs of one database, how many were validated against its schema, and how many of those
     * carry no schema error ({@link dev.pairstudio.pair.QualityFlag#schemaError()}; hints do not count).
     */
    public record SchemaValidity(long pairs, long validated, long valid) {
        /** Valid among the validated, 0..1. */
        public double validShare() {
            return validated == 0 ? 0.0 : (double) valid / validated;
        }
    }

    /** Lengths in [{@code from}, {@code to}] (inclusive; {@code to} null: no upper bound) and how many pairs have them. */
    public record LengthBin(int from, Integer to, long pairs) {}

    /** The statistics of the pairs matching {@code filter}, from the store's aggregates (exact). */
    public static Statistics compute(PairReader store, PairFilter filter) {
        StatsAccumulator acc = new StatsAccumulator();
        store.statistics(filter, acc);
        return acc.result();
    }
}
