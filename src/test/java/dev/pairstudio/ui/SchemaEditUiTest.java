package dev.pairstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.pair.Source;
import dev.pairstudio.schema.ValidationRun;
import dev.pairstudio.sql.SqlAnalyzer;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.StoredSchema;
import dev.pairstudio.testing.ShopDatabase;
import dev.pairstudio.testing.TestPair;
import dev.pairstudio.testing.UiFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Schemas › Edit… and Delete schema… in the real window over a real H2 file. */
@ExtendWith(ApplicationExtension.class)
class SchemaEditUiTest {
    @RegisterExtension
    final UiFixture ui = new UiFixture();

    private Database store;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("schema-edit-ui");
        store = ShopDatabase.withPairs(dir, ShopDatabase.twoPairs());
        ui.adopt(dir, store);
        ShopDatabase.storeSchema(store, dir, ShopDatabase.DDL, true);
        window = ui.window(stage, store, 1200, 800);
    }

    @Test
    void editingTheSchemaStoresANewVersionAndChecksThePairsAgain(FxRobot robot) throws Exception {
        ListView<?> list = openSchemas(robot);
        robot.clickOn("#schema-edit");
        TextArea text = UiFixture.nodeOnceShown(robot, "#schema-edit-text", TextArea.class);
        Label status = robot.lookup("#schema-edit-status").queryAs(Label.class);
        Node save = robot.lookup("#schema-edit-save").query();
        assertThat(text.getText())
                .startsWith("CREATE TABLE customers (\n    id INT,\n    name TEXT,\n    email VARCHAR(200),");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> status.getText().equals("2 tables, 6 columns."));
        assertThat(save.isDisabled()).isFalse();

        // a typo in the second statement: listed with its line, and Save waits for the fix
        robot.interact(() -> text.setText(text.getText().replace("total NUMERIC(10, 2)", "total NUMERIC(10, 2),,")));
        ListView<?> problems = robot.lookup("#schema-edit-problems").queryAs(ListView.class);
        // the list and the status are set in one FX callback; this thread may look in between
        WaitForAsyncUtils.waitFor(
                15,
                TimeUnit.SECONDS,
                () -> problems.getItems().size() == 1 && !status.getText().equals("Reading…"));
        assertThat(problems.getItems().get(0).toString())
                .startsWith("line 11, column 25: ")
                .contains("the statement from line 8: CREATE TABLE orders");
        assertThat(status.getText()).isEqualTo("1 table, 3 columns; 1 statement does not parse: fix it to save.");
        assertThat(save.isDisabled()).isTrue();
        Path shot = Screenshots.save(text.getScene(), "schema-edit-dialog");
        assertThat(shot).exists();

        // fixed, with email renamed to mail: the customers' email question no longer matches the schema
        robot.interact(() ->
                text.setText(text.getText().replace(",,", "").replace("email VARCHAR(200)", "mail VARCHAR(200)")));
        WaitForAsyncUtils.waitFor(
                15, TimeUnit.SECONDS, () -> problems.getItems().isEmpty() && !save.isDisabled());
        robot.clickOn(save);
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> robot.lookup("#schema-edit-text").tryQuery().isEmpty());
        Label viewStatus = robot.lookup("#schema-import-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(
                15, TimeUnit.SECONDS, () -> viewStatus.getText().startsWith("Saved"));
        assertThat(viewStatus.getText()).isEqualTo("Saved shop version 2; checked 2 pairs, 1 with a flag.");
        WaitForAsyncUtils.waitFor(
                15,
                TimeUnit.SECONDS,
                () -> list.getItems().size() == 1
                        && list.getItems().get(0).toString().contains("version=2"));
        assertThat(store.query(
                                PairFilter.ALL.withFlags(Set.of(QualityFlag.UNKNOWN_COLUMN)),
                                PairSort.INSERTION,
                                null,
                                10)
                        .rows())
                .extracting(p -> p.pair().pairId())
                .containsExactly("e1");
        assertThat(store.latestSchemas()).extracting(StoredSchema::version).containsExactly(2);
        Screenshots.save(list.getScene(), "schemas-tab-after-edit");
    }

    @Test
    void deletingTheSchemaSaysHowManyPairsLoseTheirCheckAndClearsTheirFlags(FxRobot robot) throws Exception {
        store.addAll(
                List.of(TestPair.of("x1", "Customer emails again", "SELECT emial FROM customers")
                        .at("2025-01-03T00:00:00Z")
                        .build()),
                null,
                Source.FILE,
                "t2");
        try (SqlAnalyzer analyzer = new SqlAnalyzer()) {
            ValidationRun.run(store, analyzer, PairFilter.ALL, 1, n -> {}, () -> false);
        }
        assertThat(store.count(PairFilter.ALL.withFlags(Set.of(QualityFlag.UNKNOWN_COLUMN))))
                .isEqualTo(1);
        ListView<?> list = openSchemas(robot);
        robot.clickOn("#schema-delete");
        DialogPane confirm = UiFixture.nodeOnceShown(robot, "#schema-delete-confirm", DialogPane.class);
        assertThat(confirm.getHeaderText()).isEqualTo("Delete the schema of shop?");
        assertThat(confirm.getContentText()).startsWith("3 pairs lose their schema check");

        robot.clickOn("Delete schema");
        Label viewStatus = robot.lookup("#schema-import-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(
                15, TimeUnit.SECONDS, () -> viewStatus.getText().startsWith("Deleted"));
        assertThat(viewStatus.getText()).isEqualTo("Deleted the schema of shop; 3 pairs are no longer validated.");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, list.getItems()::isEmpty);
        assertThat(store.count(PairFilter.ALL.withFlags(Set.of(QualityFlag.UNKNOWN_COLUMN))))
                .isZero();
        assertThat(store.count(PairFilter.ALL)).isEqualTo(3); // the pairs stay
        assertThat(robot.lookup("#schema-edit").query().isDisabled()).isTrue();
    }

    @Test
    void cancelAsksBeforeThrowingTypedChangesAway(FxRobot robot) throws Exception {
        openSchemas(robot);
        robot.clickOn("#schema-edit");
        TextArea text = UiFixture.nodeOnceShown(robot, "#schema-edit-text", TextArea.class);
        robot.clickOn(text).type(KeyCode.END).write(" -- a note");
        robot.clickOn("Cancel");
        UiFixture.nodeOnceShown(robot, "#schema-edit-discard", Node.class);
        robot.clickOn("Keep editing");
        assertThat(robot.lookup("#schema-edit-text").tryQuery()).isPresent();
        assertThat(text.getText()).contains("-- a note");

        robot.clickOn("Cancel");
        UiFixture.nodeOnceShown(robot, "#schema-edit-discard", Node.class);
        robot.clickOn("Discard changes");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#schema-edit-text").tryQuery().isEmpty());
        assertThat(store.latestSchemas()).extracting(StoredSchema::version).containsExactly(1);
    }

    private static ListView<?> openSchemas(FxRobot robot) throws Exception {
        robot.clickOn("Schemas");
        ListView<?> list = robot.lookup("#schema-databases").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(
                15,
                TimeUnit.SECONDS,
                () -> list.getItems().size() == 1 && list.getSelectionModel().getSelectedItem() != null);
        return list;
    }
}
