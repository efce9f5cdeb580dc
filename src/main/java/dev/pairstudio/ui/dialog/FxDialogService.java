package dev.pairstudio.ui.dialog;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link DialogService} as JavaFX dialogs owned by the window that asks. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;

    /** @param owner the window the dialogs belong to, looked up when one opens (the scene may come later) */
    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirm(Confirmation question) {
        ButtonType act = new ButtonType(question.action(), ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question.text(), ButtonType.CANCEL, act);
        alert.initOwner(owner.get());
        alert.setTitle(question.header());
        alert.setHeaderText(question.header());
        alert.getDialogPane().setId(question.id());
        Button destroy = (Button) alert.getDialogPane().lookupButton(act);
        destroy.setDefaultButton(false); // Enter must not destroy: Cancel is the default
        destroy.getStyleClass().add("danger");
        destroy.setId(question.id() + "-action");
        Button cancel = (Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setDefaultButton(true);
        alert.setOnShown(e -> cancel.requestFocus());
        return alert.showAndWait().filter(b -> b == act).isPresent();
    }

    @Override
    public void error(String header, String text) {
        show(Alert.AlertType.ERROR, header, text);
    }

    @Override
    public void info(String header, String text) {
        show(Alert.AlertType.INFORMATION, header, text);
    }

    private void show(Alert.AlertType type, String header, String text) {
        Alert alert = new Alert(type, text);
        alert.initOwner(owner.get());
        alert.setHeaderText(header);
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE); // long messages wrap instead of being cut
        alert.showAndWait();
    }

    @Override
    public Optional<char[]> password(String id, String header, String text) {
        javafx.scene.control.Dialog<ButtonType> dialog = new javafx.scene.control.Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle(header);
        dialog.setHeaderText(header);
        PasswordField field = new PasswordField();
        field.setId(id + "-field");
        field.setPromptText("password");
        Label about = new Label(text);
        about.setWrapText(true);
        about.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.VBox body = new javafx.scene.layout.VBox(8, about, field);
        body.setPrefWidth(420);
        dialog.getDialogPane().setContent(body);
        dialog.getDialogPane().setId(id);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.OK)).setText("Open");
        dialog.setOnShown(e -> field.requestFocus());
        boolean open = dialog.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
        char[] typed = field.getText().toCharArray();
        field.clear(); // the field's copy goes with the dialog; the caller clears its own
        return open ? Optional.of(typed) : Optional.empty();
    }

    @Override
    public List<Path> chooseFiles(String title, List<FileType> types) {
        FileChooser chooser = chooser(title, types);
        List<File> chosen = chooser.showOpenMultipleDialog(owner.get());
        return chosen == null ? List.of() : chosen.stream().map(File::toPath).toList();
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, FileType type) {
        FileChooser chooser = chooser(title, List.of(type));
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    private static FileChooser chooser(String title, List<FileType> types) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        for (FileType t : types) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(t.description(), t.patterns()));
        }
        return chooser;
    }
}
