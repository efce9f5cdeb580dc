package dev.pairstudio.pair;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One natural-language/SQL pair with the seed's ten fields (SEED-CONTRACT.md §1).
 * Field names follow Java; {@code PairJson} maps them to the seed's snake_case keys.
 *
 * @param pairId          the seed's {@code pair_id}, a lowercase UUID or any id an importer brings
 * @param question        {@code natural_language_query}
 * @param sql             {@code sql_query}
 * @param timestamp       UTC, microsecond precision
 * @param executionTimeMs a decimal so that {@code 45} and {@code 45.0} both survive a round trip
 */
public record Pair(
        String pairId,
        String question,
        String sql,
        Instant timestamp,
        String databaseType,
        String databaseName,
        List<String> tableNames,
        boolean success,
        BigDecimal executionTimeMs,
        Map<String, Object> metadata) {

    public Pair {
        Objects.requireNonNull(pairId, "pairId");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(timestamp, "timestamp");
        tableNames = tableNames == null ? List.of() : List.copyOf(tableNames);
        metadata = metadata == null || metadata.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        databaseType = blankToNull(databaseType);
        databaseName = blankToNull(databaseName);
    }

    public Pair withText(String newQuestion, String newSql) {
        return new Pair(
                pairId,
                newQuestion,
                newSql,
                timestamp,
                databaseType,
                databaseName,
                tableNames,
                success,
                executionTimeMs,
                metadata);
    }

    public Pair withTableNames(List<String> tables) {
        return new Pair(
                pairId,
                question,
                sql,
                timestamp,
                databaseType,
                databaseName,
                tables,
                success,
                executionTimeMs,
                metadata);
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
