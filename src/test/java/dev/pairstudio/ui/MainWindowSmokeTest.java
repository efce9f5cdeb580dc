package dev.pairstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.demo.DemoData;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.testing.TestDatabases;
import dev.pairstudio.testing.UiFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window opens on a real H2 file with the first-start demo data and shows it in the table. */
@ExtendWith(ApplicationExtension.class)
class MainWindowSmokeTest {
    @RegisterExtension
    final UiFixture ui = new UiFixture();

    private MainWindow window;

    /** The first start's demo data, prepared off the FX thread; each test opens a copy. */
    @BeforeAll
    static void firstStart() {
        TestDatabases.copyOfDemoData();
    }

    @Start
    void start(Stage stage) {
        window = ui.window(stage, ui.database(TestDatabases.copyOfDemoData()), 1400, 900);
        Theme.apply(window.root(), false); // as the app starts
    }

    @Test
    void showsTheDemoPairsInTheTable(FxRobot robot) throws Exception {
        TableView<StoredPair> table = robot.lookup("#pair-table").queryTableView();
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> table.getItems().size() == DemoData.COUNT
                        && table.getItems().get(0) != null);
        assertThat(table.getItems()).hasSize(DemoData.COUNT);
        assertThat(table.getItems().get(0).pair().question()).isNotBlank();
        assertThat(robot.lookup("#match-count").queryLabeled().getText()).isEqualTo("2,000 pairs");
        robot.interact(() -> table.getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#detail-question").tryQuery().isPresent());
        Path shot = Screenshots.save(table.getScene(), "main-window-smoke");
        assertThat(Files.size(shot)).isGreaterThan(10_000);
        // the shortcut, as a user switches: the root's colours change with it (a looked-up colour of the sheet)
        Paint light = table.getScene().getRoot().lookup(".status-bar") == null
                ? null
                : ((Region) table.getScene().getRoot().lookup(".status-bar"))
                        .getBackground()
                        .getFills()
                        .get(0)
                        .getFill();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T).release(KeyCode.T, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Theme.isDark(window.root()));
        WaitForAsyncUtils.waitForFxEvents();
        Paint dark = ((Region) table.getScene().getRoot().lookup(".status-bar"))
                .getBackground()
                .getFills()
                .get(0)
                .getFill();
        assertThat(dark)
                .as("the status bar is drawn in the dark theme's colour")
                .isNotEqualTo(light);
        Screenshots.save(table.getScene(), "main-window-dark");
    }
}
