package dev.pairstudio.ui.schemas;

import dev.pairstudio.pair.Plural;
import dev.pairstudio.schema.UnknownDatabase;
import dev.pairstudio.store.StoredSchema;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** The Schemas tab's questions before it changes something: non-blocking, the answer goes to a callback on the FX thread. */
final class SchemaQuestions {
    private SchemaQuestions() {}

    /** Store a schema for a name no pair uses? {@code create} runs on "Create NAME", {@code cancelled} otherwise. */
    static void createUnknown(Window owner, UnknownDatabase unknown, Runnable create, Runnable cancelled) {
        String name = unknown.name();
        ask(
                owner,
                "schema-unknown-database",
                "Import a schema",
                "No pair uses the database name " + name + ".",
                (unknown.closest().isEmpty()
                                ? "No stored database name is close to it."
                                : "Close names in use: " + String.join(", ", unknown.closest()) + ".")
                        + "\n\nCreate a schema for " + name
                        + " anyway? Pairs imported later under that name are checked against it.",
                "Create " + name,
                create,
                cancelled);
    }

    /** Delete every version of a schema, which takes the checks of {@code losing} pairs with it? */
    static void delete(Window owner, StoredSchema newest, long losing, Runnable delete) {
        String name = newest.databaseName();
        ask(
                owner,
                "schema-delete-confirm",
                "Delete schema",
                "Delete the schema of " + name
                        + (newest.version() == 1 ? "?" : ", all " + Plural.of(newest.version(), "version") + "?"),
                Plural.of(losing, "pair loses its", "pairs lose their") + " schema check: their schema flags are "
                        + "cleared and they count as not validated. The pairs themselves stay. Importing a schema for "
                        + name
                        + " checks them again.",
                "Delete schema",
                delete,
                () -> {});
    }

    private static void ask(
            Window owner,
            String id,
            String title,
            String header,
            String content,
            String yes,
            Runnable onYes,
            Runnable onNo) {
        ButtonType go = new ButtonType(yes, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, null, ButtonType.CANCEL, go);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(header);
        alert.setContentText(content);
        alert.getDialogPane().setId(id);
        alert.setOnHidden(e -> (alert.getResult() == go ? onYes : onNo).run());
        alert.show();
    }
}
