package dev.pairstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.ingest.AnalyzingEnricher;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.pair.Source;
import dev.pairstudio.store.Database;
import dev.pairstudio.testing.UiFixture;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What File › Open database relies on: a disposed window's background work stops, and the user's theme carries over. */
@ExtendWith(ApplicationExtension.class)
class WindowLifecycleTest {
    /** The synthetic pairs hold exact duplicates: grouping them marks some. */
    static final int PAIRS = 3_000;

    @RegisterExtension
    final UiFixture ui = new UiFixture();

    private Stage stage;
    private Database store;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        store = ui.database("lifecycle", db -> {});
    }

    /** A new window on the database, with the settings as the last window saved them. */
    private MainWindow show(FxRobot robot) {
        MainWindow[] shown = new MainWindow[1];
        robot.interact(() -> shown[0] = ui.window(stage, store, 1200, 800));
        return shown[0];
    }

    /**
     * File › Open database disposes the window right after the other database opened; the old one
     * closes next. Its catch-up (here: grouping pairs analysed elsewhere but never grouped) must
     * stop instead of going on with the database it leaves.
     */
    @Test
    void disposeStopsTheCatchUpOnTheDatabaseItLeaves(FxRobot robot) throws Exception {
        try (AnalyzingEnricher enricher = AnalyzingEnricher.forStore(store)) {
            enricher.addAll(store, new SyntheticPairs(12).list(PAIRS), Source.FILE, "t"); // analysed, not grouped
        }
        BackgroundJobs jobs = new BackgroundJobs();
        robot.interact(() -> ui.close(ui.window(stage, new MainWindow(store, jobs, ui.settings()), 1200, 800)));
        assertThat(jobs.finish(Duration.ofSeconds(120)))
                .as("the window's jobs end")
                .isTrue();
        // the job may have begun on its thread before dispose ran, and written some marks; what must not happen is that
        // it
        // goes on to finish the grouping for a window that is gone (without the fix it does, and records its digest)
        assertThat(store.setting("duplicates.grouped-digest"))
                .as("no grouping was finished for the closed window")
                .isEmpty();

        // the next window on the database does the grouping
        BackgroundJobs next = new BackgroundJobs();
        robot.interact(() -> ui.window(stage, new MainWindow(store, next, ui.settings()), 1200, 800));
        WaitForAsyncUtils.waitFor(
                120,
                TimeUnit.SECONDS,
                () -> store.setting("duplicates.grouped-digest").isPresent());
        assertThat(store.count(PairFilter.ALL.withFlags(Set.of(QualityFlag.DUPLICATE))))
                .isPositive();
    }

    @Test
    void theThemeIsSavedAndTheNextWindowOpensWithIt(FxRobot robot) throws Exception {
        window = show(robot);
        assertThat(Theme.isDark(window.root())).isFalse();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T).release(KeyCode.T, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Theme.isDark(window.root()))
                .as("the shortcut switched to dark")
                .isTrue();

        // File › Open database: the old window goes, a new one opens; here with the settings read back from disk
        robot.interact(() -> ui.close(window));
        window = show(robot);
        assertThat(Theme.isDark(window.root())).as("the new window is dark too").isTrue();

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T).release(KeyCode.T, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> ui.close(window));
        window = show(robot);
        assertThat(Theme.isDark(window.root())).as("and back to light").isFalse();
    }
}
