package dev.pairstudio.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.testing.SpiderCorpus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.datafaker.Faker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The template cache of a long-lived analyzer (the window's, the collector's) must never let a
 * broken query inherit "parses" from a good one that it resembles.
 */
class SqlAnalyzerCacheTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // a string left open at the end: the template is the same as the closed one's
                "SELECT name FROM singer WHERE country = 'Spain' | SELECT name FROM singer WHERE country = 'France | sqlite",
                "SELECT name FROM singer WHERE country = \"Spain\" | SELECT name FROM singer WHERE country = \"France | mysql",
                // an empty item in an IN list
                "SELECT name FROM singer WHERE country IN ('a', 'b', 'c') | SELECT name FROM singer WHERE country IN ('a', , 'b') | sqlite",
                "SELECT name FROM singer WHERE id IN (1, 2) | SELECT name FROM singer WHERE id IN (1, 2,) | postgresql",
                "SELECT name FROM singer WHERE id IN (1, 2) | SELECT name FROM singer WHERE id IN (, 1, 2) | postgresql",
                // a quoted identifier left open
                "SELECT \"name\" FROM singer | SELECT \"name FROM singer | postgresql",
            })
    void aBrokenQueryAfterAGoodOneWithTheSameTemplateIsUnparseable(String good, String broken, String dialect) {
        try (SqlAnalyzer analyzer = new SqlAnalyzer()) {
            assertThat(analyzer.analyze(good, dialect).parsed()).as(good).isTrue();
            SqlAnalysis later = analyzer.analyze(broken, dialect);
            assertThat(later.parsed()).as(broken).isFalse();
            assertThat(later.parseError()).isNotBlank();
            // the same verdict as a fresh analyzer's, and as the good one's when analysed again
            try (SqlAnalyzer fresh = new SqlAnalyzer()) {
                assertThat(fresh.analyze(broken, dialect).parsed()).isFalse();
            }
            assertThat(analyzer.analyze(good, dialect).parsed()).isTrue();
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // JSqlParser's own verdict on these may change between versions; the cache must not change it
                "SELECT name FROM singer WHERE age <= 30 | SELECT name FROM singer WHERE age < = 30",
                "SELECT name FROM singer WHERE age <= 30 | SELECT name FROM singer WHERE age <= 30.5.1",
                "SELECT name FROM singer /* c */ WHERE age > 30 | SELECT name FROM singer /* c WHERE age > 30",
                "SELECT name FROM singer WHERE age > 1 | SELECT name FROM singer WHERE age > 1x",
            })
    void aLongLivedAnalyzerGivesTheVerdictOfAFreshOne(String good, String other) {
        try (SqlAnalyzer analyzer = new SqlAnalyzer();
                SqlAnalyzer fresh = new SqlAnalyzer()) {
            analyzer.analyze(good, "sqlite");
            assertThat(analyzer.analyze(other, "sqlite").parsed())
                    .as(other)
                    .isEqualTo(fresh.analyze(other, "sqlite").parsed());
        }
    }

    @Test
    void queriesThatDifferOnlyInValuesStillShareOneCacheEntryAndOneFingerprint() {
        try (SqlAnalyzer analyzer = new SqlAnalyzer()) {
            SqlAnalysis a = analyzer.analyze("SELECT name FROM singer WHERE country = 'Spain' AND age > 30", "sqlite");
            SqlAnalysis b =
                    analyzer.analyze("SELECT name FROM singer WHERE country = 'United Kingdom' AND age > 41", "sqlite");
            assertThat(a.parsed()).isTrue();
            assertThat(b.parsed()).isTrue();
            assertThat(b.fingerprint()).isEqualTo(a.fingerprint());
            assertThat(b.tables()).containsExactly("singer");
            assertThat(key("x = 'Peru' AND y > 7"))
                    .isEqualTo(key("x = 'Spain' AND y > 30"))
                    .isNotEqualTo(key("x = 'Peru AND y > 7"));
        }
    }

    private static String key(String sql) {
        var literals = SqlLiterals.find(sql);
        return SqlAnalyzer.parseKey(sql, SqlTokenizer.tokenize(sql, literals, SqlLiterals.Dialect.STANDARD), literals);
    }

    /**
     * The cache must change nothing: every Spider query, and two copies with datafaker's values
     * in its string and number literals (quotes, accents, long and short numbers, decimals), gets
     * from one long-lived analyzer exactly the analysis an analyzer without a cache gives it.
     */
    @Test
    void aCachedAnalysisEqualsAnUncachedOneOnSpiderWithOtherValues() {
        Random random = new Random(5);
        Faker faker = new Faker(Locale.FRANCE, new Random(6));
        Pattern literal = Pattern.compile("'[^']*'|\"[^\"]*\"|\\b\\d+(\\.\\d+)?\\b");
        List<String> queries = new ArrayList<>();
        for (var e : SpiderCorpus.train()) {
            queries.add(e.sql());
            for (int copy = 0; copy < 2; copy++) {
                Matcher m = literal.matcher(e.sql());
                StringBuilder out = new StringBuilder();
                while (m.find()) {
                    char first = m.group().charAt(0);
                    String value = switch (first) {
                        case '\'' -> "'" + faker.name().lastName().replace("'", "''") + "'";
                        case '"' -> '"' + faker.address().city().replace("\"", "") + '"';
                        default ->
                            random.nextBoolean()
                                    ? Integer.toString(random.nextInt(100_000))
                                    : random.nextInt(1000) + "." + random.nextInt(100);
                    };
                    m.appendReplacement(out, Matcher.quoteReplacement(value));
                }
                m.appendTail(out);
                queries.add(out.toString());
            }
        }
        int hits = 0;
        try (SqlAnalyzer cached = new SqlAnalyzer();
                SqlAnalyzer uncached = new SqlAnalyzer(new SqlAnalyzer.Options(2_000, 100_000, 200, 0))) {
            Set<String> templates = new HashSet<>();
            for (String sql : queries) {
                hits += templates.add(SqlTemplate.of(sql, "sqlite")) ? 0 : 1;
                assertThat(cached.analyze(sql, "sqlite")).as(sql).isEqualTo(uncached.analyze(sql, "sqlite"));
            }
        }
        assertThat(hits)
                .as("queries whose template was seen before: the cache was used")
                .isGreaterThan(queries.size() / 2);
    }

    @Test
    void onlyWellFormedInListsCollapseInTheTemplate() {
        assertThat(SqlTemplate.of("SELECT * FROM t WHERE a IN ('a', , 'b')", null))
                .endsWith("IN ( ? , , ? )");
        assertThat(SqlTemplate.of("SELECT * FROM t WHERE a IN (1, 2,)", null)).endsWith("IN ( ? , ? , )");
        assertThat(SqlTemplate.of("SELECT * FROM t WHERE a IN (,1)", null)).endsWith("IN ( , ? )");
        assertThat(SqlTemplate.of("SELECT * FROM t WHERE a IN (1, 2, 3)", null)).endsWith("IN ( ? )");
    }
}
