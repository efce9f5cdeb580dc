package dev.pairstudio.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.sql.SqlAnalyzer;
import dev.pairstudio.testing.TestPair;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "did you mean …?" in the messages of unknown names, from the schema. */
class SuggestionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // a typo: swapped, dropped, doubled letters
                "SELECT nmae FROM customers | unknown column nmae: not in customers; did you mean name?",
                "SELECT c.nam FROM customers c | unknown column c.nam: customers has no column nam; did you mean name?",
                "SELECT name FROM custommers | unknown table custommers: the schema has no such table; did you mean customers?",
                // singular and plural
                "SELECT name FROM customer | unknown table customer: the schema has no such table; did you mean customers?",
                "SELECT totals FROM orders | unknown column totals: not in orders; did you mean total?",
                // nothing close: no guess
                "SELECT zebra FROM customers | unknown column zebra: not in customers",
                "SELECT name FROM warehouse | unknown table warehouse: the schema has no such table",
            })
    void unknownNamesSuggestTheClosestNameInTheSchema(String sql, String message) {
        Validation v;
        try (SqlAnalyzer analyzer = new SqlAnalyzer();
                PairValidator validator = new PairValidator(analyzer, false, 2_000)) {
            SchemaImport shop = new DdlSchemaReader(analyzer).read("""
                    CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100), city VARCHAR(50));
                    CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, total DECIMAL(10,2));
                    """, "shop", "postgresql");
            v = validator.validate(
                    TestPair.of("p", "Anything at all", sql).build(),
                    LoadedSchema.of(1, shop.schemas().get(0)));
        }
        assertThat(v.messages())
                .as(sql)
                .anyMatch(m -> (m.flag() == QualityFlag.UNKNOWN_COLUMN || m.flag() == QualityFlag.UNKNOWN_TABLE)
                        && m.text().equals(message));
    }

    @ParameterizedTest(name = "{0} among {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "NAME | id,name,city | name",
                "Singer_Id | Singer_ID,Name | Singer_ID",
                "categorie | category,categories | categories",
                "citys | city,cities | city",
                "ab | id,name | ",
                "naem | name,nome | name",
                "x1 | x2,x3 | ",
            })
    void theClosestCandidateOrNoneWhenTwoAreEquallyClose(String name, String candidates, String expected) {
        assertThat(Suggestion.closest(name, List.of(candidates.split(",")))).isEqualTo(expected);
    }
}
