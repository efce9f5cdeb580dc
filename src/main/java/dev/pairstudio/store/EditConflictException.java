package dev.pairstudio.store;

/** Someone else changed the pair since it was read: the edit was not saved. */
public class EditConflictException extends StoreException {
    public EditConflictException(long id, long expected, long actual) {
        super("Pair " + id + " was changed elsewhere (version " + actual + ", expected " + expected
                + "); reload it and edit again");
    }
}
