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
            keys.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // "Ctrl+Shift+Delete" whole, never "Ctrl+Shift+Del…"
            Label what = new Label(s.description());
            what.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            grid.add(keys, 0, row);
            grid.add(what, 1, row++);
        }
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Keyboard shortcuts");
        alert.getDialogPane().setContent(grid);
        return alert;
    }
}
