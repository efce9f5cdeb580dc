package dev.pairstudio.ui.export;

import dev.pairstudio.export.ExportProfile;
import dev.pairstudio.export.ExportProfiles;
import dev.pairstudio.export.ExportResult;
import dev.pairstudio.export.Preset;
import dev.pairstudio.privacy.Policy;
import dev.pairstudio.settings.PrivacySettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.css.PseudoClass;
import javafx.scene.control.Alert;
import javafx.stage.Window;
import org.controlsfx.dialog.Wizard;
import org.controlsfx.dialog.WizardPane;

/**
 * The export wizard (ControlsFX {@link Wizard}): scope, format with a live preview, privacy per
 * type with findings counts and a before/after sample, split and duplicates with counts per
 * split, destination, then summary and the export itself with progress, rate and cancel, and
 * "Open folder" / "Copy path" when done. The pages share one {@link ExportViewModel};
 * {@code setReadSettings(false)} because the pages write to it directly. Everything that reads
 * the store or writes files runs in {@link dev.pairstudio.ui.BackgroundJobs}.
 *
 * <p>Defaults: the last used profile's settings (else privacy-on JSONL) and the folder
 * {@link ExportContext#exportFolder()} ({@code <user data directory>/exports} unless the
 * profile names another). Closing the wizard during an export cancels it; nothing is left behind.
 */
public final class ExportWizard {
    private final ExportContext ctx;
    private final ExportViewModel vm;
    private final Wizard wizard;
    private final ScopePage scope;
    private final FormatPage format;
    private final PrivacyPage privacy;
    private final SplitPage split;
    private final DestinationPage destination;
    private final RunPage run;

    /** What the wizard needs from the store before it opens, read in the background. */
    record Start(
            List<String> profileNames,
            String lastUsed,
            ExportProfile lastProfile,
            Policy databasePolicy,
            Policy profilePolicy,
            Map<String, Preset> presets) {}

    private ExportWizard(Window owner, ExportContext ctx, Start start, Consumer<ExportResult> onExported) {
        this.ctx = ctx;
        Path folder = ctx.exportFolder();
        this.vm = new ExportViewModel(
                ctx.currentFilter(), ctx.selection(), start.presets(), start.databasePolicy(), folder);
        if (start.lastProfile() != null) {
            vm.load(
                    start.lastProfile(),
                    start.profilePolicy() != null ? start.profilePolicy() : start.databasePolicy());
        }
        wizard = new Wizard(owner, "Export pairs");
        wizard.setReadSettings(false);
        scope = new ScopePage(
                vm, ctx, start.profileNames(), start.lastUsed(), name -> loadProfile(name, start.databasePolicy()));
        format = new FormatPage(vm, ctx);
        privacy = new PrivacyPage(vm, ctx);
        split = new SplitPage(vm, ctx);
        destination = new DestinationPage(vm);
        run = new RunPage(vm, ctx, onExported);
        boolean dark = owner != null
                && owner.getScene() != null
                && owner.getScene().getRoot() != null
                && owner.getScene().getRoot().getPseudoClassStates().contains(PseudoClass.getPseudoClass("dark"));
        for (WizardPane p : pages()) {
            p.pseudoClassStateChanged(PseudoClass.getPseudoClass("dark"), dark);
        }
        wizard.setFlow(new Wizard.LinearFlow(pages()));
    }

    /** Opens the wizard over {@code owner}; returns at once (the store is read first, in the background). */
    public static void show(Window owner, ExportContext ctx) {
        show(owner, ctx, r -> {});
    }

    /**
     * @param onExported runs on the FX thread after each successful export from the wizard (a status
     *                   line in the window, say)
     */
    public static void show(Window owner, ExportContext ctx, Consumer<ExportResult> onExported) {
        show(owner, ctx, onExported, w -> {});
    }

    /** For tests: {@code opened} gets the wizard just before it shows (and blocks in its nested event loop). */
    static void show(
            Window owner, ExportContext ctx, Consumer<ExportResult> onExported, Consumer<ExportWizard> opened) {
        Task<Start> loading = new Task<>() {
            @Override
            protected Start call() {
                return load(ctx);
            }
        };
        loading.setOnSucceeded(e -> {
            ExportWizard w = new ExportWizard(owner, ctx, loading.getValue(), onExported);
            opened.accept(w);
            w.showAndWait();
        });
        loading.setOnFailed(e -> {
            Alert a = new Alert(
                    Alert.AlertType.ERROR,
                    "The export wizard could not open: "
                            + loading.getException().getMessage());
            a.initOwner(owner);
            a.show();
        });
        ctx.jobs().run(loading);
    }

    static Start load(ExportContext ctx) {
        ExportProfiles profiles = new ExportProfiles(ctx.store());
        List<String> names = profiles.names();
        String last = profiles.lastUsed().filter(names::contains).orElse(null);
        ExportProfile lastProfile = last == null ? null : profiles.load(last).orElse(null);
        Policy db = PrivacySettings.policy(ctx.store());
        Policy own =
                lastProfile != null && lastProfile.policyFile() != null ? loadPolicy(lastProfile.policyFile()) : null;
        return new Start(names, last, lastProfile, db, own, Preset.available(ctx.presetsFolder()));
    }

    private static Policy loadPolicy(String file) {
        try {
            return Policy.load(Path.of(file));
        } catch (RuntimeException e) {
            return null; // the file is gone or damaged: start from the database's policy
        }
    }

    private void loadProfile(String name, Policy databasePolicy) {
        if (name == null) {
            vm.profileName.set("");
            return;
        }
        Latest<Object[]> loading = new Latest<>(ctx.jobs());
        loading.submit(
                job -> {
                    ExportProfile p = new ExportProfiles(ctx.store()).load(name).orElseThrow();
                    Policy own = p.policyFile() != null ? loadPolicy(p.policyFile()) : null;
                    return new Object[] {p, own != null ? own : databasePolicy};
                },
                loaded -> vm.load((ExportProfile) loaded[0], (Policy) loaded[1]),
                e -> {});
    }

    private WizardPane[] pages() {
        return new WizardPane[] {scope, format, privacy, split, destination, run};
    }

    /** Blocks in a nested event loop until the wizard closes; a running export is then cancelled. */
    public Optional<ExportResult> showAndWait() {
        wizard.showAndWait();
        ExportTask t = run.task();
        if (t != null && t.isRunning()) {
            t.cancel();
        }
        return Optional.ofNullable(run.result());
    }

    public ExportViewModel viewModel() {
        return vm;
    }

    Wizard wizard() {
        return wizard;
    }

    ScopePage scopePage() {
        return scope;
    }

    FormatPage formatPage() {
        return format;
    }

    PrivacyPage privacyPage() {
        return privacy;
    }

    SplitPage splitPage() {
        return split;
    }

    DestinationPage destinationPage() {
        return destination;
    }

    RunPage runPage() {
        return run;
    }
}
