package dev.pairstudio.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairAnalysis;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.pair.Source;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.store.StoredSchema;
import dev.pairstudio.testing.AnalyzerFixture;
import dev.pairstudio.testing.TempStore;
import dev.pairstudio.testing.TestPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Schemas and validation results in a real H2 file: versions, flags in filters, and what survives re-analysis and edits. */
class SchemaValidationStoreTest {
    @RegisterExtension
    static final AnalyzerFixture shared = new AnalyzerFixture();

    @RegisterExtension
    final TempStore h2 = new TempStore();

    private List<Long> add(String db, String... questionSql) {
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < questionSql.length; i += 2) {
            pairs.add(TestPair.of(db + "-" + i, questionSql[i], questionSql[i + 1])
                    .on("postgresql", db)
                    .build());
        }
        return h2.store().addAll(pairs, null, Source.FILE, "test").ids();
    }

    private Path ddl(String text) throws Exception {
        Path f = h2.dir().resolve("schema-" + System.nanoTime() + ".sql");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void ddlThatDoesNotParseIsReportedWithItsLineAndTheRestIsImported() throws Exception {
        Path file = ddl("""
                -- shop schema
                CREATE TABLE customers (id INT PRIMARY KEY, name TEXT);

                CREATE TABLE broken (id INT,, name TEXT);
                CREATE INDEX customers_name ON customers (name);
                CREATE TABLE orders (id INT, customer_id INT REFERENCES customers (id), total NUMERIC(8,2));
                """);
        SchemaImporter.Report r = new SchemaImporter(h2.store(), shared.analyzer())
                .importFile(file, SchemaFormat.DDL, "shop", "postgresql");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.statement()).startsWith("CREATE TABLE broken");
        });
        assertThat(r.skippedStatements()).isEqualTo(1);
        assertThat(r.unknownDatabases()).containsExactly("shop"); // no pair uses it yet: stored all the same
        DatabaseSchema schema =
                SchemaJson.read(h2.store().latestSchemas().get(0).definition());
        assertThat(schema.tables()).extracting(SchemaTable::name).containsExactly("customers", "orders");
        assertThat(schema.table("orders").orElseThrow().foreignKeys())
                .containsExactly(new ForeignKey("customer_id", "customers", "id"));
        assertThat(schema.table("customers").orElseThrow().primaryKey()).containsExactly("id");
    }

    @Test
    void everyImportIsANewVersionAndValidationNamesTheVersionItUsed() throws Exception {
        List<Long> ids =
                add("shop", "Customer names", "SELECT name FROM customers", "Emails", "SELECT email FROM customers");
        SchemaImporter importer = new SchemaImporter(h2.store(), shared.analyzer());
        importer.importFile(ddl("CREATE TABLE customers (id INT, name TEXT);"), SchemaFormat.DDL, "shop", "postgresql");
        ValidationSummary first =
                ValidationRun.run(h2.store(), shared.analyzer(), PairFilter.ALL, 2, n -> {}, () -> false);
        assertThat(first.validated()).isEqualTo(2);
        assertThat(first.flagged()).containsEntry(QualityFlag.UNKNOWN_COLUMN, 1L);
        long v1 = h2.store().validation(ids.get(1)).orElseThrow().schemaId();

        importer.importFile(
                ddl("CREATE TABLE customers (id INT, name TEXT, email TEXT);"), SchemaFormat.DDL, "shop", "postgresql");
        StoredSchema latest = h2.store().latestSchemas().get(0);
        assertThat(latest.version()).isEqualTo(2);
        ValidationRun.run(h2.store(), shared.analyzer(), PairFilter.ALL, 2, n -> {}, () -> false);
        assertThat(h2.store().validation(ids.get(1)).orElseThrow().schemaId())
                .isEqualTo(latest.id())
                .isNotEqualTo(v1);
        assertThat(h2.store().schema(v1).orElseThrow().version()).isEqualTo(1); // the old version stays
        assertThat(h2.store().count(PairFilter.ALL.withFlags(Set.of(QualityFlag.UNKNOWN_COLUMN))))
                .isZero();
    }

    @Test
    void validationFlagsAreFilterableAndSurviveReanalysisAndReopening() throws Exception {
        List<Long> ids =
                add("shop", "Customer names", "SELECT nmae FROM customers", "All names", "SELECT name FROM customers");
        new SchemaImporter(h2.store(), shared.analyzer())
                .importFile(ddl("CREATE TABLE customers (id INT, name TEXT);"), SchemaFormat.DDL, "shop", null);
        ValidationRun.run(h2.store(), shared.analyzer(), PairFilter.ALL, 1, n -> {}, () -> false);
        PairFilter unknownColumn = PairFilter.ALL.withFlags(Set.of(QualityFlag.UNKNOWN_COLUMN));
        assertThat(h2.store().count(unknownColumn)).isEqualTo(1);
        assertThat(h2.store().get(ids.get(0)).orElseThrow().analysis().flags()).contains(QualityFlag.UNKNOWN_COLUMN);

        // re-analysis rewrites the analysis row; the validation flags are in their own table
        h2.store()
                .reanalysed(
                        ids.get(0),
                        List.of("customers"),
                        new PairAnalysis(
                                QueryType.SELECT,
                                "fp",
                                null,
                                Set.of(QualityFlag.SHORT_QUESTION),
                                null,
                                Set.of(),
                                null));
        assertThat(h2.store().count(unknownColumn)).isEqualTo(1);
        assertThat(h2.store().get(ids.get(0)).orElseThrow().analysis().flags())
                .containsExactlyInAnyOrder(QualityFlag.UNKNOWN_COLUMN, QualityFlag.SHORT_QUESTION);
        assertThat(ValidationMessages.read(
                        h2.store().validation(ids.get(0)).orElseThrow().messages()))
                .singleElement()
                .satisfies(m -> assertThat(m.text()).contains("nmae"));

        h2.reopen();
        assertThat(h2.store().count(unknownColumn)).isEqualTo(1);
    }

    @Test
    void anotherProcessSeesValidationFlagsThroughTheChangeLog() throws Exception {
        add("shop", "Customer names", "SELECT nmae FROM customers");
        PairFilter unknownColumn = PairFilter.ALL.withFlags(Set.of(QualityFlag.UNKNOWN_COLUMN));
        assertThat(h2.store().count(unknownColumn)).isZero(); // index built before the validation
        try (Database other = Databases.open(h2.path())) {
            new SchemaImporter(other, shared.analyzer())
                    .importFile(ddl("CREATE TABLE customers (id INT, name TEXT);"), SchemaFormat.DDL, "shop", null);
            ValidationRun.run(other, shared.analyzer(), PairFilter.ALL, 1, n -> {}, () -> false);
        }
        assertThat(h2.store().count(unknownColumn)).isEqualTo(1);
    }

    @Test
    void pairsOfDatabasesWithoutSchemaAreCountedAndLeftAlone() {
        add("hr", "Employees", "SELECT * FROM staff");
        ValidationSummary s = ValidationRun.run(h2.store(), shared.analyzer(), PairFilter.ALL, 1, n -> {}, () -> false);
        assertThat(s.validated()).isZero();
        assertThat(s.withoutSchema()).containsEntry("hr", 1L);
    }

    @Test
    void purgingAPairTakesItsValidationWithIt() throws Exception {
        List<Long> ids = add("shop", "Customer names", "SELECT nmae FROM customers");
        new SchemaImporter(h2.store(), shared.analyzer())
                .importFile(ddl("CREATE TABLE customers (id INT, name TEXT);"), SchemaFormat.DDL, "shop", null);
        ValidationRun.run(h2.store(), shared.analyzer(), PairFilter.ALL, 1, n -> {}, () -> false);
        h2.store().trash(ids);
        h2.store().purge();
        assertThat(h2.store().validation(ids.get(0))).isEmpty();
    }
}
