package dev.pairstudio.ui.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Every command of a window in one table: its id, menu, label, description, keys, icon and
 * {@link Command}. The menu bar is built from the table, so each command has its menu item; keys
 * are registered from it, so no key acts without a menu item; toolbar buttons and the F1 list are
 * read from it as well. FX thread.
 */
public final class CommandTable {
    /** One row of the table. {@code keys} and {@code icon} may be null. */
    public record Entry(
            String id, String menu, String label, String description, KeyCombination keys, Ikon icon, Command command) {
        /**
         * Keys without a modifier (A, J, Delete) act only while no text field has the focus, so
         * typing a note never accepts a pair; they are not menu accelerators for the same reason.
         */
        public boolean singleKey() {
            return keys instanceof KeyCodeCombination k
                    && k.getShortcut() == KeyCombination.ModifierValue.UP
                    && k.getControl() == KeyCombination.ModifierValue.UP
                    && k.getAlt() == KeyCombination.ModifierValue.UP
                    && k.getMeta() == KeyCombination.ModifierValue.UP
                    && (k.getCode().isLetterKey() || k.getCode().isDigitKey() || k.getCode() == KeyCode.DELETE);
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    /** Per menu, in order: entry ids, null where a separator goes. */
    private final Map<String, List<String>> menus = new LinkedHashMap<>();

    public CommandTable add(
            String id, String menu, String label, String description, KeyCombination keys, Ikon icon, Command command) {
        if (entries.containsKey(id)) {
            throw new IllegalArgumentException("two commands with the id " + id);
        }
        if (keys != null && entries.values().stream().anyMatch(e -> keys.equals(e.keys()))) {
            throw new IllegalArgumentException(keys.getDisplayText() + " is the key of two commands");
        }
        entries.put(id, new Entry(id, menu, label, description, keys, icon, command));
        menus.computeIfAbsent(menu, m -> new ArrayList<>()).add(id);
        return this;
    }

    /** A separator in {@code menu} after what was added so far. */
    public CommandTable separator(String menu) {
        menus.computeIfAbsent(menu, m -> new ArrayList<>()).add(null);
        return this;
    }

    public Entry get(String id) {
        Entry e = entries.get(id);
        if (e == null) {
            throw new IllegalArgumentException("no command " + id);
        }
        return e;
    }

    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** The menus in the order their first command was added; {@code extra} adds items that are not commands (File › Open recent). */
    public MenuBar menuBar(Map<String, List<MenuItem>> extra) {
        MenuBar bar = new MenuBar();
        for (Map.Entry<String, List<String>> m : menus.entrySet()) {
            Menu menu = new Menu(m.getKey());
            menu.setId("menu-" + m.getKey().toLowerCase());
            for (String id : m.getValue()) {
                menu.getItems().add(id == null ? new SeparatorMenuItem() : menuItem(get(id)));
                if (id != null && extra.containsKey(id)) {
                    menu.getItems().addAll(extra.get(id));
                }
            }
            bar.getMenus().add(menu);
        }
        return bar;
    }

    private static MenuItem menuItem(Entry e) {
        MenuItem item = new MenuItem(e.label());
        item.setId(e.id()); // as its toolbar button: menu items are not nodes, so the ids do not clash
        if (e.keys() != null && !e.singleKey()) {
            item.setAccelerator(e.keys());
        }
        if (e.icon() != null) {
            item.setGraphic(new FontIcon(e.icon()));
        }
        item.disableProperty().bind(e.command().executableProperty().not());
        item.setOnAction(x -> e.command().execute());
        return item;
    }

    /** A toolbar button for the command: its label, icon, a tooltip with its keys, disabled with it. */
    public Button button(String id) {
        Entry e = get(id);
        Button b = new Button(e.label(), e.icon() == null ? null : new FontIcon(e.icon()));
        b.setId(id);
        b.setMinWidth(Button.USE_PREF_SIZE); // a toolbar overflows into its menu rather than cutting a label
        b.setTooltip(new Tooltip(
                e.description() + (e.keys() == null ? "" : " (" + e.keys().getDisplayText() + ")")));
        b.disableProperty().bind(e.command().executableProperty().not());
        b.setOnAction(x -> e.command().execute());
        return b;
    }

    /**
     * Registers the keys on the scene: combinations with a modifier as accelerators (the menu
     * items show them), single keys through a key handler that leaves text fields alone.
     */
    public void install(Scene scene) {
        for (Entry e : entries.values()) {
            if (e.keys() != null && !e.singleKey()) {
                scene.getAccelerators().put(e.keys(), e.command()::execute);
            }
        }
        scene.addEventHandler(KeyEvent.KEY_PRESSED, k -> {
            if (scene.getFocusOwner() instanceof TextInputControl || k.getCode() == KeyCode.UNDEFINED) {
                return;
            }
            findSingleKey(k).ifPresent(e -> {
                e.command().execute();
                k.consume();
            });
        });
    }

    private Optional<Entry> findSingleKey(KeyEvent k) {
        return entries.values().stream()
                .filter(e -> e.singleKey() && e.keys().match(k))
                .findFirst();
    }
}
