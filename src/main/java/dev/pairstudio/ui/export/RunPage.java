package dev.pairstudio.ui.export;

import dev.pairstudio.export.ExportProfile;
import dev.pairstudio.export.ExportProfiles;
import dev.pairstudio.export.ExportResult;
import dev.pairstudio.export.ExportTargetPolicy;
import dev.pairstudio.export.SplitAssigner;
import dev.pairstudio.privacy.Operator;
import dev.pairstudio.privacy.PiiType;
import dev.pairstudio.privacy.Policy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.dialog.Wizard;

/**
 * Step 6: the summary, saving the settings as a profile, then the export with progress, rate and
 * cancel; when it is done, the files with "Open folder" and "Copy path". Finish stays disabled
 * until an export succeeded; Cancel during an export stops the export (and leaves no file).
 */
final class RunPage extends StepPage {
    private final ExportContext ctx;
    private final Consumer<ExportResult> onExported;
    private final StringProperty blocked;
    private final GridPane summary = new GridPane();
    final TextField profileName = new TextField();
    final Button saveProfile = new Button("Save profile");
    private final Label profileStatus = new Label();
    final Button run = new Button("Export");
    final Button cancel = new Button("Cancel export");
    final ProgressBar progress = new ProgressBar(0);
    final Label status = new Label();
    private final VBox done = new VBox(8);
    private final Label doneTitle = new Label();
    private final VBox doneFiles = new VBox(2);
    final Label path = new Label();
    private ExportTask task;
    private ExportResult result;

    RunPage(ExportViewModel vm, ExportContext ctx, Consumer<ExportResult> onExported) {
        this(vm, ctx, onExported, new SimpleStringProperty("Press Export to write the files."));
    }

    private RunPage(ExportViewModel vm, ExportContext ctx, Consumer<ExportResult> onExported, StringProperty blocked) {
        super(
                vm,
                "export-run",
                6,
                "Summary and export",
                "Check the choices, then export. You can save them as a profile for the one-click export (Ctrl+E).",
                blocked);
        this.ctx = ctx;
        this.onExported = onExported;
        this.blocked = blocked;
        problem.visibleProperty().unbind();
        problem.managedProperty().unbind();
        problem.setVisible(false);
        problem.setManaged(false);

        summary.setId("export-summary");
        summary.getStyleClass().add("export-summary");
        summary.setHgap(14);
        summary.setVgap(6);
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        summary.getColumnConstraints().setAll(new ColumnConstraints(110), grow);

        profileName.setId("profile-name");
        profileName.setPromptText("Profile name");
        profileName.setPrefColumnCount(18);
        saveProfile.setId("profile-save");
        saveProfile.disableProperty().bind(profileName.textProperty().isEmpty());
        saveProfile.setOnAction(e -> save());
        profileStatus.setId("profile-status");
        profileStatus.getStyleClass().add("muted");
        HBox profileRow = new HBox(8, new Label("Save as profile"), profileName, saveProfile, profileStatus);
        profileRow.setAlignment(Pos.CENTER_LEFT);

        run.setId("export-start");
        run.getStyleClass().add("accent");
        run.setDefaultButton(true);
        run.setOnAction(e -> start());
        cancel.setId("export-cancel");
        cancel.setOnAction(e -> cancelExport());
        cancel.setDisable(true);
        progress.setId("export-progress");
        progress.setPrefWidth(420);
        status.setId("export-status");
        status.setWrapText(true);
        HBox runRow = new HBox(10, run, progress, cancel);
        runRow.setAlignment(Pos.CENTER_LEFT);

        doneTitle.setId("export-done");
        doneTitle.getStyleClass().add("section-title");
        path.setId("export-path");
        path.getStyleClass().add("monospace");
        path.setWrapText(true);
        Button open = new Button("Open folder");
        open.setId("export-open-folder");
        open.setOnAction(e -> openFolder());
        Button copy = new Button("Copy path");
        copy.setId("export-copy-path");
        copy.setOnAction(e -> {
            FolderActions.copy(folderOfResult());
            status.setText("Copied " + folderOfResult() + " to the clipboard.");
        });
        HBox actions = new HBox(8, open, copy);
        done.getChildren().setAll(doneTitle, doneFiles, path, actions);
        done.setId("export-result");
        done.getStyleClass().add("export-result");
        done.setPadding(new Insets(8));
        done.setVisible(false);
        done.managedProperty().bind(done.visibleProperty());

        body(new VBox(12, summary, profileRow, heading("Export"), runRow, status, done));
    }

