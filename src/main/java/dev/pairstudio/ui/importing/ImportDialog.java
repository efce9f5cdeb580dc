package dev.pairstudio.ui.importing;

import dev.pairstudio.ingest.AnalyzingEnricher;
import dev.pairstudio.ingest.DuplicateTracker;
import dev.pairstudio.ingest.ImportProblem;
import dev.pairstudio.ingest.ImportSummary;
import dev.pairstudio.ingest.PairEnricher;
import dev.pairstudio.ingest.PairImporter;
import dev.pairstudio.ingest.PendingAnalysis;
import dev.pairstudio.schema.ValidationRun;
import dev.pairstudio.sql.SqlAnalyzer;
import dev.pairstudio.store.Database;
import dev.pairstudio.ui.BackgroundJobs;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.concurrent.Task;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Imports files in the background with progress and cancel, then shows what happened: added,
 * skipped as already present, malformed records with file and line, and where the full report
 * is. Pairs are analysed on the way in and grouped with their duplicates afterwards.
 */
public final class ImportDialog {
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final ProgressBar bar = new ProgressBar(0);
    private final Label status = new Label("Starting…");
    private final TextArea problems = new TextArea();

    private ImportDialog(Window owner) {
        dialog.initOwner(owner);
        dialog.setTitle("Import");
        dialog.setHeaderText("Importing pairs");
        dialog.getDialogPane().setId("import-dialog");
        bar.setPrefWidth(420);
        status.setId("import-status");
        status.setWrapText(true);
        problems.setId("import-problems");
        problems.setEditable(false);
        problems.setPrefRowCount(8);
        problems.setVisible(false);
        problems.managedProperty().bind(problems.visibleProperty());
        VBox box = new VBox(8, bar, status, problems);
        box.setPadding(new Insets(10));
        dialog.getDialogPane().setContent(box);
    }

    /**
     * Starts the import and opens the dialog (not modal: the window stays usable). {@code onDone}
     * runs on the FX thread after the import finished or was cancelled.
     */
    public static void start(
            Window owner,
            Database store,
            DuplicateTracker duplicates,
            List<Path> files,
            Path reportFolder,
            BackgroundJobs jobs,
            Consumer<ImportSummary> onDone) {
        ImportDialog d = new ImportDialog(owner);
        ButtonType cancelType = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        d.dialog.getDialogPane().getButtonTypes().setAll(cancelType);
        Task<ImportSummary> task = new Task<>() {
            @Override
            protected ImportSummary call() {
                // Store first (the pairs show up at once), then analyse them on every core.
                long lastIdBefore = ValidationRun.lastStoredId(store);
                ImportSummary summary = new PairImporter(store, PairEnricher.NONE)
                        .importFiles(
                                files,
                                null,
                                reportFolder,
                                (read, total, records) -> {
                                    updateProgress(read, Math.max(1, total));
                                    updateMessage(String.format("%,d records read", records));
                                },
                                this::isCancelled);
                if (isCancelled()) {
                    return summary;
                }
                try (AnalyzingEnricher enricher = AnalyzingEnricher.forStore(store)) {
                    long toAnalyse = Math.max(1, summary.added());
                    PendingAnalysis.run(
                            store,
                            enricher,
                            Runtime.getRuntime().availableProcessors(),
                            done -> {
                                updateProgress(Math.min(done, toAnalyse), toAnalyse);
                                updateMessage(String.format(
                                        "Analysing: %,d of %,d pairs", Math.min(done, toAnalyse), toAnalyse));
                            },
                            this::isCancelled);
                }
                updateMessage("Looking for duplicates…");
                updateProgress(-1, 1);
                duplicates.catchUp();
                if (!isCancelled()) {
                    updateMessage("Checking against the database schemas…");
                    try (SqlAnalyzer analyzer = new SqlAnalyzer()) {
                        ValidationRun.runAdded(
                                store,
                                analyzer,
                                lastIdBefore,
                                Runtime.getRuntime().availableProcessors(),
                                done -> updateMessage(String.format("Checked %,d pairs against their schemas", done)),
                                this::isCancelled);
                    }
                }
                return summary;
            }
        };
        d.bar.progressProperty().bind(task.progressProperty());
        d.status.textProperty().bind(task.messageProperty());
        Button cancel = (Button) d.dialog.getDialogPane().lookupButton(cancelType);
        cancel.setId("import-cancel");
        cancel.addEventFilter(ActionEvent.ACTION, e -> {
            if (task.isRunning()) {
                task.cancel();
                e.consume();
            }
        });
        task.setOnSucceeded(e -> {
            d.finished(task.getValue(), cancelType);
            onDone.accept(task.getValue());
        });
        task.setOnCancelled(e -> {
            d.status.textProperty().unbind();
            d.status.setText(
                    "Cancelled. Whole batches stored so far stay; importing the same files again completes them without duplicates.");
            d.close(cancelType);
            onDone.accept(null);
        });
        task.setOnFailed(e -> {
            d.status.textProperty().unbind();
            d.status.setText("Import failed: " + task.getException().getMessage());
            d.close(cancelType);
            onDone.accept(null);
        });
        d.dialog.show();
        jobs.run(task);
    }

    private void finished(ImportSummary s, ButtonType cancelType) {
        status.textProperty().unbind();
        bar.progressProperty().unbind();
        bar.setProgress(1);
        dialog.setHeaderText(s.cancelled() ? "Import cancelled" : "Import finished");
        status.setText(summaryText(s));
        if (!s.problems().isEmpty()) {
            problems.setText(s.problems().stream().map(ImportProblem::toString).collect(Collectors.joining("\n")));
            problems.setVisible(true);
        }
        close(cancelType);
    }

    private void close(ButtonType cancelType) {
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.getDialogPane().lookupButton(ButtonType.CLOSE).setId("import-close");
    }

    public static String summaryText(ImportSummary s) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                "%,d added, %,d skipped (already present), %,d malformed.", s.added(), s.skipped(), s.malformed()));
        if (s.reportFile() != null) {
            sb.append("\nEvery problem is listed in ").append(s.reportFile()).append('.');
        }
        if (s.cancelled()) {
            sb.append("\nCancelled: importing the same files again completes them without duplicates.");
        }
        return sb.toString();
    }
}
