package dev.pairstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.schema.ValidationRun;
import dev.pairstudio.sql.SqlAnalyzer;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.testing.ShopDatabase;
import dev.pairstudio.testing.TestPair;
import dev.pairstudio.testing.UiFixture;
import dev.pairstudio.ui.schemas.SchemasView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 15 in the window: the schema checks' messages in the detail pane, the new flags in the filter. */
@ExtendWith(ApplicationExtension.class)
class SchemaChecksUiTest {
    @RegisterExtension
    final UiFixture ui = new UiFixture();

    private Database store;
    private MainWindow window;
    private TableView<StoredPair> table;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("schema-ui");
        store = ShopDatabase.withPairs(
                dir,
                TestPair.of("v1", "Names of customers", "SELECT c.nmae FROM customers c")
                        .at("2025-01-02T00:00:00Z")
                        .on("postgresql", "shop")
                        .build(),
                TestPair.of("v2", "All customer names", "SELECT name FROM customers")
                        .at("2025-01-01T00:00:00Z")
                        .on("postgresql", "shop")
                        .build());
        ui.adopt(dir, store);
        ShopDatabase.storeSchema(store, dir, "CREATE TABLE customers (id INT PRIMARY KEY, name TEXT);", false);
        try (SqlAnalyzer analyzer = new SqlAnalyzer()) {
            ValidationRun.run(store, analyzer, PairFilter.ALL, 1, n -> {}, () -> false);
        }
        window = ui.window(stage, store, 1400, 900);
        table = window.table();
    }

    @Test
    void theSchemasViewListsTablesColumnsAndThePairsThatUseThem(FxRobot robot) throws Exception {
        robot.clickOn("Schemas");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
            TreeView<?> tree = robot.lookup("#schema-tables").queryAs(TreeView.class);
            return tree.getRoot() != null && !tree.getRoot().getChildren().isEmpty();
        });
        @SuppressWarnings("unchecked")
        TreeView<String> tree = robot.lookup("#schema-tables").queryAs(TreeView.class);
        TreeItem<String> customers = tree.getRoot().getChildren().get(0);
        assertThat(customers.getValue()).isEqualTo("customers  (2 pairs)");
        assertThat(customers.getChildren())
                .extracting(TreeItem::getValue)
                .containsExactly("id  INT  · primary key", "name  TEXT");
        Screenshots.save(table.getScene(), "schemas-view");
        robot.interact(() -> tree.getSelectionModel().select(customers));
        robot.clickOn("#schema-show-pairs");
        WaitForAsyncUtils.waitFor(
                15,
                TimeUnit.SECONDS,
                () -> table.getItems().size() == 2 && table.getItems().get(0) != null);
        assertThat(window.filters().databaseNames).containsExactly("shop");
        assertThat(window.filters().tables).containsExactly("customers");
    }

    @Test
    void aSchemaImportedInTheWindowIsStoredReportedAndChecked(FxRobot robot) throws Exception {
        robot.clickOn("Schemas");
        Path ddl = Files.createTempDirectory("schema-ui-import").resolve("shop-v2.sql");
        Files.writeString(
                ddl,
                "CREATE TABLE customers (id INT PRIMARY KEY, name TEXT, nmae TEXT);\nCREATE TABLE broken (id INT,,);\n");
        SchemasView view = robot.lookup("#schemas-view").queryAs(SchemasView.class);
        robot.interact(() -> view.importSchema(ddl, "shop"));
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> robot.lookup("#schema-import-status")
                        .queryAs(Label.class)
                        .getText()
                        .startsWith("Stored"));
        assertThat(robot.lookup("#schema-import-status").queryAs(Label.class).getText())
                .contains("Stored shop version 2; checked 2 pairs.")
                .contains("line 2")
                .contains("CREATE TABLE broken");
        // version 2 has the misspelt column, so no pair is flagged any more
        assertThat(store.count(PairFilter.ALL.withFlags(Set.of(QualityFlag.UNKNOWN_COLUMN))))
                .isZero();
    }

    @Test
    void theDashboardShowsTheShareValidAgainstTheSchema(FxRobot robot) throws Exception {
        robot.clickOn("Statistics");
        WaitForAsyncUtils.waitFor(
                15,
                TimeUnit.SECONDS,
                () -> robot.lookup("#headline-schema-valid")
                        .queryAs(Label.class)
                        .getText()
                        .endsWith("%"));
        assertThat(robot.lookup("#headline-schema-valid").queryAs(Label.class).getText())
                .isEqualTo("50.0 %");
    }

    @Test
    void theDetailPaneSaysWhatIsWrongAndTheFilterFindsIt(FxRobot robot) throws Exception {
        robot.interact(() -> window.filters().flags.add(QualityFlag.UNKNOWN_COLUMN));
        WaitForAsyncUtils.waitFor(
                15,
                TimeUnit.SECONDS,
                () -> table.getItems().size() == 1 && table.getItems().get(0) != null);
        assertThat(table.getItems().get(0).pair().pairId()).isEqualTo("v1");
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(0);
        });
        WaitForAsyncUtils.waitFor(
                15,
                TimeUnit.SECONDS,
                () -> robot.lookup("#detail-validation").tryQuery().isPresent());
        VBox box = robot.lookup("#detail-validation").queryAs(VBox.class);
        String text = box.getChildren().stream().map(n -> ((Label) n).getText()).reduce("", (a, b) -> a + "\n" + b);
        assertThat(text).contains("unknown column c.nmae").contains("schema of shop, version 1");
        TextFlow sql = robot.lookup("#detail-sql").queryAs(TextFlow.class);
        assertThat(sql.getChildren())
                .filteredOn(n -> n.getStyleClass().contains("schema-issue"))
                .singleElement()
                .satisfies(n -> assertThat(((Label) n).getText()).isEqualTo("c.nmae"));
        Screenshots.save(table.getScene(), "detail-schema-checks");
        assertThat(store.count(PairFilter.ALL.withFlags(Set.of(QualityFlag.UNKNOWN_COLUMN))))
                .isEqualTo(1);
    }
}
