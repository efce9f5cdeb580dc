package dev.pairstudio.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.testing.AnalyzerFixture;
import dev.pairstudio.testing.TestPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a curator is told about a query, checked against a small shop schema (synthetic). */
class PairValidatorTest {
    private static final String DDL = """
            CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100), city VARCHAR(50), created_at TIMESTAMP);
            CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT REFERENCES customers(id), total DECIMAL(10,2),
                status VARCHAR(20), year INT);
            CREATE TABLE items (order_id INT, product VARCHAR(50), qty INT, FOREIGN KEY (order_id) REFERENCES orders(id));
            """;

    @RegisterExtension
    static final AnalyzerFixture shared = new AnalyzerFixture();

    private static final PairValidator validator = shared.validator(false);
    private static final PairValidator readOnly = shared.validator(true);
    private static final LoadedSchema shop = LoadedSchema.of(1, shared.schema(DDL, "shop", "postgresql"));

    static Validation check(PairValidator v, String question, String sql, String type) {
        return v.validate(TestPair.of("p", question, sql).on(type, "shop").build(), shop);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "SELECT name FROM customers",
                "SELECT c.name, o.total FROM customers c JOIN orders o ON o.customer_id = c.id",
                "SELECT name FROM customers WHERE id IN (SELECT customer_id FROM orders)",
                "SELECT name FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id)",
                "WITH big AS (SELECT customer_id, SUM(total) AS spent FROM orders GROUP BY customer_id) SELECT spent FROM big ORDER BY spent DESC",
                "SELECT t.n FROM (SELECT city, COUNT(*) AS n FROM customers GROUP BY city) AS t",
                "SELECT * FROM customers",
                "SELECT o.* FROM orders o",
                "SELECT city, COUNT(*) AS cnt FROM customers GROUP BY city ORDER BY cnt DESC",
                "SELECT product FROM items JOIN orders ON items.order_id = orders.id",
                "SELECT id FROM orders UNION SELECT id FROM customers",
                "SELECT name FROM customers ORDER BY created_at DESC LIMIT 3",
                "SELECT status FROM orders WHERE year > 2019 ORDER BY status",
                "SELECT name FROM customers ORDER BY id DESC LIMIT 1",
                "SELECT c.name FROM customers c JOIN orders o ON o.customer_id = c.id ORDER BY o.id LIMIT 1",
                "SELECT city, COUNT(*) AS cnt FROM customers GROUP BY city ORDER BY city LIMIT 1",
                "SELECT spent FROM (SELECT customer_id, SUM(total) AS spent FROM orders GROUP BY customer_id) AS t ORDER BY spent DESC LIMIT 1",
            })
    void correctQueriesGetNoFlag(String sql) {
        Validation v = check(validator, "Orders of customers in 2019 and 2020", sql, "postgresql");
        assertThat(v.messages()).as(sql).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "SELECT name FROM clients | UNKNOWN_TABLE | unknown table clients",
                "SELECT nmae FROM customers | UNKNOWN_COLUMN | unknown column nmae",
                "SELECT c.nmae FROM customers c | UNKNOWN_COLUMN | c.nmae",
                "SELECT x.name FROM customers c | UNKNOWN_TABLE | alias x",
                "SELECT id FROM customers JOIN orders ON orders.customer_id = customers.id | AMBIGUOUS_COLUMN | ambiguous column id",
                "WITH big AS (SELECT customer_id FROM orders) SELECT total FROM big | UNKNOWN_COLUMN | unknown column total",
                "SELECT t.total FROM (SELECT city FROM customers) AS t | UNKNOWN_COLUMN | t.total",
                "SELECT name FROM customers WHERE id IN (SELECT customer FROM orders) | UNKNOWN_COLUMN | unknown column customer",
                "SELECT name FROM customers LIMIT 5 | NON_DETERMINISTIC | LIMIT without ORDER BY",
                "SELECT name FROM customers ORDER BY created_at DESC LIMIT 1 | NON_DETERMINISTIC | ORDER BY created_at with LIMIT 1: the column is neither a primary key nor unique",
                "SELECT c.name FROM customers c JOIN orders o ON o.customer_id = c.id ORDER BY o.total DESC LIMIT 1 | NON_DETERMINISTIC | ORDER BY o.total with LIMIT 1",
                "SELECT name FROM customers ORDER BY city, name FETCH FIRST 1 ROWS ONLY | NON_DETERMINISTIC | ORDER BY city, name with LIMIT 1",
                "SELECT name FROM customers WHERE city = 'Springfield' | LITERAL_NOT_IN_QUESTION | 'Springfield'",
                "SELECT SUM(total) FROM orders GROUP BY status HAVING name = 1 | UNKNOWN_COLUMN | unknown column name",
                "SELECT no_such_function(name) FROM customers | DOES_NOT_RUN | PostgreSQL mode",
                "SELECT name FROM customers WHERE id = 'x' | DOES_NOT_RUN | converting",
            })
    void brokenQueriesAreFlaggedWithWhat(String sql, QualityFlag flag, String message) {
        Validation v = check(validator, "Customers in Shelbyville", sql, "postgresql");
        assertThat(v.flags()).as(sql).contains(flag);
        assertThat(v.messages()).as(sql).anySatisfy(m -> {
            assertThat(m.flag()).isEqualTo(flag);
            assertThat(m.text()).contains(message);
        });
    }

    @Test
    void messagePointsAtTheOffendingName() {
        String sql = "SELECT c.name, c.citty FROM customers c";
        ValidationMessage m = check(validator, "Names and cities", sql, "postgresql")
                .messages()
                .get(0);
        assertThat(sql.substring(m.start(), m.end())).isEqualTo("c.citty");
        assertThat(m.field()).isEqualTo("sql");
    }

    @Test
    void writesAreFlaggedOnlyInReadOnlyDatasetsAndNeverRun() {
        String sql = "DELETE FROM orders WHERE status = 'open'";
        assertThat(check(validator, "Delete open orders", sql, "postgresql").flags())
                .doesNotContain(QualityFlag.WRITE_STATEMENT);
        Validation v = check(readOnly, "Delete open orders", sql, "postgresql");
        assertThat(v.flags()).containsExactly(QualityFlag.WRITE_STATEMENT);
        assertThat(v.messages().get(0).text()).contains("never run");
        Validation bad = check(readOnly, "Delete open orders", "UPDATE orders SET stat = 'x'", "postgresql");
        assertThat(bad.flags()).contains(QualityFlag.UNKNOWN_COLUMN, QualityFlag.WRITE_STATEMENT);
    }

    @Test
    void quotedQuestionValueMissingFromSqlIsPointedAtInTheQuestion() {
        String question = "How many orders have status 'shipped'?";
        Validation v = check(validator, question, "SELECT COUNT(*) FROM orders WHERE status = 'open'", "postgresql");
        assertThat(v.flags()).contains(QualityFlag.QUESTION_VALUE_NOT_IN_SQL, QualityFlag.LITERAL_NOT_IN_QUESTION);
        ValidationMessage m = v.messages().stream()
                .filter(x -> x.flag() == QualityFlag.QUESTION_VALUE_NOT_IN_SQL)
                .findFirst()
                .orElseThrow();
        assertThat(m.field()).isEqualTo("question");
        assertThat(question.substring(m.start(), m.end())).isEqualTo("shipped");
    }

    @Test
    void sqliteDoubleQuotedStringsAreValuesNotColumns() {
        Validation v =
                check(validator, "Customers from Paris", "SELECT name FROM customers WHERE city = \"Paris\"", "sqlite");
        assertThat(v.messages()).isEmpty();
        Validation other =
                check(validator, "Customers from Paris", "SELECT name FROM customers WHERE city = \"Lyon\"", "sqlite");
        assertThat(other.flags()).isEqualTo(Set.of(QualityFlag.LITERAL_NOT_IN_QUESTION));
    }

    @Test
    void evidenceTextCountsAsTheQuestion() {
        Pair p = TestPair.of("p", "Big orders?", "SELECT id FROM orders WHERE total > 500")
                .metadata(Map.of("evidence", "big refers to total > 500"))
                .build();
        assertThat(validator.validate(p, shop).messages()).isEmpty();
    }

    @Test
    void explainNeverReadsALocalFile(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("private.csv");
        Files.writeString(csv, "SECRET_VALUE\n1\n");
        Validation v = check(validator, "Anything", "SELECT nothing FROM CSVREAD('" + csv + "')", "postgresql");
        assertThat(v.flags()).doesNotContain(QualityFlag.DOES_NOT_RUN); // H2 would have opened the file to plan it
        assertThat(v.messages()).noneMatch(m -> m.text().contains("SECRET_VALUE"));
    }

    @Test
    void unparseableSqlIsNeverValidAgainstItsSchema() {
        Validation v = check(validator, "Anything", "SELEC name FROM", "postgresql");
        assertThat(v.flags()).containsExactly(QualityFlag.UNPARSEABLE);
        assertThat(v.messages().get(0).text()).startsWith("does not parse (unexpected \"SELEC\" at line 1, column 1)");
        assertThat(QualityFlag.UNPARSEABLE.schemaError()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "WITH big AS (SELECT customer_id FROM orders WHERE total > 100) SELECT name FROM customers WHERE id IN (SELECT customer_id FROM big)",
                "WITH big AS (SELECT customer_id FROM orders) SELECT (SELECT max(customer_id) FROM big) AS top",
                "WITH big AS (SELECT customer_id FROM orders) SELECT name FROM customers c WHERE EXISTS (SELECT 1 FROM big b WHERE b.customer_id = c.id)",
                "WITH big AS (SELECT customer_id FROM orders) SELECT n FROM (SELECT count(*) AS n FROM big) AS t",
            })
    void aCteUsedInsideASubqueryIsNotAnUnknownTable(String sql) {
        assertThat(check(validator, "Customers with big orders", sql, "sqlite").flags())
                .as(sql)
                .doesNotContain(QualityFlag.UNKNOWN_TABLE, QualityFlag.UNKNOWN_COLUMN);
    }

    @Test
    void anUnknownTableIsHighlightedWhereItIsUsed() {
        String sql =
                "WITH big AS (SELECT customer_id FROM orders) SELECT name FROM customers WHERE id IN (SELECT customer_id FROM bigg)";
        Validation v = check(validator, "Customers with big orders", sql, "sqlite");
        ValidationMessage m = v.messages().stream()
                .filter(x -> x.flag() == QualityFlag.UNKNOWN_TABLE)
                .findFirst()
                .orElseThrow();
        assertThat(sql.substring(m.start(), m.end())).isEqualTo("bigg");
        String shadow = "SELECT orderz FROM customers JOIN orderz ON orderz.customer_id = customers.id";
        ValidationMessage n = check(validator, "Orders", shadow, "sqlite").messages().stream()
                .filter(x -> x.flag() == QualityFlag.UNKNOWN_TABLE)
                .findFirst()
                .orElseThrow();
        assertThat(n.start()).isEqualTo(shadow.indexOf("JOIN orderz") + 5);
    }

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource(
            delimiter = '|',
            value = {
                "SELECT name FROM customers WHERE year > 2000 | sqlite | year",
                "SELECT month, count(*) FROM customers GROUP BY month | sqlite | month",
                "SELECT name FROM customers ORDER BY day | postgresql | day",
                "SELECT hour FROM orders | sqlite | hour",
                "SELECT c.name FROM customers c WHERE minute = 5 OR second = 6 | sqlite | minute",
                "SELECT name FROM customers WHERE level = 1 | sqlite | level",
                "SELECT user FROM customers | sqlite | user",
            })
    void unqualifiedDatePartAndPseudoColumnNamesAreCheckedAgainstTheSchema(String sql, String type, String column) {
        Validation v = check(validator, "Anything at all", sql, type);
        assertThat(v.messages())
                .as(sql)
                .anyMatch(m -> m.flag() == QualityFlag.UNKNOWN_COLUMN
                        && m.text().startsWith("unknown column " + column)
                        && sql.substring(m.start(), m.end()).equalsIgnoreCase(column));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource(
            delimiter = '|',
            value = {
                "SELECT status FROM orders WHERE year > 2019 GROUP BY year | sqlite",
                "SELECT name FROM customers WHERE level = 1 | oracle",
                "SELECT user, name FROM customers | postgresql",
                "SELECT DATEADD(day, 1, created_at) FROM customers | sqlserver",
                "SELECT EXTRACT(YEAR FROM created_at) AS y FROM customers | postgresql",
                "SELECT strftime('%Y', created_at) AS year FROM customers ORDER BY year | sqlite",
                "SELECT t.year FROM (SELECT year FROM orders) AS t | sqlite",
            })
    void datePartsAndPseudoColumnsThatExistOrAreTheDialectsOwnAreNotFlagged(String sql, String type) {
        assertThat(check(validator, "Anything at all", sql, type).flags())
                .as(sql)
                .doesNotContain(QualityFlag.UNKNOWN_COLUMN, QualityFlag.UNKNOWN_TABLE);
    }
}
