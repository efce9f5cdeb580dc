package dev.pairstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairAnalysis;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.pair.Source;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.store.StoredSchema;
import dev.pairstudio.store.TrashBatch;
import dev.pairstudio.store.ValidationResult;
import dev.pairstudio.testing.CliRun;
import dev.pairstudio.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate} between an H2 file and a real PostgreSQL server, both ways: every pair with its
 * curation, the trash, analysis, settings and secret arrive unchanged, ids included, verified.
 */
class MigrateCommandTest {
    @TempDir
    Path dir;

    private String h2;
    private String pg;
    private TrashBatch trashed;

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    /** 12,000 pairs (more than two copy chunks) curated in every way a user can. */
    @BeforeEach
    void curatedH2Dataset() {
        pg = TestPostgres.get().newDatabase();
        h2 = dir.resolve("mine").toString();
        try (Database s = Databases.open(h2)) {
            List<Pair> pairs = new SyntheticPairs(14).list(12_000);
            List<Long> ids = s.addAll(pairs.subList(0, 6_000), null, Source.FILE, "first")
                    .ids();
            s.addAll(pairs.subList(6_000, 12_000), null, Source.API, "second");
            s.setStatus(ids.subList(0, 2_000), ReviewStatus.ACCEPTED);
            s.setStatus(ids.subList(2_000, 2_500), ReviewStatus.REJECTED);
            s.setNote(ids.get(3), "checked with the DBA");
            StoredPair p = s.get(ids.get(4)).orElseThrow();
            s.updateText(p.id(), "Edited question", "SELECT 42", p.version());
            s.updateAnalyses(Map.of(
                    ids.get(5),
                    new PairAnalysis(null, "fp", null, Set.of(QualityFlag.CONTAINS_PII), 7L, Set.of("EMAIL"), null)));
            s.markDuplicates(
                    List.of(new Database.DuplicateMark(ids.get(6), 7L, Set.of(QualityFlag.DUPLICATE))), List.of());
            s.trash(ids.subList(5_000, 5_110));
            s.purge(); // 110 pairs gone for good: ids with gaps
            trashed = s.trash(ids.subList(5_200, 5_300));
            s.putSetting("ui.theme", "dark");
            StoredSchema schema = s.saveSchema("shop", "shop.sql", "{\"tables\":[]}");
            s.saveValidations(
                    List.of(new ValidationResult(ids.get(7), schema.id(), QualityFlag.UNKNOWN_TABLE.bit(), "[]")));
        }
    }

    @Test
    void h2ToPostgresAndBackGivesTheSameDataset() {
        CliRun there = run("migrate", "--from", h2, "--to", pg);
        assertThat(there.err()).isEmpty();
        assertThat(there.code()).isZero();
        assertThat(there.out())
                .contains("pairs")
                .contains("trash")
                .contains("analysis")
                .contains("settings")
                .contains("Verified")
                .doesNotContain("MISMATCH")
                .doesNotContain(TestPostgres.PASSWORD);
        assertThat(there.out()).containsPattern("pairs +11890 +11890 +([0-9a-f]{16}) +\\1 ok");
        assertThat(there.out()).containsPattern("trash +100 +100 ");

        CliRun stats = run("--db", pg, "stats", "--json"); // the live pairs: 11,890 stored, 100 of them in the trash
        assertThat(stats.code()).as(stats.err()).isZero();
        assertThat(stats.out()).containsPattern("\"total_pairs\" ?: ?11790").doesNotContain(TestPostgres.PASSWORD);

        String back = dir.resolve("back").toString();
        CliRun again = run("migrate", "--from", pg, "--to", back);
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("Verified");

        try (Database source = Databases.open(h2);
                Database team = Databases.open(pg);
                Database copy = Databases.open(back)) {
            for (Database target : List.of(team, copy)) {
                assertSameDataset(source, target);
            }
            assertThat(team.restore(trashed.id()))
                    .as("a trash batch stays restorable")
                    .isEqualTo(100);
            long next = team.addAll(List.of(new SyntheticPairs(99).next()), null, Source.MANUAL, "new")
                    .ids()
                    .get(0);
            assertThat(next).as("new pairs get ids after the copied ones").isGreaterThan(12_000);
        }
    }

    private static void assertSameDataset(Database source, Database target) {
        for (boolean trash : List.of(false, true)) {
            PairFilter f = PairFilter.ALL.withTrash(trash);
            assertThat(target.count(f)).isEqualTo(source.count(f));
            assertThat(all(target, f)).isEqualTo(all(source, f));
        }
        assertThat(target.count(PairFilter.ALL.withStatuses(Set.of(ReviewStatus.ACCEPTED))))
                .isEqualTo(2_000);
        assertThat(target.count(PairFilter.ALL.withText("Edited question", false)))
                .isEqualTo(1);
        assertThat(target.privacySecret()).as("pseudonyms stay the same").isEqualTo(source.privacySecret());
        assertThat(target.setting("ui.theme")).contains("dark");
        assertThat(target.latestSchemas()).isEqualTo(source.latestSchemas());
        long validated = source.latestSchemas().get(0).id();
        assertThat(target.count(PairFilter.ALL.withFlags(Set.of(QualityFlag.UNKNOWN_TABLE))))
                .isEqualTo(1);
        assertThat(target.schema(validated)).isPresent();
    }

    private static List<StoredPair> all(Database store, PairFilter filter) {
        List<StoredPair> rows = new ArrayList<>();
        store.forEach(filter, PairSort.INSERTION, rows::add);
        return rows;
    }

    @Test
    void aTargetWithPairsIsRefusedUnlessReplaced() {
        assertThat(run("migrate", "--from", h2, "--to", pg, "--keep-target-secret")
                        .code())
                .isZero();
        try (Database source = Databases.open(h2);
                Database team = Databases.open(pg)) {
            assertThat(team.privacySecret())
                    .as("the target's own secret was kept")
                    .isNotEqualTo(source.privacySecret());
        }
        CliRun refused = run("migrate", "--from", h2, "--to", pg);
        assertThat(refused.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(refused.err())
                .contains("already holds 11890 pairs")
                .contains("--replace")
                .doesNotContain(TestPostgres.PASSWORD);
        CliRun replaced = run("migrate", "--from", h2, "--to", pg, "--replace");
        assertThat(replaced.code()).as(replaced.err()).isZero();
        try (Database source = Databases.open(h2);
                Database team = Databases.open(pg)) {
            assertSameDataset(source, team);
        }
    }

    @Test
    void aSchemaTheCopyDoesNotKnowIsRefusedNotHalfCopied() throws Exception {
        try (Connection c = TestPostgres.get().connect(TestPostgres.databaseOf(pg));
                Statement s = c.createStatement()) {
            Databases.open(pg).close(); // creates the tables
            s.execute("ALTER TABLE pairs ADD COLUMN reviewer VARCHAR(100)"); // as a later migration might
        }
        CliRun r = run("migrate", "--from", pg, "--to", dir.resolve("copy").toString());
        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err()).contains("column pairs.reviewer").contains("cannot copy");
    }

    @Test
    void copyingADatabaseOntoItselfIsRefused() {
        CliRun r = run("migrate", "--from", pg, "--to", pg);
        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err()).contains("the same database");
    }
}