    @Override
    public void onEnteringPage(Wizard wizard) {
        super.onEnteringPage(wizard);
        Node cancelButton = lookupButton(ButtonType.CANCEL);
        if (cancelButton != null
                && cancelButton.getProperties().putIfAbsent("export-run-filter", Boolean.TRUE) == null) {
            cancelButton.addEventFilter(ActionEvent.ACTION, e -> {
                if (running()) {
                    e.consume(); // first stop the export; the wizard stays open to say so
                    cancelExport();
                }
            });
        }
    }

    @Override
    void entered() {
        if (running()) {
            return;
        }
        blocked.set("Press Export to write the files.");
        done.setVisible(false);
        progress.setProgress(0);
        status.setText("");
        if (profileName.getText().isEmpty()) {
            profileName.setText(vm.profileName.get());
        }
        fillSummary();
    }

    private void fillSummary() {
        summary.getChildren().clear();
        int row = 0;
        for (Map.Entry<String, String> e : summaryLines().entrySet()) {
            Label k = new Label(e.getKey());
            k.getStyleClass().add("muted");
            Label v = new Label(e.getValue());
            v.setWrapText(true);
            v.setId("summary-" + e.getKey().toLowerCase(Locale.ROOT).replace(' ', '-'));
            summary.addRow(row++, k, v);
        }
    }

    Map<String, String> summaryLines() {
        Map<String, String> lines = new LinkedHashMap<>();
        String scope = switch (vm.scope.get()) {
            case ALL -> "All pairs";
            case FILTER -> vm.filterIsAll() ? "All pairs (no filter is set)" : "The pairs the current filter shows";
            case SELECTION -> "The selected rows";
        };
        long n = vm.scopeCount.get();
        lines.put(
                "Scope",
                scope
                        + (vm.acceptedOnly.get() ? ", accepted only" : "")
                        + (n >= 0 ? " — " + ExportViewModel.pairs(n) : ""));
        lines.put("Format", vm.format.get() + " — " + vm.description(vm.format.get()));
        lines.put(
                "Privacy",
                vm.anonymize.get() ? "On. " + operatorSummary(vm.policy()) : "Off: the original text is written");
        lines.put(
                "Split",
                vm.splitting() && vm.ratios() != null
                        ? vm.ratios() + " (train/validation/test), "
                                + (vm.grouping.get() == SplitAssigner.Grouping.DATABASE
                                        ? "by database"
                                        : "by SQL template")
                                + ", seed " + vm.seedValue()
                        : "One file");
        lines.put("Duplicates", vm.dedup.get() ? "Exact duplicates are dropped" : "Kept");
        List<Path> files = vm.plannedFiles();
        lines.put(
                "Files",
                files.isEmpty()
                        ? "—"
                        : files.get(0).getParent() + "  ("
                                + files.stream()
                                        .map(p -> p.getFileName().toString())
                                        .collect(Collectors.joining(", ")) + ")");
        lines.put(
                "If they exist",
                switch (vm.existing.get()) {
                    case RENAME -> "Keep both";
                    case OVERWRITE -> "Replace";
                    case FAIL -> "Stop";
                });
        return lines;
    }

    static String operatorSummary(Policy policy) {
        Map<Operator, List<String>> byOp = new LinkedHashMap<>();
        for (PiiType t : ExportViewModel.typesOf(policy)) {
            if (t.equals(PiiType.URL) && !policy.detectUrls()) {
                continue;
            }
            byOp.computeIfAbsent(policy.operatorFor(t), k -> new ArrayList<>()).add(PrivacyPage.displayName(t));
        }
        return byOp.entrySet().stream()
                .map(e -> PrivacyPage.OPERATOR_NAMES.toString(e.getKey()).split(" ")[0] + ": "
                        + String.join(", ", e.getValue()))
                .collect(Collectors.joining("; "));
    }

