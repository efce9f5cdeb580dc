package dev.pairstudio.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.pair.ComplexityLevel;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.testing.AnalyzerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlAnalyzerTest {
    @RegisterExtension
    static final AnalyzerFixture shared = new AnalyzerFixture();

    @Test
    void fixesTheSeedsTableAndTypeFaults() {
        SqlAnalysis with = shared.analyzer()
                .analyze("WITH recent AS (SELECT * FROM orders) SELECT * FROM recent, customers", null);
        assertThat(with.type()).isEqualTo(QueryType.SELECT);
        assertThat(with.tables()).containsExactly("customers", "orders");

        assertThat(shared.analyzer()
                        .analyze("SELECT EXTRACT(YEAR FROM c) FROM public.users", "postgresql")
                        .tables())
                .containsExactly("public.users");
        assertThat(shared.analyzer()
                        .analyze("select * from T1, t1, \"T1\"", null)
                        .tables())
                .containsExactly("T1", "t1");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "INSERT INTO t (a) VALUES (1) ON CONFLICT (a) DO UPDATE SET a = 2 | postgresql | MERGE",
                "INSERT INTO t (a) VALUES (1) ON CONFLICT DO NOTHING | postgresql | INSERT",
                "REPLACE INTO t (a) VALUES (1) | mysql | MERGE",
                "INSERT INTO t (a) VALUES (1) ON DUPLICATE KEY UPDATE a = 2 | mysql | MERGE",
                "VALUES (1, 2) | | SELECT",
                "SELECT 1 UNION SELECT 2 | | SELECT",
                "TRUNCATE TABLE t | | OTHER",
                "CREATE INDEX i ON t (a) | | CREATE",
            })
    void statementTypes(String sql, String dialect, QueryType expected) {
        assertThat(shared.analyzer().analyze(sql, dialect).type()).isEqualTo(expected);
    }

    @Test
    void dialectChoosesQuotingAndTheGenericGrammarIsTheFallback() {
        assertThat(shared.analyzer()
                        .analyze("SELECT [Full Name] FROM [dbo].[People]", "sqlserver")
                        .tables())
                .containsExactly("dbo.People");
        // brackets parse even when the pair names no dialect
        assertThat(shared.analyzer()
                        .analyze("SELECT [Full Name] FROM [People]", null)
                        .parsed())
                .isTrue();
        // a MySQL pair written with ANSI double-quoted identifiers still parses, via the generic grammar
        SqlAnalysis ansi = shared.analyzer().analyze("SELECT \"name\" FROM \"People\" WHERE id = 1", "mysql");
        assertThat(ansi.parsed()).isTrue();
        assertThat(ansi.tables()).containsExactly("People");
    }

    @Test
    void unparseableSqlKeepsAGuessedTypeAndSaysWhyWithoutQuotingValues() {
        SqlAnalysis a =
                shared.analyzer().analyze("DELETE FROM users WHERE email = 'jane@example.com' AND AND", "postgresql");
        assertThat(a.parsed()).isFalse();
        assertThat(a.type()).isEqualTo(QueryType.DELETE);
        assertThat(a.tables()).containsExactly("users");
        assertThat(a.parseError()).contains("line 1").doesNotContain("jane@example.com");

        SqlAnalysis unterminated = shared.analyzer().analyze("SELECT * FROM t WHERE name = 'secret value", null);
        assertThat(unterminated.parsed()).isFalse();
        assertThat(unterminated.parseError()).doesNotContain("secret");
        assertThat(shared.analyzer()
                        .analyze("WITH x AS (SELEC 1) UPDATE t SET a = 1", null)
                        .type())
                .isEqualTo(QueryType.UPDATE);
    }

    @Test
    void severalStatementsAreAllReadAndCounted() {
        SqlAnalysis a = shared.analyzer().analyze("SELECT * FROM a; DELETE FROM b; ", null);
        assertThat(a.parsed()).isTrue();
        assertThat(a.statementCount()).isEqualTo(2);
        assertThat(a.multipleStatements()).isTrue();
        assertThat(a.type()).isEqualTo(QueryType.SELECT);
        assertThat(a.tables()).containsExactly("a", "b");
    }

    @Test
    void literalSpansPointAtTheValuesInTheOriginalText() {
        String sql = "SELECT * FROM users WHERE email = 'a@b.org' AND age > 42";
        SqlAnalysis a = shared.analyzer().analyze(sql, null);
        assertThat(a.literals()).extracting(l -> l.value(sql)).containsExactly("a@b.org", "42");
    }

    @Test
    void queriesThatDifferOnlyInValuesShareAFingerprintAndTheCacheKeepsTheirOwnLiterals() {
        String one = "SELECT name FROM singer WHERE age > 30 AND country IN ('France', 'Spain')";
        String two = "select NAME  from SINGER where AGE > 41 and COUNTRY in ('Peru')";
        SqlAnalysis a = shared.analyzer().analyze(one, null);
        SqlAnalysis b = shared.analyzer().analyze(two, null);
        assertThat(b.fingerprint()).isEqualTo(a.fingerprint()).matches("[0-9a-f]{32}");
        assertThat(b.literals()).extracting(l -> l.value(two)).containsExactly("41", "Peru");
        assertThat(b.tables()).isEqualTo(a.tables());
        assertThat(shared.analyzer()
                        .analyze("SELECT name FROM singer WHERE age < 30", null)
                        .fingerprint())
                .isNotEqualTo(a.fingerprint());
    }

    @Test
    void complexityFollowsSpiderLikeLevels() {
        assertThat(shared.analyzer()
                        .analyze("SELECT count(*) FROM singer WHERE age > 20", null)
                        .complexity()
                        .level())
                .isEqualTo(ComplexityLevel.EASY);
        Complexity join = shared.analyzer()
                .analyze(
                        "SELECT T2.name, count(*) FROM concert AS T1 JOIN stadium AS T2 ON T1.sid = T2.id GROUP BY T2.name",
                        null)
                .complexity();
        assertThat(join.joins()).isEqualTo(1);
        assertThat(join.level()).isEqualTo(ComplexityLevel.MEDIUM);
        Complexity nested = shared.analyzer()
                .analyze("SELECT name FROM stadium WHERE id NOT IN (SELECT sid FROM concert WHERE year = 2014)", null)
                .complexity();
        assertThat(nested.subqueryDepth()).isEqualTo(1);
        assertThat(nested.level()).isEqualTo(ComplexityLevel.HARD);
        Complexity extra = shared.analyzer()
                .analyze(
                        "SELECT a FROM x WHERE b IN (SELECT b FROM y WHERE c IN (SELECT c FROM z)) "
                                + "UNION SELECT a FROM w",
                        null)
                .complexity();
        assertThat(extra.subqueryDepth()).isEqualTo(2);
        assertThat(extra.setOperations()).isEqualTo(1);
        assertThat(extra.level()).isEqualTo(ComplexityLevel.EXTRA);
        Complexity window = shared.analyzer()
                .analyze(
                        "SELECT name, RANK() OVER (ORDER BY sal DESC), COUNT(*), MAX(sal) FROM emp, dept GROUP BY name HAVING COUNT(*) > 1 ORDER BY name",
                        null)
                .complexity();
        assertThat(window)
                .extracting(
                        Complexity::joins,
                        Complexity::windowFunctions,
                        Complexity::aggregates,
                        Complexity::groupBy,
                        Complexity::having,
                        Complexity::orderBy)
                .containsExactly(1, 1, 3, 1, 1, 1);
        // a CTE body and parenthesised UNION branches are not nesting
        assertThat(shared.analyzer()
                        .analyze("WITH c AS (SELECT 1 AS x) (SELECT x FROM c) UNION (SELECT 2)", null)
                        .complexity()
                        .subqueryDepth())
                .isZero();
    }
}
