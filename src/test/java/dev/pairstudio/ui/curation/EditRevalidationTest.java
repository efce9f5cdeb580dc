package dev.pairstudio.ui.curation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.ingest.AnalyzingEnricher;
import dev.pairstudio.ingest.DuplicateTracker;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.pair.Source;
import dev.pairstudio.schema.SchemaFormat;
import dev.pairstudio.schema.SchemaImporter;
import dev.pairstudio.schema.ValidationRun;
import dev.pairstudio.sql.SqlAnalyzer;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.testing.TestPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editing a pair checks it against its schema again: fixing the SQL clears the flag, undo brings it back. */
class EditRevalidationTest {
    @TempDir
    Path dir;

    @Test
    void anEditIsValidatedAgainstTheSchema() throws Exception {
        try (Database store = Databases.open(dir.resolve("db").toString());
                SqlAnalyzer analyzer = new SqlAnalyzer();
                AnalyzingEnricher enricher = AnalyzingEnricher.forStore(store)) {
            long id = store.addAll(
                            List.of(TestPair.of("e1", "Customer names", "SELECT nmae FROM customers")
                                    .at(Instant.EPOCH)
                                    .build()),
                            null,
                            Source.FILE,
                            "t")
                    .ids()
                    .get(0);
            Path ddl = dir.resolve("shop.sql");
            Files.writeString(ddl, "CREATE TABLE customers (id INT, name TEXT);");
            new SchemaImporter(store, analyzer).importFile(ddl, SchemaFormat.DDL, "shop", "postgresql");
            ValidationRun.run(store, analyzer, PairFilter.ALL, 1, n -> {}, () -> false);
            PairFilter unknown = PairFilter.ALL.withFlags(Set.of(QualityFlag.UNKNOWN_COLUMN));
            assertThat(store.count(unknown)).isEqualTo(1);

            Curator curator = new Curator(
                    store,
                    enricher,
                    new DuplicateTracker(store),
                    edited -> ValidationRun.validateNow(store, analyzer, List.of(edited)));
            curator.edit(store.get(id).orElseThrow(), "Customer names", "SELECT name FROM customers");
            assertThat(store.count(unknown)).isZero();
            assertThat(store.validation(id).orElseThrow().flags()).isZero();

            curator.undo();
            assertThat(store.count(unknown)).isEqualTo(1);
        }
    }
}
