package dev.pairstudio.ui;

import dev.pairstudio.ui.command.CommandTable;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** F1: every shortcut, read from the window's {@link CommandTable} so the list cannot drift from what the keys do. */
public final class HelpOverlay {
    private HelpOverlay() {}

    public static Alert create(Window owner, CommandTable commands) {
        GridPane grid = new GridPane();
        grid.setId("shortcut-list");
        grid.setHgap(16);
        grid.setVgap(4);
        grid.setPadding(new Insets(10));
        int row = 0;
        for (CommandTable.Entry e : commands.entries()) {
            if (e.keys() == null) {
                continue;
            }
            Label keys = new Label(e.keys().getDisplayText());
            keys.getStyleClass().add("monospace");
            keys.setMinWidth(Label.USE_PREF_SIZE); // "Ctrl+Shift+Delete" in full, never "Ctrl+Shift+Del…"
            grid.add(keys, 0, row);
            Label what = new Label(e.description());
            what.setMinWidth(Label.USE_PREF_SIZE);
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
