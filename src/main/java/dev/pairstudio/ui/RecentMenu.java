package dev.pairstudio.ui;

import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/** The File › Open recent submenu, read again each time it opens: a file that is gone shows disabled and says so. */
final class RecentMenu {
    private RecentMenu() {}

    /**
     * @param current the database this window shows (left out)
     * @param open    opens a location (the application swaps the window)
     */
    static Menu create(RecentDatabases recent, String current, Consumer<String> open) {
        Menu menu = new Menu("Open recent");
        menu.setId("open-recent");
        menu.getItems().add(new MenuItem()); // a menu without items never shows, so never fills itself
        menu.setOnShowing(e -> fill(menu, recent, current, open));
        fill(menu, recent, current, open);
        return menu;
    }

    static void fill(Menu menu, RecentDatabases recent, String current, Consumer<String> open) {
        menu.getItems().clear();
        for (String location : recent.list()) {
            if (location.equals(current)) {
                continue;
            }
            boolean there = RecentDatabases.available(location);
            MenuItem item = new MenuItem(there ? location : location + " — file not found");
            item.getStyleClass().add("recent-database");
            item.setMnemonicParsing(false); // paths hold underscores
            item.setDisable(!there);
            item.setOnAction(x -> open.accept(location));
            menu.getItems().add(item);
        }
        if (menu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("No other database opened yet");
            none.setDisable(true);
            menu.getItems().add(none);
        } else {
            MenuItem clear = new MenuItem("Clear the list");
            clear.setId("clear-recent");
            clear.setOnAction(x -> {
                recent.clear();
                fill(menu, recent, current, open);
            });
            menu.getItems().addAll(new SeparatorMenuItem(), clear);
        }
    }
}
