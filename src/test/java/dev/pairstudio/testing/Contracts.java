package dev.pairstudio.testing;

import java.util.List;
import java.util.stream.Stream;

/**
 * The names ../shared/SEED-CONTRACT.md and ARCHITECTURE.md fix, written once for the tests that check them.
 * Written here by hand from those documents, never read from the code under test.
 */
public final class Contracts {
    private Contracts() {}

    /** The fields of a pair every seed format holds, in the seed's order. */
    private static final List<String> PAIR_FIELDS = List.of(
            "pair_id",
            "natural_language_query",
            "sql_query",
            "timestamp",
            "database_type",
            "database_name",
            "table_names",
            "success",
            "execution_time_ms");

    /** A pair in the seed's JSON and JSONL: its fields, then its metadata. */
    public static final List<String> PAIR_JSON_KEYS = with(PAIR_FIELDS, "metadata");

    /** The seed's CSV header: the pair's fields, then the query type. */
    public static final List<String> CSV_HEADER = with(PAIR_FIELDS, "query_type");

    /** The first keys of the statistics JSON, in the seed's order (more follow). */
    public static final List<String> STATISTICS_FIRST_KEYS = List.of(
            "total_pairs",
            "successful_pairs",
            "failed_pairs",
            "unique_tables",
            "database_types",
            "avg_query_length",
            "avg_sql_length",
            "date_range",
            "query_type_distribution");

    /** The query parameters of the collector API's pair, statistics and export endpoints. */
    public static final List<String> API_QUERY_PARAMETERS = List.of(
            "start_date",
            "end_date",
            "successful_only",
            "success",
            "limit",
            "offset",
            "cursor",
            "format",
            "anonymize",
            "database_type",
            "database_name",
            "query_type",
            "status",
            "flag",
            "complexity",
            "pii_type",
            "table",
            "text",
            "regex");

    private static List<String> with(List<String> first, String last) {
        return Stream.concat(first.stream(), Stream.of(last)).toList();
    }
}
