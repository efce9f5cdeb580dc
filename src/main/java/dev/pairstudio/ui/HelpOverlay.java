package dev.pairstudio.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** F1: every shortcut, read from {@link Shortcut} so the list cannot drift from what the keys do. */
public final class HelpOverlay {
    private HelpOverlay() {
    }

    public static Alert create(Window owner) {
        GridPane grid = new GridPane();
        grid.setId("shortcut-list");
        grid.setHgap(16);
        grid.setVgap(4);
        grid.setPadding(new Insets(10));
        int row = 0;
        for (Shortcut s : Shortcut.values()) {
            Label keys = new Label(s.keys().getDisplayText());
            keys.getStyleClass().add("monospace");
            grid.add(keys, 0, row);
            grid.add(new Label(s.description()), 1, row++);
        }
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Keyboard shortcuts");
        alert.getDialogPane().setContent(grid);
        return alert;
    }
}
