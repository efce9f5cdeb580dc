package dev.pairstudio.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.pair.QualityFlag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QualitySignalsTest {
    private static SqlAnalyzer analyzer;

    @BeforeAll
    static void start() {
        analyzer = new SqlAnalyzer();
    }

    @AfterAll
    static void stop() {
        analyzer.close();
    }

    @Test
    void unparseableAndShortQuestionsAreFlagged() {
        assertThat(QualitySignals.flags(analyzer.analyze("SELEC x", null), "Show all the users please"))
                .containsExactly(QualityFlag.UNPARSEABLE);
        assertThat(QualitySignals.flags(analyzer.analyze("SELECT * FROM users", null), "  users?  "))
                .containsExactly(QualityFlag.SHORT_QUESTION);
        assertThat(QualitySignals.flags(analyzer.analyze("SELECT * FROM users", null), null))
                .contains(QualityFlag.SHORT_QUESTION);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Delete the inactive users | INSERT INTO users (a) VALUES (1) | true",
                "Please remove the old orders | SELECT * FROM orders | true",
                "How many users signed up in May? | DELETE FROM users | true",
                "List the products | DROP TABLE products | true",
                "Show me the orders | UPDATE orders SET a = 1 | true",
                "Add a new customer named Ann | DELETE FROM customers | true",
                "Change the price of item 4 | SELECT price FROM items | true",
                "Delete the inactive users | DELETE FROM users WHERE active = false | false",
                "How many orders were deleted last week? | SELECT count(*) FROM orders WHERE deleted | false",
                "Can you add a user called Bo? | INSERT INTO users (name) VALUES ('Bo') | false",
                "Remove duplicates from the staging table | TRUNCATE TABLE staging | false",
                "Users with most orders | SELECT * FROM users | false",
            })
    void typeMismatchIsASoftConservativeHint(String question, String sql, boolean expected) {
        assertThat(QualitySignals.flags(analyzer.analyze(sql, null), question).contains(QualityFlag.TYPE_MISMATCH))
                .isEqualTo(expected);
    }
}
