package dev.pairstudio.testing;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.Source;
import dev.pairstudio.schema.SchemaFormat;
import dev.pairstudio.schema.SchemaImporter;
import dev.pairstudio.sql.SqlAnalyzer;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The small "shop" database the schema tests share: a real H2 file with a few pairs over
 * customers and orders, and optionally the shop's DDL stored as its schema.
 */
public final class ShopDatabase {
    /** Customers with a unique e-mail, and orders that reference them. */
    public static final String DDL = """
            CREATE TABLE customers (id INT PRIMARY KEY, name TEXT, email VARCHAR(200));
            CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT REFERENCES customers (id), total NUMERIC(10, 2));
            """;

    private ShopDatabase() {}

    /** A new database file {@code dir/db} holding {@code pairs}. */
    public static Database withPairs(Path dir, Pair... pairs) {
        Database store = Databases.open(dir.resolve("db").toString());
        store.addAll(List.of(pairs), null, Source.FILE, "shop");
        return store;
    }

    /** Two pairs of the shop, on PostgreSQL: one reads customers, one orders. */
    public static Pair[] twoPairs() {
        return new Pair[] {
            TestPair.of("e1", "Customer emails", "SELECT email FROM customers")
                    .at("2025-01-01T00:00:00Z")
                    .on("postgresql", "shop")
                    .tables("customers")
                    .build(),
            TestPair.of("t1", "Order totals", "SELECT total FROM orders")
                    .at("2025-01-02T00:00:00Z")
                    .on("postgresql", "shop")
                    .tables("orders")
                    .build()
        };
    }

    /** Stores {@code ddl} as the schema of "shop" (postgresql) and, when asked, checks the pairs against it. */
    public static void storeSchema(Database store, Path dir, String ddl, boolean validate) throws IOException {
        Path file = dir.resolve("shop.sql");
        Files.writeString(file, ddl);
        try (SqlAnalyzer analyzer = new SqlAnalyzer()) {
            SchemaImporter importer = new SchemaImporter(store, analyzer);
            SchemaImporter.Report stored = importer.importFile(file, SchemaFormat.DDL, "shop", "postgresql");
            if (validate) {
                importer.validate(stored, n -> {}, () -> false);
            }
        }
    }
}
