package dev.pairstudio.ui.export;

import java.awt.Desktop;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** "Open folder" and "Copy path" after an export. */
final class FolderActions {
    private FolderActions() {}

    /** Whether the platform can open a folder in its file manager (false when headless or without a desktop). */
    static boolean canOpen() {
        try {
            return Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN);
        } catch (RuntimeException | Error e) {
            return false;
        }
    }

    /**
     * Opens the folder in the file manager off the FX thread (AWT may block); when it cannot,
     * {@code onFailure} gets a message with the path on the FX thread, for the user to go there.
     */
    static void open(Path folder, Consumer<String> onFailure) {
        Thread t = new Thread(
                () -> {
                    String problem = null;
                    if (!canOpen()) {
                        problem = "This system cannot open folders from Pair Studio. The files are in " + folder;
                    } else {
                        try {
                            Desktop.getDesktop().open(folder.toFile());
                        } catch (Exception e) {
                            problem = "Could not open the folder (" + e.getMessage() + "). The files are in " + folder;
                        }
                    }
                    if (problem != null) {
                        String message = problem;
                        Platform.runLater(() -> onFailure.accept(message));
                    }
                },
                "open-folder");
        t.setDaemon(true);
        t.start();
    }

    /** Puts the path on the clipboard as text (and as a file where the platform takes files). FX thread. */
    static void copy(Path path) {
        ClipboardContent c = new ClipboardContent();
        c.putString(path.toString());
        Clipboard.getSystemClipboard().setContent(c);
    }
}
