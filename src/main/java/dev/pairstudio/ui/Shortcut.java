package dev.pairstudio.ui;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** Every keyboard shortcut in one place: the window registers them and the help overlay lists them. */
public enum Shortcut {
    ACCEPT("Accept the selected pairs", new KeyCodeCombination(KeyCode.A)),
    REJECT("Reject the selected pairs", new KeyCodeCombination(KeyCode.R)),
    UNREVIEW("Mark the selected pairs unreviewed", new KeyCodeCombination(KeyCode.U)),
    NEXT_UNREVIEWED("Next unreviewed pair", new KeyCodeCombination(KeyCode.J)),
    PREVIOUS_UNREVIEWED("Previous unreviewed pair", new KeyCodeCombination(KeyCode.K)),
    EDIT("Edit the question and SQL", new KeyCodeCombination(KeyCode.E)),
    DELETE("Move the selected pairs to the trash", new KeyCodeCombination(KeyCode.DELETE)),
    DELETE_MATCHING("Move every pair that matches the filter to the trash",
            new KeyCodeCombination(KeyCode.DELETE, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)),
    UNDO("Undo the last curation step", new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN)),
    IMPORT("Import files", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN)),
    EXPORT_WIZARD("Export with the wizard: scope, format, privacy, split, destination",
            new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)),
    QUICK_EXPORT("Export the current filter with the last profile", new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN)),
    FIND("Search questions and SQL", new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN)),
    SHOW_PAIRS("Show the pair table", new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN)),
    SHOW_STATISTICS("Show the statistics dashboard", new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN)),
    REFRESH("Reload the table", new KeyCodeCombination(KeyCode.F5)),
    TOGGLE_THEME("Switch between light and dark", new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)),
    HELP("Show these shortcuts", new KeyCodeCombination(KeyCode.F1));

    private final String description;
    private final KeyCombination keys;

    Shortcut(String description, KeyCombination keys) {
        this.description = description;
        this.keys = keys;
    }

    public String description() {
        return description;
    }

    public KeyCombination keys() {
        return keys;
    }

    /** Single keys act only while no text field has the focus, so typing a note never accepts a pair. */
    public boolean singleKey() {
        return keys.getDisplayText().length() == 1 || this == DELETE;
    }
}
