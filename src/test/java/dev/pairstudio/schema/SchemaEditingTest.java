package dev.pairstudio.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.pair.Source;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.StoredSchema;
import dev.pairstudio.store.ValidationResult;
import dev.pairstudio.testing.AnalyzerFixture;
import dev.pairstudio.testing.TempStore;
import dev.pairstudio.testing.TestPair;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Editing a stored schema as CREATE TABLE text, and deleting one, in a real H2 file. */
class SchemaEditingTest {
    static final DatabaseSchema SHOP = new DatabaseSchema(
            "shop",
            "postgresql",
            List.of(
                    new SchemaTable(
                            "customers",
                            List.of(
                                    new SchemaColumn("id", "INT"),
                                    new SchemaColumn("name", "TEXT"),
                                    new SchemaColumn("email", "VARCHAR(200)")),
                            List.of("id"),
                            List.of()),
                    new SchemaTable(
                            "orders",
                            List.of(
                                    new SchemaColumn("id", "INT"),
                                    new SchemaColumn("customer_id", "INT"),
                                    new SchemaColumn("total", "NUMERIC(10, 2)")),
                            List.of("id"),
                            List.of(new ForeignKey("customer_id", "customers", "id")))));

    @RegisterExtension
    static final AnalyzerFixture shared = new AnalyzerFixture();

    @RegisterExtension
    final TempStore h2 = new TempStore();

    @Test
    void theTextOfAStoredSchemaReadsBackAsTheSameTables() {
        String text = SchemaEditing.text(SHOP);
        assertThat(text).startsWith("CREATE TABLE customers (\n    id INT,\n    name TEXT,");
        SchemaEditing.Check check = SchemaEditing.check(shared.analyzer(), text, SHOP);
        assertThat(check.savable()).isTrue();
        assertThat(check.schema()).isEqualTo(SHOP);
        assertThat(check.summary()).isEqualTo("2 tables, 6 columns.");
    }

    @Test
    void aSpiderSchemaWithSpacesInNamesReadsBackToo() {
        DatabaseSchema spider = new DatabaseSchema(
                "concert_singer",
                "sqlite",
                List.of(
                        new SchemaTable(
                                "singer in concert",
                                List.of(
                                        new SchemaColumn("concert_ID", "number"),
                                        new SchemaColumn("Singer ID", "text")),
                                List.of("concert_ID", "Singer ID"),
                                List.of(new ForeignKey("Singer ID", "singer", "Singer ID"))),
                        new SchemaTable(
                                "singer",
                                List.of(new SchemaColumn("Singer ID", "text"), new SchemaColumn("Name", "text")),
                                List.of("Singer ID"),
                                List.of())));
        SchemaEditing.Check check = SchemaEditing.check(shared.analyzer(), SchemaEditing.text(spider), spider);
        assertThat(check.problems()).isEmpty();
        assertThat(check.schema()).isEqualTo(spider);
    }

