package dev.pairstudio.ui.export;

import dev.pairstudio.export.ExportTargetPolicy;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.Observable;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.controlsfx.validation.ValidationResult;

/** Step 5: folder, file name, gzip, and what to do when the file exists; lists the files the export will write. */
final class DestinationPage extends StepPage {
    final TextField folder = new TextField();
    final TextField name = new TextField();
    private final Label nameLabel = new Label("File name");
    final CheckBox gzip = new CheckBox("Compress with gzip (.gz)");
    private final VBox files = new VBox(3);
    private final Label note = new Label();

    DestinationPage(ExportViewModel vm) {
        super(
                vm,
                "export-destination",
                5,
                "Where to write",
                "Files are written to a temporary name and renamed when complete: a failed or cancelled export leaves nothing behind.",
                vm.destinationProblemProperty());
        folder.setId("destination-folder");
        folder.textProperty().bindBidirectional(vm.folder);
        name.setId("destination-name");
        name.textProperty().bindBidirectional(vm.fileName);
        gzip.setId("destination-gzip");
        gzip.selectedProperty().bindBidirectional(vm.gzip);
        Button browse = new Button("Browse…");
        browse.setId("destination-browse");
        browse.setOnAction(e -> browse());

        validation.registerValidator(folder, false, (c, v) -> {
            String p = vm.destinationProblemProperty().get();
            return ValidationResult.fromErrorIf(c, p, !p.isEmpty() && !vm.destinationProblemIsName());
        });
        validation.registerValidator(name, false, (c, v) -> {
            String p = vm.destinationProblemProperty().get();
            return ValidationResult.fromErrorIf(c, p, !p.isEmpty() && vm.destinationProblemIsName());
        });
        vm.destinationProblemProperty().addListener((o, was, now) -> validation.revalidate());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(new ColumnConstraints(110), grow, new ColumnConstraints());
        grid.addRow(0, new Label("Folder"), folder, browse);
        grid.addRow(1, nameLabel, name);
        grid.add(gzip, 1, 2);

        ToggleGroup existing = new ToggleGroup();
        RadioButton rename = new RadioButton("Keep both: write the new files beside them as \"name (2)\"");
        rename.setId("existing-rename");
        rename.setUserData(ExportTargetPolicy.RENAME);
        RadioButton overwrite = new RadioButton("Replace them once the export has succeeded");
        overwrite.setId("existing-overwrite");
        overwrite.setUserData(ExportTargetPolicy.OVERWRITE);
        RadioButton fail = new RadioButton("Stop, and let me choose another name");
        fail.setId("existing-fail");
        fail.setUserData(ExportTargetPolicy.FAIL);
        for (RadioButton b : List.of(rename, overwrite, fail)) {
            b.setToggleGroup(existing);
            if (b.getUserData() == vm.existing.get()) {
                existing.selectToggle(b);
            }
        }
        existing.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.existing.set((ExportTargetPolicy) now.getUserData());
            }
        });
        VBox existingBox = new VBox(6, rename, overwrite, fail);
        existingBox.setPadding(new Insets(0, 0, 0, 12));

        note.setId("destination-note");
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        note.textProperty().bind(vm.destinationNoteProperty());
        files.setId("destination-files");
        files.setPadding(new Insets(0, 0, 0, 12));
        for (Observable o : List.of(vm.folder, vm.fileName, vm.gzip, vm.split, vm.format)) {
            o.addListener(x -> listFiles());
        }
        body(new VBox(12, grid, heading("If the files already exist"), existingBox, heading("Files"), files, note));
    }

    private void browse() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export folder");
        Path current = vm.folderPath();
        if (current != null && Files.isDirectory(current)) {
            chooser.setInitialDirectory(current.toFile());
        }
        File chosen = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
        if (chosen != null) {
            vm.folder.set(chosen.getAbsolutePath());
        }
    }

    @Override
    void entered() {
        nameLabel.setText(vm.folderLayout() ? "Dataset folder" : "File name");
        vm.validate(); // the disk may have changed since the last look
        listFiles();
    }

    private void listFiles() {
        files.getChildren().clear();
        for (Path p : vm.plannedFiles()) {
            Label l = new Label(p.toString());
            l.getStyleClass().add("monospace");
            files.getChildren().add(l);
        }
    }
}
