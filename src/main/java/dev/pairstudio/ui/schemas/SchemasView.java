package dev.pairstudio.ui.schemas;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.Plural;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.schema.DatabaseSchema;
import dev.pairstudio.schema.ForeignKey;
import dev.pairstudio.schema.ReadOnlyDatabases;
import dev.pairstudio.schema.SchemaColumn;
import dev.pairstudio.schema.SchemaEditing;
import dev.pairstudio.schema.SchemaFormat;
import dev.pairstudio.schema.SchemaImporter;
import dev.pairstudio.schema.SchemaJson;
import dev.pairstudio.schema.SchemaTable;
import dev.pairstudio.schema.SchemaUsage;
import dev.pairstudio.schema.UnknownDatabase;
import dev.pairstudio.schema.ValidationRun;
import dev.pairstudio.schema.ValidationSummary;
import dev.pairstudio.sql.SqlAnalyzer;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.StoredSchema;
import dev.pairstudio.ui.task.TaskRunner;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The stored schemas (issue 15): databases on the left (newest version), their tables and
 * columns with how many pairs use each table on the right, and a button that shows those pairs.
 * Reads run through the window's background runner; this class only draws.
 */
public final class SchemasView extends BorderPane {
    /** When a version was stored, to the minute, in UTC as the rest of the window. */
    private static final DateTimeFormatter SAVED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Database store;
    private final TaskRunner background;
    private final ListView<StoredSchema> databases = new ListView<>();
    private final TreeView<String> tables = new TreeView<>();
    private static final String NO_SCHEMA =
            "No schema yet: import one with 'Import schema…' or 'pairstudio schema import FILE --database NAME'.";
    private final Label summary = new Label(NO_SCHEMA);
    private final Button showPairs = new Button("Show pairs using this table");
    private final Button importButton = new Button("Import schema…");
    private final Button liveButton = new Button("Import from a database…");
    private final Button editButton = new Button("Edit…");
    private final Button deleteButton = new Button("Delete schema…");
    private final Label importStatus = new Label();
    private final CheckBox readOnly = new CheckBox("Read-only questions (flag DML/DDL, never run it)");
    /** True while the check box shows a loaded value: not a user's change. */
    private boolean showingReadOnly;

    private BiConsumer<String, Set<String>> onShowPairs = (db, names) -> {};
    private Runnable onPairsChecked = () -> {};
    private SchemaUsage usage;

