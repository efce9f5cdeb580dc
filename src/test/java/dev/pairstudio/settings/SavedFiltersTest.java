package dev.pairstudio.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairstudio.pair.ComplexityLevel;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedFiltersTest {
    @TempDir
    Path dir;

    private static final PairFilter EVERY_FIELD = PairFilter.ALL
            .withDates(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-02-01T00:00:00Z"))
            .withSuccess(false)
            .withDatabaseTypes(Set.of("mysql"))
            .withDatabaseNames(Set.of("shop", "hr"))
            .withQueryTypes(Set.of(QueryType.SELECT, QueryType.MERGE))
            .withStatuses(Set.of(ReviewStatus.ACCEPTED))
            .withFlags(Set.of(QualityFlag.CONTAINS_PII))
            .withComplexity(Set.of(ComplexityLevel.HARD))
            .withPiiTypes(Set.of("EMAIL"))
            .withTables(Set.of("public.users"))
            .withText("ord(er)?s", true)
            .withDuplicateGroup(42L)
            .withChangedSince(Instant.parse("2025-03-01T12:00:00.123456Z"));

    @Test
    void everyFieldSurvivesJson() {
        assertThat(PairFilterJson.fromString(PairFilterJson.toString(EVERY_FIELD)))
                .isEqualTo(EVERY_FIELD);
        assertThat(PairFilterJson.toString(PairFilter.ALL)).isEqualTo("{}");
        assertThatThrownBy(() -> PairFilterJson.fromString("{\"statuses\":[\"MAYBE\"]}"))
                .hasMessageContaining("\"statuses\" has an unknown value \"MAYBE\"");
    }

    @Test
    void namedFiltersPersistWithTheDatabase() {
        try (Database store = Databases.open(dir.resolve("db").toString())) {
            SavedFilters saved = new SavedFilters(store);
            saved.save("Failed MySQL", EVERY_FIELD);
            saved.save("accepted", PairFilter.ALL.withStatuses(Set.of(ReviewStatus.ACCEPTED)));
            assertThatThrownBy(() -> saved.save(" ", PairFilter.ALL)).hasMessageContaining("needs a name");
        }
        try (Database store = Databases.open(dir.resolve("db").toString())) {
            SavedFilters saved = new SavedFilters(store);
            assertThat(saved.names()).containsExactly("accepted", "Failed MySQL");
            assertThat(saved.get("Failed MySQL")).contains(EVERY_FIELD);
            saved.delete("accepted");
            assertThat(saved.names()).containsExactly("Failed MySQL");
        }
    }
}
