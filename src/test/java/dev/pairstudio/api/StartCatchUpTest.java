package dev.pairstudio.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.pair.Source;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.testing.TestPair;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A collector started on a file where a crash left pairs unanalysed finishes them without waiting for a request. */
class StartCatchUpTest {
    @TempDir
    Path dir;

    @Test
    void pairsACrashLeftUnanalysedAreAnalysedAtStart() throws Exception {
        try (Database store = Databases.open(dir.resolve("db").toString())) {
            // stored without analysis, as a collector killed between its commit and its background pass leaves them
            store.addAll(
                    List.of(
                            TestPair.of("a", "How many orders?", "SELECT COUNT(*) FROM orders")
                                    .build(),
                            TestPair.of("b", "Names of customers", "SELECT name FROM customers")
                                    .build()),
                    null,
                    Source.API,
                    "t");
            assertThat(store.unanalysed(0, 10)).hasSize(2);
            try (CollectorServer server =
                    CollectorServer.start(store, CollectorConfig.defaults().withPort(0))) {
                long until = System.nanoTime() + 30_000_000_000L;
                while (!store.unanalysed(0, 10).isEmpty() && System.nanoTime() < until) {
                    Thread.sleep(50);
                }
                assertThat(store.unanalysed(0, 10)).as("no request was made").isEmpty();
            }
        }
    }
}
