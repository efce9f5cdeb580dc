package dev.pairstudio.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.pair.QueryType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SQLite syntax JSqlParser lacks: a SQLite pair that real SQLite reads whole is not UNPARSEABLE. */
class SqliteSyntaxTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SELECT name FROM singer INDEXED BY singer_age",
                "SELECT name FROM singer NOT INDEXED WHERE age > 30",
                "SELECT name FROM singer WHERE name GLOB 'J*'",
                "SELECT name FROM singer WHERE age == 30",
                "SELECT name FROM singer WHERE country IS 'France'",
            })
    void sqliteSyntaxThatSqliteReadsParsesForSqlitePairsOnly(String sql) {
        try (SqlAnalyzer analyzer = new SqlAnalyzer()) {
            assertThat(analyzer.analyze(sql, "postgresql").parsed())
                    .as("JSqlParser alone")
                    .isFalse();
            SqlAnalysis a = analyzer.analyze(sql, "sqlite");
            assertThat(a.parsed()).as(sql).isTrue();
            assertThat(a.parseError()).isNull();
            assertThat(a.type()).isEqualTo(QueryType.SELECT);
            assertThat(a.tables()).containsExactly("singer");
            // the same verdict from the cache
            assertThat(analyzer.analyze(sql.replace("30", "41"), "sqlite").parsed())
                    .isTrue();
        }
    }

    @Test
    void whatSqliteCannotReadStaysUnparseable() {
        try (SqlAnalyzer analyzer = new SqlAnalyzer()) {
            assertThat(analyzer.analyze("SELECT name FROM singer WHERE name GLOB", "sqlite")
                            .parsed())
                    .isFalse();
            assertThat(analyzer.analyze("SELECT name FROM singer INDEXED BY", "sqlite")
                            .parsed())
                    .isFalse();
            // and a write is never handed to SQLite, even to read it
            assertThat(analyzer.analyze("DELETE FROM singer INDEXED BY singer_age WHERE age == 30", "sqlite")
                            .parsed())
                    .isFalse();
        }
    }
}
