package dev.pairstudio.ui;

import dev.pairstudio.demo.DemoData;
import dev.pairstudio.ingest.DuplicateTracker;
import dev.pairstudio.pair.Plural;
import dev.pairstudio.store.Database;
import dev.pairstudio.ui.dialog.DialogService;
import dev.pairstudio.ui.filter.FilterViewModel;
import dev.pairstudio.ui.importing.ImportDialog;
import dev.pairstudio.ui.task.TaskRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * The ways pairs get into the main window's database: File › Import, files dropped on the
 * window, and the empty table's "Import a file…" and "Load demo data". After each, the window
 * re-reads what it shows ({@code afterImport}).
 */
final class ImportEntry {
    private final Pane root;
    private final Database store;
    private final DuplicateTracker duplicates;
    private final BackgroundJobs jobs;
    private final DialogService dialogs;
    private final TaskRunner tasks;
    private final Consumer<String> message;
    private final Runnable afterImport;

    ImportEntry(
            Pane root,
            Database store,
            DuplicateTracker duplicates,
            BackgroundJobs jobs,
            DialogService dialogs,
            TaskRunner tasks,
            Consumer<String> message,
            Runnable afterImport) {
        this.root = root;
        this.store = store;
        this.duplicates = duplicates;
        this.jobs = jobs;
        this.dialogs = dialogs;
        this.tasks = tasks;
        this.message = message;
        this.afterImport = afterImport;
        acceptDroppedFiles();
    }

    /** What an empty table says: how to get pairs in, or how to widen the filter; in the trash, that it is empty. */
    VBox emptyState(FilterViewModel filters) {
        Label text = new Label();
        text.setId("empty-table-text");
        text.textProperty()
                .bind(javafx.beans.binding.Bindings.when(filters.trash)
                        .then("The trash is empty. Deleted pairs wait here until you restore them or empty the trash.")
                        .otherwise("No pairs here. Import a file (Ctrl+O or drop it on the window), "
                                + "let an assistant post to the collector (pairstudio serve), or load the demo data."));
        text.setWrapText(true);
        text.getStyleClass().add("empty-state");
        Button importFile = new Button("Import a file…");
        importFile.setOnAction(e -> chooseAndImport());
        Button demo = new Button("Load demo data");
        demo.setId("load-demo");
        demo.setOnAction(e -> tasks.run("add demo data", () -> DemoData.add(store), n -> {
            message.accept("Added " + Plural.of(n, "demo pair") + ".");
            afterImport.run();
        }));
        for (Button b : List.of(importFile, demo)) { // pairs are added to the live list, not to the trash
            b.visibleProperty().bind(filters.trash.not());
            b.managedProperty().bind(b.visibleProperty());
        }
        Button clear = new Button("Clear the filter");
        clear.setOnAction(e -> filters.clear());
        clear.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(filters.chips()));
        VBox box = new VBox(10, text, new HBox(8, importFile, demo, clear));
        box.setMaxWidth(560);
        box.setAlignment(javafx.geometry.Pos.CENTER);
        ((HBox) box.getChildren().get(1)).setAlignment(javafx.geometry.Pos.CENTER);
        return box;
    }

    void chooseAndImport() {
        List<Path> chosen = dialogs.chooseFiles(
                "Import pairs",
                List.of(
                        DialogService.FileType.of(
                                "Pair files (JSONL, JSON, CSV, Spider, BIRD)",
                                "*.jsonl",
                                "*.json",
                                "*.csv",
                                "*.ndjson"),
                        DialogService.FileType.of("All files", "*.*")));
        if (!chosen.isEmpty()) {
            importFiles(chosen);
        }
    }

    /** Imports files (chosen, dropped, or from a test) with a progress dialog that can cancel. */
    void importFiles(List<Path> files) {
        ImportDialog.start(root.getScene().getWindow(), store, duplicates, files, store.folder(), jobs, summary -> {
            if (summary != null) {
                String text = ImportDialog.summaryText(summary);
                message.accept(text.replace('\n', ' '));
                Notifications.create()
                        .owner(root.getScene().getWindow())
                        .title("Import finished")
                        .text(text)
                        .hideAfter(Duration.seconds(6))
                        .showInformation();
            }
            afterImport.run();
        });
    }

    private void acceptDroppedFiles() {
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                List<Path> files = e.getDragboard().getFiles().stream()
                        .map(java.io.File::toPath)
                        .toList();
                Platform.runLater(() -> importFiles(files));
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }
}
