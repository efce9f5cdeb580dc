package dev.pairstudio.ui.schemas;

import dev.pairstudio.pair.Plural;
import dev.pairstudio.schema.JdbcSchemaReader;
import dev.pairstudio.schema.SchemaImporter;
import dev.pairstudio.schema.SchemaJson;
import dev.pairstudio.sql.SqlAnalyzer;
import dev.pairstudio.store.Database;
import dev.pairstudio.ui.MainWindow;
import dev.pairstudio.ui.task.TaskRunner;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

/**
 * Schemas › Import from a database…: reads a live database's schema through JDBC metadata only
 * (read-only connection, time limit) and stores it as a new version. The password is handed to
 * the driver and dropped; neither it nor the form is remembered. A connection that fails or does
 * not answer in time is explained under the form, which stays filled in for another try.
 */
final class LiveSchemaDialog extends Dialog<String> {
    static final ButtonType IMPORT = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);

    /** What the form asks for; {@code schemaPattern} null reads every non-system schema. */
    record Request(
            String url, String user, char[] password, String schemaPattern, String databaseName, int timeoutSeconds) {}

    private final TextField url = new TextField();
    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();
    private final TextField schemaPattern = new TextField();
    private final TextField databaseName = new TextField();
    private final TextField timeout = new TextField("20");
    private final Label problem = new Label();
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    /**
     * @param nameCheck asks, when the name is unknown, whether to create it: runs its second argument when the
     *                  user goes on, and nothing otherwise
     */
    LiveSchemaDialog(
            Window owner,
            Database store,
            TaskRunner background,
            String suggestedName,
            BiConsumer<String, Runnable> nameCheck) {
        initOwner(owner);
        setTitle("Import a schema from a database");
        setHeaderText("Reads tables, columns, types and keys through JDBC metadata only, on a read-only connection.\n"
                + "The password is used for this connection and never stored.");
        url.setId("live-url");
        user.setId("live-user");
        password.setId("live-password");
        schemaPattern.setId("live-schema");
        databaseName.setId("live-database");
        timeout.setId("live-timeout");
        problem.setId("live-problem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        url.setPromptText("jdbc:h2:/path/to/shop  or  jdbc:h2:tcp://host:9092/shop");
        schemaPattern.setPromptText("PUBLIC, public, dbo … (empty: every schema but the system ones)");
        databaseName.setPromptText("the database_name of the pairs it describes");
        databaseName.setText(suggestedName == null ? "" : suggestedName);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        String[] labels = {"JDBC URL", "User", "Password", "Schema", "Database name", "Time limit (s)"};
        Node[] fields = {url, user, password, schemaPattern, databaseName, timeout};
        for (int i = 0; i < labels.length; i++) {
            grid.add(new Label(labels[i]), 0, i);
            grid.add(fields[i], 1, i);
        }
        grid.add(problem, 0, labels.length, 2, 1);
        GridPane.setHgrow(url, Priority.ALWAYS);
        grid.setPrefWidth(620);
        getDialogPane().setContent(grid);
        getDialogPane()
                .getStylesheets()
                .add(Objects.requireNonNull(MainWindow.class.getResource("pair-studio.css"))
                        .toExternalForm());
        getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, IMPORT);
        getDialogPane().lookupButton(IMPORT).setId("live-import");
        getDialogPane().lookupButton(IMPORT).disableProperty().bind(busy);
        getDialogPane().lookupButton(ButtonType.CANCEL).disableProperty().bind(busy);
        grid.disableProperty().bind(busy);
        getDialogPane().lookupButton(IMPORT).addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog closes only once the schema is stored
            Request r = request();
            if (r != null) {
                nameCheck.accept(r.databaseName(), () -> read(store, background, r));
            }
        });
        setResultConverter(b -> null);
    }

    /** The form as a request, or null with the reason shown. */
    private Request request() {
        String u = url.getText().strip();
        String name = databaseName.getText().strip();
        int seconds;
        try {
            seconds = Integer.parseInt(timeout.getText().strip());
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        String why = !u.startsWith("jdbc:")
                ? "A JDBC URL starts with jdbc:, for example jdbc:h2:/data/shop."
                : name.isEmpty()
                        ? "Type the database_name of the pairs this schema describes."
                        : seconds < 1 || seconds > 600 ? "The time limit is a number of seconds from 1 to 600." : "";
        problem.setText(why);
        if (!why.isEmpty()) {
            return null;
        }
        String pattern = schemaPattern.getText().strip();
        return new Request(
                u,
                user.getText().strip().isEmpty() ? null : user.getText().strip(),
                password.getText().toCharArray(),
                pattern.isEmpty() ? null : pattern,
                name,
                seconds);
    }

    private void read(Database store, TaskRunner background, Request r) {
        busy.set(true);
        problem.setText("Connecting to " + JdbcSchemaReader.safe(r.url()) + " (at most " + r.timeoutSeconds() + " s)…");
        background.run(
                "read a live schema",
                () -> {
                    try (SqlAnalyzer analyzer = new SqlAnalyzer()) {
                        SchemaImporter importer = new SchemaImporter(store, analyzer);
                        SchemaImporter.Report report = importer.importJdbc(
                                new JdbcSchemaReader(r.timeoutSeconds() * 1000L),
                                r.url(),
                                r.user(),
                                r.password(),
                                r.schemaPattern(),
                                r.databaseName());
                        if (report.saved().isEmpty()) {
                            return Outcome.failed("No tables found at " + JdbcSchemaReader.safe(r.url())
                                    + (r.schemaPattern() == null ? "" : " in schema " + r.schemaPattern())
                                    + "; nothing stored.");
                        }
                        long checked =
                                importer.validate(report, n -> {}, () -> false).validated();
                        var saved = report.saved().get(0);
                        var schema = SchemaJson.read(saved.definition());
                        return Outcome.stored("Stored " + saved.databaseName() + " version " + saved.version() + " ("
                                + Plural.of(schema.tables().size(), "table")
                                + ", " + Plural.of(schema.columnCount(), "column") + ") from "
                                + JdbcSchemaReader.safe(r.url()) + "; checked "
                                + Plural.of(checked, "pair") + ".");
                    } catch (JdbcSchemaReader.ConnectionFailure e) {
                        return Outcome.failed(e.getMessage());
                    } catch (RuntimeException e) {
                        return Outcome.failed("Nothing stored: " + e.getMessage());
                    } finally {
                        Arrays.fill(r.password(), '\0');
                    }
                },
                outcome -> {
                    busy.set(false);
                    if (outcome.failure() != null) {
                        problem.setText(outcome.failure());
                    } else {
                        setResult(outcome.stored());
                        close();
                    }
                });
    }

    /** Either the status line of a stored schema or why nothing was stored. */
    private record Outcome(String stored, String failure) {
        static Outcome stored(String text) {
            return new Outcome(text, null);
        }

        static Outcome failed(String why) {
            return new Outcome(null, why);
        }
    }

    /** Shows the dialog; {@code stored} gets the status line once a schema was stored. */
    void showThen(Consumer<String> stored) {
        setOnHidden(e -> {
            if (getResult() != null) {
                stored.accept(getResult());
            }
        });
        show();
    }
}
