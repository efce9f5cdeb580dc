package dev.pairstudio.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.testing.SpiderCorpus;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** "SQL explained": short English steps from the parse tree, in evaluation order. */
class SqlExplainerTest {
    private static final SqlAnalyzer ANALYZER = new SqlAnalyzer();

    @AfterAll
    static void close() {
        ANALYZER.close();
    }

    private static String explain(String sql) {
        return SqlExplainer.explain(ANALYZER.parse(sql, "sqlite")).stream()
                .map(s -> "  ".repeat(s.depth()) + s.text())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void aJoinWithFilterGroupOrderAndLimitReadsInEvaluationOrder() {
        assertThat(explain("SELECT T1.name, count(*) FROM singer AS T1 JOIN concert AS T2 ON T1.id = T2.singer_id "
                        + "WHERE T1.age > 20 GROUP BY T1.name HAVING count(*) >= 2 ORDER BY count(*) DESC LIMIT 1"))
                .isEqualTo("""
                Take rows from singer (as T1)
                Join concert (as T2) matching T1.id = T2.singer_id
                Keep rows where T1.age > 20
                Group the rows by T1.name
                Keep only groups where count(*) >= 2
                Return for each group T1.name, count(*)
                Sort by count(*) (highest first)
                Keep only the first row""");
    }

    @Test
    void subqueriesAreExplainedWhereTheyAreUsed() {
        assertThat(
                        explain(
                                "SELECT name FROM stadium WHERE stadium_id NOT IN (SELECT stadium_id FROM concert WHERE season = 2014)"))
                .isEqualTo("""
                        Take rows from stadium
                        Keep rows where stadium_id NOT IN (subquery 1)
                          Subquery 1:
                            Take rows from concert
                            Keep rows where season = 2014
                            Return stadium_id
                        Return name""");
    }

    @Test
    void setOperationsCountsAndDistinct() {
        assertThat(explain("SELECT count(*) FROM head WHERE age > 56")).isEqualTo("""
                Take rows from head
                Keep rows where age > 56
                Return the number of rows""");
        assertThat(explain("SELECT DISTINCT country FROM singer INTERSECT SELECT country FROM band"))
                .startsWith("""
                Combine 2 queries: rows found in each (INTERSECT)
                  Query 1:
                    Take rows from singer
                    Return the distinct values of country
                  Query 2:""");
    }

    @Test
    void whatDoesNotParseHasNoExplanation() {
        assertThat(SqlExplainer.explain(ANALYZER.parse("SELEC name FROM", "sqlite")))
                .isEmpty();
    }

    /** Every query of Spider's train split that parses gets an explanation that names each table it reads. */
    @Test
    void everyParsedSpiderQueryIsExplainedWithItsTables() {
        List<String> missing = new ArrayList<>();
        for (SpiderCorpus.Example e : SpiderCorpus.train()) {
            ParsedSql parsed = ANALYZER.parse(e.sql(), "sqlite");
            if (!parsed.parsed()) {
                continue;
            }
            String text = SqlExplainer.explain(parsed).stream()
                    .map(SqlExplainer.Step::text)
                    .collect(Collectors.joining("\n"))
                    .toLowerCase();
            for (String table : ANALYZER.analyze(e.sql(), "sqlite").tables()) {
                if (!text.contains(table.toLowerCase())) {
                    missing.add(table + " in " + e.sql());
                }
            }
            if (text.isEmpty()) {
                missing.add("no steps for " + e.sql());
            }
        }
        assertThat(missing).as("tables the explanation does not mention").isEmpty();
    }
}
