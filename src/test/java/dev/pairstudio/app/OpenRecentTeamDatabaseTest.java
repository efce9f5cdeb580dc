package dev.pairstudio.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.pair.Source;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.store.UserDataDirectory;
import dev.pairstudio.testing.TestPostgres;
import dev.pairstudio.ui.RecentDatabases;
import dev.pairstudio.ui.UiSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File › Open recent on a team database (issue 26): the list holds its URL without the password,
 * so the window asks for it, opens the real PostgreSQL database with it, and stores it nowhere.
 */
class OpenRecentTeamDatabaseTest {
    private Path home;
    private Stage stage;
    private javafx.application.Application app;
    private String team;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void startTheApplication() throws Exception {
        TestPostgres pg = TestPostgres.get();
        String url = pg.newDatabase();
        try (Database s = Databases.open(url)) {
            s.addAll(new SyntheticPairs(43).list(9), null, Source.FILE, "nine");
        }
        team = TestPostgres.withoutPassword(url);
        home = Files.createTempDirectory("recent-team-home");
        System.setProperty("pairstudio.home", home.toString());
        new RecentDatabases(new UiSettings(UserDataDirectory.get().resolve("ui.properties"))).opened(team);
        stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(App.class);
        waitFor(() -> stage.getTitle().startsWith("Pair Studio — "));
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        System.clearProperty("pairstudio.home");
    }

    @Test
    void theWindowAsksForThePasswordAndKeepsItNowhere() throws Exception {
        String before = WaitForAsyncUtils.asyncFx(stage::getTitle).get(10, TimeUnit.SECONDS);
        // cancelled: nothing opens
        WaitForAsyncUtils.asyncFx(() -> recentItem().fire());
        waitFor(() -> robot.lookup("#recent-password").tryQuery().isPresent());
        DialogPane asked = robot.lookup("#recent-password").queryAs(DialogPane.class);
        assertThat(robot.from(asked).lookup(".label").queryAllAs(javafx.scene.control.Label.class))
                .anySatisfy(l -> assertThat(l.getText()).contains(team));
        robot.interact(() -> ((Button) asked.lookupButton(ButtonType.CANCEL)).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(stage::getTitle).get(10, TimeUnit.SECONDS))
                .isEqualTo(before);

        // the password typed: the team database opens
        WaitForAsyncUtils.asyncFx(() -> recentItem().fire());
        waitFor(() -> robot.lookup("#recent-password-field").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#recent-password-field")
                .queryAs(PasswordField.class)
                .setText(TestPostgres.PASSWORD));
        robot.interact(() -> ((Button) robot.lookup("#recent-password")
                        .queryAs(DialogPane.class)
                        .lookupButton(ButtonType.OK))
                .fire());
        waitFor(() -> stage.getTitle().contains(TestPostgres.databaseOf(team)));
        // the new window's header may not be in the scene yet when the title changes: not found yet is "not yet"
        waitFor(() -> robot.lookup("#match-count")
                .tryQuery()
                .map(n -> "9 pairs".equals(((Labeled) n).getText()))
                .orElse(false));

        String settings = Files.readString(UserDataDirectory.get().resolve("ui.properties"));
        assertThat(settings).contains(TestPostgres.databaseOf(team)).doesNotContain(TestPostgres.PASSWORD);
    }

    private MenuItem recentItem() {
        javafx.scene.control.Menu menu = (javafx.scene.control.Menu)
                robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class).getMenus().stream()
                        .flatMap(m -> m.getItems().stream())
                        .filter(i -> "open-recent".equals(i.getId()))
                        .findFirst()
                        .orElseThrow();
        menu.getOnShowing().handle(null);
        return menu.getItems().stream()
                .filter(i -> i.getStyleClass().contains("recent-database"))
                .findFirst()
                .orElseThrow();
    }

    private static void waitFor(Callable<Boolean> onFx) throws Exception {
        WaitForAsyncUtils.waitFor(
                60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(onFx).get(60, TimeUnit.SECONDS));
    }
}
