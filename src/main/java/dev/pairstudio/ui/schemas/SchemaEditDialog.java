package dev.pairstudio.ui.schemas;

import dev.pairstudio.schema.DatabaseSchema;
import dev.pairstudio.schema.SchemaEditing;
import dev.pairstudio.schema.SchemaProblem;
import dev.pairstudio.sql.SqlAnalyzer;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.StoredSchema;
import dev.pairstudio.ui.Debouncer;
import dev.pairstudio.ui.MainWindow;
import dev.pairstudio.ui.task.TaskRunner;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Schemas › Edit…: a database's schema as CREATE TABLE text, read again in the background a
 * moment after each keystroke, with the statements that do not parse listed by line under it.
 * Save stores a new version and checks the database's pairs against it; the dialog stays open
 * (the text kept) until that worked, and says why when it did not.
 */
final class SchemaEditDialog extends Dialog<SchemaEditing.Saved> {
    static final ButtonType SAVE = new ButtonType("Save as new version", ButtonBar.ButtonData.OK_DONE);

    private final Database store;
    private final TaskRunner background;
    private final StoredSchema base;
    private final DatabaseSchema schema;
    private final SqlAnalyzer analyzer = new SqlAnalyzer();
    private final TextArea text = new TextArea();
    private final Label status = new Label("Reading…");
    private final ListView<SchemaProblem> problems = new ListView<>();
    private final BooleanProperty savable = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final Debouncer checkLater = new Debouncer(Duration.millis(300), this::check);
    private final String original;
    /** Only the newest check's result is shown: an older one may finish after it. */
    private long checkSequence;

    SchemaEditDialog(Window owner, Database store, TaskRunner background, StoredSchema base, DatabaseSchema schema) {
        this.store = store;
        this.background = background;
        this.base = base;
        this.schema = schema;
        initOwner(owner);
        setResizable(true);
        setTitle("Edit schema");
        setHeaderText("The schema of " + base.databaseName() + ", version " + base.version() + " (" + base.source()
                + ").\n"
                + "Saving stores version " + (base.version() + 1) + " and checks the pairs of " + base.databaseName()
                + " against it; version " + base.version() + " stays.");
        text.setId("schema-edit-text");
        text.getStyleClass().add("monospace");
        original = SchemaEditing.text(schema);
        text.setText(original);
        text.setPrefSize(760, 420);
        status.setId("schema-edit-status");
        status.setWrapText(true);
        problems.setId("schema-edit-problems");
        problems.setPrefHeight(110);
        problems.setPlaceholder(new Label("Every statement parses."));
        problems.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(SchemaProblem p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.toString());
                getStyleClass().remove("field-error");
                if (!empty && p != null) {
                    getStyleClass().add("field-error");
                }
            }
        });
        problems.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> goToLine(now));
        VBox content = new VBox(6, text, status, problems);
        VBox.setVgrow(text, Priority.ALWAYS);
        content.setPadding(new Insets(8));
        getDialogPane().setContent(content);
        getDialogPane()
                .getStylesheets()
                .add(Objects.requireNonNull(MainWindow.class.getResource("pair-studio.css"))
                        .toExternalForm());
        getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, SAVE);
        getDialogPane().lookupButton(SAVE).setId("schema-edit-save");
        getDialogPane().lookupButton(SAVE).disableProperty().bind(savable.not().or(busy));
        getDialogPane().lookupButton(ButtonType.CANCEL).disableProperty().bind(busy);
        // Save closes the dialog only once the new version is stored: consume the click, close when done
        getDialogPane().lookupButton(SAVE).addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            save();
        });
        setResultConverter(b -> null);
        text.textProperty().addListener((o, was, now) -> {
            savable.set(false); // until the new text is read
            status.setText("Reading…");
            checkLater.trigger();
        });
        setOnCloseRequest(e -> {
            if (getResult() == null && !text.getText().equals(original) && !discardConfirmed()) {
                e.consume(); // keep editing: the typed text is not thrown away by a stray Cancel
            }
        });
        setOnHidden(e -> {
            checkLater.cancel();
            analyzer.close();
        });
        check();
    }

    private void check() {
        long sequence = ++checkSequence;
        String current = text.getText();
        background.run("check an edited schema", () -> SchemaEditing.check(analyzer, current, schema), result -> {
            if (sequence != checkSequence) {
                return; // typed again meanwhile
            }
            problems.getItems().setAll(result.problems());
            status.setText(result.summary());
            savable.set(result.savable());
        });
    }

    private void save() {
        busy.set(true);
        status.setText(
                "Saving version " + (base.version() + 1) + " and checking the pairs of " + base.databaseName() + "…");
        String current = text.getText();
        background.run(
                "store an edited schema",
                () -> {
                    try {
                        SchemaEditing.Check again =
                                SchemaEditing.check(analyzer, current, schema); // exactly the text shown now
                        return again.savable()
                                ? SchemaEditing.save(store, analyzer, base, again, () -> false)
                                : again.summary();
                    } catch (RuntimeException e) {
                        return "Not saved: " + e.getMessage(); // nothing stored, the text stays here
                    }
                },
                outcome -> {
                    busy.set(false);
                    if (outcome instanceof SchemaEditing.Saved saved) {
                        setResult(saved);
                        close();
                    } else {
                        status.setText(String.valueOf(outcome));
                    }
                });
    }

    private boolean discardConfirmed() {
        ButtonType discard = new ButtonType("Discard changes", ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType("Keep editing", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert ask = new Alert(
                Alert.AlertType.CONFIRMATION,
                "The schema of " + base.databaseName() + " stays as version " + base.version() + ".",
                keep,
                discard);
        ask.initOwner(getDialogPane().getScene().getWindow());
        ask.setTitle("Edit schema");
        ask.setHeaderText("Discard your changes?");
        ask.getDialogPane().setId("schema-edit-discard");
        return ask.showAndWait().orElse(keep) == discard;
    }

    private void goToLine(SchemaProblem p) {
        if (p == null) {
            return;
        }
        int at = 0;
        for (int line = 1; line < p.line() && at >= 0; line++) {
            at = text.getText().indexOf('\n', at) + 1;
            if (at == 0) {
                return;
            }
        }
        text.positionCaret(at);
        text.requestFocus();
    }
}
