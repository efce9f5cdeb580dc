package dev.pairstudio.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.pair.Source;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** {@code pairstudio --db PATH} with no command opens the window on that database (ARCHITECTURE.md, Contracts). */
class DatabaseArgumentTest {
    private final FxRobot robot = new FxRobot();
    private Application app;

    @Test
    void onlyDbAloneOpensTheWindow() {
        assertThat(Main.windowDatabase(new String[] {"--db", "/data/pairs"})).contains("/data/pairs");
        assertThat(Main.windowDatabase(new String[] {"--db=/data/pairs"})).contains("/data/pairs");
        assertThat(Main.windowDatabase(new String[] {"--db", "/data/pairs", "stats"}))
                .isEmpty();
        assertThat(Main.windowDatabase(new String[] {"stats", "--db", "/data/pairs"}))
                .isEmpty();
        assertThat(Main.windowDatabase(new String[] {"--db"})).isEmpty();
        assertThat(Main.windowDatabase(new String[] {"--db="})).isEqualTo(Optional.empty());
    }

    @Test
    void theWindowOpensTheNamedDatabaseAndAddsNoDemoData() throws Exception {
        Path home = Files.createTempDirectory("db-argument-home");
        System.setProperty("pairstudio.home", home.toString());
        Path named = home.resolve("elsewhere").resolve("curated");
        try (Database s = Databases.open(named.toString())) {
            s.addAll(new SyntheticPairs(7).list(5), null, Source.FILE, "five");
        }
        Stage stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(App.class, "--db=" + named + ".mv.db");

        waitFor(() -> stage.getTitle().contains("curated"));
        // the status bar's label joins the scene with its skin, at the first pulse after the title is set
        waitFor(() -> robot.lookup("#match-count")
                .tryQuery()
                .map(n -> ((Labeled) n).getText())
                .filter("5 pairs"::equals)
                .isPresent());
        assertThat(home.resolve("pairs.mv.db"))
                .as("the default database is left alone")
                .doesNotExist();
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        System.clearProperty("pairstudio.home");
    }

    private static void waitFor(Callable<Boolean> onFx) throws Exception {
        WaitForAsyncUtils.waitFor(
                60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(onFx).get(60, TimeUnit.SECONDS));
    }
}