    @Test
    void aStatementThatDoesNotParseBlocksSavingAndIsReportedByLine() {
        String text = SchemaEditing.text(SHOP).replace("    total NUMERIC(10, 2),", "    total NUMERIC(10, 2),,");
        SchemaEditing.Check check = SchemaEditing.check(shared.analyzer(), text, SHOP);
        assertThat(check.savable()).isFalse();
        assertThat(check.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(8); // customers takes lines 1-6, a blank line, then orders
            assertThat(p.statement()).startsWith("CREATE TABLE orders");
        });
        assertThat(check.summary()).isEqualTo("1 table, 3 columns; 1 statement does not parse: fix it to save.");
        StoredSchema v1 = h2.store().saveSchema("shop", "test", SchemaJson.write(SHOP));
        assertThatThrownBy(() -> SchemaEditing.save(h2.store(), shared.analyzer(), v1, check, () -> false))
                .hasMessageContaining("The schema of shop was not saved");
        assertThat(h2.store().latestSchemas()).containsExactly(v1); // orders was not dropped behind the user's back
    }

    @Test
    void savingStoresANewVersionAndChecksTheDatabasesPairsAgainstIt() {
        h2.store()
                .addAll(
                        List.of(TestPair.of("e1", "Customer emails", "SELECT email FROM customers")
                                .build()),
                        null,
                        Source.FILE,
                        "t");
        StoredSchema v1 = h2.store().saveSchema("shop", "shop.sql", SchemaJson.write(SHOP));
        new SchemaImporter(h2.store(), shared.analyzer())
                .validate(new SchemaImporter.Report(List.of(v1), List.of(), 0, List.of()), n -> {}, () -> false);
        assertThat(h2.store().count(PairFilter.ALL.withFlags(Set.of(QualityFlag.UNKNOWN_COLUMN))))
                .isZero();

        String renamed = SchemaEditing.text(SHOP).replace("email VARCHAR(200)", "mail VARCHAR(200)");
        SchemaEditing.Saved saved = SchemaEditing.save(
                h2.store(), shared.analyzer(), v1, SchemaEditing.check(shared.analyzer(), renamed, SHOP), () -> false);

        assertThat(saved.stored().version()).isEqualTo(2);
        assertThat(saved.stored().source()).isEqualTo("edited from version 1");
        assertThat(saved.validation().validated()).isEqualTo(1);
        assertThat(h2.store().count(PairFilter.ALL.withFlags(Set.of(QualityFlag.UNKNOWN_COLUMN))))
                .isEqualTo(1);
        assertThat(h2.store().schema(v1.id())).contains(v1); // the version the pair was first checked with stays
        assertThat(SchemaJson.read(h2.store().latestSchemas().get(0).definition())
                        .table("customers")
                        .orElseThrow()
                        .column("mail"))
                .isPresent();
    }

    @Test
    void deletingASchemaClearsTheChecksOfItsPairsOnly() {
        h2.store()
                .addAll(
                        List.of(
                                TestPair.of("s1", "Customer emails", "SELECT emial FROM customers")
                                        .build(),
                                TestPair.of("h1", "Staff", "SELECT nmae FROM staff")
                                        .on("postgresql", "hr")
                                        .build()),
                        null,
                        Source.FILE,
                        "t");
        h2.store().saveSchema("shop", "a", SchemaJson.write(SHOP));
        h2.store().saveSchema("shop", "b", SchemaJson.write(SHOP));
        h2.store()
                .saveSchema(
                        "hr",
                        "c",
                        SchemaJson.write(new DatabaseSchema(
                                "hr",
                                "postgresql",
                                List.of(new SchemaTable(
                                        "staff",
                                        List.of(new SchemaColumn("id", "INT"), new SchemaColumn("name", "TEXT")),
                                        List.of("id"),
                                        List.of())))));
        ValidationRun.run(h2.store(), shared.analyzer(), PairFilter.ALL, 1, n -> {}, () -> false);
        assertThat(h2.store().count(PairFilter.ALL.withFlags(Set.of(QualityFlag.UNKNOWN_COLUMN))))
                .isEqualTo(2);
        assertThat(h2.store().validationsAgainst("shop")).isEqualTo(1);

        assertThat(h2.store().deleteSchema("shop")).isEqualTo(1);

        assertThat(h2.store().latestSchemas())
                .extracting(StoredSchema::databaseName)
                .containsExactly("hr");
        assertThat(h2.store()
                        .query(
                                PairFilter.ALL.withFlags(Set.of(QualityFlag.UNKNOWN_COLUMN)),
                                PairSort.INSERTION,
                                null,
                                10)
                        .rows())
                .extracting(p -> p.pair().pairId())
                .containsExactly("h1");
        assertThat(h2.store().validationsAgainst("shop")).isZero();
        assertThat(h2.store().unvalidated(0, 10)).isEmpty(); // no schema for shop: nothing pending either
        // a schema no pair was checked against goes too
        h2.store().saveSchema("later", "d", SchemaJson.write(SHOP.named("later")));
        assertThat(h2.store().deleteSchema("later")).isZero();
        assertThat(h2.store().latestSchemas())
                .extracting(StoredSchema::databaseName)
                .containsExactly("hr");
    }

    @Test
    void aCheckThatFinishesAfterItsSchemaWasDeletedLeavesNoFlags() {
        long id = h2.store()
                .addAll(
                        List.of(TestPair.of("s1", "Customer emails", "SELECT emial FROM customers")
                                .build()),
                        null,
                        Source.FILE,
                        "t")
                .ids()
                .get(0);
        h2.store().saveSchema("shop", "a", SchemaJson.write(SHOP));
        ValidationRun.run(h2.store(), shared.analyzer(), PairFilter.ALL, 1, n -> {}, () -> false);
        // what a run that loaded the schema before Delete would store after it
        ValidationResult late = h2.store().validation(id).orElseThrow();
        h2.store().deleteSchema("shop");
        h2.store().saveValidations(List.of(late));
        assertThat(h2.store().validation(id)).isEmpty();
        assertThat(h2.store().count(PairFilter.ALL.withFlags(Set.of(QualityFlag.UNKNOWN_COLUMN))))
                .isZero();
    }
}
