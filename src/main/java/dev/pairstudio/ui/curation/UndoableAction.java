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
}
