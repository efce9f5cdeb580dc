package dev.pairstudio.ui.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairstudio.testing.UiFixture;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** One table drives menu items, buttons and keys: they run the same command and are disabled together. */
@ExtendWith(ApplicationExtension.class)
class CommandTableTest {
    @RegisterExtension
    final UiFixture ui = new UiFixture();

    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger undone = new AtomicInteger();
    private final SimpleBooleanProperty canAccept = new SimpleBooleanProperty(true);
    private CommandTable table;
    private MenuBar menus;
    private TextField note;
    private Button accept;

    @Start
    void start(Stage stage) {
        table = new CommandTable()
                .add(
                        "undo",
                        "Edit",
                        "Undo",
                        "Undo the last step",
                        new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN),
                        null,
                        Command.of(undone::incrementAndGet))
                .separator("Edit")
                .add(
                        "accept",
                        "Edit",
                        "Accept",
                        "Accept the selected pairs",
                        new KeyCodeCombination(KeyCode.A),
                        null,
                        new Command(canAccept, accepted::incrementAndGet))
                .add("about", "Help", "About", "About this program", null, null, Command.of(() -> {}));
        menus = table.menuBar(Map.of());
        note = new TextField();
        accept = table.button("accept");
        table.install(ui.mount(stage, new VBox(menus, accept, note), 400, 200).getScene());
    }

    private List<MenuItem> items(String menu) {
        return menus.getMenus().stream()
                .filter(m -> m.getText().equals(menu))
                .findFirst()
                .orElseThrow()
                .getItems();
    }

    @Test
    void everyCommandHasItsMenuItemAndOnlyModifiedKeysAreAccelerators() {
        assertThat(menus.getMenus()).extracting(m -> m.getText()).containsExactly("Edit", "Help");
        List<MenuItem> edit = items("Edit");
        assertThat(edit).hasSize(3); // undo, separator, accept
        assertThat(edit.get(0).getText()).isEqualTo("Undo");
        assertThat(edit.get(0).getAccelerator()).isEqualTo(table.get("undo").keys());
        assertThat(edit.get(2).getText()).isEqualTo("Accept");
        assertThat(edit.get(2).getAccelerator())
                .as("a single key would fire while typing")
                .isNull();
        assertThat(accept.getTooltip().getText()).isEqualTo("Accept the selected pairs (A)");
    }

    @Test
    void aSingleKeyActsOutsideTextFieldsOnly(FxRobot robot) {
        robot.interact(accept::requestFocus);
        robot.type(KeyCode.A);
        assertThat(accepted).hasValue(1);

        robot.clickOn(note).write("a note");
        assertThat(note.getText()).isEqualTo("a note");
        assertThat(accepted).as("typing 'a' in a field accepts nothing").hasValue(1);

        robot.interact(accept::requestFocus);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(undone).hasValue(1);
    }

    @Test
    void whenACommandCannotRunItsMenuItemButtonAndKeyAreOff(FxRobot robot) {
        robot.interact(() -> canAccept.set(false));
        assertThat(items("Edit").get(2).isDisable()).isTrue();
        assertThat(accept.isDisable()).isTrue();
        robot.interact(menus::requestFocus);
        robot.type(KeyCode.A);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(accepted).hasValue(0);

        robot.interact(() -> canAccept.set(true));
        assertThat(items("Edit").get(2).isDisable()).isFalse();
        robot.interact(() -> items("Edit").get(2).fire());
        assertThat(accepted).hasValue(1);
    }

    @Test
    void aKeyCanBelongToOneCommandOnly() {
        assertThatThrownBy(() -> table.add(
                        "accept-too",
                        "Edit",
                        "Accept too",
                        "Accept again",
                        new KeyCodeCombination(KeyCode.A),
                        null,
                        Command.of(() -> {})))
                .hasMessageContaining("A is the key of two commands");
        assertThatThrownBy(() -> table.add("undo", "Edit", "Undo", "Undo", null, null, Command.of(() -> {})))
                .hasMessageContaining("two commands with the id undo");
    }
}
