package dev.pairstudio.ui.dialog;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The questions and messages a view-model puts to the user (after JabRef's {@code DialogService}),
 * so that view-models run and are tested without a window. {@link FxDialogService} shows them as
 * JavaFX dialogs. FX thread; each method returns when the user answered.
 */
public interface DialogService {
    /**
     * Asks before an action that removes data. The action's button names it with the count
     * ("Delete 49,635 pairs"); Cancel is the default button, so Enter never destroys anything.
     */
    boolean confirm(Confirmation question);

    void error(String header, String text);

    void info(String header, String text);

    /**
     * Asks for a password (a team database's), or empty when the user cancelled. The caller owns
     * the characters: it clears them once used, and nothing keeps them.
     *
     * @param id   the dialog's id
     * @param text what the password is for
     */
    Optional<char[]> password(String id, String header, String text);

    /** Files to read, or an empty list when the user cancelled. */
    List<Path> chooseFiles(String title, List<FileType> types);

    /** A file to write, or empty when the user cancelled. */
    Optional<Path> chooseFileToSave(String title, String suggestedName, FileType type);

    /** A named kind of file for the chooser ("PNG image", "*.png"). */
    record FileType(String description, List<String> patterns) {
        public static FileType of(String description, String... patterns) {
            return new FileType(description, List.of(patterns));
        }
    }

    /**
     * @param id     the dialog's id (tests and screen readers find it by it)
     * @param header what is about to happen, in a few words
     * @param text   what exactly, and whether it can be undone
     * @param action the label of the button that does it ("Delete 12 pairs")
     */
    record Confirmation(String id, String header, String text, String action) {}
}
