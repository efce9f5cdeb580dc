package dev.pairstudio.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.testing.AnalyzerFixture;
import dev.pairstudio.testing.SpiderCorpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QualitySignalsTest {
    @RegisterExtension
    static final AnalyzerFixture shared = new AnalyzerFixture();

    @Test
    void unparseableAndShortQuestionsAreFlagged() {
        assertThat(QualitySignals.flags(shared.analyzer().analyze("SELEC x", null), "Show all the users please"))
                .containsExactly(QualityFlag.UNPARSEABLE);
        assertThat(QualitySignals.flags(shared.analyzer().analyze("SELECT * FROM users", null), "  users?  "))
                .containsExactly(QualityFlag.SHORT_QUESTION);
        assertThat(QualitySignals.flags(shared.analyzer().analyze("SELECT * FROM users", null), null))
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
        assertThat(QualitySignals.flags(shared.analyzer().analyze(sql, null), question)
                        .contains(QualityFlag.TYPE_MISMATCH))
                .isEqualTo(expected);
    }

    /**
     * The leading verb read by hand (issue 24 item 4) is the first word the regular expression it
     * replaced gives, on Spider's questions, datafaker's sentences in several scripts, and edge cases
     * of lower-casing and of letters and numbers outside ASCII.
     */
    @Test
    void theLeadingVerbIsTheFirstWordTheRegularExpressionGave() {
        List<String> questions = new ArrayList<>();
        SpiderCorpus.train().forEach(e -> questions.add(e.question()));
        for (Locale locale :
                new Locale[] {Locale.US, Locale.GERMANY, Locale.FRANCE, new Locale("ru"), new Locale("ja")}) {
            Faker faker = new Faker(locale, new Random(24));
            for (int i = 0; i < 400; i++) {
                questions.add(faker.lorem().sentence());
                questions.add("please " + faker.address().fullAddress());
                questions.add("Can you " + faker.name().fullName() + "'s orders?");
            }
        }
        questions.addAll(List.of(
                "",
                "   ",
                "?!",
                "İstanbul orders",
                "ΣΑΣ list",
                "can you 'delete' it",
                "---delete these",
                "please ① show",
                "Ⅻ kings",
                "please\u00a0list all",
                "x\ud800y show",
                "we'd like the list",
                "PLEASE can YOU REMOVE rows",
                "١٢٣ count"));
        int checked = 0;
        for (String q : questions) {
            assertThat(QualitySignals.leadingVerb(q)).as(q).isEqualTo(byRegularExpression(q));
            checked++;
        }
        assertThat(checked).isGreaterThan(7_000);
    }

    private static String byRegularExpression(String question) {
        for (String w : question.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
            if (!w.isEmpty() && !QualitySignals.POLITE.contains(w)) {
                return w;
            }
        }
        return null;
    }
}