    public SchemasView(Database store, TaskRunner background) {
        this.store = store;
        this.background = background;
        setId("schemas-view");
        databases.setId("schema-databases");
        tables.setId("schema-tables");
        showPairs.setId("schema-show-pairs");
        showPairs.setDisable(true);
        databases.setPrefWidth(260);
        Label none = new Label("No schema stored yet");
        none.getStyleClass().add("muted");
        databases.setPlaceholder(none);
        databases.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(StoredSchema s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.databaseName() + "  v" + s.version());
            }
        });
        databases.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> showDatabase(now));
        tables.setShowRoot(false);
        tables.getSelectionModel()
                .selectedItemProperty()
                .addListener((o, was, now) -> showPairs.setDisable(tableOf(now) == null));
        showPairs.setOnAction(e -> {
            StoredSchema s = databases.getSelectionModel().getSelectedItem();
            String table = tableOf(tables.getSelectionModel().getSelectedItem());
            if (s != null && table != null && usage != null) {
                onShowPairs.accept(s.databaseName(), usage.spelled().get(table));
            }
        });
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        importButton.setId("schema-import");
        importButton.setOnAction(e -> chooseAndImport());
        liveButton.setId("schema-import-live");
        liveButton.setOnAction(e -> importLive());
        editButton.setId("schema-edit");
        editButton.setOnAction(e -> editSelected());
        deleteButton.setId("schema-delete");
        deleteButton.setOnAction(e -> deleteSelected());
        editButton
                .disableProperty()
                .bind(databases.getSelectionModel().selectedItemProperty().isNull());
        deleteButton
                .disableProperty()
                .bind(databases.getSelectionModel().selectedItemProperty().isNull());
        importStatus.setId("schema-import-status");
        importStatus.setWrapText(true);
        readOnly.setId("schema-read-only");
        readOnly.setDisable(true);
        readOnly.selectedProperty().addListener((o, was, now) -> {
            if (!showingReadOnly) {
                changeReadOnly(now);
            }
        });
        // the schema actions on a row of their own that wraps, so a narrow window never cuts a label short
        FlowPane actions = new FlowPane(6, 6, importButton, liveButton, editButton, deleteButton);
        for (Node b : actions.getChildren()) {
            ((Button) b).setMinWidth(Region.USE_PREF_SIZE);
        }
        showPairs.setMinWidth(Region.USE_PREF_SIZE);
        VBox right = new VBox(6, actions, summary, readOnly, tables, new HBox(6, showPairs), importStatus);
        VBox.setVgrow(tables, Priority.ALWAYS);
        right.setPadding(new Insets(0, 0, 0, 8));
        setLeft(databases);
        setCenter(right);
        setPadding(new Insets(8));
    }

    /** What "Show pairs using this table" does: filter the pair table by database and table names. */
    public void setOnShowPairs(BiConsumer<String, Set<String>> action) {
        this.onShowPairs = action;
    }

    /** What to do after pairs were checked again or lost their checks here (the pair table and statistics re-read). */
    public void setOnPairsChecked(Runnable action) {
        this.onPairsChecked = action;
    }

    /** Asks for a JDBC URL and credentials and stores the live database's schema as a new version. */
    public void importLive() {
        StoredSchema selected = databases.getSelectionModel().getSelectedItem();
        LiveSchemaDialog[] dialog = new LiveSchemaDialog[1];
        dialog[0] = new LiveSchemaDialog(
                owner(),
                store,
                background,
                selected == null ? null : selected.databaseName(),
                (name, then) -> whenNameIsMeant(
                        name, dialog[0].getDialogPane().getScene().getWindow(), then));
        dialog[0].showThen(text -> {
            importStatus.setText(text);
            reload();
            onPairsChecked.run();
        });
    }

    /** Opens the selected database's newest schema as CREATE TABLE text; saving stores a new version. */
    public void editSelected() {
        StoredSchema s = databases.getSelectionModel().getSelectedItem();
        if (s == null) {
            return;
        }
        background.run("read a schema", () -> SchemaJson.read(s.definition()), schema -> {
            SchemaEditDialog dialog = new SchemaEditDialog(owner(), store, background, s, schema);
            dialog.setOnHidden(e -> {
                SchemaEditing.Saved saved = dialog.getResult();
                if (saved != null) {
                    importStatus.setText("Saved " + saved.stored().databaseName() + " version "
                            + saved.stored().version() + "; " + checked(saved.validation()));
                    reload();
                    onPairsChecked.run();
                }
            });
            dialog.show();
        });
    }

    private static String checked(ValidationSummary v) {
        long flagged = v.validated() - v.clean();
        return "checked " + Plural.of(v.validated(), "pair") + ", " + Plural.number(flagged) + " with a flag.";
    }

    /** Asks, then deletes every version of the selected database's schema and the checks made against it. */
    public void deleteSelected() {
        StoredSchema s = databases.getSelectionModel().getSelectedItem();
        if (s == null) {
            return;
        }
        String name = s.databaseName();
        background.run(
                "find validations against a schema",
                () -> store.validationsAgainst(name),
                losing -> SchemaQuestions.delete(owner(), s, losing, () -> deleteNow(name)));
    }

    private Window owner() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private void deleteNow(String name) {
        importStatus.setText("Deleting the schema of " + name + "…");
        background.run("delete a schema", () -> store.deleteSchema(name), cleared -> {
            importStatus.setText("Deleted the schema of " + name + "; " + Plural.of(cleared, "pair is", "pairs are")
                    + " no longer validated.");
            reload();
            onPairsChecked.run();
        });
    }

    private void chooseAndImport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import a schema");
        chooser.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter(
                                "CREATE TABLE scripts and Spider/BIRD tables.json", "*.sql", "*.ddl", "*.json"),
                        new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(owner());
        if (file == null) {
            return;
        }
        Path path = file.toPath();
        String name = null;
        if (SchemaFormat.guess(path) == SchemaFormat.DDL) {
            StoredSchema selected = databases.getSelectionModel().getSelectedItem();
            String stem = path.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            TextInputDialog ask = new TextInputDialog(selected != null ? selected.databaseName() : stem);
            ask.setTitle("Import a schema");
            ask.setHeaderText("Which database_name do these tables belong to?");
            Optional<String> answer = ask.showAndWait();
            if (answer.isEmpty() || answer.get().isBlank()) {
                return;
            }
            name = answer.get().strip();
        }
        importSchema(path, name);
    }

    /**
     * Imports a schema file in the background (DDL needs {@code databaseName}; a tables.json
     * imports every db_id when it is null), then says what was stored and what was not, and validates
     * the pairs of the imported databases.
     */
    public void importSchema(Path file, String databaseName) {
        whenNameIsMeant(databaseName, () -> importNow(file, databaseName));
    }

    /**
     * Runs {@code then} when {@code databaseName} is null (a whole tables.json), used by a pair or
     * has a schema; otherwise first asks whether to create a schema for a name no pair uses (a typo,
     * most often), showing the closest known names.
     */
    private void whenNameIsMeant(String databaseName, Runnable then) {
        whenNameIsMeant(databaseName, owner(), then);
    }

    private void whenNameIsMeant(String databaseName, Window owner, Runnable then) {
        if (databaseName == null) {
            then.run();
            return;
        }
        background.run("check for an unknown database", () -> UnknownDatabase.check(store, databaseName), unknown -> {
            if (unknown.isEmpty()) {
                then.run();
                return;
            }
            SchemaQuestions.createUnknown(
                    owner,
                    unknown.get(),
                    then,
                    () -> importStatus.setText("Nothing imported: no pair uses " + databaseName
                            + (unknown.get().closest().isEmpty()
                                    ? "."
                                    : " (" + unknown.get().didYouMean() + ")")));
        });
    }

    private void importNow(Path file, String databaseName) {
        importButton.setDisable(true);
        importStatus.setText("Importing " + file.getFileName() + "…");
        background.run(
                "import a schema",
                () -> {
                    try (SqlAnalyzer analyzer = new SqlAnalyzer()) {
                        return storeFile(file, databaseName, analyzer);
                    } catch (IOException | RuntimeException e) {
                        return "Cannot import " + file.getFileName() + ": " + e.getMessage(); // nothing stored
                    }
                },
                text -> {
                    importButton.setDisable(false);
                    importStatus.setText(text);
                    reload();
                    onPairsChecked.run();
                });
    }

    private String storeFile(Path file, String databaseName, SqlAnalyzer analyzer) throws IOException {
        SchemaImporter importer = new SchemaImporter(store, analyzer);
        SchemaImporter.Report r = importer.importFile(file, SchemaFormat.guess(file), databaseName, null);
        long checked = importer.validate(r, n -> {}, () -> false).validated();
        return describe(r, checked);
    }

    private static String describe(SchemaImporter.Report r, long checked) {
        StringBuilder b = new StringBuilder();
        r.saved()
                .forEach(s -> b.append(b.length() == 0 ? "" : "; ")
                        .append(s.databaseName())
                        .append(" version ")
                        .append(s.version()));
        String text = r.saved().isEmpty()
                ? "No table definitions found; nothing stored."
                : "Stored " + b + "; checked " + Plural.of(checked, "pair") + ".";
        if (!r.problems().isEmpty()) {
            text += " Not imported: "
                    + String.join(
                            "; ", r.problems().stream().map(Object::toString).toList());
        }
        return text;
    }

    /** Reloads the list of schemas (when the view is shown). */
    public void reload() {
        background.run("list schemas", store::latestSchemas, list -> {
            StoredSchema selected = databases.getSelectionModel().getSelectedItem();
            databases.getItems().setAll(list);
            if (list.isEmpty()) {
                showDatabase(null);
            } else {
                int again = selected == null ? 0 : Math.max(0, indexOf(list, selected.databaseName()));
                databases.getSelectionModel().select(again);
            }
        });
    }

    private static int indexOf(List<StoredSchema> list, String name) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).databaseName().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Stores the selected database's read-only setting and checks its pairs again with it. */
    private void changeReadOnly(boolean value) {
        StoredSchema s = databases.getSelectionModel().getSelectedItem();
        if (s == null) {
            return;
        }
        String name = s.databaseName();
        readOnly.setDisable(true);
        importStatus.setText("Checking the pairs of " + name + " again…");
        background.run(
                "save the read-only setting and check again",
                () -> {
                    ReadOnlyDatabases.set(store, name, value);
                    try (SqlAnalyzer analyzer = new SqlAnalyzer()) {
                        return ValidationRun.run(
                                store,
                                analyzer,
                                PairFilter.ALL.withDatabaseNames(Set.of(name)),
                                Runtime.getRuntime().availableProcessors(),
                                n -> {},
                                () -> false);
                    }
                },
                result -> {
                    readOnly.setDisable(false);
                    long writes = result.flagged().getOrDefault(QualityFlag.WRITE_STATEMENT, 0L);
                    importStatus.setText(name + (value ? " holds read-only questions" : " allows writes") + "; checked "
                            + Plural.of(result.validated(), "pair")
                            + (value ? ", " + Plural.of(writes, "write") + " flagged." : "."));
                });
    }

    private void showDatabase(StoredSchema s) {
        tables.setRoot(null);
        usage = null;
        readOnly.setDisable(true);
        if (s == null) {
            summary.setText(NO_SCHEMA);
            return;
        }
        background.run(
                "read the read-only setting",
                () -> ReadOnlyDatabases.load(store).test(s.databaseName()),
                value -> {
                    if (s != databases.getSelectionModel().getSelectedItem()) {
                        return;
                    }
                    showingReadOnly = true;
                    readOnly.setSelected(value);
                    showingReadOnly = false;
                    readOnly.setDisable(false);
                });
        background.run(
                "count pairs per table",
                () -> {
                    DatabaseSchema schema = SchemaJson.read(s.definition());
                    return Map.entry(schema, SchemaUsage.of(store, schema));
                },
                loaded -> {
                    if (s != databases.getSelectionModel().getSelectedItem()) {
                        return; // another database was chosen meanwhile
                    }
                    DatabaseSchema schema = loaded.getKey();
                    usage = loaded.getValue();
                    TreeItem<String> root = new TreeItem<>(schema.databaseName());
                    for (SchemaTable t : schema.tables()) {
                        long using = usage.pairsByTable().get(t.name());
                        TreeItem<String> table = new TreeItem<>(t.name() + "  (" + Plural.of(using, "pair") + ")");
                        for (SchemaColumn c : t.columns()) {
                            String key = t.primaryKey().contains(c.name())
                                    ? "  · primary key"
                                    : t.uniqueKeys().contains(List.of(c.name())) ? "  · unique" : "";
                            String fk = t.foreignKeys().stream()
                                    .filter(f -> f.column().equals(c.name()))
                                    .findFirst()
                                    .map(SchemasView::reference)
                                    .orElse("");
                            table.getChildren()
                                    .add(new TreeItem<>(
                                            c.name() + (c.type().isEmpty() ? "" : "  " + c.type()) + key + fk));
                        }
                        t.uniqueKeys().stream()
                                .filter(k -> k.size() > 1)
                                .forEach(k -> table.getChildren()
                                        .add(new TreeItem<>("unique (" + String.join(", ", k) + ")")));
                        root.getChildren().add(table);
                    }
                    tables.setRoot(root);
                    summary.setText(String.format(
                            "%s, version %d (%s, %s): %s, %s",
                            schema.databaseName(),
                            s.version(),
                            s.source(),
                            SAVED_AT.format(s.importedAt()),
                            Plural.of(schema.tables().size(), "table"),
                            Plural.of(schema.columnCount(), "column")));
                });
    }

    private static String reference(ForeignKey f) {
        return "  → " + f.referencedTable() + (f.referencedColumn().isEmpty() ? "" : "." + f.referencedColumn());
    }

    /** The schema table name of a table row (not a column row), or null. */
    private String tableOf(TreeItem<String> item) {
        if (item == null || item.getParent() == null || item.getParent() != tables.getRoot() || usage == null) {
            return null;
        }
        int at = tables.getRoot().getChildren().indexOf(item);
        return at < 0 ? null : List.copyOf(usage.pairsByTable().keySet()).get(at);
    }
}
