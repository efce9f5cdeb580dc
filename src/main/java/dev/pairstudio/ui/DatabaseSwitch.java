package dev.pairstudio.ui;

import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.ui.command.Command;
import dev.pairstudio.ui.dialog.DialogService;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Menu;
import javafx.stage.Window;

/**
 * File › Open database and File › Open recent: which database the user wants next, handed to the
 * application, which swaps the window. Both are disabled until the application says what to do
 * with a choice ({@link #setOnOpen}); a window in a test has none.
 */
final class DatabaseSwitch {
    private final ObjectProperty<Consumer<OpenDatabaseDialog.Choice>> handler = new SimpleObjectProperty<>();
    private final Database store;
    private final DialogService dialogs;
    private final Supplier<Window> window;

    DatabaseSwitch(Database store, DialogService dialogs, Supplier<Window> window) {
        this.store = store;
        this.dialogs = dialogs;
        this.window = window;
    }

    void setOnOpen(Consumer<OpenDatabaseDialog.Choice> open) {
        handler.set(open);
    }

    /** File › Open database: the dialog, then the application opens the choice. */
    Command openCommand() {
        return new Command(
                handler.isNotNull(),
                () -> new OpenDatabaseDialog(window.get(), store.folder())
                        .showAndWait()
                        .ifPresent(choice -> handler.get().accept(choice)));
    }

    /** File › Open recent, leaving out the database this window shows. */
    Menu recentMenu(UiSettings settings) {
        Menu recent = RecentMenu.create(new RecentDatabases(settings), store.location(), this::openRecent);
        recent.disableProperty().bind(handler.isNull());
        return recent;
    }

    /**
     * Opens a database of File › Open recent. The list keeps no password: a team database asks
     * for it (the application clears it once the database opened or refused it).
     */
    private void openRecent(String location) {
        char[] password = new char[0];
        if (Databases.isTeamDatabase(location)) {
            Optional<char[]> typed = dialogs.password(
                    "recent-password",
                    "Open the team database",
                    "The password for " + location + ". It is not stored; leave it empty when the server needs none or "
                            + Databases.PASSWORD_VARIABLE + " holds it.");
            if (typed.isEmpty()) {
                return;
            }
            password = typed.get();
        }
        handler.get().accept(new OpenDatabaseDialog.Choice(location, password));
    }
}
