package dev.pairstudio.testing;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.Timestamps;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A pair for tests, named by what matters to the test and defaulted in everything else:
 * {@code TestPair.of("p1", "All customers", "SELECT name FROM customers").on("sqlite", "shop").build()}.
 * Defaults: 2025-01-01T00:00:00Z, PostgreSQL database "shop", no tables, successful, no execution
 * time, no metadata.
 */
public final class TestPair {
    private String id;
    private String question;
    private String sql;
    private Instant timestamp = Instant.parse("2025-01-01T00:00:00Z");
    private String databaseType = "postgresql";
    private String databaseName = "shop";
    private List<String> tables = List.of();
    private boolean success = true;
    private BigDecimal executionMs;
    private Map<String, Object> metadata = Map.of();

    private TestPair(String id, String question, String sql) {
        this.id = id;
        this.question = question;
        this.sql = sql;
    }

    public static TestPair of(String id, String question, String sql) {
        return new TestPair(id, question, sql);
    }

    /** A pair like {@code p} in every field, to change some: {@code TestPair.copyOf(p).id("p-again").build()}. */
    public static TestPair copyOf(Pair p) {
        TestPair t = new TestPair(p.pairId(), p.question(), p.sql());
        t.timestamp = p.timestamp();
        t.databaseType = p.databaseType();
        t.databaseName = p.databaseName();
        t.tables = p.tableNames();
        t.success = p.success();
        t.executionMs = p.executionTimeMs();
        t.metadata = p.metadata();
        return t;
    }

    public TestPair id(String pairId) {
        id = pairId;
        return this;
    }

    public TestPair text(String newQuestion, String newSql) {
        question = newQuestion;
        sql = newSql;
        return this;
    }

    /** An ISO-8601 time as the seed writes it (with or without zone). */
    public TestPair at(String iso) {
        return at(Timestamps.parse(iso).orElseThrow());
    }

    public TestPair at(Instant time) {
        timestamp = time;
        return this;
    }

    /** The database's type (dialect) and name; either may be null. */
    public TestPair on(String type, String name) {
        databaseType = type;
        databaseName = name;
        return this;
    }

    public TestPair tables(String... names) {
        tables = List.of(names);
        return this;
    }

    public TestPair tables(List<String> names) {
        tables = names;
        return this;
    }

    public TestPair failed() {
        success = false;
        return this;
    }

    public TestPair success(boolean succeeded) {
        success = succeeded;
        return this;
    }

    public TestPair tookMs(String millis) {
        return tookMs(new BigDecimal(millis));
    }

    public TestPair tookMs(BigDecimal millis) {
        executionMs = millis;
        return this;
    }

    public TestPair metadata(Map<String, Object> values) {
        metadata = values;
        return this;
    }

    public Pair build() {
        return new Pair(
                id, question, sql, timestamp, databaseType, databaseName, tables, success, executionMs, metadata);
    }
}
