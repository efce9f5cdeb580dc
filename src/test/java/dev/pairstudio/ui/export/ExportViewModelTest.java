package dev.pairstudio.ui.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.export.ExportProfile;
import dev.pairstudio.export.ExportProfiles;
import dev.pairstudio.export.Preset;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.settings.PrivacySettings;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export wizard's model without a window, on a real H2 file: scope, split and destination checks, and profiles that come back. */
class ExportViewModelTest {
    @TempDir
    Path tmp;

    private Database store;
    private Map<String, Preset> presets;

    @BeforeEach
    void open() {
        store = Databases.open(TestDatabases.copyOf("export-view-model", () -> new SyntheticPairs(44).list(300))
                .toString());
        presets = Preset.available(tmp.resolve("presets"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ExportViewModel model(PairFilter filter, Set<Long> selection) {
        return new ExportViewModel(filter, selection, presets, PrivacySettings.policy(store), tmp.resolve("out"));
    }

    @Test
    void theScopeStartsFromWhatTheWindowShowsAndSelectsThosePairsInTheStore() {
        List<Long> ids = new ArrayList<>();
        store.forEach(PairFilter.ALL, PairSort.INSERTION, p -> {
            if (ids.size() < 3) {
                ids.add(p.id());
            }
        });
        ExportViewModel selected = model(PairFilter.ALL, Set.copyOf(ids));
        assertThat(selected.scope.get()).isEqualTo(ExportViewModel.Scope.SELECTION);
        assertThat(store.count(selected.scopeFilter())).isEqualTo(3);

        PairFilter failed = PairFilter.ALL.withSuccess(false);
        ExportViewModel filtered = model(failed, Set.of());
        assertThat(filtered.scope.get()).isEqualTo(ExportViewModel.Scope.FILTER);
        assertThat(store.count(filtered.scopeFilter()))
                .isEqualTo(store.count(failed))
                .isPositive();

        ExportViewModel trash = model(PairFilter.ALL.withTrash(true), Set.of());
        assertThat(trash.scope.get())
                .as("the trash is never exported: the wizard starts from every pair")
                .isEqualTo(ExportViewModel.Scope.ALL);

        filtered.acceptedOnly.set(true);
        filtered.scopeCount.set(store.count(filtered.scopeFilter().withStatuses(Set.of(ReviewStatus.ACCEPTED))));
        assertThat(filtered.scopeProblemProperty().get())
                .isEqualTo("Nothing to export: the scope has no pairs that a reviewer accepted.");
    }

    @Test
    void splitSharesAndSeedAreCheckedAsTheyAreTyped() {
        ExportViewModel vm = model(PairFilter.ALL, Set.of());
        vm.split.set(true);
        assertThat(vm.splitProblemProperty().get()).isEmpty();
        vm.test.set("20");
        assertThat(vm.splitProblemProperty().get()).isEqualTo("The shares add up to 110; they must add up to 100.");
        vm.train.set("0");
        assertThat(vm.splitProblemProperty().get()).isEqualTo("Train needs a share above 0.");
        vm.train.set("seventy");
        assertThat(vm.splitProblemProperty().get()).startsWith("Train, validation and test must be whole numbers");
        vm.train.set("70");
        vm.seed.set("4x2");
        assertThat(vm.splitProblemProperty().get()).isEqualTo("The seed must be a whole number, such as 42.");
        vm.seed.set("7");
        assertThat(vm.splitProblemProperty().get()).isEmpty();
    }

    @Test
    void thePlannedFilesAreTheSplitFilesAndTheirManifest() throws Exception {
        ExportViewModel vm = model(PairFilter.ALL, Set.of());
        vm.fileName.set("pairs.jsonl");
        vm.split.set(true);
        vm.gzip.set(true);
        Path out = tmp.resolve("out").toAbsolutePath().normalize();
        assertThat(vm.plannedFiles())
                .containsExactly(
                        out.resolve("pairs.train.jsonl.gz"),
                        out.resolve("pairs.validation.jsonl.gz"),
                        out.resolve("pairs.test.jsonl.gz"),
                        out.resolve("pairs.manifest.json"));

        Files.writeString(tmp.resolve("a-file"), "not a folder");
        vm.folder.set(tmp.resolve("a-file").toString());
        assertThat(vm.destinationProblemProperty().get())
                .as("a file where the folder should be")
                .isNotEmpty();
    }

    /** Choices saved as a profile in the store come back into a fresh wizard. */
    @Test
    void aProfileSavedInTheStoreLoadsBackIntoANewWizard() {
        ExportViewModel vm = model(PairFilter.ALL, Set.of());
        vm.profileName.set("weekly");
        vm.format.set("csv");
        vm.split.set(true);
        vm.train.set("70");
        vm.validation.set("15");
        vm.test.set("15");
        vm.seed.set("2026");
        vm.acceptedOnly.set(true);
        ExportProfiles profiles = new ExportProfiles(store);
        profiles.save(vm.profile(null));

        ExportViewModel next = model(PairFilter.ALL, Set.of());
        ExportProfile loaded = profiles.load("weekly").orElseThrow();
        next.load(loaded, null);
        assertThat(next.format.get()).isEqualTo("csv");
        assertThat(next.fileName.get()).endsWith(".csv");
        assertThat(List.of(next.train.get(), next.validation.get(), next.test.get()))
                .containsExactly("70", "15", "15");
        assertThat(next.seedValue()).isEqualTo(2026);
        assertThat(next.acceptedOnly.get()).isTrue();
        assertThat(next.splitProblemProperty().get()).isEmpty();
    }
}
