package dev.pairstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.schema.ReadOnlyDatabases;
import dev.pairstudio.schema.SchemaFormat;
import dev.pairstudio.schema.SchemaImporter;
import dev.pairstudio.sql.SqlAnalyzer;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.testing.TestPair;
import dev.pairstudio.testing.UiFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Schemas view shows and edits the read-only setting of the selected database only. */
@ExtendWith(ApplicationExtension.class)
class ReadOnlySettingUiTest {
    @RegisterExtension
    final UiFixture ui = new UiFixture();

    private Database store;

    @Start
    void start(Stage stage) throws Exception {
        store = ui.database(
                "read-only-ui",
                TestPair.of("w1", "Remove customer 7", "DELETE FROM customers WHERE id = 7")
                        .on("postgresql", "etl")
                        .build(),
                TestPair.of("w2", "Remove customer 8", "DELETE FROM customers WHERE id = 8")
                        .build());
        Path ddl = ui.dir().resolve("shop.sql");
        Files.writeString(ddl, "CREATE TABLE customers (id INT PRIMARY KEY, name TEXT);");
        try (SqlAnalyzer analyzer = new SqlAnalyzer()) {
            new SchemaImporter(store, analyzer).importFile(ddl, SchemaFormat.DDL, "etl", "postgresql");
            new SchemaImporter(store, analyzer).importFile(ddl, SchemaFormat.DDL, "shop", "postgresql");
        }
        ui.window(stage, store, 1200, 800);
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
        assertThat(UiFixture.textStartingWith(robot, "#schema-import-status", "shop holds read-only"))
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
