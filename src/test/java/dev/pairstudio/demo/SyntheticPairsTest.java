package dev.pairstudio.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.pair.Pair;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticPairsTest {
    private final List<Pair> pairs = new SyntheticPairs(42).list(20_000);

    @Test
    void sameSeedGivesTheSamePairs() {
        assertThat(new SyntheticPairs(42).list(500)).isEqualTo(pairs.subList(0, 500));
        assertThat(new SyntheticPairs(43).list(500)).isNotEqualTo(pairs.subList(0, 500));
    }

    @Test
    void idsAreUniqueLowercaseUuids() {
        assertThat(pairs.stream().map(Pair::pairId).collect(Collectors.toSet())).hasSize(pairs.size());
        assertThat(pairs)
                .allSatisfy(p -> assertThat(p.pairId())
                        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
    }

    @Test
    void coversStatementTypesDialectsAndFailures() {
        Set<String> firstWords = pairs.stream().map(p -> p.sql().split(" ")[0]).collect(Collectors.toSet());
        assertThat(firstWords)
                .contains("SELECT", "WITH", "INSERT", "UPDATE", "DELETE", "MERGE", "CREATE", "ALTER", "DROP");
        assertThat(pairs.stream().map(Pair::databaseType).collect(Collectors.toSet()))
                .contains("postgresql", "mysql", "sqlite", "sqlserver");
        double failed = pairs.stream().filter(p -> !p.success()).count() / (double) pairs.size();
        assertThat(failed).isBetween(0.04, 0.15);
    }

    @Test
    void aboutThreePercentCarryPiiInQuestionAndSql() {
        long withPii = pairs.stream()
                .filter(p -> p.question().matches(".*(@example\\.|555-01|SSN|card ).*"))
                .count();
        assertThat(withPii / (double) pairs.size()).isBetween(0.02, 0.05);
        assertThat(pairs)
                .filteredOn(p -> p.question().contains("@example."))
                .allSatisfy(p -> assertThat(p.sql()).contains("@example."));
    }

    @Test
    void hasExactDuplicatesAndConflicts() {
        Map<String, Set<String>> sqlByQuestion = new HashMap<>();
        Map<String, Integer> sameQuestionAndSql = new HashMap<>();
        for (Pair p : pairs) {
            sqlByQuestion.computeIfAbsent(p.question(), k -> new HashSet<>()).add(p.sql());
            sameQuestionAndSql.merge(p.question() + "\u0000" + p.sql(), 1, Integer::sum);
        }
        assertThat(sameQuestionAndSql.values().stream().filter(n -> n > 1).count())
                .isGreaterThan(100);
        assertThat(sqlByQuestion.values().stream().filter(s -> s.size() > 1).count())
                .isGreaterThan(50);
    }

    @Test
    void timestampsSpanAYear() {
        Instant min =
                pairs.stream().map(Pair::timestamp).min(Instant::compareTo).orElseThrow();
        Instant max =
                pairs.stream().map(Pair::timestamp).max(Instant::compareTo).orElseThrow();
        assertThat(Duration.between(min, max).toDays()).isBetween(350L, 366L);
    }
}
