package dev.pairstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.store.Database;
import dev.pairstudio.testing.TestDatabases;
import dev.pairstudio.testing.UiFixture;
import dev.pairstudio.ui.command.CommandTable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window's menus, toolbar, keys and F1 list all come from its one command table. */
@ExtendWith(ApplicationExtension.class)
class MainWindowCommandsTest {
    @RegisterExtension
    final UiFixture ui = new UiFixture();

    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Database store =
                ui.database(TestDatabases.copyOf("main-window-commands", () -> new SyntheticPairs(61).list(200)));
        window = ui.window(stage, store, 1280, 820);
    }

    private Map<String, MenuItem> menuItems(FxRobot robot) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().stream()
                .flatMap(m -> m.getItems().stream())
                .filter(i -> i.getId() != null)
                .collect(Collectors.toMap(MenuItem::getId, Function.identity()));
    }

    @Test
    void everyKeyHasItsMenuItemAndEveryMenuAcceleratorIsACommandsKey(FxRobot robot) {
        Map<String, MenuItem> items = menuItems(robot);
        List<CommandTable.Entry> entries = window.commands().entries();
        assertThat(items.keySet())
                .containsAll(entries.stream().map(CommandTable.Entry::id).toList());
        for (CommandTable.Entry e : entries) {
            assertThat(items.get(e.id()).getText()).isEqualTo(e.label());
            if (e.keys() != null && !e.singleKey()) {
                assertThat(items.get(e.id()).getAccelerator()).as(e.id()).isEqualTo(e.keys());
            }
        }
        Set<String> keys = entries.stream()
                .filter(e -> e.keys() != null)
                .map(e -> e.keys().getDisplayText())
                .collect(Collectors.toSet());
        items.values().stream()
                .filter(i -> i.getAccelerator() != null)
                .forEach(i -> assertThat(keys)
                        .as(i.getId())
                        .contains(i.getAccelerator().getDisplayText()));
        assertThat(entries)
                .extracting(CommandTable.Entry::id)
                .contains(
                        "accept",
                        "reject",
                        "next-unreviewed",
                        "previous-unreviewed",
                        "delete",
                        "delete-matching",
                        "undo",
                        "restore",
                        "empty-trash");
    }

    @Test
    void theCurationCommandsFollowTheSelectionAndTheTrash(FxRobot robot) throws Exception {
        Map<String, MenuItem> items = menuItems(robot);
        WaitForAsyncUtils.waitFor(
                15,
                TimeUnit.SECONDS,
                () -> window.table().getItems().size() == 200
                        && window.table().getItems().get(0) != null);
        assertThat(items.get("accept").isDisable()).as("nothing selected").isTrue();
        assertThat(items.get("undo").isDisable()).as("nothing done").isTrue();
        robot.interact(() -> window.table().getSelectionModel().clearAndSelect(0));
        assertThat(items.get("accept").isDisable()).isFalse();
        assertThat(items.get("empty-trash").isDisable()).isTrue();
        assertThat(robot.lookup("#empty-trash").queryButton().isVisible()).isFalse();

        robot.interact(() -> window.filters().trash.set(true));
        assertThat(items.get("accept").isDisable()).as("no review in the trash").isTrue();
        assertThat(items.get("empty-trash").isDisable()).isFalse();
        assertThat(robot.lookup("#empty-trash").queryButton().isVisible()).isTrue();
        for (int[] size : new int[][] {{1280, 820}, {1024, 700}}) {
            robot.interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            WaitForAsyncUtils.waitForFxEvents();
            for (String id : List.of("#restore", "#empty-trash", "#collector-toggle", "#help")) {
                assertThat(unclipped(robot.lookup(id).queryAs(Labeled.class)))
                        .as("%s at %d px", id, size[0])
                        .isTrue();
            }
            Screenshots.save(stage.getScene(), "main-window-trash-toolbar-" + size[0] + "x" + size[1]);
        }
    }

    @Test
    void f1ListsEveryKeyOfTheTableInFullAtBothSizes(FxRobot robot) throws Exception {
        for (int[] size : new int[][] {{1280, 820}, {1024, 700}}) {
            robot.interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            WaitForAsyncUtils.waitForFxEvents();
            ToolBar bar = robot.lookup(".tool-bar").queryAs(ToolBar.class);
            for (Node n : bar.getItems()) {
                if (n instanceof Labeled l && n.isVisible()) {
                    assertThat(unclipped(l))
                            .as("toolbar %s at %d px", l.getText(), size[0])
                            .isTrue();
                }
            }
            Screenshots.save(stage.getScene(), "main-window-toolbar-" + size[0] + "x" + size[1]);

            robot.interact(() -> window.table().requestFocus());
            robot.type(KeyCode.F1);
            WaitForAsyncUtils.waitFor(
                    5,
                    TimeUnit.SECONDS,
                    () -> robot.lookup("#shortcut-list").tryQuery().isPresent());
            Node list = robot.lookup("#shortcut-list").query();
            List<String> shown = robot.from(list).lookup(".monospace").queryAllAs(Label.class).stream()
                    .map(Label::getText)
                    .toList();
            assertThat(shown)
                    .containsExactlyElementsOf(window.commands().entries().stream()
                            .filter(e -> e.keys() != null)
                            .map(e -> e.keys().getDisplayText())
                            .toList());
            for (Label l : robot.from(list).lookup(".label").queryAllAs(Label.class)) {
                assertThat(unclipped(l)).as("F1 label %s", l.getText()).isTrue();
            }
            DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
            Screenshots.save(pane.getScene(), "help-shortcuts-" + size[0] + "x" + size[1]);
            robot.interact(() -> ((Button) pane.lookupButton(ButtonType.CLOSE)).fire());
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /** A label shows its whole text when it got at least the width its text needs. */
    private static boolean unclipped(Labeled l) {
        return l.getWidth() + 0.5 >= l.prefWidth(-1);
    }
}
