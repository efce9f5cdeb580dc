package dev.pairstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.demo.DemoData;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.testing.TestDatabases;
import dev.pairstudio.testing.UiFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The acceptance walk of issue 26: the main window with a pair selected, F1 help, the trash, the
 * export wizard page by page, the dashboard and the Schemas tab, on the first-start demo data, at
 * the default size, at 1600×1000 and at 1024×700. Every screen is saved under target/screenshots/ and the walk
 * fails on any label cut to "…" and on any text drawn over other text ({@link LayoutProblems}).
 */
@ExtendWith(ApplicationExtension.class)
class ScreenWalkTest {
    @RegisterExtension
    final UiFixture ui = new UiFixture();

    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1280, 820", "1600, 1000", "1024, 700"})
    void everyScreenShowsItsTextWhole(int width, int height, FxRobot robot) throws Exception {
        Database store =
                ui.database(TestDatabases.copyOfDemoData()); // the first start's data, built once, off the FX thread
        robot.interact(() -> window = ui.window(stage, store, width, height));
        String size = width + "x" + height;
        List<String> problems = new ArrayList<>();

        TableView<StoredPair> table = window.table();
        waitFor(() ->
                table.getItems().size() == DemoData.COUNT && table.getItems().get(0) != null);
        robot.interact(() -> table.getSelectionModel().clearAndSelect(firstWithFindings(table)));
        waitFor(() -> robot.lookup("#after-question").tryQuery().isPresent()
                && robot.lookup("#detail-question").tryQuery().isPresent());
        check(window.root(), "walk-main-" + size, problems);

        robot.interact(() ->
                window.filters().text.set("name")); // marks in the cells and the detail pane, counts in the drop-downs
        waitFor(() -> table.getItems().size() > 0
                && table.getItems().size() < DemoData.COUNT
                && table.getItems().get(0) != null);
        robot.interact(() -> table.getSelectionModel().clearAndSelect(0));
        waitFor(() -> robot.lookup("#detail-pane .search-match").tryQuery().isPresent());
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS); // the drop-downs' counts arrive after the rows
        check(window.root(), "walk-search-" + size, problems);
        robot.interact(() -> window.filters().text.set(""));

        robot.interact(() -> window.commands().get("help").command().execute());
        DialogPane help = waitForDialog(robot, "Keyboard shortcuts");
        check(help, "walk-help-" + size, problems);
        robot.interact(() -> help.getScene().getWindow().hide());

        robot.interact(() -> window.filters().trash.set(true));
        waitFor(() -> robot.lookup("#trash-banner").query().isVisible()
                && robot.lookup("#trash-banner-text").queryLabeled().getText().equals("Trash — empty."));
        check(window.root(), "walk-trash-" + size, problems);
        assertThat(robot.lookup("#empty-table-text").queryLabeled().getText())
                .as("an empty trash says so, not how to import")
                .startsWith("The trash is empty");
        robot.interact(() -> window.filters().trash.set(false));

        robot.interact(() -> window.commands().get("export").command().execute());
        DialogPane page = waitForDialog(robot, null);
        for (int i = 0; i < 5; i++) { // scope, format, privacy, split, destination: the run page would write files
            DialogPane shown = page;
            WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS); // counts and previews fill in in the background
            check(shown, "walk-wizard-" + (i + 1) + "-" + size, problems);
            if (i == 4) {
                break;
            }
            Button next = button(shown, ButtonBar.ButtonData.NEXT_FORWARD);
            waitFor(() -> !next.isDisabled());
            robot.interact(next::fire);
            waitFor(() -> currentDialog() != null && currentDialog() != shown);
            page = currentDialog();
        }
        DialogPane last = page;
        robot.interact(() -> last.getScene().getWindow().hide());

        robot.interact(() -> window.showView(1));
        waitFor(() -> robot.lookup(".pairs-per-day-chart").tryQuery().isPresent());
        WaitForAsyncUtils.sleep(2, TimeUnit.SECONDS); // the charts animate in
        check(window.root(), "walk-dashboard-" + size, problems);

        robot.interact(() -> window.showView(2));
        WaitForAsyncUtils.sleep(2, TimeUnit.SECONDS);
        check(window.root(), "walk-schemas-" + size, problems);

        assertThat(problems).as("text cut or drawn over other text at " + size).isEmpty();
    }

    private static int firstWithFindings(TableView<StoredPair> table) {
        for (int i = 0; i < table.getItems().size(); i++) {
            StoredPair p = table.getItems().get(i);
            if (p != null && !p.analysis().piiTypes().isEmpty()) {
                return i;
            }
        }
        return 0;
    }

    private void check(Parent root, String name, List<String> problems) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(root.getScene(), name);
        List<String> found =
                WaitForAsyncUtils.asyncFx(() -> LayoutProblems.of(root)).get(10, TimeUnit.SECONDS);
        found.forEach(p -> problems.add(name + ": " + p));
    }

    private static DialogPane currentDialog() {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane d) {
                return d;
            }
        }
        return null;
    }

    private DialogPane waitForDialog(FxRobot robot, String header) throws Exception {
        waitFor(() -> currentDialog() != null
                && (header == null || header.equals(currentDialog().getHeaderText())));
        WaitForAsyncUtils.waitForFxEvents();
        return currentDialog();
    }

    private static Button button(DialogPane page, ButtonBar.ButtonData data) {
        for (ButtonType t : page.getButtonTypes()) {
            if (t.getButtonData() == data) {
                return (Button) page.lookupButton(t);
            }
        }
        throw new AssertionError("no " + data + " button on " + page.getId());
    }
}
