package dev.pairstudio.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.testing.SpiderCorpus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Formatted SQL: clauses on lines of their own, and the same query as before. */
class SqlFormatterTest {
    private static final SqlAnalyzer ANALYZER = new SqlAnalyzer();

    @AfterAll
    static void close() {
        ANALYZER.close();
    }

    @Test
    void clausesConditionsAndSubqueriesGetTheirOwnLines() {
        String sql = "SELECT T1.name, count(*) FROM singer AS T1 LEFT OUTER JOIN concert AS T2 ON T1.id = T2.singer_id "
                + "WHERE T1.age BETWEEN 20 AND 30 AND T1.country IN (SELECT country FROM winners WHERE year > 2000) "
                + "GROUP BY T1.name ORDER BY count(*) DESC LIMIT 3";
        assertThat(SqlFormatter.format(sql, "sqlite")).isEqualTo("""
                SELECT T1.name, count(*)
                FROM singer AS T1
                LEFT OUTER JOIN concert AS T2 ON T1.id = T2.singer_id
                WHERE T1.age BETWEEN 20 AND 30
                  AND T1.country IN (SELECT country
                    FROM winners
                    WHERE year > 2000
                )
                GROUP BY T1.name
                ORDER BY count(*) DESC
                LIMIT 3""");
    }

    @Test
    void valuesCommentsAndFunctionNamesStayAsWritten() {
        String sql = "select left(name,3) from t -- where x = 'a  b'\nwhere note = 'select  from' and \"where\" = 1";
        String formatted = SqlFormatter.format(sql, "sqlite");
        assertThat(formatted)
                .contains("left(name,3)")
                .contains("'select  from'")
                .contains("-- where x = 'a  b'\n");
        assertThat(formatted.lines().filter(l -> l.trim().startsWith("where"))).hasSize(1);
    }

    @Test
    void setOperationsStandOnTheirOwnLine() {
        assertThat(SqlFormatter.format("SELECT a FROM t UNION ALL SELECT a FROM u", null))
                .isEqualTo("""
                SELECT a
                FROM t
                UNION ALL
                SELECT a
                FROM u""");
    }

    @Test
    void offsetsOfTheOriginalFindTheSameTextInTheFormattedOne() {
        String sql = "SELECT  name FROM   singer WHERE   agee > 20";
        SqlFormatter.Formatted f = SqlFormatter.layout(sql, "sqlite");
        int start = sql.indexOf("agee");
        assertThat(f.text().substring(f.at(start), f.at(start + 4))).isEqualTo("agee");
        assertThat(f.at(0)).isZero();
        assertThat(f.text().substring(f.at(sql.indexOf("singer")), f.at(sql.length())))
                .isEqualTo("singer\nWHERE agee > 20");
    }

    /** On every query of Spider's train split: only white space changes, and what parsed still parses to the same tree. */
    @Test
    void everySpiderQueryKeepsItsTokensAndItsMeaning() {
        List<String> changed = new ArrayList<>();
        for (SpiderCorpus.Example e : SpiderCorpus.train()) {
            String formatted = SqlFormatter.format(e.sql(), "sqlite");
            if (!formatted.replaceAll("\\s+", "").equals(e.sql().replaceAll("\\s+", ""))) {
                changed.add("tokens: " + e.sql());
                continue;
            }
            ParsedSql before = ANALYZER.parse(e.sql(), "sqlite");
            ParsedSql after = ANALYZER.parse(formatted, "sqlite");
            if (before.parsed()
                    && (!after.parsed()
                            || !after.statements()
                                    .toString()
                                    .equals(before.statements().toString()))) {
                changed.add("meaning: " + e.sql() + "\n  →\n" + formatted);
            }
        }
        assertThat(changed).as("queries the formatter changed").isEmpty();
    }
}
