package dev.pairstudio.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.pair.Source;
import dev.pairstudio.sql.SqlAnalyzer;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.testing.TestPair;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the window does when it opens a database: pairs without a validation against the newest schema get one. */
class PendingValidationTest {
    @TempDir
    Path dir;

    private static Pair pair(String id, String sql, String db) {
        return TestPair.of(id, "Question " + id, sql).on("postgresql", db).build();
    }

    private static DatabaseSchema shop(String nameColumn) {
        return new DatabaseSchema(
                "shop",
                "postgresql",
                List.of(new SchemaTable(
                        "customers",
                        List.of(new SchemaColumn("id", "INT"), new SchemaColumn(nameColumn, "TEXT")),
                        List.of("id"),
                        List.of())));
    }

    @Test
    void pairsStoredBeforeTheirSchemaAreValidatedOnceAndStaleOnesAgainstTheNewVersion() {
        try (Database store = Databases.open(dir.resolve("db").toString());
                SqlAnalyzer analyzer = new SqlAnalyzer()) {
            // pairs first (no schema yet, so no validation), like an import before the schema or with --no-analysis
            store.addAll(
                    List.of(
                            pair("p1", "SELECT name FROM customers", "shop"),
                            pair("p2", "SELECT nmae FROM customers", "shop"),
                            pair("p3", "SELECT x FROM staff", "hr")),
                    null,
                    Source.FILE,
                    "t");
            assertThat(ValidationRun.runPending(store, analyzer, 2, n -> {}, () -> false))
                    .isZero(); // no schema at all
            // stored directly, as schema import --no-validate leaves it
            store.saveSchema("shop", "test", SchemaJson.write(shop("name")));
            assertThat(store.unvalidated(0, 100))
                    .extracting(p -> p.pair().pairId())
                    .containsExactly("p1", "p2");

            assertThat(ValidationRun.runPending(store, analyzer, 2, n -> {}, () -> false))
                    .isEqualTo(2);
            assertThat(store.count(PairFilter.ALL.withFlags(Set.of(QualityFlag.UNKNOWN_COLUMN))))
                    .isEqualTo(1);
            assertThat(store.unvalidated(0, 100)).isEmpty();
            assertThat(ValidationRun.runPending(store, analyzer, 2, n -> {}, () -> false))
                    .isZero(); // nothing left: cheap on every start

            // a new version that nobody checked: both pairs are stale and checked again, now p1 is the wrong one
            store.saveSchema("shop", "test v2", SchemaJson.write(shop("nmae")));
            assertThat(ValidationRun.runPending(store, analyzer, 1, n -> {}, () -> false))
                    .isEqualTo(2);
            List<StoredPair> flagged = store.query(
                            PairFilter.ALL.withFlags(Set.of(QualityFlag.UNKNOWN_COLUMN)), PairSort.INSERTION, null, 10)
                    .rows();
            assertThat(flagged).extracting(p -> p.pair().pairId()).containsExactly("p1");
            long v2 = store.latestSchemas().get(0).id();
            assertThat(store.validation(flagged.get(0).id()))
                    .get()
                    .extracting(r -> r.schemaId())
                    .isEqualTo(v2);
        }
    }

    @Test
    void aCancelledRunStopsAndTheRestIsLeftForNextTime() {
        try (Database store = Databases.open(dir.resolve("db").toString());
                SqlAnalyzer analyzer = new SqlAnalyzer()) {
            store.addAll(List.of(pair("p1", "SELECT name FROM customers", "shop")), null, Source.FILE, "t");
            store.saveSchema("shop", "test", SchemaJson.write(shop("name")));
            assertThat(ValidationRun.runPending(store, analyzer, 1, n -> {}, () -> true))
                    .isZero();
            assertThat(store.unvalidated(0, 100)).hasSize(1);
        }
    }
}
