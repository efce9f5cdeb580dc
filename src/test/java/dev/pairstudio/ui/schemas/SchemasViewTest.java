package dev.pairstudio.ui.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.store.Database;
import dev.pairstudio.testing.ShopDatabase;
import dev.pairstudio.testing.UiFixture;
import dev.pairstudio.ui.task.SameThreadTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Schemas tab's view mounted alone over a real H2 file: what a user reads there, and where "Show pairs" leads. */
@ExtendWith(ApplicationExtension.class)
class SchemasViewTest {
    @RegisterExtension
    final UiFixture ui = new UiFixture();

    private Database store;
    private SchemasView view;
    private final List<String> shown = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("schemas-view");
        store = ui.adopt(dir, ShopDatabase.withPairs(dir, ShopDatabase.twoPairs()));
        ShopDatabase.storeSchema(store, dir, ShopDatabase.DDL, false);
        view = ui.mount(stage, new SchemasView(store, new SameThreadTaskRunner()), 900, 600);
        view.setOnShowPairs((database, tables) -> shown.add(database + " " + Set.copyOf(tables)));
        view.reload();
    }

    @Test
    void theStoredSchemaShowsItsTablesWithThePairsThatUseThem(FxRobot robot) {
        ListView<?> databases = robot.lookup("#schema-databases").queryAs(ListView.class);
        assertThat(databases.getItems()).hasSize(1);
        TreeView<String> tables = robot.lookup("#schema-tables").queryAs(TreeView.class);
        List<String> rows =
                tables.getRoot().getChildren().stream().map(TreeItem::getValue).toList();
        assertThat(rows).containsExactly("customers  (1 pair)", "orders  (1 pair)");
        List<String> columns = tables.getRoot().getChildren().get(1).getChildren().stream()
                .map(TreeItem::getValue)
                .toList();
        assertThat(columns)
                .containsExactly("id  INT  · primary key", "customer_id  INT  → customers.id", "total  NUMERIC(10, 2)");
        assertThat(robot.lookup(".label").queryAllAs(Label.class).stream().map(Label::getText))
                .anyMatch(t -> t.startsWith("shop, version 1 (") && t.endsWith(": 2 tables, 6 columns"));
    }

    @Test
    void showPairsAsksForTheSelectedTableOfTheSelectedDatabase(FxRobot robot) {
        Button showPairs = robot.lookup("#schema-show-pairs").queryAs(Button.class);
        assertThat(showPairs.isDisabled()).as("no table chosen yet").isTrue();
        robot.clickOn("orders  (1 pair)");
        assertThat(showPairs.isDisabled()).isFalse();
        robot.clickOn(showPairs);
        assertThat(shown).containsExactly("shop [orders]");
    }
}
