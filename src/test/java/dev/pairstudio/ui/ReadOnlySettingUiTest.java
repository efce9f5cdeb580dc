package dev.pairstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.pair.Source;
import dev.pairstudio.schema.ReadOnlyDatabases;
import dev.pairstudio.schema.SchemaFormat;
import dev.pairstudio.schema.SchemaImporter;
import dev.pairstudio.sql.SqlAnalyzer;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.testing.TestPair;
import dev.pairstudio.testing.TestWindows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Schemas view shows and edits the read-only setting of the selected database only. */
@ExtendWith(ApplicationExtension.class)
class ReadOnlySettingUiTest {
    private Database store;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("read-only-ui");
        store = Databases.open(dir.resolve("db").toString());
        store.addAll(
                List.of(
                        TestPair.of("w1", "Remove customer 7", "DELETE FROM customers WHERE id = 7")
                                .on("postgresql", "etl")
                                .build(),
                        TestPair.of("w2", "Remove customer 8", "DELETE FROM customers WHERE id = 8")
                                .at("2025-01-02T00:00:00Z")
                                .build()),
                null,
                Source.FILE,
                "t");
        Path ddl = dir.resolve("shop.sql");
        Files.writeString(ddl, "CREATE TABLE customers (id INT PRIMARY KEY, name TEXT);");
        try (SqlAnalyzer analyzer = new SqlAnalyzer()) {
            new SchemaImporter(store, analyzer).importFile(ddl, SchemaFormat.DDL, "etl", "postgresql");
            new SchemaImporter(store, analyzer).importFile(ddl, SchemaFormat.DDL, "shop", "postgresql");
        }
        window = TestWindows.show(stage, store, dir.resolve("ui.properties"), 1200, 800);
    }

    @AfterEach
    void close() {
        window.dispose();
        store.close();
    }

    @Test
    void tickingReadOnlyFlagsTheWritesOfThatDatabaseOnly(FxRobot robot) throws Exception {
        robot.clickOn("Schemas");
        @SuppressWarnings("unchecked")
        ListView<Object> list = robot.lookup("#schema-databases").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> list.getItems().size() == 2);
        robot.interact(() -> list.getSelectionModel().select(1)); // shop (by name: etl, shop)
        CheckBox box = robot.lookup("#schema-read-only").queryAs(CheckBox.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !box.isDisabled());
        assertThat(box.isSelected()).isFalse();
        assertThat(store.count(PairFilter.ALL.withFlags(Set.of(QualityFlag.WRITE_STATEMENT))))
                .isZero();

        robot.clickOn(box);
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> robot.lookup("#schema-import-status")
                        .queryAs(Label.class)
                        .getText()
                        .startsWith("shop holds read-only"));
        assertThat(robot.lookup("#schema-import-status").queryAs(Label.class).getText())
                .isEqualTo("shop holds read-only questions; checked 1 pair, 1 write flagged.");
        assertThat(store.query(
                                PairFilter.ALL.withFlags(Set.of(QualityFlag.WRITE_STATEMENT)),
                                PairSort.INSERTION,
                                null,
                                10)
                        .rows())
                .extracting(p -> p.pair().pairId())
                .containsExactly("w2");
        assertThat(ReadOnlyDatabases.load(store).test("shop")).isTrue();
        assertThat(ReadOnlyDatabases.load(store).test("etl")).isFalse();

        // the other database shows its own setting; back on shop the box is ticked
        robot.interact(() -> list.getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !box.isDisabled());
        assertThat(box.isSelected()).isFalse();
        robot.interact(() -> list.getSelectionModel().select(1));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !box.isDisabled() && box.isSelected());
    }
}
