package dev.pairstudio.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.testing.UiFixture;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The start-up line that installer/measure-startup.sh --rows waits for: once, when a real row is laid out. */
@ExtendWith(ApplicationExtension.class)
class FirstRowsLogTest {
    @RegisterExtension
    final UiFixture ui = new UiFixture();

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private TableView<String> table;

    @Start
    void start(Stage stage) {
        table = new TableView<>();
        ui.mount(stage, new StackPane(table), 400, 300);
    }

    @Test
    void logsOnceWhenTheFirstRowHoldsAPairNotWhileRowsAreLoading(FxRobot robot) {
        robot.interact(() -> {
            FirstRowsLog.watch(table.getScene(), table, lines::add);
            table.getItems().setAll(null, null, null); // placeholder rows of a page still loading
        });
        WaitForAsyncUtils.waitForFxEvents(5);
        assertThat(lines).isEmpty();

        robot.interact(() -> table.getItems().setAll("a", "b", "c"));
        WaitForAsyncUtils.waitForFxEvents(5);
        robot.interact(() -> table.getItems().add("d"));
        WaitForAsyncUtils.waitForFxEvents(5);

        assertThat(lines)
                .singleElement()
                .asString()
                .startsWith(FirstRowsLog.MARK + " ")
                .endsWith("s after the process started (3 rows)");
    }

    @Test
    void logsRowsThatWereThereBeforeTheWatchBegan(FxRobot robot) {
        robot.interact(() -> {
            table.getItems().setAll("a");
            FirstRowsLog.watch(table.getScene(), table, lines::add);
            table.requestLayout();
        });
        WaitForAsyncUtils.waitForFxEvents(5);
        assertThat(lines).singleElement().asString().contains("(1 rows)");
    }
}
