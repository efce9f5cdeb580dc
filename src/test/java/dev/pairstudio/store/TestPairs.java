package dev.pairstudio.store;

import dev.pairstudio.pair.ComplexityLevel;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairAnalysis;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.pair.Timestamps;
import dev.pairstudio.testing.TestPair;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Synthetic pairs for store tests (example.com data only). */
final class TestPairs {
    private TestPairs() {}

    static Instant at(String iso) {
        return Timestamps.parse(iso).orElseThrow();
    }

    static Pair pair(
            String id,
            String question,
            String sql,
            String ts,
            String dbType,
            String dbName,
            List<String> tables,
            boolean success,
            String execMs) {
        return TestPair.of(id, question, sql)
                .at(ts)
                .on(dbType, dbName)
                .tables(tables)
                .success(success)
                .tookMs(execMs == null ? null : new BigDecimal(execMs))
                .metadata(Map.of("origin", "test"))
                .build();
    }

    static Pair simple(String id, String question) {
        return pair(id, question, "SELECT 1", "2024-01-01T00:00:00", "postgresql", "shop", List.of(), true, null);
    }

    static PairAnalysis analysis(
            QueryType type, ComplexityLevel level, Set<QualityFlag> flags, Set<String> pii, Long group) {
        return new PairAnalysis(type, type == null ? null : "fp-" + type, level, flags, group, pii, null);
    }
}
