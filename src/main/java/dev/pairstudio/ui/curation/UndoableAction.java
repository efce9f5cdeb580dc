package dev.pairstudio.ui.curation;

/** A curation step that was saved and can be taken back. Both methods do store I/O: call them off the FX thread. */
public interface UndoableAction {
    /** What the user did, for the status bar and the undo menu item ("Accepted 3 pairs"). */
    String description();

    void undo();

    /** True when undoing needs pairs in the trash: emptying the trash makes such a step impossible. */
    default boolean needsTrash() {
        return false;
    }

    /** A step described by {@code description} that {@code undo} takes back. */
    static UndoableAction of(String description, Runnable undo) {
        return new Step(description, undo, false);
    }

    /** A step whose undo restores pairs from the trash. */
    static UndoableAction fromTrash(String description, Runnable undo) {
        return new Step(description, undo, true);
    }

    record Step(String description, Runnable undoing, boolean needsTrash) implements UndoableAction {
        @Override
        public void undo() {
            undoing.run();
        }
    }
}
