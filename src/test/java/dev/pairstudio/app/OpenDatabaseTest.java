package dev.pairstudio.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.pair.Source;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** File › Open database: the window changes over to another database file, and a bad form says what is wrong. */
class OpenDatabaseTest {
    private Path home;
    private Path other;
    private Stage stage;
    private Application app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void startTheApplication() throws Exception {
        home = Files.createTempDirectory("open-db-home");
        System.setProperty("pairstudio.home", home.toString());
        other = home.resolve("elsewhere").resolve("team-copy");
        try (Database s = Databases.open(other.toString())) {
            s.addAll(new SyntheticPairs(41).list(7), null, Source.FILE, "seven");
        }
        stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(App.class);
        waitFor(() -> stage.getTitle().startsWith("Pair Studio — "));
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app); // stops it: the window and both databases close
        System.clearProperty("pairstudio.home");
    }

    @Test
    void anotherDatabaseFileReplacesTheOpenOne() throws Exception {
        // File › Open database… (the menu item itself: menus open as popups that Monocle's robot cannot aim at)
        // (not waited for: the dialog is modal and keeps the FX thread in its own loop until closed)
        WaitForAsyncUtils.asyncFx(() -> robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream())
                .filter(i -> "open-database".equals(i.getId()))
                .findFirst()
                .orElseThrow()
                .fire());
        waitFor(() -> robot.lookup("#open-path").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        Button ok = (Button) pane.lookupButton(ButtonType.OK);
        assertThat(ok.isDisabled()).as("OK waits for a file").isTrue();
        assertThat(robot.lookup("#open-problem").queryAs(Label.class).getText()).contains("Choose a database file");

        robot.interact(() ->
                robot.lookup("#open-path").queryAs(TextField.class).setText("postgresql://anna@db.example.com/pairs"));
        assertThat(robot.lookup("#open-problem").queryAs(Label.class).getText()).contains("team database URL");

        robot.interact(() -> robot.lookup("#open-path").queryAs(TextField.class).setText(other + ".mv.db"));
        assertThat(ok.isDisabled()).isFalse();
        robot.clickOn(ok);

        waitFor(() -> stage.getTitle().contains("team-copy"));
        waitFor(() ->
                "7 pairs".equals(robot.lookup("#match-count").queryLabeled().getText()));
    }

    /** File › Open recent lists the databases opened before, opens one again, and shows a deleted file disabled. */
    @Test
    void openRecentReopensAnEarlierDatabaseAndShowsAMissingFileDisabled() throws Exception {
        String first = WaitForAsyncUtils.asyncFx(() -> stage.getTitle().substring("Pair Studio — ".length()))
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(() -> menuItem("open-database").fire());
        waitFor(() -> robot.lookup("#open-path").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#open-path").queryAs(TextField.class).setText(other + ".mv.db"));
        robot.clickOn(
                (Button) robot.lookup(".dialog-pane").queryAs(DialogPane.class).lookupButton(ButtonType.OK));
        waitFor(() -> stage.getTitle().contains("team-copy"));

        List<MenuItem> recent = WaitForAsyncUtils.asyncFx(this::recentItems).get(10, TimeUnit.SECONDS);
        assertThat(recent)
                .extracting(MenuItem::getText)
                .as("the open one is left out")
                .containsExactly(first);
        WaitForAsyncUtils.asyncFx(() -> recent.get(0).fire());
        waitFor(() -> stage.getTitle().endsWith(first));

        // the other file goes away (closed in the background first)
        Path gone = Path.of(other + ".mv.db");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            try {
                Files.deleteIfExists(gone);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        List<MenuItem> now = WaitForAsyncUtils.asyncFx(() -> {
                    Menu menu = recentMenu();
                    menu.getOnShowing().handle(null); // what opening the submenu does
                    return recentItems();
                })
                .get(10, TimeUnit.SECONDS);
        assertThat(now).hasSize(1);
        assertThat(now.get(0).getText()).isEqualTo(gone + " — file not found");
        assertThat(now.get(0).isDisable()).isTrue();
    }

    private MenuItem menuItem(String id) {
        return robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream())
                .filter(i -> id.equals(i.getId()))
                .findFirst()
                .orElseThrow();
    }

    private Menu recentMenu() {
        return (Menu) menuItem("open-recent");
    }

    private List<MenuItem> recentItems() {
        return recentMenu().getItems().stream()
                .filter(i -> i.getStyleClass().contains("recent-database"))
                .toList();
    }

    private static void waitFor(Callable<Boolean> onFx) throws Exception {
        WaitForAsyncUtils.waitFor(
                60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(onFx).get(60, TimeUnit.SECONDS));
    }
}
