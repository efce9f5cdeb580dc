package dev.pairstudio.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.testing.AnalyzerFixture;
import dev.pairstudio.testing.TestPair;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SQL constructs of the common dialects that name no missing table or column: none may get a name flag. */
class NameResolverCoverageTest {
    @RegisterExtension
    static final AnalyzerFixture shared = new AnalyzerFixture();

    private static final PairValidator validator = shared.validator(false);
    private static final LoadedSchema shop = LoadedSchema.of(7, shared.schema("""
            CREATE TABLE customers (id INT PRIMARY KEY, name TEXT, city TEXT, created_at TIMESTAMP, profile TEXT);
            CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, total NUMERIC, placed_at DATE, status TEXT);
            CREATE TABLE employees (id INT PRIMARY KEY, manager_id INT, name TEXT);
            """, "shop", "postgresql"));

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "SELECT EXTRACT(YEAR FROM placed_at) AS y, COUNT(*) FROM orders GROUP BY 1 ORDER BY 2 DESC | postgresql",
                "SELECT id FROM orders WHERE placed_at > CURRENT_DATE - INTERVAL '30 days' | postgresql",
                "SELECT CAST(total AS INTEGER), CASE WHEN total > 100 THEN 'big' ELSE 'small' END FROM orders | postgresql",
                "SELECT id, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY placed_at DESC) AS rn FROM orders | postgresql",
                "SELECT COUNT(DISTINCT customer_id) FILTER (WHERE status = 'open') FROM orders | postgresql",
                "SELECT DISTINCT ON (customer_id) customer_id, total FROM orders ORDER BY customer_id, placed_at DESC | postgresql",
                "SELECT name, (SELECT COUNT(*) FROM orders o WHERE o.customer_id = c.id) AS n FROM customers c | postgresql",
                "SELECT customer_id, SUM(total) AS spent FROM orders GROUP BY customer_id HAVING SUM(total) > 100 ORDER BY spent DESC | postgresql",
                "SELECT city FROM customers WHERE name ILIKE '%ann%' AND profile IS NOT NULL | postgresql",
                "SELECT profile::json ->> 'tier' FROM customers WHERE created_at::date = DATE '2024-01-01' | postgresql",
                "WITH RECURSIVE chain(id, manager_id, depth) AS (SELECT id, manager_id, 1 FROM employees WHERE manager_id IS NULL UNION ALL SELECT e.id, e.manager_id, c.depth + 1 FROM employees e JOIN chain c ON e.manager_id = c.id) SELECT depth FROM chain ORDER BY depth | postgresql",
                "SELECT o.id FROM orders o JOIN LATERAL (SELECT name FROM customers c WHERE c.id = o.customer_id) x ON TRUE | postgresql",
                "SELECT name FROM customers NATURAL JOIN orders ORDER BY name | postgresql",
                "SELECT id, name FROM customers JOIN orders USING (id) ORDER BY id | postgresql",
                "UPDATE orders SET status = 'late' FROM customers c WHERE c.id = orders.customer_id AND c.city = 'Oslo' | postgresql",
                "INSERT INTO orders (id, customer_id, total) SELECT id + 1000, id, 0 FROM customers | postgresql",
                "DELETE FROM orders o USING customers c WHERE c.id = o.customer_id AND c.city = 'Oslo' | postgresql",
                "DELETE FROM orders WHERE customer_id IN (SELECT id FROM customers WHERE city = 'Oslo') | postgresql",
                "SELECT TOP 5 name FROM customers ORDER BY created_at DESC | sqlserver",
                "SELECT [name], [city] FROM [customers] ORDER BY [name] | sqlserver",
                "SELECT `name` FROM `customers` WHERE `city` = 'Oslo' ORDER BY `name` | mysql",
                "SELECT name FROM customers WHERE DATE_FORMAT(created_at, '%Y') = '2024' ORDER BY name | mysql",
                "SELECT name FROM customers ORDER BY name FETCH FIRST 5 ROWS ONLY | oracle",
                "SELECT name FROM customers WHERE ROWNUM <= 5 | oracle",
                "SELECT strftime('%Y', created_at) AS y, count(*) FROM customers GROUP BY y ORDER BY y | sqlite",
                "SELECT T1.*, T2.total FROM customers AS T1 JOIN orders AS T2 ON T1.id = T2.customer_id | sqlite",
                "SELECT x.name FROM (SELECT * FROM customers) AS x ORDER BY x.name | sqlite",
                "SELECT e.name, m.name FROM employees e LEFT JOIN employees m ON m.id = e.manager_id | sqlite",
                "SELECT name FROM customers UNION SELECT name FROM employees ORDER BY name | sqlite",
                "SELECT main.customers.name FROM main.customers | sqlite",
            })
    void noNameFlagOnValidSql(String sql, String type) {
        Validation v = validator.validate(
                TestPair.of("p", "Orders in Oslo in 2024 with 100 and 1000 and 30 days, 5 names, tier", sql)
                        .on(type, "shop")
                        .build(),
                shop);
        assertThat(v.messages())
                .as(sql)
                .noneMatch(m -> m.flag() == QualityFlag.UNKNOWN_TABLE
                        || m.flag() == QualityFlag.UNKNOWN_COLUMN
                        || m.flag() == QualityFlag.AMBIGUOUS_COLUMN);
    }
}
