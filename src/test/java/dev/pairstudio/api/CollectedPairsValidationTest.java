package dev.pairstudio.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.schema.DdlSchemaReader;
import dev.pairstudio.schema.SchemaImporter;
import dev.pairstudio.sql.SqlAnalyzer;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pairs a text-to-SQL assistant posts are checked against their database's schema in the background. */
class CollectedPairsValidationTest {
    @TempDir
    Path dir;

    @Test
    void aCollectedPairWithAWrongColumnIsFlaggedWithinSeconds() throws Exception {
        try (Database store = Databases.open(dir.resolve("pairs").toString());
                SqlAnalyzer analyzer = new SqlAnalyzer()) {
            new SchemaImporter(store, analyzer)
                    .store(
                            new DdlSchemaReader(analyzer)
                                    .read("CREATE TABLE customers (id INT, name TEXT);", "shop", "postgresql"),
                            "test");
            try (CollectorServer server = CollectorServer.start(
                    store, CollectorConfig.defaults().withPort(0).withThreads(2))) {
                TestClient api = new TestClient(server);
                assertThat(api.post(
                                        "/pairs",
                                        "{\"natural_language_query\":\"Customer names\",\"sql_query\":\"SELECT nmae FROM customers\","
                                                + "\"database_type\":\"postgresql\",\"database_name\":\"shop\"}")
                                .statusCode())
                        .isEqualTo(201);
                PairFilter unknown = PairFilter.ALL.withFlags(Set.of(QualityFlag.UNKNOWN_COLUMN));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (store.count(unknown) == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(store.count(unknown)).as("validated within seconds").isEqualTo(1);
            }
        }
    }
}
