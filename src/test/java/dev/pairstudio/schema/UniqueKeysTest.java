package dev.pairstudio.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.testing.AnalyzerFixture;
import dev.pairstudio.testing.TestPair;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Unique keys: read from DDL and JDBC, stored backward-compatibly, and known to the ORDER BY … LIMIT 1 tie hint. */
class UniqueKeysTest {
    private static final String DDL = """
            CREATE TABLE customers (id INT PRIMARY KEY, email VARCHAR(200) UNIQUE, name TEXT, city TEXT);
            CREATE TABLE seats (hall TEXT, seat_row INT, seat_no INT, price NUMERIC, UNIQUE (hall, seat_row, seat_no));
            CREATE TABLE products (id INT, sku TEXT, code TEXT, title TEXT, CONSTRAINT products_code UNIQUE (code));
            CREATE UNIQUE INDEX products_sku ON products (sku);
            CREATE UNIQUE INDEX products_open_title ON products (title) WHERE code IS NOT NULL;
            CREATE INDEX customers_city ON customers (city);
            """;

    @RegisterExtension
    static final AnalyzerFixture shared = new AnalyzerFixture();

    private static final PairValidator validator = shared.validator(false);
    private static final DatabaseSchema shop = shared.schema(DDL, "shop", "postgresql");

    @Test
    void columnAndTableConstraintsAndUniqueIndexesAreRead() {
        assertThat(shop.table("customers").orElseThrow().uniqueKeys()).containsExactly(List.of("email"));
        assertThat(shop.table("seats").orElseThrow().uniqueKeys())
                .containsExactly(List.of("hall", "seat_row", "seat_no"));
        // the constraint, then the index; the partial index says nothing about all rows and is left aside
        assertThat(shop.table("products").orElseThrow().uniqueKeys()).containsExactly(List.of("code"), List.of("sku"));
    }

    @Test
    void aUniqueIndexOnATableTheScriptDoesNotDefineIsReported() {
        SchemaImport read = new DdlSchemaReader(shared.analyzer())
                .read("CREATE TABLE a (id INT);\nCREATE UNIQUE INDEX b_id ON b (id);", "x", null);
        assertThat(read.problems())
                .singleElement()
                .hasToString(
                        "line 2: unique index on table b, which the script does not define — CREATE UNIQUE INDEX b_id ON b (id)");
        assertThat(read.schemas()).hasSize(1);
    }

    @Test
    void oddUniqueIndexesAreReportedOrLeftAsideNeverThrown() {
        SchemaImport read = new DdlSchemaReader(shared.analyzer()).read("""
                CREATE TABLE t (a TEXT, b TEXT);
                CREATE UNIQUE INDEX oops ON;
                CREATE UNIQUE INDEX t_lower ON t (lower(a));
                CREATE UNIQUE INDEX IF NOT EXISTS t_b ON t USING btree (b);
                """, "x", "postgresql");
        assertThat(read.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(2));
        assertThat(read.schemas().get(0).table("t").orElseThrow().uniqueKeys()).containsExactly(List.of("b"));
        assertThat(read.skippedStatements()).isEqualTo(1); // the expression index
    }

    @Test
    void theJsonKeepsThemAndASchemaStoredBeforeThemStillLoads() {
        assertThat(SchemaJson.read(SchemaJson.write(shop))).isEqualTo(shop);
        // as the previous version stored it: no uniqueKeys field
        DatabaseSchema old = SchemaJson.read(
                "{\"databaseName\":\"shop\",\"dialect\":\"postgresql\",\"tables\":[{\"name\":\"customers\","
                        + "\"columns\":[{\"name\":\"id\",\"type\":\"INT\"},{\"name\":\"email\",\"type\":\"TEXT\"}],\"primaryKey\":[\"id\"],"
                        + "\"foreignKeys\":[]}]}");
        assertThat(old.table("customers").orElseThrow().uniqueKeys()).isEmpty();
        assertThat(old.table("customers").orElseThrow().primaryKey()).containsExactly("id");
    }

    @Test
    void theEditorTextWritesThemAsTableConstraintsAndReadsThemBack() {
        String text = SchemaEditing.text(shop);
        assertThat(text)
                .contains("    UNIQUE (hall, seat_row, seat_no)\n")
                .contains("    UNIQUE (code),\n    UNIQUE (sku)\n");
        assertThat(SchemaEditing.check(shared.analyzer(), text, shop).schema()).isEqualTo(shop);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "SELECT name FROM customers ORDER BY email LIMIT 1 | false",
                "SELECT name FROM customers ORDER BY city LIMIT 1 | true",
                "SELECT name FROM customers ORDER BY city, email LIMIT 1 | false",
                "SELECT price FROM seats ORDER BY hall, seat_row, seat_no LIMIT 1 | false",
                "SELECT price FROM seats ORDER BY hall, seat_row LIMIT 1 | true",
                "SELECT title FROM products ORDER BY sku DESC LIMIT 1 | false",
                "SELECT sku FROM products ORDER BY title LIMIT 1 | true",
            })
    void theTieHintIsQuietWhenTheOrderByColumnsHoldAWholeUniqueKey(String sql, boolean hinted) {
        Validation v = validator.validate(
                TestPair.of("p", "Which one comes first?", sql).build(), LoadedSchema.of(1, shop));
        assertThat(v.messages().stream()
                        .anyMatch(m -> m.flag() == QualityFlag.NON_DETERMINISTIC
                                && m.text().contains("LIMIT 1")))
                .as(v.messages().toString())
                .isEqualTo(hinted);
    }

    @Test
    void aLiveDatabaseGivesItsUniqueConstraintsAndIndexes(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:" + dir.resolve("live").toAbsolutePath();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement()) {
            s.execute(
                    "CREATE TABLE customers (id INT PRIMARY KEY, email VARCHAR(200) UNIQUE, name VARCHAR(50), city VARCHAR(50))");
            s.execute(
                    "CREATE TABLE seats (hall VARCHAR(10), seat_row INT, seat_no INT, CONSTRAINT seat UNIQUE (hall, seat_row, seat_no))");
            s.execute("CREATE UNIQUE INDEX customers_name ON customers (name)");
            s.execute("CREATE INDEX customers_city ON customers (city)");
        }
        DatabaseSchema live = new JdbcSchemaReader(10_000).read(url, "sa", new char[0], "PUBLIC", "shop");
        assertThat(live.table("CUSTOMERS").orElseThrow().uniqueKeys())
                .containsExactlyInAnyOrder(List.of("EMAIL"), List.of("NAME"));
        assertThat(live.table("SEATS").orElseThrow().uniqueKeys())
                .containsExactly(List.of("HALL", "SEAT_ROW", "SEAT_NO"));
    }
}
