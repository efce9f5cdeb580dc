package dev.pairstudio.ui.export;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.UserDataDirectory;
import dev.pairstudio.ui.BackgroundJobs;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * What the export wizard and the one-click export need from the main window, taken when they
 * open: the store, the background executor, the current filter and selection, and folders.
 *
 * @param currentFilter the filter the table shows (the trash flag is ignored: the trash is never exported)
 * @param selection     store ids of the selected rows, empty when none
 * @param exportFolder  where exports go unless a profile names another folder:
 *                      {@code <user data directory>/exports} by default ({@link #defaultExportFolder()}),
 *                      which follows {@code PAIRSTUDIO_HOME} for portable installs and tests
 * @param presetsFolder user preset files ({@code <user data directory>/presets}, as the CLI)
 * @param policyFolder  where the wizard keeps the policy files its profiles refer to
 *                      ({@code <user data directory>/policies})
 */
public record ExportContext(
        Database store,
        BackgroundJobs jobs,
        PairFilter currentFilter,
        Set<Long> selection,
        Path exportFolder,
        Path presetsFolder,
        Path policyFolder) {

    public ExportContext {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(jobs, "jobs");
        currentFilter = currentFilter == null ? PairFilter.ALL : currentFilter.withTrash(false);
        selection = selection == null ? Set.of() : Set.copyOf(selection);
        exportFolder = exportFolder == null ? defaultExportFolder() : exportFolder;
        presetsFolder = presetsFolder == null ? UserDataDirectory.get().resolve("presets") : presetsFolder;
        policyFolder = policyFolder == null ? UserDataDirectory.get().resolve("policies") : policyFolder;
    }

    /** The usual context: default folders under the user data directory. */
    public static ExportContext of(Database store, BackgroundJobs jobs, PairFilter currentFilter, Set<Long> selection) {
        return new ExportContext(store, jobs, currentFilter, selection, null, null, null);
    }

    /** {@code <user data directory>/exports}; created on the first export. */
    public static Path defaultExportFolder() {
        return UserDataDirectory.get().resolve("exports");
    }

    public ExportContext withExportFolder(Path folder) {
        return new ExportContext(store, jobs, currentFilter, selection, folder, presetsFolder, policyFolder);
    }
}
