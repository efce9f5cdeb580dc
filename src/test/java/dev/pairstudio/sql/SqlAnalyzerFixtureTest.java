package dev.pairstudio.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.pair.QueryType;
import dev.pairstudio.testing.AnalyzerFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 5's accuracy figure: statement type and table set right on at least 99% of the fixture. */
class SqlAnalyzerFixtureTest {
    @RegisterExtension
    static final AnalyzerFixture shared = new AnalyzerFixture();

    @Test
    void fixtureHasTheSizeAndVarietyTheIssueAsksFor() {
        List<FixtureQuery> all = FixtureCorpus.all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(1000);
        assertThat(FixtureCorpus.handWritten()).hasSizeGreaterThanOrEqualTo(100);
        assertThat(all).extracting(FixtureQuery::expectedType).contains(QueryType.values());
    }

    @Test
    void typeAndTablesAreRightOnAtLeast99PercentOfTheFixture() {
        List<FixtureQuery> all = FixtureCorpus.all();
        List<String> misses = new ArrayList<>();
        int unparsed = 0;
        for (FixtureQuery q : all) {
            SqlAnalysis a = shared.analyzer().analyze(q.sql(), q.databaseType());
            unparsed += a.parsed() ? 0 : 1;
            Set<String> expected = new TreeSet<>(q.expectedTables());
            if (a.type() != q.expectedType() || !new TreeSet<>(a.tables()).equals(expected)) {
                misses.add(String.format(
                        "[%s] %s%n    expected %s %s, got %s %s%s",
                        q.databaseType(),
                        q.sql(),
                        q.expectedType(),
                        expected,
                        a.type(),
                        a.tables(),
                        a.parsed() ? "" : " (unparsed: " + a.parseError() + ")"));
            }
        }
        double accuracy = 1.0 - (double) misses.size() / all.size();
        System.out.printf(
                "SQL fixture: %d queries, %d misses, accuracy %.2f%%, %d not parsed (lexical fallback)%n",
                all.size(), misses.size(), accuracy * 100, unparsed);
        misses.forEach(m -> System.out.println("  MISS " + m));
        assertThat(accuracy).isGreaterThanOrEqualTo(0.99);
    }
}
