package dev.pairstudio.ui;

import dev.pairstudio.ui.command.Command;
import dev.pairstudio.ui.command.CommandTable;
import dev.pairstudio.ui.pairs.PairsViewModel;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.feather.Feather;

/** The main window's command table: every menu item, toolbar button and key, in menu order. */
final class MainCommands {
    /** What the window does itself; the curation commands come from the {@link PairsViewModel}. */
    record WindowActions(
            Command openDatabase,
            Runnable importFiles,
            Runnable exportWizard,
            Runnable quickExport,
            Runnable exit,
            Command edit,
            Runnable toggleTrash,
            Runnable refresh,
            Runnable showPairs,
            Runnable showStatistics,
            Runnable toggleTheme,
            Runnable find,
            Runnable help) {}

    private MainCommands() {}

    static CommandTable of(PairsViewModel pairs, WindowActions w) {
        String file = "File";
        String edit = "Edit";
        String view = "View";
        return new CommandTable()
                .add(
                        "open-database",
                        file,
                        "Open database…",
                        "Open another database file or a team database",
                        null,
                        Feather.DATABASE,
                        w.openDatabase())
                .separator(file)
                .add(
                        "import",
                        file,
                        "Import…",
                        "Import files",
                        shortcut(KeyCode.O),
                        Feather.DOWNLOAD,
                        Command.of(w.importFiles()))
                .add(
                        "export",
                        file,
                        "Export…",
                        "Export with the wizard: scope, format, privacy, split, destination",
                        shortcut(KeyCode.E, KeyCombination.SHIFT_DOWN),
                        Feather.UPLOAD,
                        Command.of(w.exportWizard()))
                .add(
                        "quick-export",
                        file,
                        "Quick export",
                        "Export the current filter with the last profile",
                        shortcut(KeyCode.E),
                        Feather.ZAP,
                        Command.of(w.quickExport()))
                .separator(file)
                .add("exit", file, "Exit", "Close Pair Studio", null, null, Command.of(w.exit()))
                .add(
                        "undo",
                        edit,
                        "Undo",
                        "Undo the last curation step",
                        shortcut(KeyCode.Z),
                        Feather.CORNER_UP_LEFT,
                        pairs.undo)
                .separator(edit)
                .add("accept", edit, "Accept", "Accept the selected pairs", key(KeyCode.A), Feather.CHECK, pairs.accept)
                .add("reject", edit, "Reject", "Reject the selected pairs", key(KeyCode.R), Feather.X, pairs.reject)
                .add(
                        "unreview",
                        edit,
                        "Mark unreviewed",
                        "Mark the selected pairs unreviewed",
                        key(KeyCode.U),
                        null,
                        pairs.unreview)
                .add(
                        "next-unreviewed",
                        edit,
                        "Next unreviewed",
                        "Next unreviewed pair",
                        key(KeyCode.J),
                        null,
                        pairs.nextUnreviewed)
                .add(
                        "previous-unreviewed",
                        edit,
                        "Previous unreviewed",
                        "Previous unreviewed pair",
                        key(KeyCode.K),
                        null,
                        pairs.previousUnreviewed)
                .add("edit", edit, "Edit pair", "Edit the question and SQL", key(KeyCode.E), Feather.EDIT_2, w.edit())
                .separator(edit)
                .add(
                        "delete",
                        edit,
                        "Delete selected",
                        "Move the selected pairs to the trash",
                        key(KeyCode.DELETE),
                        Feather.TRASH,
                        pairs.delete)
                .add(
                        "delete-matching",
                        edit,
                        "Delete matching…",
                        "Move every pair that matches the filter to the trash",
                        shortcut(KeyCode.DELETE, KeyCombination.SHIFT_DOWN),
                        Feather.TRASH_2,
                        pairs.deleteMatching)
                .add(
                        "restore",
                        edit,
                        "Restore",
                        "Take the selected pairs out of the trash",
                        null,
                        Feather.ROTATE_CCW,
                        pairs.restore)
                .add(
                        "empty-trash",
                        edit,
                        "Empty trash…",
                        "Delete every pair in the trash for good",
                        null,
                        null,
                        pairs.emptyTrash)
                .add(
                        "show-pairs",
                        view,
                        "Pairs",
                        "Show the pair table",
                        shortcut(KeyCode.DIGIT1),
                        null,
                        Command.of(w.showPairs()))
                .add(
                        "show-statistics",
                        view,
                        "Statistics",
                        "Show the statistics dashboard",
                        shortcut(KeyCode.DIGIT2),
                        null,
                        Command.of(w.showStatistics()))
                .add(
                        "toggle-trash",
                        view,
                        "Trash",
                        "Show the trash, or the pairs again",
                        null,
                        null,
                        Command.of(w.toggleTrash()))
                .separator(view)
                .add(
                        "refresh",
                        view,
                        "Refresh",
                        "Reload the table",
                        new KeyCodeCombination(KeyCode.F5),
                        null,
                        Command.of(w.refresh()))
                .add(
                        "toggle-theme",
                        view,
                        "Light / dark",
                        "Switch between light and dark",
                        shortcut(KeyCode.T, KeyCombination.SHIFT_DOWN),
                        null,
                        Command.of(w.toggleTheme()))
                .add("find", view, "Find", "Search questions and SQL", shortcut(KeyCode.F), null, Command.of(w.find()))
                .add(
                        "help",
                        "Help",
                        "Shortcuts",
                        "Show the keyboard shortcuts",
                        new KeyCodeCombination(KeyCode.F1),
                        Feather.HELP_CIRCLE,
                        Command.of(w.help()));
    }

    private static KeyCombination key(KeyCode code) {
        return new KeyCodeCombination(code);
    }

    private static KeyCombination shortcut(KeyCode code, KeyCombination.Modifier... more) {
        KeyCombination.Modifier[] all = new KeyCombination.Modifier[more.length + 1];
        all[0] = KeyCombination.SHORTCUT_DOWN;
        System.arraycopy(more, 0, all, 1, more.length);
        return new KeyCodeCombination(code, all);
    }
}
