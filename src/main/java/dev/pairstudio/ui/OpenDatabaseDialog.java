package dev.pairstudio.ui;

import dev.pairstudio.store.Databases;
import java.io.File;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * File › Open database: an H2 file of one's own (chosen or typed; a new name creates it) or a
 * team's PostgreSQL database by URL, with its password typed here. The password goes to the
 * store and nowhere else: it is neither remembered nor shown.
 */
public final class OpenDatabaseDialog extends Dialog<OpenDatabaseDialog.Choice> {

    /** What to open: a location as {@code --db} takes it, and the password typed for a team database (empty: none). */
    public record Choice(String location, char[] password) {
        public boolean team() {
            return isTeamUrl(location);
        }
    }

    private final RadioButton file = new RadioButton("Database file on this computer (H2)");
    private final RadioButton team = new RadioButton("Team database (PostgreSQL)");
    private final TextField path = new TextField();
    private final TextField url = new TextField();
    private final PasswordField password = new PasswordField();
    private final Label problem = new Label();

    public OpenDatabaseDialog(Window owner, Path current) {
        initOwner(owner);
        setTitle("Open database");
        setHeaderText("Open another database in this window");
        ToggleGroup kind = new ToggleGroup();
        file.setToggleGroup(kind);
        team.setToggleGroup(kind);
        file.setSelected(true);
        file.setId("open-file");
        team.setId("open-team");
        path.setId("open-path");
        url.setId("open-url");
        password.setId("open-password");
        problem.setId("open-problem");
        problem.getStyleClass().add("field-error");
        path.setPromptText("/path/to/pairs.mv.db");
        url.setPromptText("postgresql://user@host:5432/dataset");
        password.setPromptText("password (asked again if the server refuses it)");
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> browse(current));
        HBox fileRow = new HBox(6, path, browse);
        HBox.setHgrow(path, Priority.ALWAYS);
        path.disableProperty().bind(team.selectedProperty());
        browse.disableProperty().bind(team.selectedProperty());
        url.disableProperty().bind(file.selectedProperty());
        password.disableProperty().bind(file.selectedProperty());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.add(file, 0, 0, 2, 1);
        grid.add(fileRow, 0, 1, 2, 1);
        grid.add(team, 0, 2, 2, 1);
        grid.add(new Label("URL"), 0, 3);
        grid.add(url, 1, 3);
        grid.add(new Label("Password"), 0, 4);
        grid.add(password, 1, 4);
        grid.add(problem, 0, 5, 2, 1);
        GridPane.setHgrow(url, Priority.ALWAYS);
        grid.setPrefWidth(560);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, ButtonType.OK);

        problem.textProperty()
                .bind(Bindings.createStringBinding(
                        this::problem, file.selectedProperty(), path.textProperty(), url.textProperty()));
        Node ok = getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(problem.textProperty().isNotEmpty());
        setResultConverter(b -> b == ButtonType.OK ? choice() : null);
    }

    /** What is wrong with the form, or empty: shown under the fields, and OK waits for it to clear. */
    String problem() {
        if (file.isSelected()) {
            String p = path.getText().trim();
            if (p.isEmpty()) {
                return "Choose a database file, or type the name of a new one.";
            }
            if (isTeamUrl(p)) {
                return "That is a team database URL: choose \"Team database\" for it.";
            }
            return "";
        }
        String u = url.getText().trim();
        if (u.isEmpty()) {
            return "Type the team database's URL, for example postgresql://anna@db.example.com:5432/pairs.";
        }
        if (!isTeamUrl(u)) {
            return "A team database URL starts with postgresql:// (or jdbc:postgresql://).";
        }
        return "";
    }

    private Choice choice() {
        if (file.isSelected()) {
            return new Choice(path.getText().trim(), new char[0]);
        }
        return new Choice(url.getText().trim(), password.getText().toCharArray());
    }

    private void browse(Path current) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Database file");
        chooser.getExtensionFilters()
                .add(new FileChooser.ExtensionFilter("Pair Studio databases (*.mv.db)", "*.mv.db"));
        if (current != null && current.toFile().isDirectory()) {
            chooser.setInitialDirectory(current.toFile());
        }
        File chosen = chooser.showOpenDialog(getOwner());
        if (chosen != null) {
            path.setText(chosen.getAbsolutePath());
        }
    }

    private static boolean isTeamUrl(String location) {
        return Databases.isTeamDatabase(location.trim());
    }
}