    private void save() {
        String name = profileName.getText().trim();
        if (name.isEmpty()) {
            return;
        }
        vm.profileName.set(name);
        Policy policy = vm.anonymize.get() ? vm.policy() : null;
        ExportProfile base = vm.profile(null);
        profileStatus.setText("Saving…");
        Latest<String> saving = new Latest<>(ctx.jobs());
        saving.submit(
                job -> {
                    ExportProfile p = policy == null
                            ? base
                            : base.withPolicyFile(PolicyFiles.write(ctx.policyFolder(), policy)
                                    .toString());
                    new ExportProfiles(ctx.store()).save(p);
                    return p.name();
                },
                saved -> profileStatus.setText("Saved \"" + saved + "\"."),
                e -> profileStatus.setText("Not saved: " + e.getMessage()));
    }

    boolean running() {
        return task != null && task.isRunning();
    }

    void start() {
        if (running()) {
            return;
        }
        vm.validate();
        String problemNow = firstProblem();
        if (!problemNow.isEmpty()) {
            status.setText(problemNow);
            return;
        }
        ExportProfile profile = vm.profile(null);
        ExportTargetPolicy existing = vm.existing.get();
        task = new ExportTask(
                ctx, profile, vm.anonymize.get() ? vm.policy() : null, vm.output(), existing, profile.name() != null);
        progress.progressProperty().bind(task.progressProperty());
        status.textProperty().bind(task.messageProperty());
        done.setVisible(false);
        run.setDisable(true);
        cancel.setDisable(false);
        blocked.set("The export is running.");
        ExportTask mine = task;
        task.setOnSucceeded(e -> finished(mine.getValue()));
        task.setOnFailed(e -> stopped(ExportTask.failure(mine.getException())));
        task.setOnCancelled(e -> stopped("Cancelling…"));
        ctx.jobs().run(task);
    }

    private String firstProblem() {
        for (String p : List.of(
                vm.scopeProblemProperty().get(),
                vm.formatProblemProperty().get(),
                vm.splitProblemProperty().get(),
                vm.destinationProblemProperty().get())) {
            if (!p.isEmpty()) {
                return p;
            }
        }
        return "";
    }

    void cancelExport() {
        if (running()) {
            cancel.setDisable(true);
            ExportTask t = task;
            t.cancel();
            // the exporter notices within a batch and removes its temporary files; say so when it has
            Thread waiter = new Thread(
                    () -> {
                        try {
                            t.awaitEnd(Duration.ofSeconds(30));
                        } catch (InterruptedException ignored) {
                            Thread.currentThread().interrupt();
                        }
                        Platform.runLater(() -> {
                            if (task == t) {
                                status.textProperty().unbind();
                                status.setText("Export cancelled; no file was written.");
                            }
                        });
                    },
                    "export-cancel-wait");
            waiter.setDaemon(true);
            waiter.start();
        }
    }

    /** The running export, for the wizard to stop when it closes. */
    ExportTask task() {
        return task;
    }

    ExportResult result() {
        return result;
    }

    private void stopped(String message) {
        status.textProperty().unbind();
        progress.progressProperty().unbind();
        progress.setProgress(0);
        status.setText(message);
        run.setDisable(false);
        cancel.setDisable(true);
        blocked.set("Press Export to write the files.");
    }

    private void finished(ExportResult r) {
        result = r;
        status.textProperty().unbind();
        progress.progressProperty().unbind();
        progress.setProgress(1);
        status.setText(String.format(
                Locale.ROOT, "Done in %.1f s (%,.0f pairs/s).", r.elapsed().toMillis() / 1000.0, r.rate()));
        run.setDisable(false);
        cancel.setDisable(true);
        doneTitle.setText("Exported " + ExportViewModel.pairs(r.written())
                + (r.duplicates() > 0 ? ", " + ExportViewModel.count(r.duplicates()) + " duplicates dropped" : ""));
        doneFiles.getChildren().clear();
        for (ExportResult.FileEntry f : r.files()) {
            Label l = new Label(String.format(
                    Locale.ROOT,
                    "%s  —  %s, %s",
                    f.path().getFileName(),
                    ExportViewModel.pairs(f.pairs()),
                    size(f.bytes())));
            l.getStyleClass().add("monospace");
            doneFiles.getChildren().add(l);
        }
        path.setText(folderOfResult().toString());
        done.setVisible(true);
        blocked.set("");
        onExported.accept(r);
    }

    Path folderOfResult() {
        if (result == null || result.files().isEmpty()) {
            return vm.folderPath();
        }
        return result.files().get(0).path().getParent();
    }

    private void openFolder() {
        FolderActions.open(folderOfResult(), message -> status.setText(message));
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
