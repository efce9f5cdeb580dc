package dev.pairstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.pair.Source;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.testing.TestPair;
import dev.pairstudio.testing.UiFixture;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The detail pane's "SQL explained" steps and the formatted-SQL toggle, in the real window. */
@ExtendWith(ApplicationExtension.class)
class SqlExplainedUiTest {
    @RegisterExtension
    final UiFixture ui = new UiFixture();

    private static final String SQL =
            "SELECT T1.name FROM singer AS T1 JOIN concert AS T2 ON T1.singer_id = T2.singer_id "
                    + "WHERE T2.year = 2014 AND T1.country = 'France' ORDER BY T1.age DESC LIMIT 3";
    private Database store;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        store = ui.database("sql-explained", db -> {
            db.addAll(
                    List.of(TestPair.of("e1", "Names of the three oldest French singers with a concert in 2014", SQL)
                            .at("2025-01-02T00:00:00Z")
                            .on("sqlite", "concert_singer")
                            .build()),
                    null,
                    Source.FILE,
                    "t");
        });
        window = ui.window(stage, store, 1280, 820);
    }

    @Test
    void theSelectedPairsSqlIsFormattedAndExplainedStepByStep(FxRobot robot) throws Exception {
        TableView<StoredPair> table = window.table();
        WaitForAsyncUtils.waitFor(
                15,
                TimeUnit.SECONDS,
                () -> table.getItems().size() == 1 && table.getItems().get(0) != null);
        robot.interact(() -> table.getSelectionModel().clearAndSelect(0));
        WaitForAsyncUtils.waitFor(
                15,
                TimeUnit.SECONDS,
                () -> !robot.lookup("#detail-explained")
                        .queryAs(VBox.class)
                        .getChildren()
                        .isEmpty());

        List<String> steps = robot.lookup("#detail-explained").queryAs(VBox.class).getChildren().stream()
                .map(n -> ((Label) n).getText())
                .toList();
        assertThat(steps)
                .containsExactly(
                        "1. Take rows from singer (as T1)",
                        "2. Join concert (as T2) matching T1.singer_id = T2.singer_id",
                        "3. Keep rows where T2.year = 2014 AND T1.country = 'France'",
                        "4. Return T1.name",
                        "5. Sort by T1.age (highest first)",
                        "6. Keep only the first 3 rows");
        assertThat(sqlShown(robot))
                .startsWith("SELECT T1.name\nFROM singer AS T1\nJOIN concert")
                .contains("\n  AND T1.country");
        Screenshots.save(stage.getScene(), "detail-sql-explained-1280x820");
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        Screenshots.save(stage.getScene(), "detail-sql-explained-1024x700");

        robot.interact(
                () -> robot.lookup("#sql-formatted").queryAs(CheckBox.class).setSelected(false));
        assertThat(sqlShown(robot)).as("as written").isEqualTo(SQL);
    }

    private static String sqlShown(FxRobot robot) {
        TextFlow flow = robot.lookup("#detail-sql").queryAs(TextFlow.class);
        return flow.getChildren().stream().map(SqlExplainedUiTest::text).collect(Collectors.joining());
    }

    private static String text(Node n) {
        return n instanceof Text t ? t.getText() : n instanceof Labeled l ? l.getText() : "";
    }
}
