package dev.pairstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.store.Database;
import dev.pairstudio.store.StoredSchema;
import dev.pairstudio.testing.TestPair;
import dev.pairstudio.testing.UiFixture;
import dev.pairstudio.ui.schemas.SchemasView;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** "Import schema…" for a database name no pair uses asks first, with the closest names in use. */
@ExtendWith(ApplicationExtension.class)
class UnknownDatabaseUiTest {
    private static final String STATUS = "#schema-import-status";

    @RegisterExtension
    final UiFixture ui = new UiFixture();

    private Database store;
    private Path ddl;

    @Start
    void start(Stage stage) throws Exception {
        store = ui.database(
                "unknown-database-ui",
                TestPair.of("a", "All customers", "SELECT name FROM customers").build(),
                TestPair.of("b", "Stock", "SELECT qty FROM stock")
                        .on("postgresql", "shops")
                        .build(),
                TestPair.of("c", "Staff", "SELECT name FROM staff")
                        .on("postgresql", "hr")
                        .build());
        ddl = ui.dir().resolve("shop.sql");
        Files.writeString(ddl, "CREATE TABLE customers (id INT PRIMARY KEY, name TEXT);");
        ui.window(stage, store, 1200, 800);
    }

    @Test
    void aTypoIsCaughtBeforeAnythingIsStoredAndCreateStoresItAnyway(FxRobot robot) throws Exception {
        robot.clickOn("Schemas");
        SchemasView view = robot.lookup("#schemas-view").queryAs(SchemasView.class);

        robot.interact(() -> view.importSchema(ddl, "shpo"));
        DialogPane ask = waitForQuestion(robot);
        assertThat(ask.getHeaderText()).isEqualTo("No pair uses the database name shpo.");
        assertThat(ask.getContentText())
                .startsWith("Close names in use: shop, shops.")
                .contains("Create a schema for shpo anyway?");
        robot.clickOn("Cancel");
        assertThat(UiFixture.textStartingWith(robot, STATUS, "Nothing imported"))
                .isEqualTo("Nothing imported: no pair uses shpo (did you mean shop, shops?)");
        assertThat(store.latestSchemas()).isEmpty();

        robot.interact(() -> view.importSchema(ddl, "shpo"));
        waitForQuestion(robot);
        robot.clickOn("Create shpo");
        assertThat(UiFixture.textStartingWith(robot, STATUS, "Stored"))
                .isEqualTo("Stored shpo version 1; checked 0 pairs.");
        assertThat(store.latestSchemas()).extracting(StoredSchema::databaseName).containsExactly("shpo");

        // a name a pair uses is imported without a question
        robot.interact(() -> view.importSchema(ddl, "shop"));
        assertThat(UiFixture.textStartingWith(robot, STATUS, "Stored shop"))
                .isEqualTo("Stored shop version 1; checked 1 pair.");
        assertThat(robot.lookup("#schema-unknown-database").tryQuery()).isEmpty();
    }

    private static DialogPane waitForQuestion(FxRobot robot) throws Exception {
        return UiFixture.nodeOnceShown(robot, "#schema-unknown-database", DialogPane.class);
    }
}
